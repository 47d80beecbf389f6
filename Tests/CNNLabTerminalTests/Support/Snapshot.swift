import Foundation
import Testing

/// Compares rendered text with the committed file `Snapshots/<name>.txt`.
///
/// A missing file or any difference is a test failure naming the first differing line. Set
/// `CNNLAB_RECORD_SNAPSHOTS=1` to (re)write the files instead; a recording run still fails so
/// a recorded snapshot cannot pass unseen: read every rewritten file, then commit it.
///
/// The escape character is stored as `␛` so colour snapshots stay readable in a diff.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
    let actual = text.replacingOccurrences(of: "\u{1B}", with: "␛") + "\n"
    if ProcessInfo.processInfo.environment["CNNLAB_RECORD_SNAPSHOTS"] == "1" {
        do {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(name).txt; review it, then re-run without CNNLAB_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot \(name).txt: \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("No snapshot \(name).txt; record it with CNNLAB_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, expectedLines.count)
    let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
    let want = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
    Issue.record(
        "Snapshot \(name).txt differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n--- actual ---\n\(actual)",
        sourceLocation: sourceLocation)
}
