/// How a `rows × cols` map is scaled to fit the room available: shrunk by averaging
/// `factor × factor` blocks, or magnified so each cell is `scale` rows by
/// `cellWidth × scale` columns — with a cell width of 2 the cells stay square.
struct MapGeometry: Equatable, Sendable {
    /// Side of the averaged blocks; 1 when the map is not downsampled.
    let factor: Int
    /// Rows per cell; 1 when the map is not magnified.
    let scale: Int

    /// The geometry that fits `width × height` terminal cells: the smallest factor that fits,
    /// else the largest scale up to `maxScale`. One source cell is drawn even if nothing fits.
    static func fit(rows: Int, cols: Int, cellWidth: Int, width: Int, height: Int, maxScale: Int) -> MapGeometry {
        let cellWidth = max(1, cellWidth)
        let fittingCols = max(1, width / cellWidth)
        let fittingRows = max(1, height)
        let factor = max(1, ceilDiv(cols, fittingCols), ceilDiv(rows, fittingRows))
        guard factor == 1 else { return MapGeometry(factor: factor, scale: 1) }
        let scale = min(maxScale, width / (cellWidth * cols), height / rows)
        return MapGeometry(factor: 1, scale: max(1, scale))
    }

    /// ⌈a / b⌉ for positive `b`.
    static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        (a + b - 1) / b
    }
}

extension Plane {
    /// The plane averaged over `factor × factor` blocks (edge blocks average the cells they
    /// have). Sums run in Double so huge values do not overflow; a NaN or ±inf in a block
    /// makes its average non-finite, so it still shows as `?`.
    func downsampled(by factor: Int) -> Plane {
        guard factor > 1 else { return self }
        let outRows = MapGeometry.ceilDiv(rows, factor)
        let outCols = MapGeometry.ceilDiv(cols, factor)
        var values: [Float] = []
        values.reserveCapacity(outRows * outCols)
        for blockRow in 0..<outRows {
            for blockCol in 0..<outCols {
                let rowRange = blockRow * factor..<min(rows, (blockRow + 1) * factor)
                let colRange = blockCol * factor..<min(cols, (blockCol + 1) * factor)
                var sum = 0.0
                for r in rowRange { for c in colRange { sum += Double(self[r, c]) } }
                values.append(Float(sum / Double(rowRange.count * colRange.count)))
            }
        }
        return Plane(rows: outRows, cols: outCols, values: values)
    }
}
