import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running one program in a 100×30 (or given) window, for end-to-end
/// tests of the TUI: its own socket and HOME in a temporary directory, so tests run in parallel.
///
/// tmux is started with `posix_spawnp`, an empty signal mask and default dispositions (Foundation
/// `Process` from a test worker passes on a blocked mask, and SIGWINCH/SIGCHLD never arrive).
final class TmuxSession {
    let directory: URL
    private var socket: String { directory.appendingPathComponent("tmux.sock").path }

    /// Starts `command` (a shell command line) in a detached session `t`.
    init(command: String, width: Int = 100, height: Int = 30) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cnnlab-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let status = tmux(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), command]).status
        guard status == 0 else { throw CocoaError(.executableLoad) }
    }

    deinit {
        _ = tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// The pane's text (`escapes`: with colour escape sequences).
    func capture(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : [])).output
    }

    /// Polls the pane until `predicate` holds, for at most `seconds`; returns the last capture.
    @discardableResult
    func wait(seconds: Double = 10, escapes: Bool = false, until predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        var text = capture(escapes: escapes)
        while !predicate(text) {
            guard Date() < deadline else { return nil }
            usleep(50_000)
            text = capture(escapes: escapes)
        }
        return text
    }

    /// Waits until the pane shows `text`.
    @discardableResult
    func wait(for text: String, seconds: Double = 10) -> Bool {
        wait(seconds: seconds) { $0.contains(text) } != nil
    }

    /// `tmux send-keys` (key names such as `Enter`, `Escape`, `Up`, `Space`).
    func send(_ keys: String...) {
        _ = tmux(["send-keys", "-t", "t"] + keys)
    }

    /// Types `text` literally.
    func type(_ text: String) {
        _ = tmux(["send-keys", "-t", "t", "-l", text])
    }

    func resize(width: Int, height: Int) {
        _ = tmux(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// Runs the tmux client on the private socket; its output goes through a file (a pipe
    /// would stay open in the daemonised server).
    @discardableResult
    func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
        let outputPath = directory.appendingPathComponent("out-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let args = ["tmux", "-u", "-S", socket, "-f", "/dev/null"] + arguments
        var environment = ["HOME=\(directory.path)", "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"]
        environment.append("TERM=xterm-256color")
        let status = spawnAndWait(args, environment: environment, output: outputPath)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (status, output)
    }
}

/// `posix_spawnp` with an empty signal mask, default signal dispositions, stdin from
/// /dev/null, stdout to `output`, stderr discarded and inherited descriptors ≥ 3 closed;
/// returns the exit status.
func spawnAndWait(_ arguments: [String], environment: [String], output: String) -> Int32 {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // glibc's addclosefrom_np is not visible to Swift: mark inherited descriptors close-on-exec.
    for fd in 3..<1024 {
        let flags = fcntl(Int32(fd), F_GETFD)
        if flags >= 0 { _ = fcntl(Int32(fd), F_SETFD, flags | FD_CLOEXEC) }
    }

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status >> 8) & 0xFF
}
