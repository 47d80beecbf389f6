import CNNLabEngine
import ConvCore
import Foundation

/// Runs `source` on a fresh (or given) session and returns the results; throws the first diagnostic.
@discardableResult
func run(_ source: String, in session: Session = Session()) throws -> [CommandResult] {
    var results: [CommandResult] = []
    var failure: Diagnostic?
    ScriptRunner.run(source, in: session, keepGoing: false) { outcome in
        switch outcome.result {
        case .success(let r): results.append(r)
        case .failure(let d): failure = d
        }
    }
    if let failure { throw failure }
    return results
}

/// The diagnostic `source` fails with, or nil if it succeeds.
func diagnostic(_ source: String, in session: Session = Session()) -> Diagnostic? {
    do {
        try run(source, in: session)
        return nil
    } catch let d as Diagnostic {
        return d
    } catch {
        return nil
    }
}

/// The layer reports of the network built by `source`.
func reports(_ source: String) throws -> [LayerReport] {
    let session = Session()
    try run(source, in: session)
    return try session.analyze()
}

/// A file under `Tests/CNNLabEngineTests/Fixtures`.
func fixturePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// Runs `body` with a fresh, empty directory that is removed afterwards.
func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnnlab-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try body(dir)
}
