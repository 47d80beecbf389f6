/// Builds a ZIP archive in memory from named byte arrays, every entry STORED (uncompressed) with
/// its CRC-32: the layout `np.savez` writes, which `numpy.load` and `unzip` read.
///
/// The output depends only on the entries (every timestamp is 1980-01-01 00:00, the earliest a
/// ZIP can hold), so the same model saves to the same bytes. Without ZIP64, an archive holds
/// at most 65,535 entries and 4 GiB.
struct ZIPWriter {
    private var data: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0
    private var tooLarge = false

    /// 2.0, the version that introduced DEFLATE and directories; "made by" says Unix.
    private static let version = 20
    private static let madeByUnix = 3 << 8 | version
    /// A regular file, mode 0644, in the upper half of the external attributes.
    private static let fileAttributes = 0o100644 << 16
    /// MS-DOS date 1980-01-01: day 1, month 1, year 0.
    private static let date = 1 << 5 | 1

    /// Appends `contents` as the entry `name`.
    mutating func add(_ name: String, _ contents: [UInt8]) {
        let offset = data.count
        let crc = CRC32.checksum(contents)
        let nameBytes = Array(name.utf8)
        guard offset <= 0xFFFF_FFFF, contents.count <= 0xFFFF_FFFF, count < 0xFFFF else {
            tooLarge = true
            return
        }
        // Bit 11: the name is UTF-8.
        let flags = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11
        Self.append(Int(ZIPArchive.localHeaderSignature), 4, to: &data)
        for (value, width) in [(Self.version, 2), (flags, 2), (ZIPArchive.stored, 2), (0, 2), (Self.date, 2)] {
            Self.append(value, width, to: &data)
        }
        for (value, width) in [(Int(crc), 4), (contents.count, 4), (contents.count, 4), (nameBytes.count, 2), (0, 2)] {
            Self.append(value, width, to: &data)
        }
        data += nameBytes
        data += contents

        Self.append(Int(ZIPArchive.directorySignature), 4, to: &directory)
        for (value, width) in [(Self.madeByUnix, 2), (Self.version, 2), (flags, 2), (ZIPArchive.stored, 2), (0, 2), (Self.date, 2)] {
            Self.append(value, width, to: &directory)
        }
        for (value, width) in [
            (Int(crc), 4), (contents.count, 4), (contents.count, 4), (nameBytes.count, 2), (0, 2), (0, 2), (0, 2), (0, 2),
            (Self.fileAttributes, 4), (offset, 4),
        ] {
            Self.append(value, width, to: &directory)
        }
        directory += nameBytes
        count += 1
    }

    /// The whole archive: the entries, the central directory and its end record.
    func finished() throws(ZIPError) -> [UInt8] {
        let size = data.count + directory.count + ZIPArchive.endRecordSize
        guard !tooLarge, data.count <= 0xFFFF_FFFF, directory.count <= 0xFFFF_FFFF else {
            throw .archiveTooLarge(size: size)
        }
        var out = data
        out.reserveCapacity(size)
        out += directory
        Self.append(Int(ZIPArchive.endSignature), 4, to: &out)
        for (value, width) in [(0, 2), (0, 2), (count, 2), (count, 2), (directory.count, 4), (data.count, 4), (0, 2)] {
            Self.append(value, width, to: &out)
        }
        return out
    }

    /// `value` as `width` little-endian bytes.
    private static func append(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
        for k in 0..<width {
            bytes.append(UInt8(truncatingIfNeeded: value >> (8 * k)))
        }
    }
}
