import ConvKernelABI
import ConvKernelsPortable
import ConvKernelsSIMD16
import ConvKernelsSIMD8
import Synchronization
import _CCPUID

/// The micro-kernel sets this build carries, one module each, compiled for a kind of CPU; the
/// convolutions and the GEMM run on the one chosen when cnnlab starts.
///
/// One x86-64 binary therefore runs on every x86-64 CPU and uses its widest vectors: `simd16`
/// (AVX-512's 32 zmm registers), `simd8` (AVX2 + FMA's 16 ymm) or `portable` (the SIMD8 tiles
/// compiled for baseline x86-64, a separate multiply and add). Running a set the CPU lacks
/// would stop the program with SIGILL at its first instruction, so `select` refuses one that
/// `supported` does not list. Everything outside the kernel modules is compiled for the
/// baseline CPU.
public enum KernelSet: String, CaseIterable, Sendable {
    case simd16, simd8, portable

    /// The sets this CPU can run, fastest first (CPUID, and the registers the OS saves).
    public static let supported: [KernelSet] = allCases.filter(\.runsHere)

    /// The fastest set this CPU runs: what `auto` means, and the set in use until `select`.
    public static var fastest: KernelSet { supported.first ?? .portable }

    /// The set the convolutions and the GEMM use now: the one `run(on:_:)` scopes, else the
    /// one `select` chose for the process, else `fastest`.
    public static var current: KernelSet { scoped ?? KernelSet(index: selected.load(ordering: .relaxed)) }

    /// Makes `set` the process's kernel set, or throws when this CPU cannot run it.
    public static func select(_ set: KernelSet) throws(KernelSetError) {
        guard set.runsHere else { throw KernelSetError(requested: set, supported: supported) }
        selected.store(set.index, ordering: .relaxed)
    }

    /// Runs `body` with `set` as the kernel set of this task (or thread) only, so tests can
    /// check every set side by side while other work keeps the process's set.
    public static func run<R, E: Error>(on set: KernelSet, _ body: () throws(E) -> R) throws -> R {
        guard set.runsHere else { throw KernelSetError(requested: set, supported: supported) }
        return try $scoped.withValue(set) { () throws(E) -> R in try body() }
    }

    /// Floats per vector register of the set.
    public var lanes: Int { family.lanes }

    /// What the set needs of the CPU, for messages: "AVX-512", "AVX2 and FMA", or nothing.
    public var requirement: String? {
        switch self {
        case .simd16: "AVX-512"
        case .simd8: "AVX2 and FMA"
        case .portable: nil
        }
    }

    /// Whether this CPU (and OS) can execute the set's instructions.
    var runsHere: Bool {
        #if arch(x86_64)
        switch self {
        case .simd16: cnn_cpu_has_avx512() != 0
        case .simd8: cnn_cpu_has_avx2_fma() != 0
        case .portable: true
        }
        #else
        // Elsewhere (aarch64) the kernel modules are compiled for the target's baseline, which
        // has fused multiply-adds on 4-float vectors: SIMD8 and the portable set both run.
        self != .simd16
        #endif
    }

    /// The set's module.
    var family: any KernelFamily.Type {
        switch self {
        case .simd16: ConvKernelsSIMD16.Family.self
        case .simd8: ConvKernelsSIMD8.Family.self
        case .portable: ConvKernelsPortable.Family.self
        }
    }

    /// The process's set, as `index`.
    private static let selected = Atomic<Int>(fastest.index)

    /// The set as a number an `Atomic` holds. (Not `allCases`' index: a debug build makes
    /// that array anew on every read, and `current` is read in the training step, which must
    /// not allocate.)
    private var index: Int {
        switch self {
        case .simd16: 0
        case .simd8: 1
        case .portable: 2
        }
    }

    private init(index: Int) {
        switch index {
        case 0: self = .simd16
        case 1: self = .simd8
        default: self = .portable
        }
    }
    @TaskLocal private static var scoped: KernelSet?
}

/// A kernel set was asked for that this CPU cannot run.
public struct KernelSetError: Error, Equatable {
    /// The set asked for.
    public var requested: KernelSet
    /// What this CPU runs instead, fastest first.
    public var supported: [KernelSet]
}

/// Code generic over the kernel family in use (`KernelSet.withFamily`).
protocol FamilyGeneric {
    func run<F: KernelFamily>(_ family: F.Type)
}

extension KernelSet {
    /// Calls `body.run` with the current set's family as a static type, so the body is
    /// specialised for each family and calls its kernels directly.
    static func withFamily<Body: FamilyGeneric>(_ body: Body) {
        switch current {
        case .simd16: body.run(ConvKernelsSIMD16.Family.self)
        case .simd8: body.run(ConvKernelsSIMD8.Family.self)
        case .portable: body.run(ConvKernelsPortable.Family.self)
        }
    }

    /// Calls `body.run(with: kernel)` with `kernel`, one of the current set's kernels, as a
    /// static type (`KernelFamily.dispatch`).
    static func dispatch<Body: KernelGeneric>(_ kernel: any MicroKernel.Type, _ body: Body) {
        switch current {
        case .simd16: ConvKernelsSIMD16.Family.dispatch(kernel, body)
        case .simd8: ConvKernelsSIMD8.Family.dispatch(kernel, body)
        case .portable: ConvKernelsPortable.Family.dispatch(kernel, body)
        }
    }

    /// Every kernel of the set.
    var all: [any MicroKernel.Type] {
        let f = family
        return [f.narrow, f.narrowShort, f.wide, f.wideShort] + f.pixelTiled + f.channelTiled
    }

    /// FMA chains needed to keep both FMA pipes busy through the 4-cycle latency: a kernel with
    /// fewer accumulators runs proportionally slower.
    static let latencyChains = 8

    /// Largest `mr` of any kernel, in any set, that reads its A rows out of a `PaddedImage`
    /// (the direct convolution and `ConvBackwardKernel`'s weight gradient): the buffer's slack
    /// must suit whichever set runs.
    static let maxPaddedImageRows = allCases.map { s in
        let f = s.family
        return max(f.narrow.mr, f.narrowShort.mr, f.wide.mr, f.wideShort.mr)
    }.max() ?? 1

    /// Largest `nr` of any kernel, in any set, that reads its B columns out of a `PaddedImage`
    /// (`ChannelTiledWeightGradient`).
    static let maxPaddedImageColumns = allCases.flatMap { $0.family.channelTiled.map { $0.nr } }.max() ?? 16
}

extension KernelFamily {
    /// The family's kernels by role, as values (an existential family has no static types).
    static var narrow: any MicroKernel.Type { Narrow.self }
    static var narrowShort: any MicroKernel.Type { NarrowShort.self }
    static var wide: any MicroKernel.Type { Wide.self }
    static var wideShort: any MicroKernel.Type { WideShort.self }
}
