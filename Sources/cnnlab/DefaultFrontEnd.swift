/// What `cnnlab` runs when given no subcommand and no `-c`.
enum FrontEnd: Equatable {
    /// Standard input is not a terminal: run it as a script.
    case batch
    /// A capable terminal: the full-screen TUI.
    case tui
    /// A terminal too limited for the TUI: print the help.
    case help
}

/// The front end for a bare `cnnlab`: batch when stdin is piped, the TUI when both stdin and
/// stdout are terminals and `TERM` is set and not `dumb`, the help text otherwise.
func defaultFrontEnd(stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?) -> FrontEnd {
    guard stdinIsTTY else { return .batch }
    guard stdoutIsTTY, let term, !term.isEmpty, term != "dumb" else { return .help }
    return .tui
}
