/// Why the history file is not used; history then lives in memory only, and the front end
/// says so once.
public enum HistoryProblem: Error, Equatable, Sendable {
    /// The history file is a symbolic link, which cnnlab does not follow (it could point at
    /// any file of the user's, to be read into the history and appended to).
    case symbolicLink(path: String)
    /// The history file is not a regular file owned by the user (a folder, a device, someone
    /// else's file).
    case notAPrivateFile(path: String)
    /// The file or its folder cannot be made, read or written; `reason` is the system's.
    case unavailable(path: String, reason: String)

    /// The history file in question.
    public var path: String {
        switch self {
        case .symbolicLink(let path), .notAPrivateFile(let path), .unavailable(let path, _): return path
        }
    }
}
