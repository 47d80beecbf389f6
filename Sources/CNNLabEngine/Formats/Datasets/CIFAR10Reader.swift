import ConvCore

/// CIFAR-10's binary batches (`data_batch_1.bin` … `data_batch_5.bin`, `test_batch.bin`): records
/// of one label byte (0–9) and 3072 pixel bytes, the 32×32 red plane, then green, then blue,
/// each row by row. The reader checks that a file is a whole, non-zero number of records and
/// every label is a class, and turns the planes into the lecture's `32 × 32 × 3` (NHWC) layout.
public enum CIFAR10Reader {
    /// Bytes per record: one label and 32·32·3 pixels.
    public static let recordSize = 1 + 3072
    /// The class names, in label order (from the dataset's `batches.meta.txt`).
    public static let classNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]

    /// The images (`N × 32 × 32 × 3`, pixels scaled to 0…1) and labels of the batches in
    /// `files`, concatenated in order (each file's bytes with the path its messages name).
    public static func decode(_ files: [(bytes: [UInt8], path: String)]) throws(Diagnostic) -> (images: Tensor, labels: [Int]) {
        var records = 0
        for file in files {
            guard !file.bytes.isEmpty, file.bytes.count % recordSize == 0 else {
                throw Diagnostic(.dataset(.partialRecord(path: file.path, size: file.bytes.count, recordSize: recordSize)))
            }
            records += file.bytes.count / recordSize
        }
        guard records >= 1 else { throw Diagnostic(.dataset(.tooFewExamples(0))) }
        let count = try DatasetFile.checkedCount([records, 32, 32, 3], path: files.first?.path ?? "CIFAR-10")
        var labels = [Int]()
        labels.reserveCapacity(records)
        var values = [Float](repeating: 0, count: count)
        var n = 0
        for file in files {
            let fileRecords = file.bytes.count / recordSize
            try file.bytes.withUnsafeBufferPointer { (src) throws(Diagnostic) in
                try values.withUnsafeMutableBufferPointer { (dst) throws(Diagnostic) in
                    for r in 0..<fileRecords {
                        let record = r * recordSize
                        let label = Int(src[record])
                        guard label < 10 else {
                            throw Diagnostic(.dataset(.labelOutOfRange(path: file.path, index: r, label: label, classes: 10)))
                        }
                        labels.append(label)
                        let image = n * 3072
                        for p in 0..<1024 {
                            for c in 0..<3 {
                                dst[image + p * 3 + c] = Float(src[record + 1 + c * 1024 + p]) / 255
                            }
                        }
                        n += 1
                    }
                }
            }
        }
        do {
            return (try Tensor(shape: [records, 32, 32, 3], storage: values), labels)
        } catch {
            throw Diagnostic(.tensor(operation: "cifar10", error))
        }
    }
}
