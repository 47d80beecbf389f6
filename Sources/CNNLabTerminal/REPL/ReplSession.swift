import CNNLabEngine

/// The REPL without the terminal: takes each line the user typed and says what to print and
/// whether to stop. The front-end loop only reads lines and writes the replies.
///
/// Each line is a small script of its own (statements separated by `;`), run on the same
/// session, so errors point at line 1 of what was just typed. An error never ends the REPL;
/// `quit` or `exit` alone on a line does.
public final class ReplSession {
    /// What to show after a line.
    public struct Reply: Equatable, Sendable {
        /// Results, for standard output.
        public var output: String
        /// Diagnostics, for standard error (printed after `output`).
        public var errors: String
        /// Whether the user asked to leave.
        public var quit: Bool

        public init(output: String = "", errors: String = "", quit: Bool = false) {
            self.output = output
            self.errors = errors
            self.quit = quit
        }
    }

    /// The network and variables built so far.
    public let session: Session
    private var mode: BatchMode
    private let unicode: Bool

    /// A REPL on `session`, rendering for the terminal described by `context` (language,
    /// style, colour depth, size); the prompt writes `×` only when it has Unicode.
    public init(session: Session, context: RenderContext) {
        self.session = session
        self.mode = BatchMode(format: .text, context: context, keepGoing: false)
        self.unicode = context.capabilities.unicode
    }

    /// A REPL for a plain terminal of the default size.
    public convenience init(session: Session, language: Language, style: TextStyle, unicode: Bool) {
        let caps = TerminalCapabilities(colorDepth: style.ansi ? .ansi256 : .none, unicode: unicode)
        self.init(session: session, context: RenderContext(language: language, style: style, capabilities: caps))
    }

    /// The terminal the replies are rendered for; update it when the window is resized.
    public var context: RenderContext {
        get { mode.context }
        set { mode = BatchMode(format: .text, context: newValue, keepGoing: false) }
    }

    /// Runs one line; statements after a failing one are skipped; `quit`/`exit` ends the REPL.
    public func handle(_ line: String) -> Reply {
        var reply = Reply()
        reply.quit = handle(line, output: { reply.output += $0 }, errors: { reply.errors += $0 })
        return reply
    }

    /// Runs one line, handing each statement's text to `output` or `errors` as soon as it is
    /// ready (so a long line shows progress). Returns whether the user asked to leave.
    public func handle(_ line: String, output: (String) -> Void, errors: (String) -> Void) -> Bool {
        mode.run(line, session: session, output: output, errors: errors).quit
    }

    /// The prompt for the next line, showing the network's output shape.
    public var prompt: String { ReplPrompt.text(for: session, unicode: unicode) }

    /// Tab-completion candidates for `word` at character `wordStart` of `line`.
    public func completions(line: String, wordStart: Int, word: String) -> [String] {
        ReplCompleter(session: session).candidates(line: line, wordStart: wordStart, word: word)
    }

    /// The line printed when the REPL starts.
    public var banner: String {
        let up = unicode ? "↑" : "Up"
        return mode.language.pick(
            "cnnlab: try 'input 39x39x3; conv 10 f=3'. Tab completes, \(up) recalls, quit or Ctrl-D leaves.\n",
            "cnnlab: experimente 'input 39x39x3; conv 10 f=3'. Tab completa, \(up) volta, quit ou Ctrl-D sai.\n")
    }
}
