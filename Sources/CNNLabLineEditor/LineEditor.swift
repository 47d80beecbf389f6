@preconcurrency import _CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines with GNU readline: editing, history (kept in a file), tab completion.
///
/// Two ways to read: ``readLine(prompt:)`` blocks and lets readline draw the line on the
/// terminal (the REPL); the callback mode (``beginCallback(prompt:onLine:)``, ``feed(_:)``)
/// hands readline one byte at a time and leaves drawing to a full-screen front end.
/// Readline is a single process-wide library, so use one editor at a time.
public final class LineEditor {
    /// What reading a line produced.
    public enum Input: Equatable, Sendable {
        /// A finished line, without its newline.
        case line(String)
        /// Ctrl-C: the line was discarded.
        case interrupted
        /// Ctrl-D on an empty line, or the input closed.
        case endOfFile
    }

    /// Completion: given the whole line and the word being completed (with its start offset in
    /// characters), the candidates. Nothing is completed when it returns [] — readline's own
    /// filename completion never kicks in. Inside quotes the candidates are treated as file
    /// names: a directory gets no trailing space, a file closes the quote.
    public var completer: ((_ line: String, _ wordStart: Int, _ word: String) -> [String])?

    /// Callback mode: when the user asks for the list of candidates (Tab Tab), they are given
    /// here to draw, instead of readline writing them over the screen.
    public var listMatches: (([String]) -> Void)?

    let history: HistoryStore

    /// Loads history from `historyFile` (created with mode 0600 if missing, made 0600 if others
    /// could read it; parent directories created), keeps at most `historyLimit` entries. With
    /// no file, or one that is refused (see ``historyProblem``), history lives in memory only.
    public init(historyFile: String?, historyLimit: Int = 1000) {
        history = HistoryStore(path: historyFile, limit: max(1, historyLimit))
        history.load()
    }

    /// Why history is not kept in its file (a symbolic link, a folder that cannot be made...),
    /// for the front end to say once; nil when it is kept, or when there is no file.
    public var historyProblem: HistoryProblem? { history.problem }

    /// The readline library's version, e.g. 0x0802 for 8.2.
    public static var libraryVersion: Int { Int(RL_READLINE_VERSION) }

    /// Blocking read on the terminal. Ctrl-C → `.interrupted` (line discarded; readline echoes
    /// `^C`), Ctrl-D on an empty line → `.endOfFile`. When this returns the terminal is back in
    /// its normal mode and the cursor is at the start of a fresh line.
    public func readLine(prompt: String) -> Input {
        ReadlineHooks.installBlocking(for: self)
        defer { ReadlineState.editor = nil }
        let trap = InterruptTrap()
        defer { trap.restore() }
        // Readline leaves this set after end of input, and would then end the line again when
        // it restores the terminal for Ctrl-C.
        rl_eof_found = 0
        guard let raw = readline(prompt) else {
            ReadlineHooks.endLineAfterEndOfInput()
            return trap.fired ? .interrupted : .endOfFile
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }
}
