/// Eight floats, the vector the copy and sum loops around the kernels use (two SSE registers in
/// this baseline-compiled module; the kernel modules have their own, for their CPU).
typealias Vector8 = SIMD8<Float>

extension UnsafePointer<Float> {
    @inline(__always) func vector8(_ offset: Int) -> Vector8 {
        UnsafeRawPointer(self + offset).loadUnaligned(as: Vector8.self)
    }
}
