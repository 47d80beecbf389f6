/// The CRC-32 of ZIP, gzip and PNG (ISO 3309, the reflected polynomial 0xEDB88320): the
/// checksum a ZIP entry carries and `zipfile` (hence `numpy.load`) verifies on reading.
///
/// Computed a byte at a time from a 256-entry table; `CRC32.checksum(Array("123456789".utf8))`
/// is 0xCBF43926, the standard check value.
enum CRC32 {
    /// The checksum of `bytes`.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The remainder of every byte value, shifted through the polynomial eight times.
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
        }
        return c
    }
}
