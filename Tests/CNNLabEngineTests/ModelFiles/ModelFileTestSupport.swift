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

/// A `.npy` file of `descr` values of `shape` with `data` as its bytes (any dtype, unlike
/// `NPYFormat.encode`).
func npyFile(descr: String, shape: [Int], data: [UInt8]) -> [UInt8] {
    let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    let header = Array("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }\n".utf8)
    return NPYFormat.magic + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)] + header + data
}

/// The `.npz` of `arrays` (key, tensor or raw `.npy`) as cnnlab writes them.
func npzFile(_ arrays: [(String, [UInt8])]) throws -> [UInt8] {
    try NPZArchive.encode(arrays.map { (key: $0.0, npy: $0.1) })
}

/// The `ModelFileProblem` of the diagnostic `source` fails with, or nil.
func modelFileProblem(_ source: String, in session: Session) -> ModelFileProblem? {
    guard case .modelFile(let m)? = diagnostic(source, in: session)?.problem else { return nil }
    return m
}
