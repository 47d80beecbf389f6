// swift-tools-version:6.0
import PackageDescription

/// Coverage-guided fuzz targets for cnnlab's inputs, built with libFuzzer
/// (`swift build --sanitize=fuzzer`, see `scripts/fuzz.sh`). A package of its own so the main
/// build never needs the fuzzer runtime; each target is one executable whose `main` is
/// libFuzzer's, calling `LLVMFuzzerTestOneInput` with each input.
let targets = ["language", "network-file", "lesson", "npy", "png", "jpeg", "pnm", "idx", "cifar10"]

let package = Package(
    name: "cnnlab-fuzz",
    dependencies: [.package(name: "cnnlab", path: "..")],
    targets: [.target(name: "FuzzSupport", path: "Sources/FuzzSupport")] + targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: [
                "FuzzSupport", .product(name: "CNNLabEngine", package: "cnnlab"), .product(name: "ConvCore", package: "cnnlab"),
            ],
            path: "Sources/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
