/// The micro-kernels the convolutions and the GEMM use, by role, for the vector width this build
/// was compiled for.
///
/// Release builds are compiled for the host CPU (`-target-cpu native`), so the width is a
/// build-time choice too: Package.swift defines `CNNLAB_SIMD16` when the building machine has
/// AVX-512 (or when `CNNLAB_SIMD16=1` is set), and the kernels are then `SIMD16<Float>` tiles
/// sized for its 32 zmm registers; otherwise `SIMD8<Float>` tiles for the 16 ymm registers of
/// AVX2. Both sets compute the same tiles (`MicroKernel`), so every caller works with either;
/// only the tile shapes and the paths' lane arithmetic (`lanes`) differ.
public enum KernelSet {
    #if CNNLAB_SIMD16
    /// Floats per vector register (`cnnlab bench` reports it).
    public static let lanes = 16
    /// Tiles of up to 16 columns (`n_c ≤ 16`): 14 FMA chains, one B vector per step.
    typealias Narrow = Kernel14x16
    /// The short tiles that finish an output row for `Narrow` (`ConvForwardKernel.split`).
    typealias NarrowShort = Kernel8x16
    /// Tiles of 32 columns: 16 accumulators and 2 B vectors. (12×32 would fit the 32 zmm on
    /// paper, but LLVM's schedule for znver4/5 spilled its accumulators every step.)
    typealias Wide = Kernel8x32
    /// The short tiles that finish an output row for `Wide`: 8 FMA chains.
    typealias WideShort = Kernel4x32
    /// `PixelTiledConv`'s tiles: `mr` output channels × `nr` pixels.
    static let pixelTiled: [any MicroKernel.Type] = [
        Kernel8x32.self, Kernel6x32.self, Kernel4x32.self, Kernel8x48.self, Kernel3x48.self, Kernel4x64.self,
        Kernel2x64.self, Kernel1x128.self,
    ]
    /// `ChannelTiledWeightGradient`'s tiles: `mr` output channels × `nr` filter entries.
    static let channelTiled: [any MicroKernel.Type] = [
        Kernel8x32.self, Kernel6x32.self, Kernel4x32.self, Kernel8x48.self, Kernel3x48.self, Kernel4x64.self,
    ]
    #else
    /// Floats per vector register (`cnnlab bench` reports it).
    public static let lanes = 8
    /// Tiles of up to 8 columns (`n_c ≤ 8`): 12 FMA chains, one B vector per step.
    typealias Narrow = Kernel12x8
    /// The short tiles that finish an output row for `Narrow`: itself (its rows are cheap).
    typealias NarrowShort = Kernel12x8
    /// Tiles of 16 columns: 12 accumulators, 2 B vectors and a broadcast of the 16 ymm.
    typealias Wide = Kernel6x16
    /// The short tiles that finish an output row for `Wide`: 8 FMA chains, just enough to
    /// cover the FMA latency (measured alone at 85–90% of `Kernel6x16`'s rate).
    typealias WideShort = Kernel4x16
    /// `PixelTiledConv`'s tiles: `mr` output channels × `nr` pixels.
    static let pixelTiled: [any MicroKernel.Type] = [
        Kernel6x16.self, Kernel4x16.self, Kernel2x32.self, Kernel3x24.self, Kernel1x32.self,
    ]
    /// `ChannelTiledWeightGradient`'s tiles: `mr` output channels × `nr` filter entries.
    static let channelTiled: [any MicroKernel.Type] = [
        Kernel6x16.self, Kernel4x16.self, Kernel2x32.self, Kernel3x24.self,
    ]
    #endif

    /// Every kernel of the set.
    static let all: [any MicroKernel.Type] =
        [Narrow.self, NarrowShort.self, Wide.self, WideShort.self] + pixelTiled + channelTiled

    /// Largest `mr` of any kernel that reads its A rows out of a `PaddedImage` (the direct
    /// convolution and `ConvBackwardKernel`'s weight gradient).
    static let maxPaddedImageRows = max(Narrow.mr, NarrowShort.mr, Wide.mr, WideShort.mr)

    /// Largest `nr` of any kernel that reads its B columns out of a `PaddedImage`
    /// (`ChannelTiledWeightGradient`).
    static let maxPaddedImageColumns = channelTiled.map { $0.nr }.max() ?? lanes

    /// FMA chains needed to keep both FMA pipes busy through the 4-cycle latency: a kernel with
    /// fewer accumulators runs proportionally slower.
    static let latencyChains = 8
}

/// Code generic over a micro-kernel that is chosen at run time (`KernelSet.dispatch`).
protocol KernelGeneric {
    func run<K: MicroKernel>(with kernel: K.Type)
}

extension KernelSet {
    /// Calls `body.run(with: kernel)` with `kernel` as a static type, so the body is compiled
    /// (specialised) for each kernel of the set instead of calling the kernel through its
    /// protocol witness: an opened existential is unspecialised code, slower around each kernel
    /// call, and a closure formed in it has to carry the type in a heap box.
    static func dispatch<Body: KernelGeneric>(_ kernel: any MicroKernel.Type, _ body: Body) {
        func run<K: MicroKernel>(_ k: K.Type) -> Bool {
            guard ObjectIdentifier(kernel) == ObjectIdentifier(k) else { return false }
            body.run(with: k)
            return true
        }
        #if CNNLAB_SIMD16
        if run(Kernel14x16.self) || run(Kernel8x16.self) || run(Kernel8x32.self) || run(Kernel6x32.self)
            || run(Kernel4x32.self) || run(Kernel8x48.self) || run(Kernel3x48.self) || run(Kernel4x64.self)
            || run(Kernel2x64.self) || run(Kernel1x128.self) { return }
        #else
        if run(Kernel12x8.self) || run(Kernel6x16.self) || run(Kernel4x16.self) || run(Kernel2x32.self)
            || run(Kernel3x24.self) || run(Kernel1x32.self) { return }
        #endif
        body.run(with: kernel)  // a kernel outside the set (none today): opened, unspecialised
    }
}
