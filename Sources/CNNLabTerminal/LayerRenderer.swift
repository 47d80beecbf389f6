import CNNLabEngine

/// One-line descriptions of layers and their worked derivations (`explain`).
public enum LayerRenderer {
    /// `10 f=3 s=1 p=0`, `max f=2 s=2`, `120`; empty for layers without hyper-parameters.
    public static func hyperParameters(_ r: LayerReport) -> String {
        switch r.spec {
        case .conv(let n, let f, let s, let p)?:
            let pText: String
            switch p {
            case .explicit(let v): pText = String(v)
            case .same: pText = "same(\(r.padding ?? 0))"
            }
            return "\(n) f=\(f) s=\(s) p=\(pText)"
        case .pool(let kind, let f, let s)?: return "\(kind == .max ? "max" : "avg") f=\(f) s=\(s)"
        case .fc(let n)?: return String(n)
        case .softmax(let n?)?: return String(n)
        default: return ""
        }
    }

    /// What a layer command prints: `layer 2  conv 20 f=5 s=2 p=0  37×37×10 → 17×17×20  params 5020`.
    public static func added(_ r: LayerReport, language: Language, style: TextStyle = .plain) -> String {
        let L = language
        let name = (r.typeName + " " + hyperParameters(r)).trimmingTrailingSpaces()
        var parts = [style.bold(L.pick("layer", "camada") + " \(r.index)"), name]
        if let input = r.input {
            parts.append(input.description + " → " + style.cyan(r.output.description))
        } else {
            parts.append(style.cyan(r.output.description))
        }
        parts.append(L.pick("params", "parâmetros") + " " + String(r.params))
        return parts.joined(separator: "  ") + "\n"
    }

    /// The worked derivation of every figure of the layer.
    public static func explain(_ r: LayerReport, language: Language, style: TextStyle = .plain) -> String {
        var out = added(r, language: language, style: style)
        for line in derivationLines(r, language: language) {
            out += line.isNote ? "      " + style.dim("↳ " + line.text) + "\n" : "  " + line.text + "\n"
        }
        return out
    }

    /// The derivation of `r` as lines: each step's equation, and the remarks under them
    /// (`isNote`), so a screen can style them without reading rendered text back.
    public static func derivationLines(_ r: LayerReport, language: Language) -> [(text: String, isNote: Bool)] {
        derivationLines(r.derivation, language: language)
    }

    /// Derivation steps as lines (the quiz shows a right answer's derivation with these).
    public static func derivationLines(_ steps: [DerivationStep], language: Language) -> [(text: String, isNote: Bool)] {
        steps.flatMap { step -> [(text: String, isNote: Bool)] in
            [(localized(step, language).equation, false)] + (step.note.map { [($0.text(in: language), true)] } ?? [])
        }
    }
}

/// The few words in derivations (`params`, `filters`, ...) in the reader's language; the
/// symbols and numbers stay as they are, and `--json` keeps the English words.
private func localized(_ step: DerivationStep, _ language: Language) -> DerivationStep {
    guard language == .ptBR else { return step }
    let words = ["params": "parâmetros", "activations": "ativações", "filters": "filtros", "units": "unidades"]
    var s = step
    s.quantity = words[s.quantity] ?? s.quantity
    s.formula = words[s.formula] ?? s.formula
    return s
}

extension String {
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }
}
