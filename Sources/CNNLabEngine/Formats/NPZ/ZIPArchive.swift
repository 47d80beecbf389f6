/// A ZIP archive held in memory: its central directory, read and checked against the file's
/// length before anything is unpacked, and the contents of its entries.
///
/// Reads what Python's `zipfile` writes for `np.savez` (STORED, with ZIP64 extra fields in the
/// local headers) and `np.savez_compressed` (DEFLATE, unpacked by ``Inflate``). Every entry's
/// CRC-32 is verified. Encrypted entries, other compression methods, ZIP64 directories and split
/// archives are refused. Sizes and offsets come from the central directory (a local header's may
/// be placeholders), and every one is checked against the file before it is used.
struct ZIPArchive {
    /// One member of the archive, as the central directory describes it.
    struct Entry: Sendable, Equatable {
        var name: String
        /// 0 (STORED) or 8 (DEFLATE).
        var method: Int
        var crc32: UInt32
        var compressedSize: Int
        /// The size once unpacked.
        var size: Int
        /// Where the entry's (compressed) data starts in the archive.
        var dataOffset: Int
    }

    static let stored = 0
    static let deflated = 8
    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let directorySignature: UInt32 = 0x0201_4B50
    static let endSignature: UInt32 = 0x0605_4B50
    /// The size of the end-of-central-directory record without its comment.
    static let endRecordSize = 22

    let bytes: [UInt8]
    /// In the order of the central directory.
    let entries: [Entry]

    /// Reads the directory of `bytes`.
    init(_ bytes: [UInt8]) throws(ZIPError) {
        self.bytes = bytes
        let end = try Self.endRecord(bytes)
        var cursor = ZIPCursor(bytes, at: end + 4)
        let disk = try cursor.uint16(), directoryDisk = try cursor.uint16()
        let entriesHere = try cursor.uint16(), count = try cursor.uint16()
        let directorySize = try cursor.uint32(), directoryOffset = try cursor.uint32()
        guard disk == 0, directoryDisk == 0, entriesHere == count, count != 0xFFFF,
              directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
            throw .unsupportedArchive
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else { throw .truncated(entry: nil) }
        // Each directory record takes at least 46 bytes: a count the directory cannot hold is corrupt.
        guard count <= directorySize / 46 else { throw .corrupt(entry: nil) }
        var entries: [Entry] = []
        var names: Set<String> = []
        cursor = ZIPCursor(bytes, at: directoryOffset)
        for _ in 0..<count {
            let entry = try Self.directoryRecord(&cursor, bytes: bytes)
            guard names.insert(entry.name).inserted else { throw .duplicateEntry(entry.name) }
            entries.append(entry)
        }
        self.entries = entries
    }

    /// The entry called `name`, if there is one.
    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// The unpacked contents of `entry`, checked against its size and CRC-32. A compressed entry
    /// may unpack to at most `limit` bytes (a stored entry is already in memory).
    func contents(of entry: Entry, limit: Int) throws(ZIPError) -> [UInt8] {
        var cursor = ZIPCursor(bytes, at: entry.dataOffset, entry: entry.name)
        let data = try cursor.take(entry.compressedSize)
        let contents: [UInt8]
        if entry.method == Self.stored {
            guard entry.size == entry.compressedSize else {
                throw .sizeMismatch(entry: entry.name, expected: entry.size, actual: entry.compressedSize)
            }
            contents = Array(data)
        } else {
            guard entry.size <= limit else { throw .entryTooLarge(entry: entry.name, size: entry.size, limit: limit) }
            do {
                contents = try Inflate.decompress(data, maxCount: entry.size)
            } catch {
                switch error {
                case .tooLong: throw .sizeMismatch(entry: entry.name, expected: entry.size, actual: entry.size + 1)
                case .truncated, .invalid: throw .badCompressedData(entry: entry.name)
                }
            }
            guard contents.count == entry.size else {
                throw .sizeMismatch(entry: entry.name, expected: entry.size, actual: contents.count)
            }
        }
        guard CRC32.checksum(contents) == entry.crc32 else { throw .checksumMismatch(entry: entry.name) }
        return contents
    }

    /// The offset of the end-of-central-directory record: the last signature within the
    /// largest comment's reach of the end whose comment fits in the file.
    private static func endRecord(_ bytes: [UInt8]) throws(ZIPError) -> Int {
        guard bytes.count >= endRecordSize else { throw .notAnArchive }
        let last = bytes.count - endRecordSize
        let first = max(0, last - 0xFFFF)
        for start in stride(from: last, through: first, by: -1) {
            var cursor = ZIPCursor(bytes, at: start)
            guard (try? cursor.expect(signature: endSignature)) != nil else { continue }
            var comment = ZIPCursor(bytes, at: start + 20)
            if let length = try? comment.uint16(), length <= bytes.count - start - endRecordSize { return start }
        }
        throw .notAnArchive
    }

    /// One central-directory record at `cursor`, with its local header checked.
    private static func directoryRecord(_ cursor: inout ZIPCursor, bytes: [UInt8]) throws(ZIPError) -> Entry {
        try cursor.expect(signature: directorySignature)
        try cursor.skip(4)  // versions made by and needed
        let flags = try cursor.uint16(), method = try cursor.uint16()
        try cursor.skip(4)  // time and date
        let crc = UInt32(try cursor.uint32())
        var compressedSize = try cursor.uint32(), size = try cursor.uint32()
        let nameLength = try cursor.uint16(), extraLength = try cursor.uint16(), commentLength = try cursor.uint16()
        let startDisk = try cursor.uint16()
        try cursor.skip(6)  // internal and external attributes
        var localOffset = try cursor.uint32()
        let name = String(decoding: try cursor.take(nameLength), as: UTF8.self)
        cursor.entry = name
        let extra = try cursor.take(extraLength)
        try cursor.skip(commentLength)
        // ZIP64: the real values of the fields set to 0xFFFFFFFF follow in the extra field, in order.
        if size == 0xFFFF_FFFF || compressedSize == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
            guard var z = zip64Field(extra, entry: name) else { throw .corrupt(entry: name) }
            if size == 0xFFFF_FFFF { size = try z.uint64() }
            if compressedSize == 0xFFFF_FFFF { compressedSize = try z.uint64() }
            if localOffset == 0xFFFF_FFFF { localOffset = try z.uint64() }
        }
        guard startDisk == 0 || startDisk == 0xFFFF else { throw .unsupportedArchive }
        guard flags & 1 == 0 else { throw .encrypted(entry: name) }
        guard method == stored || method == deflated else { throw .unsupportedMethod(entry: name, method: method) }
        var local = ZIPCursor(bytes, at: localOffset, entry: name)
        try local.expect(signature: localHeaderSignature)
        try local.skip(22)
        let localNameLength = try local.uint16(), localExtraLength = try local.uint16()
        guard try local.take(localNameLength).elementsEqual(name.utf8) else { throw .corrupt(entry: name) }
        try local.skip(localExtraLength)
        let dataOffset = local.offset
        try local.skip(compressedSize)
        return Entry(name: name, method: method, crc32: crc, compressedSize: compressedSize, size: size, dataOffset: dataOffset)
    }

    /// A cursor on the data of the ZIP64 extended-information field (id 1) in `extra`.
    private static func zip64Field(_ extra: ArraySlice<UInt8>, entry: String) -> ZIPCursor? {
        let fields = Array(extra)
        var cursor = ZIPCursor(fields, at: 0, entry: entry)
        while cursor.offset + 4 <= fields.count {
            guard let id = try? cursor.uint16(), let length = try? cursor.uint16() else { return nil }
            if id == 1 {
                guard let data = try? cursor.take(length) else { return nil }
                return ZIPCursor(Array(data), at: 0, entry: entry)
            }
            guard (try? cursor.skip(length)) != nil else { return nil }
        }
        return nil
    }
}
