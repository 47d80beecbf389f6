import CNNLabEngine

/// Lays out the whole TUI screen for a state and a size: a pure function, so every screen can
/// be tested as a grid of cells without a terminal.
///
/// ```
/// ┌ Network ───────────┐┌ Derivation: layer 1 ────────────┐
/// │ (layers, shapes)   ││ (the text of `explain`)         │
/// └────────────────────┘└─────────────────────────────────┘
/// ┌ Viewer ─────────────────────────┐┌ Output ────────────┐
/// │ (heatmap, or the stepper)       ││ (results, errors)  │
/// └─────────────────────────────────┘└────────────────────┘
/// cnn> command line
///  key bar
/// ```
public enum TUILayout {
    /// The smallest screen the TUI draws on; below it a message asks for more room.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    /// The message shown when the screen is smaller than the minimum:
    /// `terminal too small (needs 80×24)` in English.
    public static func tooSmallMessage(in language: Language = .en) -> String {
        TUIText.tooSmall(width: minimumWidth, height: minimumHeight, in: language)
    }

    /// The screen for `state` at `width × height`; never traps, whatever the size.
    public static func render(_ state: TUIState, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            drawTooSmall(state.language, &grid)
            return grid
        }
        let theme = TUITheme(color: state.color)
        let frames = Frames(width: width, height: height, wideViewer: state.stepper != nil, wideTop: state.quiz != nil || state.training != nil)
        if let training = state.training {
            drawTraining(training, state, frames.derivation, theme, &grid)
        } else if let quiz = state.quiz {
            drawQuiz(quiz, state, frames.derivation, theme, &grid)
        } else {
            drawNetwork(state, frames.network, theme, &grid)
            if let lesson = state.lesson {
                drawLesson(lesson, state, frames.derivation, theme, &grid)
            } else {
                drawDerivation(state, frames.derivation, theme, &grid)
            }
        }
        if let stepper = state.stepper {
            drawStepper(stepper, state, frames.viewer, theme, &grid)
        } else if let snapshot = state.training?.snapshot {
            drawFilters(snapshot, state, frames.viewer, theme, &grid)
        } else {
            drawViewer(state, frames.viewer, theme, &grid)
        }
        if let output = frames.output {
            if let snapshot = state.training?.snapshot, state.training?.report == nil {
                drawTestImages(snapshot, state, output, theme, &grid)
            } else {
                drawOutput(state, output, theme, &grid)
            }
        }
        drawCommandLine(state, row: height - 2, theme, &grid)
        drawKeyBar(state, row: height - 1, theme, &grid)
        if state.showHelp { drawHelp(state, theme, &grid) }
        return grid
    }

    /// Where each pane goes.
    struct Frames {
        let network: Rect
        let derivation: Rect
        let viewer: Rect
        /// Nil while the stepper takes the whole bottom row.
        let output: Rect?

        /// With a quiz or a training run, its pane takes the whole top, and more of the height.
        init(width: Int, height: Int, wideViewer: Bool, wideTop: Bool = false) {
            let content = height - 2
            let top = wideTop ? max(10, content - max(9, content * 2 / 5)) : max(10, content / 2)
            let left = wideTop ? 0 : max(32, width * 2 / 5)
            network = Rect(row: 0, col: 0, width: left, height: top)
            derivation = Rect(row: 0, col: left, width: width - left, height: top)
            let viewerWidth = wideViewer ? width : width * 3 / 5
            viewer = Rect(row: top, col: 0, width: viewerWidth, height: content - top)
            output = wideViewer ? nil : Rect(row: top, col: viewerWidth, width: width - viewerWidth, height: content - top)
        }
    }

    static func border(_ pane: TUIState.Pane, _ state: TUIState, _ theme: TUITheme) -> CellAttributes {
        state.focus == pane ? theme.focusedBorder : theme.border
    }

    private static func drawTooSmall(_ language: Language, _ grid: inout CellGrid) {
        let lines = [tooSmallMessage(in: language), TUIText.currentSize(width: grid.width, height: grid.height, in: language)]
        let top = max(0, grid.height / 2 - 1)
        for (i, line) in lines.enumerated() {
            let col = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.write(line, row: top + i, col: col, i == 0 ? CellAttributes(bold: true) : .plain)
        }
    }

    // MARK: Network and derivation

    private static func drawNetwork(_ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let language = state.language
        let total = CheckedCount.sum(state.reports.lazy.map(\.params))
        let title = TUIText.networkTitle(hasLayers: !state.reports.isEmpty, params: total, in: language)
        grid.box(rect, title: title, border(.network, state, theme), theme.title, unicode: state.unicode)
        let inner = rect.inner
        guard !state.reports.isEmpty else {
            let hint = TUIText.noNetwork(in: language)
            grid.lines([(hint, theme.dim), ("  input 39x39x3", theme.dim), ("  conv 10 f=3", theme.dim)], in: inner)
            return
        }
        let columns = TUIText.networkColumns(in: language)
        let fullNames = state.reports.map { ($0.typeName + " " + LayerRenderer.hyperParameters($0)).trimmingTrailingSpaces() }
        let shapes = state.reports.map { $0.output.description }
        let params = state.reports.map { String($0.params) }
        let shapeWidth = shapes.map(DisplayWidth.of).max() ?? 0
        let paramWidth = max(DisplayWidth.of(columns.params), params.map(DisplayWidth.of).max() ?? 0)
        // Names give way first (cut with …) so shapes and parameter counts always show.
        let nameWidth = max(5, min(fullNames.map(DisplayWidth.of).max() ?? 0, inner.width - 8 - shapeWidth - paramWidth))
        let names = fullNames.map { clip($0, to: nameWidth, unicode: state.unicode) }
        let header = "  # " + DisplayWidth.padRight(columns.layer, to: nameWidth) + "  " + DisplayWidth.padRight(columns.output, to: shapeWidth)
            + "  " + DisplayWidth.padLeft(columns.params, to: paramWidth)
        grid.write(header, row: inner.row, col: inner.col, theme.dim, limit: inner.width)
        let rows = inner.height - 1
        let first = max(0, min(state.selectedLayer - rows + 1, state.reports.count - rows))
        for (line, i) in (first..<min(state.reports.count, first + rows)).enumerated() {
            let selected = i == state.selectedLayer
            let marker = selected ? (state.unicode ? "▶" : ">") : " "
            let text = marker + DisplayWidth.padLeft(String(i), to: 2) + " " + DisplayWidth.padRight(names[i], to: nameWidth) + "  "
                + DisplayWidth.padRight(shapes[i], to: shapeWidth) + "  " + DisplayWidth.padLeft(params[i], to: paramWidth)
            let row = inner.row + 1 + line
            if selected { grid.fill(row: row, col: inner.col, width: inner.width, height: 1, theme.selection) }
            grid.write(text, row: row, col: inner.col, selected ? theme.selection : .plain, limit: inner.width)
        }
    }

    private static func drawDerivation(_ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let report = state.reports.indices.contains(state.selectedLayer) ? state.reports[state.selectedLayer] : nil
        let title = TUIText.derivationTitle(layer: report.map { ($0.index, $0.typeName) }, in: state.language)
        grid.box(rect, title: title, border(.derivation, state, theme), theme.title, unicode: state.unicode)
        let inner = rect.inner
        guard let report else {
            grid.lines([(TUIText.derivationHint(in: state.language), theme.dim)], in: inner)
            return
        }
        let heading = LayerRenderer.added(report, language: state.language).trimmingTrailingSpaces()
        var lines = wrapIndented(heading.hasSuffix("\n") ? String(heading.dropLast()) : heading, width: inner.width).map { ($0, theme.title) }
        for line in LayerRenderer.derivationLines(report, language: state.language) {
            let text = line.isNote ? "      ↳ " + line.text : "  " + line.text
            lines += wrapIndented(text, width: inner.width).map { ($0, line.isNote ? theme.dim : CellAttributes.plain) }
        }
        grid.lines(lines, in: inner)
    }

    /// `text` cut to `width` columns, ending in `…` (`~` in ASCII) when cut.
    static func clip(_ text: String, to width: Int, unicode: Bool) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = ""
        for c in text {
            if DisplayWidth.of(out + String(c)) > width - 1 { break }
            out.append(c)
        }
        return out + (unicode ? "…" : "~")
    }

    /// A line broken to `width`, continuation lines indented under its text.
    static func wrapIndented(_ line: String, width: Int) -> [String] {
        let indent = String(line.prefix { $0 == " " })
        let pieces = DisplayWidth.wrap(String(line.dropFirst(indent.count)), to: max(1, width - indent.count - 2))
        return pieces.enumerated().map { i, piece in (i == 0 ? indent : indent + "  ") + piece }
    }
}
