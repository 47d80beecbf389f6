/// Turns a batch of feature maps into a batch of vectors before the fully connected layers
/// (the lecture's 7×7×40 → 1960). Row-major order, so an NHWC map flattens as numpy's
/// `A.reshape(m, -1)` does.
public enum Flatten {
    /// `(m, d1, d2, ...)` → `(m, d1·d2·...)`; a rank-1 `(m)` becomes `(m, 1)`.
    /// - Throws: `rankMismatch` for a scalar (rank 0), which has no batch dimension.
    public static func forward(_ x: Tensor) throws(TensorError) -> Tensor {
        guard let m = x.shape.first else {
            throw .rankMismatch(operation: "flatten", expected: "(m, ...)", got: x.shape)
        }
        return Tensor(validShape: [m, x.count / m], storage: x.storage)
    }
}
