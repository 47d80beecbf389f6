/// Where the REPL keeps its history, following the XDG base-directory specification.
public enum HistoryLocation {
    /// `$XDG_DATA_HOME/cnnlab/history` when that variable is an absolute path, otherwise
    /// `$HOME/.local/share/cnnlab/history`; nil when neither is set (history stays in memory).
    public static func path(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/cnnlab/history"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/share/cnnlab/history"
        }
        return nil
    }
}
