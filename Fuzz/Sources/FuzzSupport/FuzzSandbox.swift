import Foundation

/// An empty folder the fuzzed sessions run in, so `save` and `load` touch nothing else, and
/// the memory they may hold: well under the fuzzer's 3 GB, so a session that passes its own
/// budget is a finding.
public enum FuzzSandbox {
    public static let memoryLimit = 1 << 30

    public static let directory: String = {
        let path = NSTemporaryDirectory() + "cnnlab-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
}
