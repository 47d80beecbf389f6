extension Tensor {
    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) throws(TensorError) -> Tensor {
        try Tensor(shape: shape, repeating: 0)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) throws(TensorError) -> Tensor {
        try Tensor(shape: shape, repeating: 1)
    }

    /// A tensor whose elements are produced by `generate` in storage order.
    public static func generated(_ shape: [Int], _ generate: () -> Float) throws(TensorError) -> Tensor {
        let count = try Tensor.checkedCount(shape)
        var s = [Float]()
        s.reserveCapacity(count)
        for _ in 0..<count { s.append(generate()) }
        return Tensor(validShape: shape, storage: s)
    }
}
