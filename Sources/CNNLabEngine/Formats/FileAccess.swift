import Foundation

/// Where a session's commands may read and write files.
///
/// Normally anywhere, relative paths resolved against the working directory. While a
/// lesson's own commands run, a lesson can only read files shipped beside it and write
/// under its output directory: a lesson file from a classmate cannot touch anything else.
public enum FileAccess: Sendable, Equatable {
    /// Any path; relative ones against `workingDirectory`.
    case open(workingDirectory: String)
    /// Reads under `readRoot`, writes under `writeRoot`; relative paths only, no `..`.
    case lesson(readRoot: String, writeRoot: String)

    /// The full path to read `path` from, or nil when this access does not allow it.
    func readable(_ path: String) -> String? {
        switch self {
        case .open(let directory): return FileAccess.join(directory, path)
        case .lesson(let root, _): return FileAccess.inside(root, path)
        }
    }

    /// The full path to write `path` to, or nil when this access does not allow it.
    func writable(_ path: String) -> String? {
        switch self {
        case .open(let directory): return FileAccess.join(directory, path)
        case .lesson(_, let root): return FileAccess.inside(root, path)
        }
    }

    /// The folder a refused path should have been in, for the message.
    func allowedFolder(writing: Bool) -> String {
        switch self {
        case .open(let directory): return directory
        case .lesson(let read, let write): return writing ? write : read
        }
    }

    static func join(_ directory: String, _ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// `root/path` when `path` is relative, has no `..`, and (following symbolic links that
    /// exist already) stays under `root`.
    static func inside(_ root: String, _ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~") else { return nil }
        let parts = path.split(separator: "/")
        guard !parts.contains("..") else { return nil }
        let full = join(root, path)
        let resolvedRoot = (root as NSString).resolvingSymlinksInPath
        let parent = ((full as NSString).deletingLastPathComponent as NSString).resolvingSymlinksInPath
        var target = ((parent as NSString).appendingPathComponent((full as NSString).lastPathComponent))
        if FileManager.default.fileExists(atPath: target) { target = (target as NSString).resolvingSymlinksInPath }
        guard target == resolvedRoot || target.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/") else {
            return nil
        }
        return full
    }
}
