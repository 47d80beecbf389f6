import ConvCore
import Foundation
@testable import CNNLabEngine

/// The bytes of a committed fixture file.
func fixtureBytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixturePath(name))))
}

/// The little-endian number of `width` bytes at `offset`.
func littleEndian(_ bytes: [UInt8], at offset: Int, width: Int) -> Int {
    (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
}

/// `bytes` with the little-endian number of `width` bytes at `offset` replaced by `value`.
func patched(_ bytes: [UInt8], at offset: Int, width: Int, to value: Int) -> [UInt8] {
    var out = bytes
    for k in 0..<width { out[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    return out
}

/// Where the central directory of a ZIP archive without a comment starts.
func directoryOffset(_ zip: [UInt8]) -> Int {
    littleEndian(zip, at: zip.count - 6, width: 4)
}
