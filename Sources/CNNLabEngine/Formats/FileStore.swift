import ConvCore
import Foundation

/// Reading and writing files for the session: paths checked against its ``FileAccess``,
/// errors as located diagnostics, writes atomic (a temporary file renamed into place), so
/// an interrupted save never leaves half a file, and an existing file keeps its mode.
enum FileStore {
    /// The bytes of `path`, refusing a file of more than `limit` bytes (or a device such as
    /// /dev/zero that never ends) before it fills memory.
    static func read(_ path: String, access: FileAccess, limit: Int, at range: SourceRange) throws(Diagnostic) -> [UInt8] {
        guard let full = access.readable(path) else {
            throw Diagnostic(.fileOutsideLesson(path, folder: access.allowedFolder(writing: false), writing: false), at: range)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
            throw Diagnostic(.fileNotFound(path), at: range)
        }
        guard !isDirectory.boolValue else { throw Diagnostic(.fileUnreadable(path, reason: "it is a directory"), at: range) }
        do {
            return try BoundedRead.all(path: full, limit: limit)
        } catch {
            switch error {
            case .tooLarge(let limit): throw Diagnostic(.fileTooLarge(path, limit: limit), at: range)
            case .unreadable(let reason): throw Diagnostic(.fileUnreadable(path, reason: reason), at: range)
            }
        }
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String, access: FileAccess, at range: SourceRange) throws(Diagnostic) {
        guard let full = access.writable(path) else {
            throw Diagnostic(.fileOutsideLesson(path, folder: access.allowedFolder(writing: true), writing: true), at: range)
        }
        if case .lesson = access {
            // A lesson's output directory is made on its first write.
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        do {
            try AtomicFile.write(Data(bytes), to: full)
        } catch {
            throw Diagnostic(.fileUnwritable(path, reason: error.reason), at: range)
        }
    }
}
