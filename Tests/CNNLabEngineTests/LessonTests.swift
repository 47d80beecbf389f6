import Foundation
import Testing
import CNNLabEngine

/// Every lesson in `Lessons/` runs in batch mode without an error.
@Suite struct LessonTests {
    static let lessonDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons")

    static var lessons: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: lessonDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".cnn") }.sorted()
    }

    @Test func thereAreLessons() {
        #expect(Self.lessons.count >= 6)
    }

    @Test(arguments: lessons)
    func lessonRunsCleanly(_ name: String) throws {
        let source = try String(contentsOf: Self.lessonDirectory.appendingPathComponent(name), encoding: .utf8)
        var failures: [String] = []
        ScriptRunner.run(source, in: Session(), keepGoing: true) { outcome in
            if case .failure(let d) = outcome.result { failures.append("line \(outcome.line): \(d.message(in: .en))") }
        }
        #expect(failures.isEmpty, "\(name): \(failures)")
    }
}
