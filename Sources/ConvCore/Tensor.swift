/// A dense Float32 tensor in row-major (C) order.
///
/// Activations follow the lecture's NHWC layout, `m × n_H × n_W × n_c`; conv weights are
/// `f × f × n_c[l-1] × n_c[l]`; biases `1 × 1 × 1 × n_c[l]`. The type itself knows nothing of
/// layouts: it is a shape and a flat buffer, so any rank from 0 (a scalar) upward works.
public struct Tensor: Equatable, Sendable {
    /// Extent of each dimension, outermost first. Every extent is at least 1.
    public internal(set) var shape: [Int]
    /// The elements, last dimension varying fastest. Set only inside ConvCore, which keeps the
    /// count equal to the shape's; elsewhere a new tensor comes from `init(shape:storage:)`.
    public internal(set) var storage: [Float]

    /// A tensor of `shape` filled with `value`.
    /// - Throws: `TensorError.invalidShape` if a dimension is < 1 or the count overflows.
    public init(shape: [Int], repeating value: Float = 0) throws(TensorError) {
        let count = try Tensor.checkedCount(shape)
        self.shape = shape
        self.storage = [Float](repeating: value, count: count)
    }

    /// A tensor of `shape` over existing elements.
    /// - Throws: if the shape is invalid or `storage.count` does not match it.
    public init(shape: [Int], storage: [Float]) throws(TensorError) {
        let count = try Tensor.checkedCount(shape)
        guard count == storage.count else { throw .storageMismatch(shape: shape, count: storage.count) }
        self.shape = shape
        self.storage = storage
    }

    /// Internal initialiser for shapes already known to be valid (results of kernels).
    @usableFromInline
    init(validShape shape: [Int], storage: [Float]) {
        self.shape = shape
        self.storage = storage
    }

    /// A rank-0 tensor holding one number.
    public init(scalar: Float) {
        self.shape = []
        self.storage = [scalar]
    }

    /// The number of elements, or `nil` if a dimension is < 1 or the product overflows `Int`.
    public static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for d in shape {
            guard d >= 1 else { return nil }
            let (p, overflow) = count.multipliedReportingOverflow(by: d)
            if overflow { return nil }
            count = p
        }
        return count
    }

    /// The largest tensor cnnlab allocates: 2^28 elements (1 GiB of Float32). Larger shapes
    /// are refused with `TensorError.tooLarge` instead of exhausting memory.
    public static let maxElementCount = 1 << 28

    /// The element count of `shape`, checked for validity and against `maxElementCount`.
    public static func checkedCount(_ shape: [Int]) throws(TensorError) -> Int {
        guard let count = elementCount(shape) else {
            throw shape.allSatisfy({ $0 >= 1 }) ? .tooLarge(shape: shape, limit: maxElementCount) : .invalidShape(shape)
        }
        guard count <= maxElementCount else { throw .tooLarge(shape: shape, limit: maxElementCount) }
        return count
    }

    /// Number of dimensions.
    @inlinable public var rank: Int { shape.count }
    /// Number of elements.
    @inlinable public var count: Int { storage.count }

    /// Row-major strides in elements.
    public var strides: [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            acc &*= shape[i]
        }
        return s
    }

    /// The flat offset of `index`, or `nil` if it is outside the tensor.
    /// Negative indices count from the end, as in numpy.
    public func offset(of index: [Int]) -> Int? {
        guard index.count == shape.count else { return nil }
        var off = 0
        var step = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            var k = index[i]
            if k < 0 { k += shape[i] }
            guard k >= 0, k < shape[i] else { return nil }
            off += k * step
            step *= shape[i]
        }
        return off
    }

    /// The element at `index` (negative indices count from the end).
    /// - Throws: `TensorError.indexOutOfRange` for a bad index.
    public func element(at index: [Int]) throws(TensorError) -> Float {
        guard let o = offset(of: index) else { throw .indexOutOfRange(index: index, shape: shape) }
        return storage[o]
    }

    /// The same elements under another shape with the same count.
    public func reshaped(_ newShape: [Int]) throws(TensorError) -> Tensor {
        try Tensor(shape: newShape, storage: storage)
    }

    /// Applies `transform` to every element.
    @inlinable
    public func map(_ transform: (Float) -> Float) -> Tensor {
        Tensor(validShape: shape, storage: storage.map(transform))
    }
}
