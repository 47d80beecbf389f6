import Foundation

/// An empty folder the fuzzed sessions run in, so `save` and `load` touch nothing else.
enum FuzzSandbox {
    static let directory: String = {
        let path = NSTemporaryDirectory() + "cnnlab-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
}
