import ConvCore
import Foundation
@testable import CNNLabEngine

/// The repository's `Data/` folder, found from this file the way cnnlab finds it from its binary.
func dataDirectory() -> String? {
    DatasetLibrary.locate(executable: #filePath, currentDirectory: "/nonexistent")
}

/// A dataset of `count` images `height × width × channels` whose pixels say where they are:
/// image n's pixel (y, x, c) is `n · 10000 + y · 100 + x + c / 10` (scaled later if need be),
/// labelled `n mod classes`.
func indexedDataset(count: Int, height: Int, width: Int, channels: Int = 1, classes: Int = 3) throws -> Dataset {
    var values: [Float] = []
    for n in 0..<count {
        for y in 0..<height {
            for x in 0..<width {
                for c in 0..<channels { values.append(Float(n * 10000 + y * 100 + x) + Float(c) / 10) }
            }
        }
    }
    let images = try Tensor(shape: [count, height, width, channels], storage: values)
    return try Dataset(
        name: "indexed", images: images, labels: (0..<count).map { $0 % classes }, classNames: (0..<classes).map(String.init))
}

/// The problem of the diagnostic `body` throws, or nil if it throws none.
func datasetProblem(_ body: () throws -> Void) -> Problem? {
    do {
        try body()
        return nil
    } catch let diagnostic as Diagnostic {
        return diagnostic.problem
    } catch {
        return .fileUnreadable("test", reason: "not a diagnostic: \(error)")
    }
}

/// Writes `bytes` to `name` in `directory`.
func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws {
    try Data(bytes).write(to: directory.appendingPathComponent(name))
}

/// A big-endian 32-bit word.
func bigEndian(_ v: UInt32) -> [UInt8] {
    [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
}
