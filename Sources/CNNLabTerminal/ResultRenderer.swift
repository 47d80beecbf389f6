import CNNLabEngine
import ConvCore

/// Renders a command's result as the text batch mode and the REPL print.
public enum ResultRenderer {
    public static func render(_ result: CommandResult, language: Language, style: TextStyle = .plain, width: Int = 100) -> String {
        let L = language
        switch result {
        case .layerAdded(let r):
            return LayerRenderer.added(r, language: L, style: style)
        case .summary(let s):
            return SummaryRenderer.render(s, language: L, style: style)
        case .explanation(let reports):
            return reports.map { LayerRenderer.explain($0, language: L, style: style) }.joined(separator: "\n")
        case .assigned(let named):
            return named.map { "\(style.bold($0.name)): \(shapeText($0.tensor.shape))" }.joined(separator: "\n") + "\n"
        case .shown(let n):
            let grid = TensorGrid.render(n.tensor, name: n.name, maxWidth: width)
            return grid.hasSuffix("\n") ? grid : grid + "\n"
        case .loaded(let n, let path):
            return L.pick("loaded", "carregado") + " \(style.bold(n.name)): \(shapeText(n.tensor.shape)) " + L.pick("from", "de") + " \(path)\n"
        case .saved(let n, let path):
            return L.pick("saved", "gravado") + " \(n.name) (\(shapeText(n.tensor.shape))) " + L.pick("to", "em") + " \(path)\n"
        case .stepper(let s):
            return StepperRenderer.summary(s, width: width)
        }
    }

    /// `4×4`, `2×5×7×4`, or `scalar`.
    public static func shapeText(_ shape: [Int]) -> String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
    }
}
