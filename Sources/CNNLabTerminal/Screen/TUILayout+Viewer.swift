import CNNLabEngine

/// The viewer pane: a heatmap of the current tensor, or the convolution stepper.
extension TUILayout {
    static func drawViewer(_ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let channel = state.viewerTensor != nil && state.viewerChannels > 1 ? (state.viewerChannel, state.viewerChannels - 1) : nil
        let title = TUIText.viewerTitle(tensor: state.viewerTensor?.name, channel: channel, in: state.language)
        grid.box(rect, title: title, border(.viewer, state, theme), theme.title, unicode: state.unicode)
        let inner = rect.inner
        guard let named = state.viewerTensor else {
            grid.lines(TUIText.viewerHints(in: state.language).map { ($0, theme.dim) }, in: inner)
            return
        }
        // Colour where the terminal has the 256-colour palette, blocks everywhere else.
        let depth = state.heatmapColorDepth
        let options = HeatmapOptions(
            style: depth == .none ? .blocks : .color, channel: state.viewerChannels > 1 ? state.viewerChannel : nil,
            maxWidth: inner.width, maxHeight: inner.height, colorDepth: depth, unicode: state.unicode, language: state.language)
        grid.styledLines(Heatmap.lines(named.tensor, name: named.name, options: options), in: inner)
    }

    static func drawStepper(_ view: TUIState.StepperView, _ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let s = view.stepper
        let step = s.step(view.current)
        let title = TUIText.stepperTitle(StepperRenderer.title(s), in: state.language)
        grid.box(rect, title: title, theme.focusedBorder, theme.title, unicode: state.unicode)
        let inner = rect.inner
        let position = StepperRenderer.position(step, of: s, language: state.language)
        let positionWidth = DisplayWidth.of(position)
        grid.write(position, row: inner.row, col: inner.col, theme.title, limit: inner.width)
        grid.write("   " + StepperRenderer.sizeLine(s), row: inner.row, col: inner.col + positionWidth, theme.dim, limit: max(0, inner.width - positionWidth))

        let equation = DisplayWidth.wrap(StepperRenderer.equation(step, of: s, language: state.language), to: max(1, inner.width)).suffix(4)
        let gridTop = inner.row + 2
        let gridRows = max(1, inner.height - 3 - equation.count)

        let inputFormat = ValueFormat(for: s.input + [0])
        let outputs = s.output
        let outputFormat = ValueFormat(for: outputs)
        let inputCell = max(3, inputFormat.width(for: s.input + [0]) + 1)
        let outputCell = max(3, outputFormat.width(for: outputs) + 1)
        let gap = 5
        let outputCols = visible(count: s.outputCols, room: max(1, (inner.width / 3) / outputCell), focus: step.outputCol..<step.outputCol + 1)
        let outputWidth = outputCols.count * outputCell
        let inputRoom = max(1, (inner.width - outputWidth - gap) / inputCell)
        let inputCols = visible(count: s.paddedCols, room: inputRoom, focus: step.left..<step.left + s.size)
        let inputRows = visible(count: s.paddedRows, room: gridRows, focus: step.top..<step.top + s.size)
        let outputRows = visible(count: s.outputRows, room: gridRows, focus: step.outputRow..<step.outputRow + 1)

        for (line, r) in inputRows.enumerated() {
            for (k, c) in inputCols.enumerated() {
                let inWindow = (step.top..<step.top + s.size).contains(r) && (step.left..<step.left + s.size).contains(c)
                let padding = s.isPadding(row: r, col: c)
                var text = inputFormat.string(s.paddedValue(row: r, col: c), in: state.language)
                if padding { text = (state.unicode ? "·" : ".") + text }
                var attributes = padding ? theme.padding : CellAttributes.plain
                if inWindow {
                    attributes = theme.window
                    if case .pooling(.max) = s.operation, let chosen = step.chosen,
                        step.terms[chosen].row == r, step.terms[chosen].col == c
                    {
                        attributes = theme.chosen
                    }
                }
                grid.write(DisplayWidth.padLeft(text, to: inputCell), row: gridTop + line, col: inner.col + k * inputCell, attributes)
            }
        }
        let arrowCol = inner.col + inputCols.count * inputCell + 1
        grid.write(state.unicode ? "→" : "->", row: gridTop + min(inputRows.count, outputRows.count) / 2, col: arrowCol + 1, theme.title)
        let outputLeft = arrowCol + gap - 1
        for (line, r) in outputRows.enumerated() {
            for (k, c) in outputCols.enumerated() {
                let index = r * s.outputCols + c
                let col = outputLeft + k * outputCell
                if index < step.index {
                    grid.write(DisplayWidth.padLeft(outputFormat.string(outputs[index], in: state.language), to: outputCell), row: gridTop + line, col: col, theme.filled)
                } else if index == step.index {
                    grid.write(DisplayWidth.padLeft(outputFormat.string(outputs[index], in: state.language), to: outputCell), row: gridTop + line, col: col, theme.currentOutput)
                } else {
                    grid.write(DisplayWidth.padLeft(state.unicode ? "·" : ".", to: outputCell), row: gridTop + line, col: col, theme.dim)
                }
            }
        }
        let equationTop = inner.row + inner.height - equation.count
        for (i, line) in equation.enumerated() {
            grid.write(line, row: equationTop + i, col: inner.col, theme.command, limit: inner.width)
        }
    }

    /// The indices of `count` cells to show in room for `room`, keeping `focus` in view.
    static func visible(count: Int, room: Int, focus: Range<Int>) -> Range<Int> {
        guard count > room else { return 0..<count }
        let start = min(max(0, focus.lowerBound - (room - focus.count) / 2), count - room)
        return start..<start + room
    }
}
