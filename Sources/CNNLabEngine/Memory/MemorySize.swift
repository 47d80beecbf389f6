/// A number of bytes as people write it for a limit (`512M`, `2G`, `1.5G`, `65536`) and as
/// cnnlab shows it (`512 MiB`, `1.50 GiB`).
///
/// K, M, G and T (with or without a trailing `B` or `iB`, in either case) are powers of 1024,
/// as in the limits of `docker --memory` or a JVM's `-Xmx`; a bare number is bytes. Sizes are
/// shown in the same binary units (KiB, MiB, GiB, TiB), so a limit reads back as it was given.
public struct MemorySize: Sendable, Equatable, CustomStringConvertible {
    public var bytes: Int

    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// Reads `512M`, `2G`, `1.5GiB`, `4096`; nil for anything else, a size of 0 bytes or one
    /// past `Int.max`.
    public init?(parsing text: String) {
        var number = Substring(text.trimmingWhitespace())
        var unit = 1.0
        let suffixes: [(String, Double)] = [("K", 0x1p10), ("M", 0x1p20), ("G", 0x1p30), ("T", 0x1p40)]
        for ending in ["IB", "B"] where number.uppercased().hasSuffix(ending) {
            number = number.dropLast(ending.count)
            break
        }
        if let last = number.last, let (_, scale) = suffixes.first(where: { $0.0 == last.uppercased() }) {
            unit = scale
            number = number.dropLast()
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(number), value.isFinite
        else { return nil }
        let total = (value * unit).rounded(.down)
        guard total >= 1, total < 0x1p63 else { return nil }
        bytes = Int(total)
    }

    /// `512 MiB`, `1.50 GiB`, `900 B`: three significant digits in the largest binary unit.
    public var description: String { text(decimalSeparator: ".") }

    /// The size with Portuguese decimals (`1,50 GiB`) or English ones.
    public func text(in language: Language) -> String {
        text(decimalSeparator: language == .en ? "." : ",")
    }

    private func text(decimalSeparator: String) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        guard unit > 0 else { return "\(bytes) B" }
        let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        var digits = String(scaled / Int(scale))
        if decimals > 0 {
            let fraction = String(scaled % Int(scale))
            digits += decimalSeparator + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return digits + " " + units[unit]
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        let trimmed = drop { $0.isWhitespace }
        return trimmed.dropLast(trimmed.reversed().prefix { $0.isWhitespace }.count)
    }
}
