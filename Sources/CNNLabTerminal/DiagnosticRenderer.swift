import CNNLabEngine

/// Renders a diagnostic like a compiler does: the message, the line, a caret under the
/// offending token, and the hint.
///
/// ```
/// error: unknown command 'cnv'
///  --> line 1, column 1
///   |
/// 1 | cnv 10 f=3
///   | ^^^
///   = hint: did you mean 'conv'?
/// ```
public enum DiagnosticRenderer {
    public static func render(_ d: Diagnostic, source: String, language: Language, style: TextStyle = .plain) -> String {
        render(d, lines: SourceLines(source), language: language, style: style)
    }

    /// The same, with the source already split into lines (once for a whole script).
    public static func render(_ d: Diagnostic, lines: SourceLines, language: Language, style: TextStyle = .plain) -> String {
        let label = language.pick("error", "erro")
        var out = style.red(label + ":") + " " + style.bold(d.message(in: language)) + "\n"
        if let r = d.range {
            let where_ = language.pick("line \(r.line), column \(r.column)", "linha \(r.line), coluna \(r.column)")
            let gutter = String(repeating: " ", count: String(r.line).count)
            out += "\(gutter)--> \(where_)\n"
            if let line = lines[r.line] {
                let text = String(line)
                out += "\(gutter) |\n"
                out += "\(r.line) | \(text)\n"
                // Tabs in the prefix are kept so the caret lines up under the token.
                let prefix = text.prefix(max(0, r.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
                let available = max(1, min(r.length, text.count - (r.column - 1)))
                out += "\(gutter) | " + prefix + style.red(String(repeating: "^", count: available)) + "\n"
            }
        }
        if let hint = d.hint(in: language) {
            out += "  = " + language.pick("hint", "dica") + ": " + hint + "\n"
        }
        return out
    }
}
