/// Where cnnlab keeps what it remembers about the user between runs (REPL history, lesson
/// progress, quiz scores), following the XDG base-directory specification: state, not data,
/// so it is under `$XDG_STATE_HOME`. What lessons write stays under ``DataLocation``.
public enum StateLocation {
    /// The files kept in the state directory.
    public static let fileNames = ["history", "lesson-progress.json", "quiz-stats.json"]

    /// `$XDG_STATE_HOME/cnnlab` when that variable is an absolute path, otherwise
    /// `$HOME/.local/state/cnnlab`; nil when neither is set (nothing is kept).
    public static func directory(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/cnnlab"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/state/cnnlab"
        }
        return nil
    }

    /// The state file `name` (one of ``fileNames``).
    public static func file(_ name: String, environment: [String: String]) -> String? {
        directory(environment: environment).map { $0 + "/" + name }
    }

    /// Each state file's place before cnnlab followed `XDG_STATE_HOME` (the data directory),
    /// with its place now: what ``LegacyFiles/move(_:)`` moves once.
    public static func moves(environment: [String: String]) -> [(from: String, to: String)] {
        guard let old = DataLocation.directory(environment: environment),
              let new = directory(environment: environment), old != new
        else { return [] }
        return fileNames.map { (old + "/" + $0, new + "/" + $0) }
    }
}
