// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Release builds of the numeric core are compiled for the host CPU (AVX2/AVX-512 FMA where
/// present) and without overflow checks in the kernels: without `-target-cpu native` SwiftPM
/// targets baseline x86-64, where `SIMD.addingProduct` becomes a library call per lane.
/// Debug builds keep every check so tests catch index errors. `CNNLAB_CHECKED=1` keeps the checks
/// in the release build too (`-O`): the fuzz targets are built so (`scripts/fuzz.sh`), fast and
/// still trapping on the overflows and out-of-range indices they look for.
let checked = ProcessInfo.processInfo.environment["CNNLAB_CHECKED"] == "1"
let fastMath: [SwiftSetting] = [
    .unsafeFlags([checked ? "-O" : "-Ounchecked", "-target-cpu", "native"], .when(configuration: .release)),
]

/// Whether the numeric core uses its SIMD16 micro-kernels (`KernelSet`), sized for AVX-512's 32
/// zmm registers: yes on a building machine whose CPU has AVX-512 (its release build targets
/// that CPU), else the SIMD8 kernels for AVX2. `CNNLAB_SIMD16=1` (or `0`) in the environment
/// overrides the detection; CI sets it to test the SIMD16 set on an AVX2 machine, where each
/// SIMD16 operation runs as two ymm operations (correct, not tuned).
let simd16: Bool = {
    switch ProcessInfo.processInfo.environment["CNNLAB_SIMD16"] {
    case "1": return true
    case "0": return false
    default: break  // unset (or another value): the building CPU decides
    }
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    return cpuinfo.split(separator: "\n").contains { line in
        line.hasPrefix("flags") && line.split(separator: " ").contains("avx512f")
    }
}()

let coreSettings: [SwiftSetting] = fastMath + (simd16 ? [.define("CNNLAB_SIMD16")] : [])

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
        // Numbers only: tensors, layers, shapes, training maths. No I/O, no C.
        .target(name: "ConvCore", swiftSettings: coreSettings),
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
        .testTarget(name: "ConvCoreTests", dependencies: ["ConvCore"], exclude: ["Fixtures"]),
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
