import ConvCore

/// A small picture of one 2-D map in terminal cells, for the live training view: a filter, a
/// feature map, a test image. No frame, no legend: the pane around it says what it is.
///
/// With colour, each cell shows two pixels, one above the other (`▀` in the top pixel's
/// colour on the bottom pixel's), from the 256-colour palette: greys for one-signed maps,
/// blue–white–red centred on zero for maps with both signs (filters). Without colour (or in
/// ASCII), each cell shows one pixel of a map whose rows were averaged in pairs, as a shade.
/// Maps larger than the room are averaged down in blocks.
struct Thumbnail: Equatable, Sendable {
    /// Rows of cells, each `width` cells wide.
    let cells: [[Cell]]

    /// Columns it takes.
    var width: Int { cells.first?.count ?? 0 }

    /// `plane` drawn in at most `maxWidth × maxHeight` cells.
    init(_ plane: Plane, maxWidth: Int, maxHeight: Int, color: Bool, unicode: Bool) {
        guard plane.rows > 0, plane.cols > 0, maxWidth > 0, maxHeight > 0 else {
            cells = []
            return
        }
        let pixelRowsPerCell = 2
        let factor = max(1, MapGeometry.ceilDiv(plane.cols, maxWidth), MapGeometry.ceilDiv(plane.rows, maxHeight * pixelRowsPerCell))
        let map = plane.downsampled(by: factor)
        let scale = ValueScale(values: map.values)
        let colours = ColorScale(truecolor: false, diverging: scale.isDiverging)
        func colour(_ value: Float) -> UInt8? {
            scale.position(of: value).flatMap { colours.color(at: $0).paletteIndex }
        }
        var rows: [[Cell]] = []
        for top in stride(from: 0, to: map.rows, by: pixelRowsPerCell) {
            var row: [Cell] = []
            for c in 0..<map.cols {
                let upper = map[top, c]
                let lower = top + 1 < map.rows ? map[top + 1, c] : nil
                if color {
                    let bottom = lower.flatMap(colour)
                    row.append(Cell(unicode ? "▀" : "\"", CellAttributes(foreground: colour(upper), background: bottom)))
                } else {
                    let mean = lower.map { (Double(upper) + Double($0)) / 2 } ?? Double(upper)
                    row.append(Cell(Self.shade(scale.position(of: Float(mean)), diverging: scale.isDiverging, unicode: unicode)))
                }
            }
            rows.append(row)
        }
        cells = rows
    }

    /// The shade of a scale position: light to dark for 0…1; for −1…1, the magnitude (a
    /// filter's strong weights of either sign stand out, the sign is lost without colour).
    private static func shade(_ position: Double?, diverging: Bool, unicode: Bool) -> Character {
        guard let position else { return "?" }
        let ramp: [Character] = unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", ":", "*", "#"]
        let level = diverging ? position.magnitude : position
        return ramp[min(ramp.count - 1, max(0, Int((level * Double(ramp.count - 1)).rounded())))]
    }
}

extension Plane {
    /// Channel `k` of an n_H × n_W × n_c tensor (the mean over every input channel of filter `k`
    /// when `t` is f × f × n_c[l−1] × n_c[l]); nil for other ranks or `k` out of range.
    init?(channel k: Int, of t: Tensor) {
        guard t.rank == 3 || t.rank == 4, k >= 0, k < t.shape[t.rank - 1] else { return nil }
        let (rows, cols) = (t.shape[0], t.shape[1])
        let inner = t.rank == 4 ? t.shape[2] : 1
        let channels = t.shape[t.rank - 1]
        var values = [Float](repeating: 0, count: rows * cols)
        t.storage.withUnsafeBufferPointer { s in
            for p in 0..<(rows * cols) {
                var sum: Float = 0
                for i in 0..<inner { sum += s[(p * inner + i) * channels + k] }
                values[p] = sum / Float(inner)
            }
        }
        self.init(rows: rows, cols: cols, values: values)
    }
}
