import CNNLabEngine
import Foundation
import Testing

/// Moving history, progress and scores from the data directory to the state directory, once.
@Suite struct LegacyFilesTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "cnnlab-legacy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func mode(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test func aFileMovesOnceKeepingItsModeIntoAPrivateFolder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let from = dir + "/share/cnnlab/history", to = dir + "/state/cnnlab/history"
        try FileManager.default.createDirectory(atPath: dir + "/share/cnnlab", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: from, contents: Data("conv 10 f=3\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(LegacyFiles.move([(from, to)]) == [to])
        #expect(FileManager.default.contents(atPath: to) == Data("conv 10 f=3\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: from))
        #expect(try mode(to) == 0o600)
        #expect(try mode(dir + "/state/cnnlab") == 0o700)
        // Once: an old file that reappears does not replace the new one.
        FileManager.default.createFile(atPath: from, contents: Data("old\n".utf8))
        #expect(LegacyFiles.move([(from, to)]).isEmpty)
        #expect(FileManager.default.contents(atPath: to) == Data("conv 10 f=3\n".utf8))
        #expect(FileManager.default.fileExists(atPath: from))
    }

    @Test func aSymbolicLinkOrAMissingFileStaysWhereItIs() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("secret".utf8).write(to: URL(fileURLWithPath: dir + "/target"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/target")
        #expect(LegacyFiles.move([(dir + "/link", dir + "/new/link"), (dir + "/missing", dir + "/new/missing")]).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir + "/new/link"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link")) == dir + "/target")
    }
}
