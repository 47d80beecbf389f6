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

    /// `forward`, copying into `out` (its storage reused when it already is `(m, d1·d2·...)`), so
    /// that `out` owns its elements and can be written in place later.
    /// - Throws: as `forward`; `out` is unchanged then.
    public static func forward(_ x: Tensor, into out: inout Tensor) throws(TensorError) {
        guard x.rank >= 1 else {
            throw .rankMismatch(operation: "flatten", expected: "(m, ...)", got: x.shape)
        }
        let m = x.shape[0]
        out.prepare(m, x.count / m, zeroed: false)
        copy(x, into: &out)
    }

    /// The gradient of `forward`: `dY` `(m, d1·d2·...)` back in the input's shape, copied into
    /// `dX` (its storage reused when it already has `x`'s shape).
    /// - Throws: `storageMismatch` if `dY` does not have `x`'s element count; `dX` is unchanged then.
    public static func backward(_ dY: Tensor, like x: Tensor, into dX: inout Tensor) throws(TensorError) {
        guard dY.count == x.count else { throw .storageMismatch(shape: x.shape, count: dY.count) }
        dX.prepare(like: x, zeroed: false)
        copy(dY, into: &dX)
    }

    /// Copies the elements of `source` into `target`, which has as many.
    private static func copy(_ source: Tensor, into target: inout Tensor) {
        source.storage.withUnsafeBufferPointer { s in
            target.storage.withUnsafeMutableBufferPointer { t in _ = t.update(fromContentsOf: s) }
        }
    }
}
