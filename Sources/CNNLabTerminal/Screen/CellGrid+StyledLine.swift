extension Paint {
    /// These colours as cell attributes, which hold palette indexes: the scale colour as the
    /// background, black (0) or bright white (15) as the text. A 24-bit colour has no index
    /// and shows in the default colours, so the TUI asks heatmaps for 256 colours.
    var cellAttributes: CellAttributes {
        let foreground: UInt8? = switch self.foreground {
        case nil: nil
        case .black: 0
        case .brightWhite: 15
        }
        return CellAttributes(foreground: foreground, background: background.paletteIndex)
    }
}

extension CellGrid {
    /// Writes `lines` into `rect`, one per row, each run in its colours (plain runs in the
    /// default look); clipped to the rectangle, as ``lines(_:in:)`` clips plain text.
    mutating func styledLines(_ lines: [StyledLine], in rect: Rect) {
        for (i, line) in lines.prefix(rect.height).enumerated() {
            var col = rect.col
            for run in line.runs {
                let room = rect.col + rect.width - col
                let written = write(run.text, row: rect.row + i, col: col, run.paint?.cellAttributes ?? .plain, limit: room)
                col += written
                // A run cut short ends the line, as one string written in one go would.
                if written < DisplayWidth.of(run.text) { break }
            }
        }
    }
}
