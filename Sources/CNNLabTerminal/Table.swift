/// A plain text table with aligned columns; numbers right-aligned, text left-aligned.
struct Table {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    /// Each column's width in terminal cells: its widest cell or header.
    private var columnWidths: [Int] {
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        return widths
    }

    /// The rendered table's width in terminal cells (the rule's length).
    var width: Int {
        let widths = columnWidths
        return widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }

    /// The table as lines, columns separated by two spaces, a rule under the header.
    func render(style: TextStyle) -> String {
        let widths = columnWidths
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, w) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, w - DisplayWidth.of(cell)))
                parts.append(alignments[i] == .right ? pad + cell : cell + pad)
            }
            return String(parts.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
        }
        var out = style.bold(line(headers)) + "\n"
        out += String(repeating: "─", count: width) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
