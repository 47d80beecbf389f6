/// A rectangle of cells: top-left corner and size.
struct Rect: Equatable {
    var row: Int
    var col: Int
    var width: Int
    var height: Int

    /// The area inside a one-cell border.
    var inner: Rect { Rect(row: row + 1, col: col + 1, width: max(0, width - 2), height: max(0, height - 2)) }
}

extension CellGrid {
    /// Draws a border around `rect` with `title` in its top line (box lines, or `+-|` in ASCII).
    mutating func box(_ rect: Rect, title: String, _ border: CellAttributes, _ titleAttributes: CellAttributes, unicode: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, corners) = unicode ? ("─", "│", ["┌", "┐", "└", "┘"]) : ("-", "|", ["+", "+", "+", "+"])
        let bar = String(repeating: h, count: rect.width - 2)
        write(corners[0] + bar + corners[1], row: rect.row, col: rect.col, border)
        write(corners[2] + bar + corners[3], row: rect.row + rect.height - 1, col: rect.col, border)
        for r in rect.row + 1..<rect.row + rect.height - 1 {
            write(v, row: r, col: rect.col, border)
            write(v, row: r, col: rect.col + rect.width - 1, border)
        }
        if !title.isEmpty, rect.width > 4 {
            write(" \(title) ", row: rect.row, col: rect.col + 2, titleAttributes, limit: rect.width - 4)
        }
    }

    /// Writes `lines` into `rect`, one per row, clipped to it.
    mutating func lines(_ lines: [(String, CellAttributes)], in rect: Rect) {
        for (i, line) in lines.prefix(rect.height).enumerated() {
            write(line.0, row: rect.row + i, col: rect.col, line.1, limit: rect.width)
        }
    }
}
