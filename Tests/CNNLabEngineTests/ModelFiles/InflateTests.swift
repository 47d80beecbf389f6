import Testing
@testable import CNNLabEngine

/// DEFLATE streams from zlib (`zlib.compressobj(level, DEFLATED, -15)`) and broken ones; the
/// dynamic-Huffman blocks are in the np.savez_compressed fixture (ZIPArchiveTests).
@Suite struct InflateTests {
    /// "hello hello hello hello" in one fixed-Huffman block, with back-references.
    static let fixedBlock: [UInt8] = [0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x57, 0xC8, 0x40, 0x27, 0x01]
    /// "cnnlab" stored (level 0).
    static let storedBlock: [UInt8] = [0x01, 0x06, 0x00, 0xF9, 0xFF, 0x63, 0x6E, 0x6E, 0x6C, 0x61, 0x62]

    func inflate(_ bytes: [UInt8], maxCount: Int = 1000) throws(Inflate.Failure) -> String {
        String(decoding: try Inflate.decompress(bytes[...], maxCount: maxCount), as: UTF8.self)
    }

    @Test func unpacksAFixedHuffmanBlock() throws {
        let text = try inflate(Self.fixedBlock)
        #expect(text == "hello hello hello hello")
    }

    @Test func unpacksAStoredBlock() throws {
        let text = try inflate(Self.storedBlock)
        #expect(text == "cnnlab")
    }

    @Test func everyPrefixOfAStreamIsTruncated() {
        for stream in [Self.fixedBlock, Self.storedBlock] {
            for n in 0..<stream.count {
                let prefix = Array(stream.prefix(n))
                #expect(throws: Inflate.Failure.truncated) { try inflate(prefix) }
            }
        }
    }

    @Test func theOutputStopsAtItsLimit() {
        #expect(throws: Inflate.Failure.tooLong) { try inflate(Self.fixedBlock, maxCount: 5) }
        #expect(throws: Inflate.Failure.tooLong) { try inflate(Self.storedBlock, maxCount: 5) }
    }

    @Test func invalidStreamsAreErrors() {
        // Block type 3 does not exist.
        #expect(throws: Inflate.Failure.invalid) { try inflate([0x07]) }
        // A stored block whose NLEN is not the complement of LEN.
        let badComplement: [UInt8] = [0x01, 0x06, 0x00, 0xF9, 0xFE, 0x63, 0x6E, 0x6E, 0x6C, 0x61, 0x62]
        #expect(throws: Inflate.Failure.invalid) { try inflate(badComplement) }
        // A fixed block that starts with a match (length code 257, distance 1): nothing to copy.
        #expect(throws: Inflate.Failure.invalid) { try inflate([0x03, 0x02, 0x00]) }
    }

    @Test func anOversubscribedCodeIsRefused() {
        #expect(throws: Inflate.Failure.invalid) { try Inflate.Huffman(lengths: [1, 1, 1][...]) }
    }
}
