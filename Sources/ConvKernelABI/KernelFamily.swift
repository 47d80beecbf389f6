/// One set of micro-kernels, compiled for one kind of CPU: the tiles the convolutions and the
/// GEMM use, by role, and the FMA loop that measures the set's peak.
///
/// Swift has no per-function target attribute, so each set is a module of its own built with
/// its own `-target-cpu` (ConvKernelsSIMD16 for AVX-512, ConvKernelsSIMD8 for AVX2 + FMA,
/// ConvKernelsPortable for baseline x86-64), each exporting one `Family`. ConvCore's
/// `KernelSet` picks a family when the program starts and its code is generic over the family,
/// so every call into a kernel is a direct call of code compiled for the CPU that runs it.
public protocol KernelFamily {
    /// Tiles of up to `Narrow.nr` columns (few output channels), one B vector per step.
    associatedtype Narrow: MicroKernel
    /// The short tiles that finish an output row for `Narrow` (`ConvForwardKernel.split`).
    associatedtype NarrowShort: MicroKernel
    /// Tiles for wider outputs.
    associatedtype Wide: MicroKernel
    /// The short tiles that finish an output row for `Wide`.
    associatedtype WideShort: MicroKernel

    /// Floats per vector register.
    static var lanes: Int { get }
    /// `PixelTiledConv`'s tiles: `mr` output channels × `nr` pixels.
    static var pixelTiled: [any MicroKernel.Type] { get }
    /// `ChannelTiledWeightGradient`'s tiles: `mr` output channels × `nr` filter entries.
    static var channelTiled: [any MicroKernel.Type] { get }

    /// Calls `body.run(with: kernel)` with `kernel` as a static type, so the body is compiled
    /// (specialised) for each kernel of the set instead of calling the kernel through its
    /// protocol witness. Implementations are `@inlinable`, so the body is specialised in the
    /// caller's module.
    static func dispatch<Body: KernelGeneric>(_ kernel: any MicroKernel.Type, _ body: Body)

    /// Nanoseconds for `rounds` rounds of twelve independent multiply-adds on the set's vectors
    /// (`FMAChains`), compiled for the set's CPU.
    static func fmaNanoseconds(rounds: Int) -> UInt64
}

/// Code generic over a micro-kernel that is chosen at run time (`KernelFamily.dispatch`).
public protocol KernelGeneric {
    func run<K: MicroKernel>(with kernel: K.Type)
}
