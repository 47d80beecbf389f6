/// Where the REPL keeps its history, following the XDG base-directory specification.
public enum HistoryLocation {
    /// `$XDG_STATE_HOME/cnnlab/history` when that variable is an absolute path, otherwise
    /// `$HOME/.local/state/cnnlab/history`; nil when neither is set (history stays in memory).
    public static func path(environment: [String: String]) -> String? {
        StateLocation.file("history", environment: environment)
    }
}
