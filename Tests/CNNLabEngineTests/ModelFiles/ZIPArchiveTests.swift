import Foundation
import Testing
@testable import CNNLabEngine

/// The ZIP archives `.npz` files are: CRC-32, the writer, and a reader that checks every
/// size and offset against the file (archives numpy wrote, and damaged ones).
@Suite struct ZIPArchiveTests {
    func archive(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        var writer = ZIPWriter()
        for (name, contents) in entries { writer.add(name, contents) }
        return try writer.finished()
    }

    /// Reads the directory and unpacks every entry, as loading a model does.
    func readAll(_ bytes: [UInt8]) throws(ZIPError) -> [[UInt8]] {
        let zip = try ZIPArchive(bytes)
        var out: [[UInt8]] = []
        for entry in zip.entries { out.append(try zip.contents(of: entry, limit: 1 << 20)) }
        return out
    }

    func error(_ bytes: [UInt8]) -> ZIPError? {
        do {
            _ = try readAll(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func crc32HasTheStandardCheckValue() {
        let crc = CRC32.checksum(Array("123456789".utf8))
        let empty = CRC32.checksum([UInt8]())
        #expect(crc == 0xCBF4_3926)
        #expect(empty == 0)
    }

    @Test func whatTheWriterWritesReadsBack() throws {
        let entries: [(String, [UInt8])] = [("a.npy", [1, 2, 3]), ("empty", []), ("pesos-ção.npy", Array(repeating: 7, count: 1000))]
        let zip = try ZIPArchive(try archive(entries))
        let names = zip.entries.map(\.name)
        let contents = try readAll(try archive(entries))
        #expect(names == entries.map(\.0))
        #expect(contents == entries.map(\.1))
    }

    @Test func theSameEntriesGiveTheSameBytes() throws {
        let first = try archive([("W1.npy", [1, 2])])
        let second = try archive([("W1.npy", [1, 2])])
        #expect(first == second)
    }

    @Test func readsWhatNpSavezWrote() throws {
        let zip = try ZIPArchive(try fixtureBytes("npz/weights_savez.npz"))
        let names = zip.entries.map(\.name)
        let methods = Set(zip.entries.map(\.method))
        #expect(names == ["W1.npy", "b1.npy", "W3.npy", "b3.npy", "X.npy", "expected.npy"])
        #expect(methods == [ZIPArchive.stored])
        #expect(throws: Never.self) { try readAll(zip.bytes) }
    }

    /// np.savez_compressed: DEFLATE entries with fixed and dynamic Huffman blocks, every one
    /// unpacked to its size and CRC-32.
    @Test func readsWhatNpSavezCompressedWrote() throws {
        let bytes = try fixtureBytes("npz/model_compressed.npz")
        let zip = try ZIPArchive(bytes)
        let methods = Set(zip.entries.map(\.method))
        let contents = try readAll(bytes)
        let sizes = zip.entries.map(\.size)
        #expect(methods == [ZIPArchive.deflated])
        #expect(contents.map(\.count) == sizes)
    }

    @Test func everyPrefixOfAnArchiveFailsCleanly() throws {
        let bytes = try archive([("W1.npy", Array(0..<40)), ("b1.npy", [9, 8, 7])])
        for n in 0..<bytes.count {
            let failure = error(Array(bytes.prefix(n)))
            #expect(failure != nil, "a prefix of \(n) bytes was read")
        }
    }

    @Test func aCutShortOrForeignFileIsNotAnArchive() throws {
        let bytes = try archive([("W1.npy", [1, 2, 3])])
        let cut = error(Array(bytes.dropLast(1)))
        let text = error(Array("input 8x8x1\n".utf8))
        #expect(cut == .notAnArchive)
        #expect(text == .notAnArchive)
    }

    @Test func aChangedByteFailsTheChecksum() throws {
        var bytes = try archive([("W1.npy", Array(repeating: 5, count: 16))])
        bytes[30 + 6 + 3] ^= 1  // a byte of the entry's data, after the local header and name
        let failure = error(bytes)
        #expect(failure == .checksumMismatch(entry: "W1.npy"))
    }

    /// A directory claiming sizes far beyond the file is refused before anything is allocated.
    @Test func sizesBeyondTheFileAreTruncationNotAllocations() throws {
        let bytes = try archive([("W1.npy", [1, 2, 3])])
        let d = directoryOffset(bytes)
        let hugeEntry = patched(bytes, at: d + 20, width: 4, to: 0x7FFF_FFF0)
        let farEntry = patched(bytes, at: d + 42, width: 4, to: 0x7FFF_FFF0)
        let hugeDirectory = patched(bytes, at: bytes.count - 10, width: 4, to: 0x7FFF_FFF0)
        let manyEntries = patched(patched(bytes, at: bytes.count - 12, width: 2, to: 60000), at: bytes.count - 14, width: 2, to: 60000)
        let failures = [hugeEntry, farEntry, hugeDirectory, manyEntries].map(error)
        #expect(failures == [.truncated(entry: "W1.npy"), .truncated(entry: "W1.npy"), .truncated(entry: nil), .corrupt(entry: nil)])
    }

    @Test func encryptedEntriesAndOtherMethodsAreRefused() throws {
        let bytes = try archive([("W1.npy", [1, 2, 3])])
        let d = directoryOffset(bytes)
        let encrypted = patched(bytes, at: d + 8, width: 2, to: 1)
        let bzip2 = patched(bytes, at: d + 10, width: 2, to: 12)
        let failures = [encrypted, bzip2].map(error)
        #expect(failures == [.encrypted(entry: "W1.npy"), .unsupportedMethod(entry: "W1.npy", method: 12)])
    }

    @Test func aLocalHeaderThatDisagreesWithTheDirectoryIsCorrupt() throws {
        var bytes = try archive([("W1.npy", [1, 2, 3])])
        bytes[30] = UInt8(ascii: "V")  // the local header's copy of the name
        let failure = error(bytes)
        #expect(failure == .corrupt(entry: "W1.npy"))
    }

    @Test func twoEntriesWithOneNameAreRefused() throws {
        let failure = error(try archive([("W1.npy", [1]), ("W1.npy", [2])]))
        #expect(failure == .duplicateEntry("W1.npy"))
    }

    @Test func aCompressedEntryIsNotUnpackedPastItsLimit() throws {
        let zip = try ZIPArchive(try fixtureBytes("npz/model_compressed.npz"))
        let w5 = try #require(zip.entry(named: "W5.npy"))
        #expect(throws: ZIPError.entryTooLarge(entry: "W5.npy", size: w5.size, limit: 100)) {
            try zip.contents(of: w5, limit: 100)
        }
    }
}
