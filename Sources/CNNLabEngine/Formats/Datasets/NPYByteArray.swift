import ConvCore

/// A `.npy` file of unsigned bytes (`|u1`, C order), the form of the committed datasets in
/// `Data/`: its shape and the offset of its data, checked against the file's length.
struct NPYByteArray {
    var shape: [Int]
    var dataOffset: Int
    var count: Int

    /// Parses the header of `bytes`, read from `path`, expecting an array of rank `rank`.
    init(_ bytes: [UInt8], path: String, rank: Int) throws(Diagnostic) {
        let header: NPYHeader
        let dataStart: Int
        do {
            (header, dataStart) = try NPYFormat.header(of: bytes)
        } catch {
            throw error.diagnostic(path: path)
        }
        let expected = "an array of unsigned bytes (|u1) of rank \(rank) in C order"
        guard header.descr == "|u1" || header.descr == "<u1", !header.fortranOrder, header.shape.count == rank else {
            throw Diagnostic(.dataset(.unexpectedArray(
                path: path, found: "'\(header.descr)' of shape \(header.shape)\(header.fortranOrder ? " in Fortran order" : "")", expected: expected)))
        }
        count = try DatasetFile.checkedCount(header.shape, path: path)
        dataOffset = dataStart
        guard bytes.count - dataOffset == count else {
            throw Diagnostic(.dataset(.wrongLength(path: path, expected: dataOffset + count, actual: bytes.count)))
        }
        shape = header.shape
    }
}
