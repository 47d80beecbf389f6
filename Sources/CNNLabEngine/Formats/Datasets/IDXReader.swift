import ConvCore

/// MNIST's IDX files (`train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, and `t10k-*`):
/// a big-endian header, then unsigned bytes.
///
/// Images: magic `0x00000803` (unsigned bytes, 3 dimensions), count, rows, columns, then
/// count·rows·columns pixels 0–255 row by row. Labels: magic `0x00000801`, count, then count
/// labels 0–9. The reader is strict: the magic, the dimensions (1–1024 pixels a side), and the
/// file's exact length are checked against the header before anything is allocated, so a
/// damaged or hostile file is a diagnostic naming it, never a crash or a huge allocation.
public enum IDXReader {
    /// The magic number of an IDX file of unsigned bytes with 3 dimensions (images).
    public static let imagesMagic: UInt32 = 0x0000_0803
    /// The magic number of an IDX file of unsigned bytes with 1 dimension (labels).
    public static let labelsMagic: UInt32 = 0x0000_0801
    /// The largest image side accepted.
    public static let maxSide = 1024

    /// Decodes an images file and a labels file (read from the paths named in messages) into an
    /// `N × rows × columns × 1` tensor of pixels scaled to 0…1 and N labels 0–9.
    public static func decode(images: [UInt8], labels: [UInt8], imagesPath: String, labelsPath: String) throws(Diagnostic) -> (images: Tensor, labels: [Int]) {
        let header = try imagesHeader(images, path: imagesPath)
        let labelCount = try labelsHeader(labels, path: labelsPath)
        guard labelCount == header.count else {
            throw Diagnostic(.dataset(.countMismatch(images: imagesPath, imageCount: header.count, labels: labelsPath, labelCount: labelCount)))
        }
        var values = [Int](repeating: 0, count: labelCount)
        for i in 0..<labelCount {
            let label = Int(labels[8 + i])
            guard label < 10 else { throw Diagnostic(.dataset(.labelOutOfRange(path: labelsPath, index: i, label: label, classes: 10))) }
            values[i] = label
        }
        let shape = [header.count, header.rows, header.columns, 1]
        let tensor = try DatasetFile.scaled(images, from: 16, count: header.count * header.rows * header.columns, maximum: 255, shape: shape, path: imagesPath)
        return (tensor, values)
    }

    /// The count and size of the images in an images file, checked against its length.
    static func imagesHeader(_ bytes: [UInt8], path: String) throws(Diagnostic) -> (count: Int, rows: Int, columns: Int) {
        guard bytes.count >= 4 else { throw Diagnostic(.dataset(.wrongLength(path: path, expected: 16, actual: bytes.count))) }
        let magic = word(bytes, at: 0)
        guard magic == imagesMagic else { throw Diagnostic(.dataset(.wrongMagic(path: path, found: magic, expected: imagesMagic))) }
        guard bytes.count >= 16 else { throw Diagnostic(.dataset(.wrongLength(path: path, expected: 16, actual: bytes.count))) }
        let (count, rows, columns) = (Int(word(bytes, at: 4)), Int(word(bytes, at: 8)), Int(word(bytes, at: 12)))
        guard rows >= 1, columns >= 1, rows <= maxSide, columns <= maxSide, count >= 1 else {
            throw Diagnostic(.dataset(.invalidDimensions(path: path, dimensions: [count, rows, columns])))
        }
        let total = try DatasetFile.checkedCount([count, rows, columns], path: path)
        guard bytes.count == 16 + total else { throw Diagnostic(.dataset(.wrongLength(path: path, expected: 16 + total, actual: bytes.count))) }
        return (count, rows, columns)
    }

    /// The count of labels in a labels file, checked against its length.
    static func labelsHeader(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Int {
        guard bytes.count >= 4 else { throw Diagnostic(.dataset(.wrongLength(path: path, expected: 8, actual: bytes.count))) }
        let magic = word(bytes, at: 0)
        guard magic == labelsMagic else { throw Diagnostic(.dataset(.wrongMagic(path: path, found: magic, expected: labelsMagic))) }
        guard bytes.count >= 8 else { throw Diagnostic(.dataset(.wrongLength(path: path, expected: 8, actual: bytes.count))) }
        let count = Int(word(bytes, at: 4))
        guard count >= 1 else { throw Diagnostic(.dataset(.invalidDimensions(path: path, dimensions: [count]))) }
        let total = try DatasetFile.checkedCount([count], path: path)
        guard bytes.count == 8 + total else { throw Diagnostic(.dataset(.wrongLength(path: path, expected: 8 + total, actual: bytes.count))) }
        return count
    }

    /// The big-endian 32-bit word at `offset` (the caller checked the length).
    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
