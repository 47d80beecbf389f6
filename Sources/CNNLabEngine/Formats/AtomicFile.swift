import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that it is either the old file or the new one, never half of either: a
/// temporary file beside it, given the old file's permissions, renamed over it.
enum AtomicFile {
    /// Writes `data` to `path`; the reason when it cannot (the temporary file is removed).
    static func write(_ data: Data, to path: String) throws(AtomicFileError) {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
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

/// Why an atomic write failed, in the system's words.
struct AtomicFileError: Error {
    var reason: String
}
