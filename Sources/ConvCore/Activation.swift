#if canImport(Glibc)
import Glibc  // libm: exp, log, tanh, pow
#elseif canImport(Darwin)
import Darwin  // libm: exp, log, tanh, pow
#endif

/// Element-wise non-linearities applied after a conv or fully connected layer
/// (the lecture's `a[l] = g(z[l])`).
public enum Activation: String, Sendable, CaseIterable {
    /// `max(0, z)` (NaN stays NaN); its derivative is taken as 0 at `z = 0`.
    case relu
    /// `1 / (1 + e^−z)`, computed so large `|z|` neither overflows nor produces NaN.
    case sigmoid
    /// The hyperbolic tangent.
    case tanh

    /// `g(z)`, element by element; the shape is unchanged.
    public func forward(_ z: Tensor) -> Tensor {
        var a = Tensor.placeholder
        forward(z, into: &a)
        return a
    }

    /// `forward`, writing into `a` (its storage reused when it already has `z`'s shape); large
    /// tensors are split over `threads` threads.
    public func forward(_ z: Tensor, threads: Int = 1, into a: inout Tensor) {
        a.prepare(like: z, zeroed: false)
        z.storage.withUnsafeBufferPointer { z in
            a.storage.withUnsafeMutableBufferPointer { a in
                parallelFor(0..<a.count, threads: threads, grain: elementGrain(a.count, threads: threads),
                            Forward(activation: self, z: z, a: a))
            }
        }
    }

    /// `dZ = dA · g′(z)` given the forward input `z` (recomputing `g(z)` where the derivative
    /// needs it, so callers keep only the pre-activation).
    /// - Throws: `shapeMismatch` if `dA` and `z` differ in shape.
    public func backward(_ dA: Tensor, input z: Tensor) throws(TensorError) -> Tensor {
        var dZ = Tensor.placeholder
        try backward(dA, input: z, into: &dZ)
        return dZ
    }

    /// `backward`, writing into `dZ` (its storage reused when it already has `z`'s shape); large
    /// tensors are split over `threads` threads.
    /// - Throws: as `backward`; `dZ` is unchanged then.
    public func backward(_ dA: Tensor, input z: Tensor, threads: Int = 1, into dZ: inout Tensor) throws(TensorError) {
        guard dA.shape == z.shape else {
            throw .shapeMismatch(operation: "\(rawValue) backward", lhs: dA.shape, rhs: z.shape)
        }
        dZ.prepare(like: z, zeroed: false)
        z.storage.withUnsafeBufferPointer { z in
            dA.storage.withUnsafeBufferPointer { g in
                dZ.storage.withUnsafeMutableBufferPointer { d in
                    parallelFor(0..<d.count, threads: threads, grain: elementGrain(d.count, threads: threads),
                                Backward(activation: self, z: z, dA: g, dZ: d))
                }
            }
        }
    }

    /// The logistic function; for negative `z` it uses `e^z / (1 + e^z)` so `e^−z` cannot overflow.
    @inline(__always)
    private static func sigmoid(_ z: Float) -> Float {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }

    /// `a = g(z)` over the chunks of a `parallelFor` loop.
    private struct Forward: ParallelWork {
        let activation: Activation
        let z: UnsafeBufferPointer<Float>
        let a: UnsafeMutableBufferPointer<Float>

        func run(_ chunks: ChunkQueue) {
            while let range = chunks.next() {
                switch activation {
                case .relu:
                    for i in range { a[i] = z[i] < 0 ? 0 : z[i] } // NaN passes through, as in numpy
                case .sigmoid:
                    for i in range { a[i] = Activation.sigmoid(z[i]) }
                case .tanh:
                    for i in range { a[i] = Glibc.tanh(z[i]) }
                }
            }
        }
    }

    /// `dZ = dA · g′(z)` over the chunks of a `parallelFor` loop.
    private struct Backward: ParallelWork {
        let activation: Activation
        let z: UnsafeBufferPointer<Float>
        let dA: UnsafeBufferPointer<Float>
        let dZ: UnsafeMutableBufferPointer<Float>

        func run(_ chunks: ChunkQueue) {
            while let range = chunks.next() {
                switch activation {
                case .relu:
                    for i in range { dZ[i] = z[i] > 0 ? dA[i] : 0 }
                case .sigmoid:
                    for i in range {
                        let s = Activation.sigmoid(z[i])
                        dZ[i] = dA[i] * (s * (1 - s))
                    }
                case .tanh:
                    for i in range {
                        let t = Glibc.tanh(z[i])
                        dZ[i] = dA[i] * (1 - t * t)
                    }
                }
            }
        }
    }
}
