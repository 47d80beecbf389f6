import CNNLabEngine

/// The text of `predict`: `class 7 (p = 0.983)` and the most probable classes, one line per
/// example of a batch.
public enum PredictionRenderer {
    /// How many classes the `top:` list names.
    static let topCount = 3
    /// How many examples of a batch are listed (`--json` has them all).
    static let listedExamples = 50

    public static func render(_ report: PredictionReport, context c: RenderContext) -> String {
        let L = c.language
        guard report.batched else {
            guard let p = report.predictions.first else { return "" }
            return line(p, report, c) + "\n" + top(p, report, L) + "\n"
        }
        let width = String(max(0, report.predictions.count - 1)).count
        var out = ""
        for (i, p) in report.predictions.prefix(listedExamples).enumerated() {
            out += L.pick("example ", "exemplo ") + DisplayWidth.padLeft(String(i), to: width) + ": " + line(p, report, c) + "   " + top(p, report, L) + "\n"
        }
        let rest = report.predictions.count - listedExamples
        if rest > 0 {
            out += c.style.dim(L.pick("… and \(rest) more (--json lists them all)", "… e mais \(rest) (--json lista todos)")) + "\n"
        }
        return out
    }

    /// `class 7 (p = 0.983)`.
    static func line(_ p: Prediction, _ report: PredictionReport, _ c: RenderContext) -> String {
        let k = p.classIndex
        let probability = p.probabilities.indices.contains(k) ? Double(p.probabilities[k]) : .nan
        return c.language.pick("class ", "classe ") + c.style.bold(report.name(of: k)) + " (p = " + TrainingRenderer.decimal(probability, 3, c.language) + ")"
    }

    /// `top: 7 0.983 · 1 0.010 · 9 0.004`.
    static func top(_ p: Prediction, _ report: PredictionReport, _ L: Language) -> String {
        let entries = p.ranked.prefix(topCount).map { k in
            report.name(of: k) + " " + TrainingRenderer.decimal(Double(p.probabilities[k]), 3, L)
        }
        return L.pick("top: ", "mais prováveis: ") + entries.joined(separator: " · ")
    }
}
