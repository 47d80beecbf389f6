/// The portable set's multiply-add: baseline x86-64 has no FMA instruction, so the kernels'
/// `addProduct` (the standard library's, fused) would become a `fmaf` call per lane. This one,
/// declared in the module, shadows it for the shared kernel sources: a multiply and an add,
/// rounded twice, in SSE registers.
extension SIMD8 where Scalar == Float {
    @inline(__always) mutating func addProduct(_ a: Float, _ b: SIMD8<Float>) { self += a * b }
}
