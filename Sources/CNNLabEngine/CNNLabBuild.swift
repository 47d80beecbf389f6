import ConvCore

/// What this build of cnnlab is: its version, the Swift it was compiled with, the platform and
/// the numeric kernels, for `cnnlab --version` and bug reports.
public enum CNNLabBuild {
    /// The release version (`scripts/release.sh` names the tarball after it).
    public static let version = "0.15.0"

    /// The Swift compiler's language version, to the minor release.
    public static var swiftVersion: String {
        #if compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// The processor architecture and operating system the binary was built for.
    public static var platform: String {
        #if arch(x86_64)
        let arch = "x86_64"
        #elseif arch(arm64)
        let arch = "arm64"
        #else
        let arch = "unknown-arch"
        #endif
        #if os(Linux)
        return arch + " Linux"
        #elseif os(macOS)
        return arch + " macOS"
        #else
        return arch
        #endif
    }

    /// The micro-kernel set in use: `simd16` (AVX-512), `simd8` (AVX2 + FMA) or `portable`,
    /// chosen when cnnlab starts (``KernelSet``).
    public static var kernelSet: String { KernelSet.current.rawValue }
}
