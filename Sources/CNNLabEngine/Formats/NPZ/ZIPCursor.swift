/// Reads the little-endian fields of a ZIP record from a byte array, one after another; every
/// read past the end throws ``ZIPError/truncated(entry:)`` instead of trapping.
struct ZIPCursor {
    let bytes: [UInt8]
    var offset: Int
    /// The entry being read, for the error (nil: the directory).
    var entry: String?

    init(_ bytes: [UInt8], at offset: Int, entry: String? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.entry = entry
    }

    /// The next `count` bytes.
    mutating func take(_ count: Int) throws(ZIPError) -> ArraySlice<UInt8> {
        guard count >= 0, offset >= 0, offset <= bytes.count, count <= bytes.count - offset else {
            throw .truncated(entry: entry)
        }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func skip(_ count: Int) throws(ZIPError) {
        _ = try take(count)
    }

    mutating func uint16() throws(ZIPError) -> Int {
        Int(try unsigned(2))
    }

    mutating func uint32() throws(ZIPError) -> Int {
        Int(try unsigned(4))
    }

    /// A 64-bit size or offset; one beyond `Int.max` cannot be in memory, so the archive is
    /// corrupt.
    mutating func uint64() throws(ZIPError) -> Int {
        let value = try unsigned(8)
        guard let n = Int(exactly: value) else { throw .corrupt(entry: entry) }
        return n
    }

    /// The four-byte signature that starts a record.
    mutating func expect(signature: UInt32) throws(ZIPError) {
        guard try unsigned(4) == UInt64(signature) else { throw .corrupt(entry: entry) }
    }

    private mutating func unsigned(_ width: Int) throws(ZIPError) -> UInt64 {
        var value: UInt64 = 0
        for (k, byte) in try take(width).enumerated() {
            value |= UInt64(byte) << (8 * UInt64(k))
        }
        return value
    }
}
