/// An element type of a `.npy` file (`descr` such as `<f4`, `|u1`, `>i8`).
struct NPYDataType {
    enum Kind { case float, signed, unsigned, bool }

    var kind: Kind
    var size: Int
    var bigEndian: Bool

    init(descr: String) throws(NPYFormat.DecodeError) {
        let c = Array(descr)
        guard c.count >= 3, let size = Int(String(c[2...])) else {
            throw .unsupported("dtype '\(descr)'")
        }
        switch c[0] {
        case "<", "|", "=": bigEndian = false
        case ">": bigEndian = true
        default: throw .unsupported("dtype '\(descr)'")
        }
        switch (c[1], size) {
        case ("f", 2), ("f", 4), ("f", 8): kind = .float
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): kind = .signed
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): kind = .unsigned
        case ("b", 1): kind = .bool
        default:
            throw .unsupported("dtype '\(descr)' (cnnlab reads float16/32/64, integers and booleans)")
        }
        self.size = size
    }

    /// The element at byte `offset`, converted to Float32 (caller checked the bounds).
    func read(_ buf: UnsafeBufferPointer<UInt8>, at offset: Int) -> Float {
        var bits: UInt64 = 0
        for k in 0..<size {
            let byte = UInt64(buf[offset + (bigEndian ? size - 1 - k : k)])
            bits |= byte << (8 * UInt64(k))
        }
        switch kind {
        case .bool: return bits == 0 ? 0 : 1
        case .unsigned: return Float(bits)
        case .signed:
            let shift = UInt64(64 - 8 * size)
            return Float(Int64(bitPattern: bits << shift) >> Int64(shift))
        case .float:
            switch size {
            case 2: return Float(halfBits: UInt16(truncatingIfNeeded: bits))
            case 4: return Float(bitPattern: UInt32(truncatingIfNeeded: bits))
            default: return Float(Double(bitPattern: bits))
            }
        }
    }
}

extension Float {
    /// Converts IEEE 754 binary16 bits without relying on the platform's `Float16`.
    init(halfBits h: UInt16) {
        let sign: Float = (h & 0x8000) != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F)
        let fraction = Float(h & 0x3FF)
        switch exponent {
        case 0: self = sign * fraction * 0x1p-24
        case 31: self = fraction == 0 ? sign * .infinity : .nan
        default: self = sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
