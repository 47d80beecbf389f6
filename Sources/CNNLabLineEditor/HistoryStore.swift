@preconcurrency import _CReadline
import Foundation

/// Readline's history list, mirrored in a file that survives restarts.
///
/// The file is plain text, one entry per line (readline's format), and private because what a
/// user types is theirs alone: created with mode 0600, set back to 0600 when others could read
/// or write it. It is opened with `O_NOFOLLOW` and must be a regular file of the user's: a
/// symbolic link (or a folder, a device, someone else's file) is refused, as is a file that
/// cannot be made, and history then stays in memory with ``problem`` saying why. The file is
/// cut to the newest `limit` entries.
///
/// The file is read and written here, through a descriptor checked as above, rather than by
/// readline's `read_history` and `append_history`, which open it by name and follow links.
struct HistoryStore {
    /// The history file; nil keeps history in memory only.
    let path: String?
    /// The most entries kept in memory and in the file.
    let limit: Int
    /// Why the file is not used (nil when it is, or when there is none).
    let problem: HistoryProblem?

    /// A store on `path`, checked (and made private) at once; nothing is read yet.
    init(path: String?, limit: Int) {
        self.limit = limit
        guard let path else {
            self.path = nil
            problem = nil
            return
        }
        switch HistoryStore.open(path) {
        case .success(let fd):
            close(fd)
            self.path = path
            problem = nil
        case .failure(let refusal):
            self.path = nil
            problem = refusal
        }
    }

    /// Replaces readline's in-memory history with the file's newest `limit` entries.
    func load() {
        clear_history()
        stifle_history(Int32(clamping: limit))
        using_history()
        guard let path, case .success(let fd) = HistoryStore.open(path) else { return }
        defer { close(fd) }
        let lines = HistoryStore.lines(of: fd)
        for line in lines.suffix(limit) { add_history(line) }
        if lines.count > limit { HistoryStore.rewrite(fd, with: lines.suffix(limit)) }
        using_history()
    }

    /// Adds `line` to memory and the file, unless it is blank or repeats the newest entry.
    func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != newest else { return }
        add_history(line)
        using_history()
        guard let path, case .success(let fd) = HistoryStore.open(path) else { return }
        defer { close(fd) }
        guard HistoryStore.write(line + "\n", to: fd) else { return }
        let lines = HistoryStore.lines(of: fd)
        if lines.count > limit { HistoryStore.rewrite(fd, with: lines.suffix(limit)) }
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

    // MARK: The file

    /// Opens the history file for reading and appending, never through a symbolic link,
    /// creating it (mode 0600, parent folders 0700) if missing; refuses anything but a regular
    /// file of this user's, and takes away the permissions others had.
    static func open(_ path: String) -> Result<Int32, HistoryProblem> {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, let reason = makeFolders(parent) {
            return .failure(.unavailable(path: path, reason: reason))
        }
        let flags = O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_CREAT
        let fd = Glibc.open(path, flags, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { return .failure(.symbolicLink(path: path)) }
            if code == EISDIR { return .failure(.notAPrivateFile(path: path)) }
            return .failure(.unavailable(path: path, reason: String(cString: strerror(code))))
        }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else {
            close(fd)
            return .failure(.notAPrivateFile(path: path))
        }
        if status.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        return .success(fd)
    }

    /// Makes `folder` and the folders above it that are missing (mode 0700); the system's
    /// reason when one cannot be made (nil when they all exist or were made).
    private static func makeFolders(_ folder: String) -> String? {
        var path = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o700) != 0, errno != EEXIST { return String(cString: strerror(errno)) }
        }
        return nil
    }

    /// The file's non-empty lines, read from its start.
    static func lines(of fd: Int32) -> [String] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
            offset += off_t(count)
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Replaces the file's contents with `lines`.
    static func rewrite(_ fd: Int32, with lines: ArraySlice<String>) {
        guard ftruncate(fd, 0) == 0 else { return }
        _ = write(lines.map { $0 + "\n" }.joined(), to: fd)
    }

    /// Appends all of `text` (the descriptor is in append mode); false when it cannot.
    static func write(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
