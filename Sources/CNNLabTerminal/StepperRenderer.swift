import CNNLabEngine
import ConvCore

/// Words and equations for a ``ConvolutionStepper``: the batch-mode summary of `step`, and the
/// equation line the TUI's interactive stepper shows under the window.
public enum StepperRenderer {
    /// `conv f=3 s=1 p=0`, `maxpool f=2 s=2`, `avgpool f=2 s=2`.
    public static func title(_ s: ConvolutionStepper) -> String {
        switch s.operation {
        case .correlation: return "conv f=\(s.size) s=\(s.stride) p=\(s.padding)"
        case .pooling(.max): return "maxpool f=\(s.size) s=\(s.stride)"
        case .pooling(.average): return "avgpool f=\(s.size) s=\(s.stride)"
        }
    }

    /// `6×6 → ⌊(6 + 2·0 − 3)/1⌋ + 1 = 4 → 4×4` style size line, one axis per formula.
    public static func sizeLine(_ s: ConvolutionStepper) -> String {
        let rows = "⌊(\(s.inputRows) + 2·\(s.padding) − \(s.size))/\(s.stride)⌋ + 1 = \(s.outputRows)"
        if s.inputRows == s.inputCols { return "n = \(rows)  →  \(s.outputRows)×\(s.outputCols)" }
        let cols = "⌊(\(s.inputCols) + 2·\(s.padding) − \(s.size))/\(s.stride)⌋ + 1 = \(s.outputCols)"
        return "n_H = \(rows),  n_W = \(cols)  →  \(s.outputRows)×\(s.outputCols)"
    }

    /// The equation of one window with the real numbers:
    /// `10·1 + 10·0 + 10·(−1) + … = 0`, `max(1, 3, 2, 9) = 9`, `(1 + 3 + 2 + 9)/4 = 3.75`; in
    /// pt-BR with decimal commas, so a list's items are separated by `; ` (`max(1,5; 3) = 3`).
    public static func equation(_ step: ConvolutionStepper.Step, of s: ConvolutionStepper, language L: Language) -> String {
        let result = number(step.value, L)
        switch s.operation {
        case .correlation(_, let bias):
            var parts = step.terms.map { "\(factor($0.value, L))·\(factor($0.weight ?? 0, L))" }
            if let bias { parts.append(factor(bias, L) + " (b)") }
            return parts.joined(separator: " + ") + " = " + result
        case .pooling(.max):
            let separator = L == .ptBR ? "; " : ", "
            return "max(" + step.terms.map { number($0.value, L) }.joined(separator: separator) + ") = " + result
        case .pooling(.average):
            return "(" + step.terms.map { factor($0.value, L) }.joined(separator: " + ") + ")/\(step.terms.count) = " + result
        }
    }

    /// `window 2/16 at row 0, col 1 → out[0, 1]`.
    public static func position(_ step: ConvolutionStepper.Step, of s: ConvolutionStepper, language: Language = .en) -> String {
        let window = "\(step.index + 1)/\(s.stepCount)"
        let target = "out[\(step.outputRow), \(step.outputCol)]"
        return language.pick(
            "window \(window) at row \(step.top), col \(step.left) → \(target)",
            "janela \(window) na linha \(step.top), col \(step.left) → \(target)")
    }

    /// What batch mode prints for `step`: the operation and sizes, the first two windows with
    /// their equations, and the finished output (the TUI steps through every window).
    public static func summary(_ s: ConvolutionStepper, width: Int = 100, language: Language = .en) -> String {
        var lines = [
            "step \(title(s)): " + sizes(s, language: language),
            "  " + sizeLine(s),
        ]
        for k in 0..<min(2, s.stepCount) {
            let step = s.step(k)
            lines.append("  " + position(step, of: s, language: language) + ":")
            lines += DisplayWidth.wrap(equation(step, of: s, language: language), to: max(20, width - 4)).map { "    " + $0 }
        }
        if let out = try? s.outputTensor() {
            lines.append(TensorGrid.render(out, name: language.pick("output", "saída"), maxWidth: width, language: language))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `6×6 input, padded 8×8` / `entrada 6×6, com padding 8×8`.
    private static func sizes(_ s: ConvolutionStepper, language: Language) -> String {
        let input = "\(s.inputRows)×\(s.inputCols)"
        let padded = "\(s.paddedRows)×\(s.paddedCols)"
        return language.pick("\(input) input, padded \(padded)", "entrada \(input), com padding \(padded)")
    }

    /// A number as the lecture writes it: `30`, `3.75` (`3,75` in pt-BR), `−1` (true minus sign).
    public static func number(_ v: Float, _ language: Language) -> String {
        let text = ValueFormat(for: [v]).string(v, in: language)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A factor of a product: negative numbers in parentheses, `(−1)`.
    private static func factor(_ v: Float, _ language: Language) -> String {
        let text = number(v, language)
        return text.hasPrefix("−") ? "(\(text))" : text
    }
}
