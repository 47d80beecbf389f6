import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that it is either the old file or the new one, never half of either: a
/// temporary file beside it (`.NAME.tmp-PID`), given the old file's permissions, renamed over it.
///
/// A process killed between the two steps (kill -9, a power cut) leaves its temporary file
/// behind; the next write of the same file removes those whose process no longer runs.
enum AtomicFile {
    /// Writes `data` to `path`; the reason when it cannot (the temporary file is removed).
    static func write(_ data: Data, to path: String) throws(AtomicFileError) {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        removeStale(in: folder, prefix: prefix)
        let temp = folder + "/" + prefix + "\(getpid())"
        let permissions = (try? fm.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber
        guard fm.createFile(atPath: temp, contents: data) else {
            throw AtomicFileError(reason: String(cString: strerror(errno == 0 ? EIO : errno)))
        }
        if let permissions { _ = chmod(temp, mode_t(permissions.uint16Value)) }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = unlink(temp)
            throw AtomicFileError(reason: reason)
        }
    }
}

extension AtomicFile {
    /// Removes `folder/PREFIX<pid>` files left by processes that have ended. A file whose
    /// suffix is not a process number, or whose process still runs (it may be writing now),
    /// is left alone.
    static func removeStale(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { _ = unlink(folder + "/" + name) }
        }
    }
}

/// Why an atomic write failed, in the system's words.
struct AtomicFileError: Error {
    var reason: String
}
