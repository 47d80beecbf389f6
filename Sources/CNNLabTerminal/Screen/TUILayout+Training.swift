import CNNLabEngine

/// The training pane, across the top of the screen: the progress bar, the loss curve and the
/// test accuracy by epoch as braille charts, the last epochs' figures, and at the end the test
/// accuracy and the confusion matrix.
extension TUILayout {
    static func drawTraining(_ view: TUIState.TrainingView, _ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let L = state.language
        var title = L.pick("Training", "Treino")
        if let p = view.progress { title += " · " + L.pick("epoch", "época") + " \(p.epoch)/\(p.epochs)" }
        if let r = view.report { title += " · " + r.dataset }
        grid.box(rect, title: title, border(.derivation, state, theme), theme.title, unicode: state.unicode)
        let inner = rect.inner
        var lines: [(String, CellAttributes)] = []
        if let r = view.report {
            let text = TrainingRenderer.render(r, context: RenderContext(language: L, style: .plain, width: inner.width))
            let all = text.split(separator: "\n").map(String.init)
            // The summary line and the confusion matrix; the epochs are in the output pane.
            let summary = all.firstIndex { $0.hasPrefix(L.pick("test accuracy", "acurácia de teste")) } ?? 0
            lines = all[summary...].enumerated().map { ($0.element, $0.offset == 0 ? theme.title : .plain) }
        } else if let p = view.progress {
            let bar = TrainingProgressBar.line(p, language: L, width: max(8, min(30, inner.width / 3)))
            lines.append((String(bar.dropFirst(TrainingProgressBar.clear.count)), theme.info))
            let half = max(10, (inner.width - 3) / 2)
            let chartRows = max(2, min(6, inner.height - 6))
            let loss = BrailleChart.lines(view.losses, width: half, height: chartRows, unicode: state.unicode)
            let accuracy = BrailleChart.lines(view.epochs.map(\.testAccuracy), width: half, height: chartRows, range: 0...1, unicode: state.unicode)
            let lossRange = (view.losses.min() ?? 0, view.losses.max() ?? 0)
            lines.append((DisplayWidth.padRight(L.pick("loss ", "perda ") + TrainingRenderer.decimal(lossRange.1, 3, L) + " … " + TrainingRenderer.decimal(lossRange.0, 3, L), to: half) + " │ " + L.pick("test accuracy by epoch (0–100%)", "acurácia de teste por época (0–100%)"), theme.dim))
            for (a, b) in zip(loss, accuracy) { lines.append((a + " │ " + b, theme.command)) }
            lines.append((TrainingRenderer.header(L), theme.dim))
            lines += view.epochs.suffix(max(0, inner.height - lines.count)).map { (TrainingRenderer.epochLine($0, L), CellAttributes.plain) }
        }
        grid.lines(lines, in: inner)
    }
}
