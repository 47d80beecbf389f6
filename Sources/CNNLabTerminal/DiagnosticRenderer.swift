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
///
/// Everything shown is escaped with ``VisibleText`` — the message and hint (which quote file
/// names and file contents) and the source line (which may come from a file) — so a
/// diagnostic never sends a control character to the terminal. The caret is placed by the
/// display width of the escaped text before the token, so it stays under the token.
public enum DiagnosticRenderer {
    /// `d` in `language`, quoting its line of `source` (the whole script the range refers to).
    public static func render(_ d: Diagnostic, source: String, language: Language, style: TextStyle = .plain) -> String {
        render(d, lines: SourceLines(source), language: language, style: style)
    }

    /// The same, with the source already split into lines (once for a whole script).
    public static func render(_ d: Diagnostic, lines: SourceLines, language: Language, style: TextStyle = .plain) -> String {
        let label = language.pick("error", "erro")
        var out = style.red(label + ":") + " " + style.bold(VisibleText.escaped(d.message(in: language))) + "\n"
        if let r = d.range {
            let where_ = language.pick("line \(r.line), column \(r.column)", "linha \(r.line), coluna \(r.column)")
            let gutter = String(repeating: " ", count: String(r.line).count)
            out += "\(gutter)--> \(where_)\n"
            if let line = lines[r.line] {
                let text = Array(line)
                let start = min(max(0, r.column - 1), text.count)
                let end = min(text.count, start + r.length)
                let indent = DisplayWidth.of(VisibleText.escaped(String(text[..<start])))
                let carets = max(1, DisplayWidth.of(VisibleText.escaped(String(text[start..<end]))))
                out += "\(gutter) |\n"
                out += "\(r.line) | \(VisibleText.escaped(String(text)))\n"
                out += "\(gutter) | " + String(repeating: " ", count: indent) + style.red(String(repeating: "^", count: carets)) + "\n"
            }
        }
        if let hint = d.hint(in: language) {
            out += "  = " + language.pick("hint", "dica") + ": " + VisibleText.escaped(hint) + "\n"
        }
        return out
    }
}
