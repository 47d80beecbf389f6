import ConvCore
import Foundation

/// Reading and writing files for the session: paths relative to the working directory,
/// errors as located diagnostics, writes atomic (a temporary file renamed into place), so
/// an interrupted save never leaves half a file.
enum FileStore {
    static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    static func read(_ path: String, in directory: String, at range: SourceRange) throws(Diagnostic) -> [UInt8] {
        let full = resolve(path, in: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
            throw Diagnostic(.fileNotFound(path), at: range)
        }
        guard !isDirectory.boolValue else { throw Diagnostic(.fileUnreadable(path, reason: "it is a directory"), at: range) }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw Diagnostic(.fileUnreadable(path, reason: "permission denied or I/O error"), at: range)
        }
        return [UInt8](data)
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String, in directory: String, at range: SourceRange) throws(Diagnostic) {
        let full = resolve(path, in: directory)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: full), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw Diagnostic(.fileUnwritable(path, reason: reason), at: range)
        }
    }
}
