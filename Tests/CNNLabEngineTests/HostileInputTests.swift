import CNNLabEngine
import Foundation
import Testing

/// Defects a hostile user found (issue 14): each test failed before its fix.
@Suite struct HostileInputTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "cnnlab-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aNetworkFileCannotWriteFilesBeforeItIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("input 8x8\nconv 2 f=3\nnet save \"thesis.txt\"\nsave ones(2) \"x.npy\"\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/evil.cnn"))
        let session = Session(workingDirectory: dir)
        #expect(diagnostic("net load \"evil.cnn\"", in: session)?.problem == .notANetworkFile("evil.cnn", line: 3))
        #expect(!FileManager.default.fileExists(atPath: dir + "/thesis.txt"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.npy"))
        #expect(session.inputDims == nil)
    }

    @Test func aNetworkFileCannotLoadItself() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("input 8x8\nnet load \"self.cnn\"\n".utf8).write(to: URL(fileURLWithPath: dir + "/self.cnn"))
        #expect(diagnostic("net load \"self.cnn\"", in: Session(workingDirectory: dir))?.problem == .notANetworkFile("self.cnn", line: 2))
    }

    @Test func negativeZeroStaysNegativeAsInNumpy() throws {
        guard case .shown(let n)? = try run("show 1/[-0.0]").last else { Issue.record("no result"); return }
        #expect(n.tensor.storage == [-Float.infinity])
        guard case .shown(let z)? = try run("show -0.0").last else { Issue.record("no result"); return }
        #expect(z.tensor.storage.first?.sign == .minus)
    }

    @Test func aHeatmapChannelOutOfRangeIsAnError() {
        let d = diagnostic("heatmap ones(3, 3, 2) ch=99")
        guard case .invalidOption(name: "ch", value: "99", _)? = d?.problem else { Issue.record("\(String(describing: d))"); return }
        #expect(diagnostic("heatmap ones(3, 3, 2) ch=1") == nil)
    }

    @Test func saveKeepsAnExistingFilesMode() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/private.npy"
        FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o600])
        try run("save ones(2) \"private.npy\"", in: Session(workingDirectory: dir))
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["private.npy"])
    }

    @Test func aSaveRemovesTheTemporaryFilesOfKilledSavesOnly() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A process number no process has: what a save killed with -9 leaves behind.
        let dead = try #require((1..<100_000).lazy.map { pid_t(4_000_000 - $0) }.first { kill($0, 0) != 0 && errno == ESRCH })
        let live = getppid()
        for name in [".m.npy.tmp-\(dead)", ".m.npy.tmp-\(live)", ".m.npy.tmp-notes", ".other.npy.tmp-\(dead)"] {
            FileManager.default.createFile(atPath: dir + "/" + name, contents: Data([1]))
        }
        try run("save ones(2) \"m.npy\"", in: Session(workingDirectory: dir))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == [".m.npy.tmp-\(live)", ".m.npy.tmp-notes", ".other.npy.tmp-\(dead)", "m.npy"])
    }

    @Test func savingNaNAsAnImageCountsIt() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let results = try run("let N = [[0, 1], [2, 3]] / [[0, 1], [1, 0]]; save N \"n.png\"", in: Session(workingDirectory: dir))
        guard case .saved(_, _, let scale?)? = results.last else { Issue.record("\(results)"); return }
        #expect(scale == GrayScale(range: 1...2, notANumber: 1, infinite: 1))
    }

    @Test(arguments: ["[", "(", "-", "relu("])
    func deepNestingIsALocatedErrorNotAStackOverflow(_ opener: String) {
        let closer = opener == "[" ? "]" : opener == "-" ? "" : ")"
        let source = "show " + String(repeating: opener, count: 5000) + "1" + String(repeating: closer, count: 5000)
        let d = diagnostic(source)
        #expect(d?.problem == .expressionTooDeep(128))
        #expect(d?.range != nil)
    }

    @Test func tenThousandTermsAreAddedWithoutRecursion() throws {
        guard case .shown(let n)? = try run("show " + Array(repeating: "1", count: 10_000).joined(separator: " + ")).last else {
            Issue.record("no result")
            return
        }
        #expect(n.tensor.storage == [10_000])
    }
}
