import ConvCore

/// NumPy's `.npy` format (versions 1.0–3.0): decoding to and encoding from `Tensor`.
///
/// Reads little- and big-endian float16/32/64, signed and unsigned integers of 1–8 bytes and
/// booleans, in C or Fortran order; values are converted to Float32. Writes version 1.0,
/// `<f4`, C order (and `|u1` byte arrays, for the text a `.npz` model carries). Decoding
/// checks every length against the data, so a truncated or hostile file is an error, never a
/// trap. See numpy's `numpy/lib/format.py` for the specification.
public enum NPYFormat {
    /// Why a file could not be decoded.
    public enum DecodeError: Error, Equatable {
        case malformed(String)
        case unsupported(String)

        /// The error as the diagnostic of reading `path`.
        func diagnostic(path: String, at range: SourceRange? = nil) -> Diagnostic {
            switch self {
            case .malformed(let reason): return Diagnostic(.npyMalformed(path, reason: reason), at: range)
            case .unsupported(let reason): return Diagnostic(.npyUnsupported(path, reason: reason), at: range)
            }
        }
    }

    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

    /// The longest header read, in bytes: numpy's own default (`max_header_size` of
    /// `np.load`), since a longer one is not a header numpy writes. A 100 MB header once took
    /// 1.8 GB to parse.
    public static let maxHeaderLength = 10_000

    /// The largest file that can hold a tensor cnnlab accepts: the biggest header, then
    /// ``Tensor/maxElementCount`` values of the widest type (8 bytes).
    public static let maxFileBytes = 12 + maxHeaderLength + Tensor.maxElementCount * 8

    /// How many values the file's header announces (read from the header alone, so a caller
    /// can tell what decoding would allocate).
    public static func elementCount(_ bytes: [UInt8]) throws(DecodeError) -> Int {
        try layout(bytes).count
    }

    /// The header, the data type, where the data starts and the number of values.
    private static func layout(_ bytes: [UInt8]) throws(DecodeError) -> (header: NPYHeader, dtype: NPYDataType, dataStart: Int, count: Int) {
        let (dict, dataStart) = try header(of: bytes)
        let dtype = try NPYDataType(descr: dict.descr)
        guard let count = dict.shape.isEmpty ? 1 : Tensor.elementCount(dict.shape) else {
            if dict.shape.contains(0) { throw .unsupported("empty array of shape \(dict.shape)") }
            throw .malformed("shape \(dict.shape) is invalid")
        }
        guard count <= Tensor.maxElementCount else {
            throw .unsupported("shape \(dict.shape) has \(count) values; cnnlab holds at most \(Tensor.maxElementCount) in one tensor")
        }
        return (dict, dtype, dataStart, count)
    }

    /// Decodes a whole `.npy` file.
    public static func decode(_ bytes: [UInt8]) throws(DecodeError) -> Tensor {
        let (dict, dtype, dataStart, count) = try layout(bytes)
        let (needed, overflow) = count.multipliedReportingOverflow(by: dtype.size)
        guard !overflow, needed <= bytes.count - dataStart else {
            throw .malformed("data is truncated: shape \(dict.shape) needs \(overflow ? "too many" : String(needed)) bytes, file has \(bytes.count - dataStart)")
        }
        var values = [Float](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { buf in
            for i in 0..<count {
                values[i] = dtype.read(buf, at: dataStart + i * dtype.size)
            }
        }
        if dict.shape.isEmpty { return Tensor(scalar: values[0]) }
        do {
            if dict.fortranOrder && dict.shape.count > 1 {
                return try transposedFromFortran(values, shape: dict.shape)
            }
            return try Tensor(shape: dict.shape, storage: values)
        } catch {
            throw .malformed("shape \(dict.shape) does not match the data")
        }
    }

    /// The header of a `.npy` file and the offset where its data starts (the data itself is
    /// not checked: `decode` does that).
    static func header(of bytes: [UInt8]) throws(DecodeError) -> (NPYHeader, dataStart: Int) {
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw .malformed("missing the \\x93NUMPY magic string")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw .malformed("truncated header length") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw .unsupported("format version \(major).\(bytes[7])")
        }
        guard headerLength <= maxHeaderLength else {
            throw .malformed("the header is \(headerLength) bytes long; numpy and cnnlab read headers of at most \(maxHeaderLength)")
        }
        guard headerLength <= bytes.count - headerStart else { throw .malformed("header runs past the end of the file") }
        let headerBytes = bytes[headerStart..<(headerStart + headerLength)]
        guard let text = String(validating: headerBytes, as: UTF8.self) else {
            throw .malformed("header is not text")
        }
        return (try NPYHeader(parsing: text), headerStart + headerLength)
    }

    /// Encodes `tensor` as a version 1.0 `.npy` file of little-endian float32 in C order.
    public static func encode(_ tensor: Tensor) -> [UInt8] {
        var out = preamble(descr: "<f4", shape: tensor.shape)
        out.reserveCapacity(out.count + tensor.count * 4)
        for v in tensor.storage {
            let bits = v.bitPattern.littleEndian
            out += [UInt8(bits & 0xFF), UInt8((bits >> 8) & 0xFF), UInt8((bits >> 16) & 0xFF), UInt8(bits >> 24)]
        }
        return out
    }

    /// Encodes `bytes` as a version 1.0 `.npy` file of a one-dimensional array of unsigned bytes
    /// (`|u1`), as `np.frombuffer(bytes, np.uint8)` saves.
    static func encode(bytes: [UInt8]) -> [UInt8] {
        preamble(descr: "|u1", shape: [bytes.count]) + bytes
    }

    /// The magic string, version 1.0 and the header, padded with spaces so that the data starts
    /// at a multiple of 64 bytes.
    private static func preamble(descr: String, shape: [Int]) -> [UInt8] {
        let shapeText: String
        switch shape.count {
        case 0: shapeText = "()"
        case 1: shapeText = "(\(shape[0]),)"
        default: shapeText = "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let n = header.utf8.count
        return magic + [1, 0, UInt8(n & 0xFF), UInt8(n >> 8)] + Array(header.utf8)
    }

    /// Reorders column-major values into a row-major tensor of `shape`.
    private static func transposedFromFortran(_ values: [Float], shape: [Int]) throws(TensorError) -> Tensor {
        let rank = shape.count
        var out = [Float](repeating: 0, count: values.count)
        var index = [Int](repeating: 0, count: rank)
        // Walk the row-major output; compute the column-major offset of each index.
        var fStrides = [Int](repeating: 1, count: rank)
        for d in 1..<rank { fStrides[d] = fStrides[d - 1] * shape[d - 1] }
        for i in 0..<values.count {
            var off = 0
            for d in 0..<rank { off += index[d] * fStrides[d] }
            out[i] = values[off]
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return try Tensor(shape: shape, storage: out)
    }
}
