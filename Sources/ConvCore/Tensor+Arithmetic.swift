/// Element-wise arithmetic with numpy's broadcasting rules.
public enum ElementwiseOperator: Character, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "·"
    case divide = "/"

    @inlinable
    func apply(_ a: Float, _ b: Float) -> Float {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        }
    }
}

extension Tensor {
    /// The shape two operands broadcast to, as numpy does: align trailing dimensions; each pair
    /// must be equal or contain a 1. Nil when they do not broadcast.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard da == db || da == 1 || db == 1 else { return nil }
            result[i] = max(da, db)
        }
        return result
    }

    /// `self op other`, element by element, broadcasting as numpy does.
    public func combined(with other: Tensor, _ op: ElementwiseOperator) throws(TensorError) -> Tensor {
        if shape == other.shape {
            var out = storage
            other.storage.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<o.count { o[i] = op.apply(o[i], b[i]) }
                }
            }
            return Tensor(validShape: shape, storage: out)
        }
        guard let target = Tensor.broadcastShape(shape, other.shape) else {
            throw .shapeMismatch(operation: String(op.rawValue), lhs: shape, rhs: other.shape)
        }
        let count = try Tensor.checkedCount(target)
        let sa = broadcastStrides(of: shape, to: target)
        let sb = broadcastStrides(of: other.shape, to: target)
        var out = [Float](repeating: 0, count: count)
        var index = [Int](repeating: 0, count: target.count)
        var oa = 0, ob = 0
        for i in 0..<count {
            out[i] = op.apply(storage[oa], other.storage[ob])
            // Advance the multi-index like an odometer, updating both offsets.
            var d = target.count - 1
            while d >= 0 {
                index[d] += 1
                oa += sa[d]
                ob += sb[d]
                if index[d] < target[d] { break }
                oa -= sa[d] * target[d]
                ob -= sb[d] * target[d]
                index[d] = 0
                d -= 1
            }
        }
        return Tensor(validShape: target, storage: out)
    }

    /// Strides of `shape` viewed as `target` (0 along broadcast dimensions).
    private func broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: target.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            let t = i + (target.count - shape.count)
            strides[t] = shape[i] == 1 ? 0 : acc
            acc *= shape[i]
        }
        return strides
    }
}
