/// A line chart in Unicode braille (each character is 2×4 dots), for curves drawn in a
/// terminal: the loss and the accuracy while a network trains.
public enum BrailleChart {
    /// `values` drawn left to right over `width` characters and `height` rows, scaled to
    /// `range` (default: the values' own minimum and maximum). Without Unicode, `*` marks.
    public static func lines(_ values: [Double], width: Int, height: Int, range: ClosedRange<Double>? = nil, unicode: Bool = true) -> [String] {
        let w = max(1, width), h = max(1, height)
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return [String](repeating: String(repeating: " ", count: w), count: h) }
        let lo = range?.lowerBound ?? (finite.min() ?? 0)
        var hi = range?.upperBound ?? (finite.max() ?? 1)
        if hi <= lo { hi = lo + 1 }
        let columns = w * 2, rows = h * 4
        var dots = [[Bool]](repeating: [Bool](repeating: false, count: columns), count: rows)
        func row(_ v: Double) -> Int {
            let t = min(1, max(0, (v - lo) / (hi - lo)))
            return rows - 1 - Int((t * Double(rows - 1)).rounded())
        }
        var previous: Int?
        for x in 0..<columns {
            // The value at this column (the curve is resampled to the chart's width).
            let i = finite.count == 1 ? 0 : Int((Double(x) / Double(columns - 1) * Double(finite.count - 1)).rounded())
            let y = row(finite[min(i, finite.count - 1)])
            let from = previous.map { min($0, y) } ?? y, to = previous.map { max($0, y) } ?? y
            for r in from...to { dots[r][x] = true }  // joined to the last column: a line, not dust
            previous = y
        }
        return (0..<h).map { cell in
            String((0..<w).map { c -> Character in
                var bits: UInt32 = 0
                let order: [(Int, Int, UInt32)] = [(0, 0, 0x01), (1, 0, 0x02), (2, 0, 0x04), (0, 1, 0x08), (1, 1, 0x10), (2, 1, 0x20), (3, 0, 0x40), (3, 1, 0x80)]
                for (dy, dx, bit) in order where dots[cell * 4 + dy][c * 2 + dx] { bits |= bit }
                if !unicode { return bits == 0 ? " " : "*" }
                return Character(Unicode.Scalar(0x2800 + bits) ?? " ")
            })
        }
    }
}
