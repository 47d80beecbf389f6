/// A piece of a line: text, and the colours to show it in (`nil`: the terminal's default).
struct StyledText: Equatable, Sendable {
    var text: String
    var paint: Paint?

    init(text: String, paint: Paint? = nil) {
        self.text = text
        self.paint = paint
    }
}

/// One line of a heatmap as runs of text with their colours: the layout that both renderers
/// share, so a map is laid out once and shown as ANSI text (``ansi``, the REPL and batch
/// output) or as cells (the TUI's viewer, see `CellGrid.styledLines(_:in:)`).
struct StyledLine: Equatable, Sendable {
    var runs: [StyledText]

    init(_ runs: [StyledText]) {
        self.runs = runs
    }

    /// A line of plain text.
    init(_ text: String) {
        self.init([StyledText(text: text)])
    }

    /// Plain `text` cut into lines at its newlines.
    static func lines(of text: String) -> [StyledLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine(String($0)) }
    }

    /// The terminal columns the line takes.
    var width: Int {
        runs.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    /// The line as text with ANSI escapes: an escape only where the colours change, and a
    /// reset (`ESC[0m`) at the end if any colour was on, so colour never leaks past the line.
    var ansi: String {
        var out = ""
        var current: Paint?
        for run in runs {
            if run.paint != current {
                out += run.paint?.escape ?? Self.reset
                current = run.paint
            }
            out += run.text
        }
        return current == nil ? out : out + Self.reset
    }

    static let reset = "\u{1B}[0m"

    /// `left`'s runs followed by `right`'s.
    static func + (left: StyledLine, right: StyledLine) -> StyledLine {
        StyledLine(left.runs + right.runs)
    }

    /// The line followed by plain spaces up to `width` columns; unchanged if already wider.
    func padded(to width: Int) -> StyledLine {
        self + StyledLine(String(repeating: " ", count: max(0, width - self.width)))
    }

    /// The line without the spaces that end it; painted spaces stay, they show their colour.
    func trimmingTrailingSpaces() -> StyledLine {
        var trimmed = runs
        while let last = trimmed.last, last.paint == nil {
            let kept = String(last.text.reversed().drop { $0 == " " }.reversed())
            trimmed.removeLast()
            if !kept.isEmpty {
                trimmed.append(StyledText(text: kept))
                break
            }
        }
        return StyledLine(trimmed)
    }

    /// The line with `transform` applied to the text of every run, colours kept.
    func mapText(_ transform: (String) -> String) -> StyledLine {
        StyledLine(runs.map { StyledText(text: transform($0.text), paint: $0.paint) })
    }
}
