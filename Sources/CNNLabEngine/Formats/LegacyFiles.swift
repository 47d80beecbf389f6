import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves files an earlier version of cnnlab kept elsewhere to where they belong now, once.
///
/// A file moves only when it is a regular file (a symbolic link is never followed or moved)
/// and nothing is at its new place yet, so running again, or after the user made a new file,
/// changes nothing. The new folder is made private (0700); the file keeps its mode.
public enum LegacyFiles {
    /// Moves each `from` to its `to` where the rules above allow; the paths moved.
    @discardableResult
    public static func move(_ moves: [(from: String, to: String)]) -> [String] {
        var moved: [String] = []
        for (from, to) in moves {
            var old = stat(), new = stat()
            guard lstat(from, &old) == 0, (old.st_mode & S_IFMT) == S_IFREG, lstat(to, &new) != 0, errno == ENOENT else { continue }
            let folder = (to as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if rename(from, to) == 0 || copyThenRemove(from, to, mode: old.st_mode & 0o7777) { moved.append(to) }
        }
        return moved
    }

    /// The move across file systems, where `rename` cannot: copy atomically, then remove.
    private static func copyThenRemove(_ from: String, _ to: String, mode: mode_t) -> Bool {
        guard errno == EXDEV, let data = FileManager.default.contents(atPath: from) else { return false }
        do {
            try AtomicFile.write(data, to: to)
        } catch {
            return false
        }
        _ = chmod(to, mode)
        return unlink(from) == 0
    }
}
