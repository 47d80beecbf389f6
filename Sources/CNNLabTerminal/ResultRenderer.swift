import CNNLabEngine
import ConvCore
import Foundation

/// Renders a command's result as the text batch mode and the REPL print. File names are shown
/// escaped (``VisibleText``): a file named with control characters cannot reach the terminal.
public enum ResultRenderer {
    /// Shorthand for a context with the given language, style and width.
    public static func render(_ result: CommandResult, language: Language, style: TextStyle = .plain, width: Int = 100) -> String {
        render(result, context: RenderContext(language: language, style: style, width: width))
    }

    public static func render(_ result: CommandResult, context c: RenderContext) -> String {
        let L = c.language
        let style = c.style
        switch result {
        case .layerAdded(let r):
            return LayerRenderer.added(r, language: L, style: style)
        case .summary(let s):
            return SummaryRenderer.render(s, language: L, style: style, width: c.width)
        case .explanation(let reports):
            return reports.map { LayerRenderer.explain($0, language: L, style: style) }.joined(separator: "\n")
        case .assigned(let named):
            return named.map { "\(style.bold($0.name)): \(shapeText($0.tensor.shape, language: L))" }.joined(separator: "\n") + "\n"
        case .shown(let n):
            return lines(TensorGrid.render(n.tensor, name: n.name, maxWidth: c.width, language: L))
        case .loaded(let n, let path):
            return L.pick("loaded", "carregado") + " \(style.bold(n.name)): \(shapeText(n.tensor.shape, language: L)) " + L.pick("from", "de") + " \(VisibleText.escaped(path))\n"
        case .saved(let n, let path, let scale):
            var text = L.pick("saved", "gravado") + " \(n.name) (\(shapeText(n.tensor.shape, language: L))) " + L.pick("to", "em") + " \(VisibleText.escaped(path))"
            if let scale {
                text += L.pick(" as a gray PNG: ", " como PNG em cinza: ") + "\(number(scale.range.lowerBound, L)) → 0, \(number(scale.range.upperBound, L)) → 255"
                if scale.nonFinite > 0 { text += "\n" + style.yellow(nonFiniteWarning(scale, language: L)) }
            }
            return text + "\n"
        case .networkChanged(let change, let reports):
            return NetworkChangeRenderer.render(change, reports, context: c)
        case .cleared(let target):
            return (target == .vars ? L.pick("variables cleared", "variáveis apagadas") : L.pick("network and variables cleared", "rede e variáveis apagadas")) + "\n"
        case .layers(let reports):
            return NetworkChangeRenderer.layers(reports, context: c)
        case .networkSaved(let path):
            return L.pick("network saved to ", "rede gravada em ") + VisibleText.escaped(path) + "\n"
        case .modelSaved(let path, let arrays):
            return L.pick("network and weights saved to ", "rede e pesos gravados em ") + VisibleText.escaped(path) + ": " + arrays.joined(separator: " ") + "\n"
        case .exported(_, let code):
            return code
        case .forwarded(let records):
            return forwardTable(records, context: c)
        case .predicted(let report):
            return PredictionRenderer.render(report, context: c)
        case .preset(let n, let preset):
            return lines("\(preset) → \(n.name)\n" + TensorGrid.render(n.tensor, name: n.name, maxWidth: c.width, language: L))
        case .image(let n, let source):
            let origin: String
            switch source {
            case .file(let p): origin = VisibleText.escaped(p)
            case .sample(let name, let digit): origin = "sample " + name + (digit.map { " \($0)" } ?? "")
            }
            let s = TensorStats(n.tensor)
            return "\(style.bold(n.name)): \(shapeText(n.tensor.shape, language: L)) (\(origin)), " + L.pick("values", "valores") + " \(number(s.min, L))…\(number(s.max, L))\n"
        case .seeded(let s):
            return L.pick("seed \(s) (as np.random.seed(\(s)))", "semente \(s) (como np.random.seed(\(s)))") + "\n"
        case .variables(let vars):
            if vars.isEmpty { return L.pick("no variables\n", "nenhuma variável\n") }
            let width = vars.map { DisplayWidth.of($0.name) }.max() ?? 0
            let shapes = vars.map { shapeText($0.shape, language: L) }
            let shapeWidth = shapes.map(DisplayWidth.of).max() ?? 0
            return zip(vars, shapes).map { v, shape in
                let size = v.bytes.map { MemorySize(bytes: $0).text(in: L) } ?? NumberFormat.tooLarge(L)
                return DisplayWidth.padRight(style.bold(v.name), to: width) + "  " + DisplayWidth.padRight(shape, to: shapeWidth) + "  " + size
            }.joined(separator: "\n") + "\n"
        case .shape(let s):
            return "\(s.name): \(shapeText(s.shape, language: L))\n"
        case .stats(let name, let s):
            var text = "\(name): " + L.pick("count", "n") + " \(s.count)  min \(number(s.min, L))  max \(number(s.max, L))  "
                + L.pick("mean", "média") + " \(precise(s.mean, L))  std \(precise(s.std, L))"
            if s.nonFinite > 0 { text += "  (\(s.nonFinite) nan/inf)" }
            return text + "\n"
        case .heatmap(let n, let spec):
            return lines(Heatmap.render(n.tensor, name: n.name, options: heatmapOptions(spec, context: c)))
        case .help(let page):
            return HelpRenderer.render(page, context: c)
        case .quit:
            return ""
        case .stepper(let s):
            return StepperRenderer.summary(s, width: c.width, language: L)
        case .lessons(let catalog):
            return LessonRenderer.catalog(catalog, context: c)
        case .lessonStep(let view):
            return LessonRenderer.step(view, context: c) { render($0, context: c) }
        case .lessonFeedback(let feedback):
            return LessonRenderer.feedback(feedback, context: c)
        case .lessonEnded(let ending):
            return LessonRenderer.ending(ending, context: c)
        case .quizQuestion(let q):
            return QuizRenderer.question(q, context: c)
        case .quizFeedback(let f):
            return QuizRenderer.feedback(f, context: c)
        case .quizEnded(let summary):
            return QuizRenderer.summary(summary, context: c)
        case .quizStats(let stats, let notice):
            return QuizRenderer.stats(stats, notice: notice, context: c)
        case .quizTopics(let topics):
            return QuizRenderer.topics(topics, context: c)
        case .trained(let report):
            return TrainingRenderer.render(report, context: c)
        }
    }

    /// Heatmap options from the user's spec and the terminal: colour when it has colour,
    /// blocks with Unicode, ASCII otherwise; sized to the terminal unless `size=` says.
    public static func heatmapOptions(_ spec: HeatmapSpec, context c: RenderContext) -> HeatmapOptions {
        let style: HeatmapOptions.Style
        if let s = spec.style.flatMap(HeatmapOptions.Style.init(rawValue:)) {
            style = s
        } else if c.capabilities.colorDepth != .none {
            style = .color
        } else {
            style = c.capabilities.unicode ? .blocks : .ascii
        }
        return HeatmapOptions(
            style: style, channel: spec.channel, maxWidth: spec.width ?? c.width, maxHeight: spec.height ?? max(8, c.height - 4),
            colorDepth: c.capabilities.colorDepth, unicode: c.capabilities.unicode, language: c.language)
    }

    /// `4×4`, `2×5×7×4`, or `scalar` (`escalar`).
    public static func shapeText(_ shape: [Int], language: Language = .en) -> String {
        TensorText.shape(shape, in: language)
    }

    private static func forwardTable(_ records: [ActivationRecord], context c: RenderContext) -> String {
        let L = c.language
        var t = Table(
            headers: ["l", L.pick("layer", "camada"), "a[l]", "min", "max", L.pick("mean", "média")],
            alignments: [.right, .left, .right, .right, .right, .right])
        for r in records {
            t.rows.append([String(r.index), r.layer, shapeText(r.shape, language: L), number(r.stats.min, L), number(r.stats.max, L), precise(r.stats.mean, L)])
        }
        return t.render(style: c.style) + c.style.dim(L.pick("a[l] and z[l] now name each layer's output", "a[l] e z[l] agora nomeiam a saída de cada camada")) + "\n"
    }

    /// A Float as Swift prints it (shortest round-trip digits), integers without `.0`.
    /// In pt-BR with a decimal comma.
    static func number(_ v: Float, _ language: Language) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        return NumberFormat.decimalMark(v == v.rounded() && abs(v) < 1e7 ? String(Int(v)) : String(v), language)
    }

    /// Why a saved PNG may mislead: values with no gray level of their own.
    static func nonFiniteWarning(_ scale: GrayScale, language L: Language) -> String {
        var parts: [String] = []
        if scale.notANumber > 0 { parts.append(L.pick("\(scale.notANumber) NaN drawn black", "\(scale.notANumber) NaN em preto")) }
        if scale.infinite > 0 { parts.append(L.pick("\(scale.infinite) infinite drawn white (+inf) or black (-inf)", "\(scale.infinite) infinitos em branco (+inf) ou preto (-inf)")) }
        return L.pick("warning: not every value is a number: ", "aviso: nem todo valor é um número: ")
            + parts.joined(separator: ", ") + L.pick("; the gray scale uses the finite values only", "; a escala de cinza usa só os valores finitos")
    }

    /// Nine significant digits: enough to compare a mean with numpy's printout.
    /// In pt-BR with a decimal comma.
    static func precise(_ v: Double, _ language: Language) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        return NumberFormat.decimalMark(String(format: "%.9g", v), language)
    }

    /// Text ending in exactly one newline.
    private static func lines(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }
}
