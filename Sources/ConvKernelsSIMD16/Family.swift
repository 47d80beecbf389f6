import ConvKernelABI

/// The SIMD16 set, for AVX-512: tiles of `SIMD16<Float>` sized for its 32 zmm registers.
public enum Family: KernelFamily {
    public static let lanes = 16
    /// 14 FMA chains, one B vector per step, for up to 16 output channels.
    public typealias Narrow = Kernel14x16
    public typealias NarrowShort = Kernel8x16
    /// 16 accumulators and 2 B vectors. (12×32 would fit the 32 zmm on paper, but LLVM's
    /// schedule for znver4/5 spilled its accumulators every step.)
    public typealias Wide = Kernel8x32
    /// 8 FMA chains.
    public typealias WideShort = Kernel4x32
    public static let pixelTiled: [any MicroKernel.Type] = [
        Kernel8x32.self, Kernel6x32.self, Kernel4x32.self, Kernel8x48.self, Kernel3x48.self, Kernel4x64.self,
        Kernel2x64.self, Kernel1x128.self,
    ]
    public static let channelTiled: [any MicroKernel.Type] = [
        Kernel8x32.self, Kernel6x32.self, Kernel4x32.self, Kernel8x48.self, Kernel3x48.self, Kernel4x64.self,
    ]

    @inlinable
    public static func dispatch<Body: KernelGeneric>(_ kernel: any MicroKernel.Type, _ body: Body) {
        func run<K: MicroKernel>(_ k: K.Type) -> Bool {
            guard ObjectIdentifier(kernel) == ObjectIdentifier(k) else { return false }
            body.run(with: k)
            return true
        }
        if run(Kernel14x16.self) || run(Kernel8x16.self) || run(Kernel8x32.self) || run(Kernel6x32.self)
            || run(Kernel4x32.self) || run(Kernel8x48.self) || run(Kernel3x48.self) || run(Kernel4x64.self)
            || run(Kernel2x64.self) || run(Kernel1x128.self) { return }
        body.run(with: kernel)  // a kernel outside the set (none today): opened, unspecialised
    }

    public static func fmaNanoseconds(rounds: Int) -> UInt64 {
        FMAChains.nanoseconds(SIMD16<Float>.self, rounds: rounds, fused: true)
    }
}
