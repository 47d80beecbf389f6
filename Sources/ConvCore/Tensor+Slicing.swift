/// One position of a numpy-style index.
public enum TensorIndex: Sendable, Equatable {
    /// A single position (negative counts from the end); the dimension is dropped.
    case at(Int)
    /// `start:stop` (either may be nil; negatives count from the end; out-of-range ends are
    /// clamped as numpy does); the dimension is kept.
    case range(Int?, Int?)
}

extension Tensor {
    /// `self[indices]` with numpy's basic indexing: missing trailing indices select everything.
    /// All `.at` indices give a rank-0 tensor.
    /// - Throws: `indexOutOfRange` for a position outside its dimension or too many indices;
    ///   `invalidShape` for an empty slice (cnnlab tensors have no zero-length dimensions).
    public func sliced(_ indices: [TensorIndex]) throws(TensorError) -> Tensor {
        let (ranges, keep) = try selection(indices)
        let outShape = zip(ranges, keep).filter { $0.1 }.map { $0.0.count }
        var out: [Float] = []
        out.reserveCapacity(ranges.reduce(1) { $0 * $1.count })
        let st = strides
        func copy(_ d: Int, _ offset: Int) {
            if d == rank {
                out.append(storage[offset])
                return
            }
            for i in ranges[d] { copy(d + 1, offset + i * st[d]) }
        }
        copy(0, 0)
        return Tensor(validShape: outShape, storage: out)
    }

    /// The shape `sliced(indices)` has, found without copying anything (so a caller can tell
    /// how much memory the slice takes before making it).
    /// - Throws: as `sliced`.
    public func slicedShape(_ indices: [TensorIndex]) throws(TensorError) -> [Int] {
        let (ranges, keep) = try selection(indices)
        return zip(ranges, keep).filter { $0.1 }.map { $0.0.count }
    }

    /// The positions `indices` select along each dimension, and whether it is kept.
    private func selection(_ indices: [TensorIndex]) throws(TensorError) -> ([Range<Int>], [Bool]) {
        guard indices.count <= rank else { throw .indexOutOfRange(index: indices.map { _ in 0 }, shape: shape) }
        var ranges: [Range<Int>] = []
        var keep: [Bool] = []
        for d in 0..<rank {
            let n = shape[d]
            let index = d < indices.count ? indices[d] : .range(nil, nil)
            switch index {
            case .at(let i):
                let k = i < 0 ? i + n : i
                guard k >= 0, k < n else { throw .indexOutOfRange(index: [i], shape: shape) }
                ranges.append(k..<(k + 1))
                keep.append(false)
            case .range(let a, let b):
                func clamp(_ v: Int?, _ fallback: Int) -> Int {
                    guard let v else { return fallback }
                    return Swift.min(Swift.max(v < 0 ? v + n : v, 0), n)
                }
                let lo = clamp(a, 0), hi = clamp(b, n)
                guard lo < hi else { throw .invalidShape(shape.enumerated().map { $0.offset == d ? 0 : $0.element }) }
                ranges.append(lo..<hi)
                keep.append(true)
            }
        }
        return (ranges, keep)
    }
}
