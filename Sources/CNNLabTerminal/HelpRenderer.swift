import CNNLabEngine

/// `help` (an overview of every command) and `help WORD` (synopsis, what it does, examples).
enum HelpRenderer {
    static func render(_ page: HelpPage, context c: RenderContext) -> String {
        let L = c.language
        if page.topic == nil {
            var out = c.style.bold(L.pick("Commands", "Comandos")) + L.pick(" (help WORD for details and examples):\n", " (help PALAVRA para detalhes e exemplos):\n")
            let width = page.entries.map { DisplayWidth.of($0.command) }.max() ?? 0
            for e in page.entries {
                let summary = DisplayWidth.wrap(e.summary.text(in: L), to: max(20, c.width - width - 4))
                out += "  " + DisplayWidth.padRight(c.style.bold(e.command), to: width) + "  " + (summary.first ?? "") + "\n"
                for more in summary.dropFirst() { out += String(repeating: " ", count: width + 4) + more + "\n" }
            }
            return out
        }
        var out = ""
        for e in page.entries {
            out += c.style.bold(e.synopsis) + "\n"
            for line in DisplayWidth.wrap(e.summary.text(in: L), to: max(20, c.width - 2)) { out += "  " + line + "\n" }
            if !e.examples.isEmpty {
                out += L.pick("Examples:\n", "Exemplos:\n")
                for ex in e.examples { out += "  " + c.style.cyan(ex) + "\n" }
            }
        }
        return out
    }
}
