import ConvCore
import Foundation

/// Reading a dataset's files: whole, after checking their size on disk, with every problem a
/// diagnostic naming the file.
enum DatasetFile {
    /// The largest dataset file read: 512 MiB (CIFAR-10's batches are 30 MB, MNIST's images 47 MB).
    static let maxFileSize = 512 << 20

    /// Whether a regular file exists at `path`.
    static func exists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The bytes of `path`, refused before reading when the file is larger than `maxFileSize`.
    static func read(_ path: String) throws(Diagnostic) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Diagnostic(.fileNotFound(path)) }
        guard !isDirectory.boolValue else { throw Diagnostic(.fileUnreadable(path, reason: "it is a directory")) }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxFileSize else { throw Diagnostic(.dataset(.tooLarge(path: path, claimed: "\(size)", limit: maxFileSize))) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.fileUnreadable(path, reason: "permission denied or I/O error"))
        }
        return [UInt8](data)
    }

    /// `count` bytes from `offset` as Floats divided by `maximum` (correctly rounded), in a tensor of `shape`
    /// (the caller checked that the bytes exist and that `shape` holds `count` elements).
    static func scaled(_ bytes: [UInt8], from offset: Int, count: Int, maximum: Float, shape: [Int], path: String) throws(Diagnostic) -> Tensor {
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBufferPointer { src in
                for i in 0..<count { buffer[i] = Float(src[offset + i]) / maximum }
            }
            initialized = count
        }
        do {
            return try Tensor(shape: shape, storage: values)
        } catch {
            throw Diagnostic(.dataset(.invalidDimensions(path: path, dimensions: shape)))
        }
    }

    /// Checks that a claimed `shape` is small enough to hold, without forming the product
    /// unchecked; returns its element count.
    static func checkedCount(_ shape: [Int], path: String) throws(Diagnostic) -> Int {
        guard shape.allSatisfy({ $0 >= 1 }) else { throw Diagnostic(.dataset(.invalidDimensions(path: path, dimensions: shape))) }
        guard let count = Tensor.elementCount(shape), count <= Tensor.maxElementCount else {
            throw Diagnostic(.dataset(.tooLarge(path: path, claimed: shapeText(shape), limit: Tensor.maxElementCount)))
        }
        return count
    }

    /// Class names `"0"` to `"9"`.
    static let digitNames = (0..<10).map(String.init)
}
