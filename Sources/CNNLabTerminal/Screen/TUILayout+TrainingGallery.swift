import CNNLabEngine
import ConvCore

/// The live training view's pictures, below the curves: the first conv layer's filters and
/// what they make of a test image (in the viewer's place), and a few test images with the
/// class the network gives each and its probability (in the output pane's place, while the
/// run lasts).
extension TUILayout {
    static func drawFilters(_ snapshot: TrainingSnapshot, _ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let L = state.language
        let layer = snapshot.filterLayer.map { "\($0)" } ?? "?"
        grid.box(rect, title: L.pick("Filters W[\(layer)] and a[\(layer)]", "Filtros W[\(layer)] e a[\(layer)]"), border(.viewer, state, theme), theme.title, unicode: state.unicode)
        let inner = rect.inner
        guard let filters = snapshot.filters, let activations = snapshot.activations else {
            grid.lines([(L.pick("no conv layer: nothing to picture", "sem camada conv: nada para mostrar"), theme.dim)], in: inner)
            return
        }
        let f = filters.rank == 4 ? filters.shape[0] : 0
        let band = max(1, min((f + 1) / 2, (inner.height - 2) / 2))
        let filterLabel = L.pick("filters (\(f)×\(f), mean over channels)", "filtros (\(f)×\(f), média dos canais)")
        grid.write(filterLabel, row: inner.row, col: inner.col, theme.dim, limit: inner.width)
        drawTiles(of: filters, Rect(row: inner.row + 1, col: inner.col, width: inner.width, height: band), state, theme, &grid)
        let mapRow = inner.row + 1 + band
        let mapLabel = L.pick("what they see in test image 1", "o que veem na imagem de teste 1")
        grid.write(mapLabel, row: mapRow, col: inner.col, theme.dim, limit: inner.width)
        drawTiles(of: activations, Rect(row: mapRow + 1, col: inner.col, width: inner.width, height: max(1, inner.height - band - 2)), state, theme, &grid)
    }

    static func drawTestImages(_ snapshot: TrainingSnapshot, _ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let L = state.language
        grid.box(rect, title: L.pick("Test images", "Imagens de teste"), border(.output, state, theme), theme.title, unicode: state.unicode)
        let inner = rect.inner
        let pictureHeight = max(1, inner.height - 2)
        // Each image at its own size where it fits, at least three across, captions below.
        let side = snapshot.predictions.first.map { $0.image.rank >= 2 ? $0.image.shape[1] : 1 } ?? 1
        let tile = max(6, min(side + 1, inner.width / 3))
        let count = min(snapshot.predictions.count, max(1, inner.width / tile))
        for (i, prediction) in snapshot.predictions.prefix(count).enumerated() {
            let col = inner.col + i * tile
            if let plane = Plane(channel: 0, of: prediction.image) {
                let picture = Thumbnail(plane, maxWidth: tile - 1, maxHeight: pictureHeight, color: state.heatmapColorDepth != .none, unicode: state.unicode)
                draw(picture, row: inner.row, col: col, &grid)
            }
            let right = prediction.predicted == prediction.label
            let name = snapshot.classNames.indices.contains(prediction.predicted) ? snapshot.classNames[prediction.predicted] : "?"
            let mark = state.unicode ? (right ? "✓" : "✗") : (right ? "+" : "x")
            // A run that diverged gives NaN probabilities: shown as `?`, never converted to Int.
            let percent = prediction.probability.isFinite ? "\(Int((prediction.probability * 100).rounded()))%" : "?%"
            grid.write(mark + String(name.prefix(tile - 2)), row: inner.row + pictureHeight, col: col, right ? theme.info : theme.error, limit: tile - 1)
            grid.write(percent, row: inner.row + pictureHeight + 1, col: col, theme.dim, limit: tile - 1)
        }
    }

    /// Every channel of `t` (n_H × n_W × n_c, or f × f × n_c[l−1] × n_c[l]) side by side in
    /// `rect`, as many as fit, and `+k` for the rest.
    private static func drawTiles(of t: Tensor, _ rect: Rect, _ state: TUIState, _ theme: TUITheme, _ grid: inout CellGrid) {
        guard t.rank >= 3, rect.width > 0 else { return }
        let channels = t.shape[t.rank - 1]
        let color = state.heatmapColorDepth != .none
        var col = rect.col
        for k in 0..<channels {
            guard let plane = Plane(channel: k, of: t) else { break }
            let picture = Thumbnail(plane, maxWidth: rect.width, maxHeight: rect.height, color: color, unicode: state.unicode)
            guard col + picture.width <= rect.col + rect.width - 3 || k == channels - 1 && col + picture.width <= rect.col + rect.width else {
                grid.write("+\(channels - k)", row: rect.row, col: col, theme.dim, limit: rect.col + rect.width - col)
                return
            }
            draw(picture, row: rect.row, col: col, &grid)
            col += picture.width + 1
        }
    }

    private static func draw(_ picture: Thumbnail, row: Int, col: Int, _ grid: inout CellGrid) {
        for (r, cells) in picture.cells.enumerated() {
            for (c, cell) in cells.enumerated() {
                _ = grid.write(String(cell.character), row: row + r, col: col + c, cell.attributes, limit: 1)
            }
        }
    }
}
