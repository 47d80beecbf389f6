import ConvKernelABI

/// The SIMD8 set: tiles of `SIMD8<Float>` sized for AVX2's 16 ymm registers. ConvKernelsSIMD8
/// compiles it for AVX2 + FMA; ConvKernelsPortable compiles the same files for baseline x86-64
/// (or any other CPU), with `CNNLAB_UNFUSED` defined: a multiply and an add instead of each
/// fused multiply-add, which baseline x86-64 lacks (`UnfusedProduct.swift`).
public enum Family: KernelFamily {
    public static let lanes = 8
    /// 12 FMA chains, one B vector per step, for up to 8 output channels.
    public typealias Narrow = Kernel12x8
    /// Its rows are cheap: no shorter tile.
    public typealias NarrowShort = Kernel12x8
    /// 12 accumulators, 2 B vectors and a broadcast of the 16 ymm.
    public typealias Wide = Kernel6x16
    /// 8 FMA chains, just enough to cover the FMA latency (measured alone at 85–90% of
    /// `Kernel6x16`'s rate).
    public typealias WideShort = Kernel4x16
    public static let pixelTiled: [any MicroKernel.Type] = [
        Kernel6x16.self, Kernel4x16.self, Kernel2x32.self, Kernel3x24.self, Kernel1x32.self,
    ]
    public static let channelTiled: [any MicroKernel.Type] = [
        Kernel6x16.self, Kernel4x16.self, Kernel2x32.self, Kernel3x24.self,
    ]

    @inlinable
    public static func dispatch<Body: KernelGeneric>(_ kernel: any MicroKernel.Type, _ body: Body) {
        func run<K: MicroKernel>(_ k: K.Type) -> Bool {
            guard ObjectIdentifier(kernel) == ObjectIdentifier(k) else { return false }
            body.run(with: k)
            return true
        }
        if run(Kernel12x8.self) || run(Kernel6x16.self) || run(Kernel4x16.self) || run(Kernel2x32.self)
            || run(Kernel3x24.self) || run(Kernel1x32.self) { return }
        body.run(with: kernel)  // a kernel outside the set (none today): opened, unspecialised
    }

    public static func fmaNanoseconds(rounds: Int) -> UInt64 {
        #if CNNLAB_UNFUSED
        FMAChains.nanoseconds(SIMD8<Float>.self, rounds: rounds, fused: false)
        #else
        FMAChains.nanoseconds(SIMD8<Float>.self, rounds: rounds, fused: true)
        #endif
    }
}
