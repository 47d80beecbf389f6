@preconcurrency import _CReadline
import Foundation

/// Readline's history list, mirrored in a file that survives restarts.
///
/// The file is plain text, one entry per line (readline's format), created with mode 0600
/// because what a user types is theirs alone; it is cut to the newest `limit` entries.
struct HistoryStore {
    /// The history file; nil keeps history in memory only.
    let path: String?
    /// The most entries kept in memory and in the file.
    let limit: Int

    /// Replaces readline's in-memory history with the file's newest `limit` entries.
    func load() {
        clear_history()
        stifle_history(Int32(clamping: limit))
        using_history()
        guard let path, createIfMissing(path) else { return }
        read_history(path)
        history_truncate_file(path, Int32(clamping: limit))
        using_history()
    }

    /// Adds `line` to memory and the file, unless it is blank or repeats the newest entry.
    func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != newest else { return }
        add_history(line)
        using_history()
        guard let path else { return }
        append_history(1, path)
        history_truncate_file(path, Int32(clamping: limit))
    }

    /// The newest entry in memory.
    var newest: String? {
        guard history_length > 0, let entry = history_get(history_base + history_length - 1),
            let text = entry.pointee.line
        else { return nil }
        return String(cString: text)
    }

    /// Every entry in memory, oldest first.
    var entries: [String] {
        (0..<history_length).compactMap { i in
            history_get(history_base + i)?.pointee.line.map { String(cString: $0) }
        }
    }

    /// Creates the parent directories (mode 0700) and an empty file (mode 0600) if missing.
    /// Returns false when the file cannot be made.
    private func createIfMissing(_ path: String) -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            try? FileManager.default.createDirectory(
                atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }
}
