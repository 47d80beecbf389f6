/// Output tensors that are written in place, so a loop that computes the same shapes again and
/// again (a training step) reuses their storage instead of allocating new arrays.
///
/// The `into:` variants of the layers take their output as `inout Tensor` and call `prepare`:
/// when the tensor already has the right shape its storage is kept (and overwritten); otherwise
/// it is replaced. The storage must not be shared with another tensor, or the first write copies
/// it (Swift's copy-on-write), which is correct but allocates.
extension Tensor {
    /// A tensor with no elements and no storage, to stand in for an output until it is computed
    /// (swapping it in and out never allocates). Its shape `[]` with zero elements is not a valid
    /// tensor: give it a shape with `prepare` before reading it.
    public static var placeholder: Tensor { Tensor(validShape: [], storage: []) }

    /// Makes this tensor `d0 × d1 × d2 × d3`, keeping its storage when the shape already matches.
    /// Contents are unspecified afterwards unless `zeroed`, so without `zeroed` the caller must
    /// write every element. The caller has checked the sizes.
    @usableFromInline
    mutating func prepare(_ d0: Int, _ d1: Int, _ d2: Int, _ d3: Int, zeroed: Bool) {
        if !(shape.count == 4 && shape[0] == d0 && shape[1] == d1 && shape[2] == d2 && shape[3] == d3) {
            reset([d0, d1, d2, d3], count: d0 &* d1 &* d2 &* d3, zeroed: zeroed)
        } else if zeroed {
            zero()
        }
    }

    /// Makes this tensor `d0 × d1`, keeping its storage when the shape already matches.
    @usableFromInline
    mutating func prepare(_ d0: Int, _ d1: Int, zeroed: Bool) {
        if !(shape.count == 2 && shape[0] == d0 && shape[1] == d1) {
            reset([d0, d1], count: d0 &* d1, zeroed: zeroed)
        } else if zeroed {
            zero()
        }
    }

    /// Gives this tensor `other`'s shape, keeping its storage when the shapes already match.
    @usableFromInline
    mutating func prepare(like other: Tensor, zeroed: Bool) {
        // The count matters too: a placeholder and a scalar share the shape `[]`.
        if shape != other.shape || storage.count != other.count {
            reset(other.shape, count: other.count, zeroed: zeroed)
        } else if zeroed {
            zero()
        }
    }

    /// Whether the shape is exactly `d0 × d1 × d2 × d3` (compared without building an array).
    @usableFromInline
    func hasShape(_ d0: Int, _ d1: Int, _ d2: Int, _ d3: Int) -> Bool {
        shape.count == 4 && shape[0] == d0 && shape[1] == d1 && shape[2] == d2 && shape[3] == d3
    }

    /// Whether the shape is exactly `d0 × d1`.
    @usableFromInline
    func hasShape(_ d0: Int, _ d1: Int) -> Bool {
        shape.count == 2 && shape[0] == d0 && shape[1] == d1
    }

    /// `d0 · d1 · d2 · d3`, or nil if it overflows (no array is built, unlike `elementCount(_:)`).
    @usableFromInline
    static func elementCount(_ d0: Int, _ d1: Int, _ d2: Int, _ d3: Int) -> Int? {
        let (a, o1) = d0.multipliedReportingOverflow(by: d1)
        let (b, o2) = a.multipliedReportingOverflow(by: d2)
        let (c, o3) = b.multipliedReportingOverflow(by: d3)
        return o1 || o2 || o3 ? nil : c
    }

    /// New storage for `newShape`: zeroed, or left as the allocator returns it when the caller
    /// overwrites every element anyway (zeroing a large output cost a serial pass per call).
    private mutating func reset(_ newShape: [Int], count: Int, zeroed: Bool) {
        shape = newShape
        storage = zeroed
            ? [Float](repeating: 0, count: count)
            : [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    private mutating func zero() {
        storage.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}
