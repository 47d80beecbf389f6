/// Where cnnlab keeps the files lessons write (and, before ``StateLocation``, history,
/// progress and scores), following the XDG base-directory specification.
public enum DataLocation {
    /// `$XDG_DATA_HOME/cnnlab` when that variable is an absolute path, otherwise
    /// `$HOME/.local/share/cnnlab`; nil when neither is set (nothing is kept).
    public static func directory(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/cnnlab"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/share/cnnlab"
        }
        return nil
    }
}
