/// What `cnnlab` runs when given no subcommand and no `-c`.
public enum FrontEnd: Equatable, Sendable {
    /// Standard input is not a terminal: run it as a script.
    case batch
    /// A capable terminal: the full-screen TUI.
    case tui
    /// A terminal that cannot run the TUI (output piped, `TERM` unset or `dumb`): the REPL.
    case repl
}

/// The front end for a bare `cnnlab`: batch when stdin is piped, the TUI when both stdin and
/// stdout are terminals and `TERM` is set and not `dumb`, the line-by-line REPL otherwise.
public func defaultFrontEnd(stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?) -> FrontEnd {
    guard stdinIsTTY else { return .batch }
    guard stdoutIsTTY, let term, !term.isEmpty, term != "dumb" else { return .repl }
    return .tui
}
