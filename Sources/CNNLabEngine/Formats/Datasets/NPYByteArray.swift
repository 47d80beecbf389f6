import ConvCore

/// A `.npy` file of unsigned bytes (`|u1`, C order), the form of the committed datasets in
/// `Data/`: its shape and the offset of its data, checked against the file's length.
struct NPYByteArray {
    var shape: [Int]
    var dataOffset: Int
    var count: Int

    /// Parses the header of `bytes`, read from `path`, expecting an array of rank `rank`.
    init(_ bytes: [UInt8], path: String, rank: Int) throws(Diagnostic) {
        guard bytes.count >= 10, Array(bytes[0..<6]) == NPYFormat.magic else {
            throw Diagnostic(.npyMalformed(path, reason: "missing the \\x93NUMPY magic string"))
        }
        let headerLength: Int
        let headerStart: Int
        switch bytes[6] {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw Diagnostic(.npyMalformed(path, reason: "truncated header length")) }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw Diagnostic(.npyUnsupported(path, reason: "format version \(bytes[6]).\(bytes[7])"))
        }
        guard headerLength <= bytes.count - headerStart,
            let text = String(validating: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        else { throw Diagnostic(.npyMalformed(path, reason: "header runs past the end of the file")) }
        let header: NPYHeader
        do {
            header = try NPYHeader(parsing: text)
        } catch {
            switch error {
            case .malformed(let reason): throw Diagnostic(.npyMalformed(path, reason: reason))
            case .unsupported(let reason): throw Diagnostic(.npyUnsupported(path, reason: reason))
            }
        }
        let expected = "an array of unsigned bytes (|u1) of rank \(rank) in C order"
        guard header.descr == "|u1" || header.descr == "<u1", !header.fortranOrder, header.shape.count == rank else {
            throw Diagnostic(.dataset(.unexpectedArray(
                path: path, found: "'\(header.descr)' of shape \(header.shape)\(header.fortranOrder ? " in Fortran order" : "")", expected: expected)))
        }
        count = try DatasetFile.checkedCount(header.shape, path: path)
        dataOffset = headerStart + headerLength
        guard bytes.count - dataOffset == count else {
            throw Diagnostic(.dataset(.wrongLength(path: path, expected: dataOffset + count, actual: bytes.count)))
        }
        shape = header.shape
    }
}
