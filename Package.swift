// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Release builds are optimised without overflow checks in the numeric core and the engine
/// (`-Ounchecked`); debug builds keep every check so tests catch index errors. `CNNLAB_CHECKED=1`
/// keeps the checks in the release build too (`-O`): the fuzz targets are built so
/// (`scripts/fuzz.sh`), fast and still trapping on the overflows and out-of-range indices they
/// look for. Everything is compiled for the target's baseline CPU, so one x86-64 binary runs on
/// every x86-64 machine, except the kernel modules below.
let checked = ProcessInfo.processInfo.environment["CNNLAB_CHECKED"] == "1"
let fastMath: [SwiftSetting] = [.unsafeFlags([checked ? "-O" : "-Ounchecked"], .when(configuration: .release))]

/// The micro-kernel sets, one module each (Swift has no per-function target attribute): the
/// same generated sources compiled for AVX-512 (`skylake-avx512`: F, CD, BW, DQ and VL, which
/// every AVX-512 CPU has), for AVX2 + FMA (`haswell`) and for baseline x86-64 without fused
/// multiply-adds. The AVX-512 set is scheduled for Zen 4 (`-mtune`, which changes no instruction):
/// its tiles were sized against that schedule, and with Skylake's LLVM spilled 8x48's strips
/// (`scripts/codegen/check_spills.py`). ConvCore's `KernelSet` picks the fastest the running CPU has (CPUID), in
/// every configuration, so the debug tests run the real instructions too. ConvKernelsPortable
/// holds symbolic links to ConvKernelsSIMD8's files plus its own unfused multiply-add. On
/// another architecture (aarch64) every set is compiled for its baseline.
func kernelSettings(cpu: String, tune: String? = nil, defines: [String] = []) -> [SwiftSetting] {
    #if arch(x86_64)
    let target: [SwiftSetting] = [.unsafeFlags(["-target-cpu", cpu] + (tune.map { ["-Xcc", "-mtune=" + $0] } ?? []))]
    #else
    let target: [SwiftSetting] = []
    #endif
    return target + fastMath + defines.map { .define($0) }
}

let package = Package(
    name: "cnnlab",
    // macOS 15: the Synchronization module's Atomic (the worker pool, Ctrl-C) needs it.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cnnlab", targets: ["cnnlab"]),
        .library(name: "ConvCore", targets: ["ConvCore"]),
        .library(name: "CNNLabEngine", targets: ["CNNLabEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The C libraries, each behind a small system-library target (headers in /usr/include on
        // Debian). Curses and readline are also looked up with pkg-config, which is how SwiftPM
        // finds Homebrew's keg-only copies on macOS (export PKG_CONFIG_PATH as scripts/setup.sh says).
        .systemLibrary(
            name: "_CReadline", pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"]), .yum(["readline-devel"]), .brew(["readline"])]),
        .systemLibrary(
            name: "_CCurses", pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"]), .yum(["ncurses-devel"]), .brew(["ncurses"])]),
        .systemLibrary(name: "_CPNG", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "_CJPEG", providers: [.apt(["libjpeg-dev"])]),
        // CPUID and XGETBV for choosing a kernel set: the one piece of C under ConvCore, no numerics.
        .target(name: "_CCPUID"),
        // The micro-kernels' protocol and tile layout, shared by the kernel sets.
        .target(name: "ConvKernelABI", swiftSettings: fastMath),
        .target(name: "ConvKernelsSIMD16", dependencies: ["ConvKernelABI"], swiftSettings: kernelSettings(cpu: "skylake-avx512", tune: "znver4")),
        .target(name: "ConvKernelsSIMD8", dependencies: ["ConvKernelABI"], swiftSettings: kernelSettings(cpu: "haswell")),
        .target(
            name: "ConvKernelsPortable", dependencies: ["ConvKernelABI"],
            swiftSettings: kernelSettings(cpu: "x86-64", defines: ["CNNLAB_UNFUSED"])),
        // Numbers only: tensors, layers, shapes, training maths. No I/O; no C but the CPUID probe.
        .target(
            name: "ConvCore",
            dependencies: ["ConvKernelABI", "ConvKernelsSIMD16", "ConvKernelsSIMD8", "ConvKernelsPortable", "_CCPUID"],
            swiftSettings: fastMath),
        // Language, session, derivations, file formats. Returns values, never prints.
        .target(name: "CNNLabEngine", dependencies: ["ConvCore", "_CPNG", "_CJPEG"], swiftSettings: fastMath),
        // Renderers and screen layout: pure functions from engine results to text or cells.
        .target(name: "CNNLabTerminal", dependencies: ["CNNLabEngine", "ConvCore"]),
        // The GNU readline wrapper (REPL line editing, history, completion).
        .target(name: "CNNLabLineEditor", dependencies: ["_CReadline"]),
        // The curses screen driver: paints a cell grid, reads keys.
        .target(name: "CNNLabCurses", dependencies: ["CNNLabTerminal", "_CCurses"]),
        // Argument parsing and mode dispatch only.
        .executableTarget(
            name: "cnnlab",
            dependencies: [
                "CNNLabEngine", "CNNLabTerminal", "CNNLabLineEditor", "CNNLabCurses", "ConvCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "ConvCoreTests", dependencies: ["ConvCore", "ConvKernelABI"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CNNLabEngineTests", dependencies: ["CNNLabEngine", "ConvCore", "AllocationCounter"], exclude: ["Fixtures"]),
        // Counts the heap allocations of a thread (the training loop's "no allocation" check).
        .target(name: "AllocationCounter", path: "Tests/AllocationCounter"),
        .testTarget(
            name: "CNNLabTerminalTests", dependencies: ["CNNLabTerminal", "CNNLabEngine", "ConvCore", "TerminalTestSupport"], exclude: ["Snapshots"]),
        // Drives the real binary in tmux for the end-to-end tests of the REPL and the TUI.
        .target(name: "TerminalTestSupport", path: "Tests/TerminalTestSupport"),
        .testTarget(name: "CNNLabLineEditorTests", dependencies: ["CNNLabLineEditor", "TerminalTestSupport"]),
        .testTarget(name: "CNNLabCursesTests", dependencies: ["CNNLabCurses", "CNNLabTerminal", "TerminalTestSupport"]),
    ]
)
