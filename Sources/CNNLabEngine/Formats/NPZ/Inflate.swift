/// DEFLATE decompression (RFC 1951) in Swift, for the entries `np.savez_compressed` writes.
///
/// A direct decoder in the manner of zlib's `puff.c`: bits are read one at a time and each
/// Huffman code is found by canonical code length, which is short and easy to check rather than
/// fast (a few MB/s in a debug build, plenty for a model's weights). Every read is bounded: a
/// truncated or malformed stream is an error, never a trap, and the output may not grow past
/// `maxCount` bytes, so a small hostile file cannot make a large allocation.
enum Inflate {
    enum Failure: Error, Equatable {
        /// The stream ends before its last block does.
        case truncated
        /// A code, length or distance the format does not allow.
        case invalid
        /// The data unpacks to more than `maxCount` bytes.
        case tooLong
    }

    /// The unpacked bytes of the raw DEFLATE stream `input` (no zlib or gzip wrapper).
    static func decompress(_ input: ArraySlice<UInt8>, maxCount: Int) throws(Failure) -> [UInt8] {
        var state = State(input: Array(input), maxCount: maxCount)
        var last = false
        while !last {
            last = try state.bits(1) == 1
            switch try state.bits(2) {
            case 0: try state.storedBlock()
            case 1: try state.codes(Tables.fixedLengths, Tables.fixedDistances)
            case 2:
                let (lengths, distances) = try state.dynamicTables()
                try state.codes(lengths, distances)
            default: throw .invalid
            }
        }
        return state.output
    }

    /// The reader's position in the input and the output so far.
    private struct State {
        let input: [UInt8]
        let maxCount: Int
        var position = 0
        var bitBuffer = 0
        var bitCount = 0
        var output: [UInt8] = []

        init(input: [UInt8], maxCount: Int) {
            self.input = input
            self.maxCount = maxCount
            output.reserveCapacity(min(maxCount, 1 << 26))
        }

        /// The next `n` bits (n ≤ 16), least significant first.
        mutating func bits(_ n: Int) throws(Failure) -> Int {
            while bitCount < n {
                guard position < input.count else { throw .truncated }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << n) - 1)
            bitBuffer >>= n
            bitCount -= n
            return value
        }

        mutating func emit(_ byte: UInt8) throws(Failure) {
            guard output.count < maxCount else { throw .tooLong }
            output.append(byte)
        }

        /// A block stored as is: LEN, its complement NLEN, then LEN bytes from the next byte boundary.
        mutating func storedBlock() throws(Failure) {
            bitBuffer = 0
            bitCount = 0
            guard input.count - position >= 4 else { throw .truncated }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard length == ~complement & 0xFFFF else { throw .invalid }
            guard input.count - position >= length else { throw .truncated }
            guard length <= maxCount - output.count else { throw .tooLong }
            output += input[position..<(position + length)]
            position += length
        }

        /// One symbol of `code`.
        mutating func decode(_ code: Huffman) throws(Failure) -> Int {
            var value = 0, first = 0, index = 0
            for length in 1...Huffman.maxBits {
                value |= try bits(1)
                let count = code.counts[length]
                if value - first < count { return code.symbols[index + value - first] }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            throw .invalid
        }

        /// A block's literals, lengths and distances, up to its end-of-block symbol.
        mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws(Failure) {
            while true {
                let symbol = try decode(lengths)
                if symbol < 256 {
                    try emit(UInt8(symbol))
                    continue
                }
                if symbol == 256 { return }
                let l = symbol - 257
                guard l < Tables.lengthBase.count else { throw .invalid }
                let length = Tables.lengthBase[l] + (try bits(Tables.lengthExtra[l]))
                let d = try decode(distances)
                guard d < Tables.distanceBase.count else { throw .invalid }
                let distance = Tables.distanceBase[d] + (try bits(Tables.distanceExtra[d]))
                guard distance <= output.count else { throw .invalid }
                guard length <= maxCount - output.count else { throw .tooLong }
                let start = output.count - distance
                // Byte by byte: the copy may overlap what it writes (a run).
                for k in 0..<length { output.append(output[start + k]) }
            }
        }

        /// The literal/length and distance codes of a dynamic block, read from its header.
        mutating func dynamicTables() throws(Failure) -> (Huffman, Huffman) {
            let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, codeCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw .invalid }
            var codeLengths = [Int](repeating: 0, count: 19)
            for k in 0..<codeCount { codeLengths[Tables.codeLengthOrder[k]] = try bits(3) }
            let lengthCode = try Huffman(lengths: codeLengths[...])
            var lengths: [Int] = []
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(lengthCode)
                switch symbol {
                case 0..<16: lengths.append(symbol)
                case 16:
                    guard let previous = lengths.last else { throw .invalid }
                    lengths += repeatElement(previous, count: 3 + (try bits(2)))
                case 17: lengths += repeatElement(0, count: 3 + (try bits(3)))
                default: lengths += repeatElement(0, count: 11 + (try bits(7)))
                }
            }
            guard lengths.count == literalCount + distanceCount, lengths[256] != 0 else { throw .invalid }
            return (try Huffman(lengths: lengths[..<literalCount]), try Huffman(lengths: lengths[literalCount...]))
        }
    }

    /// A canonical Huffman code: how many codes have each length, and the symbols in code order.
    struct Huffman {
        static let maxBits = 15
        var counts = [Int](repeating: 0, count: maxBits + 1)
        var symbols: [Int] = []

        /// The code with these code lengths per symbol (0: the symbol is unused). An incomplete
        /// code is allowed (a stream may never use the missing codes); an over-subscribed one is not.
        init(lengths: ArraySlice<Int>) throws(Failure) {
            for length in lengths {
                guard (0...Self.maxBits).contains(length) else { throw .invalid }
                counts[length] += 1
            }
            var left = 1
            for length in 1...Self.maxBits {
                left = left << 1 - counts[length]
                guard left >= 0 else { throw .invalid }
            }
            var offsets = [Int](repeating: 0, count: Self.maxBits + 2)
            for length in 1...Self.maxBits { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: offsets[Self.maxBits + 1])
            for (symbol, length) in zip(0..., lengths) where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    /// The constants of RFC 1951, section 3.2.5–3.2.7.
    private enum Tables {
        static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distanceBase = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
            8193, 12289, 16385, 24577,
        ]
        static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        /// Block type 1's codes: literals 0–143 in 8 bits, 144–255 in 9, 256–279 in 7, 280–287 in 8; distances in 5.
        static let fixedLengths: Huffman = {
            let lengths = Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)
            return (try? Huffman(lengths: lengths[...])) ?? Huffman.empty
        }()
        static let fixedDistances: Huffman = (try? Huffman(lengths: Array(repeating: 5, count: 30)[...])) ?? Huffman.empty
    }
}

extension Inflate.Huffman {
    /// A code with no symbols (decoding with it always fails).
    static let empty = Inflate.Huffman()

    private init() {}
}
