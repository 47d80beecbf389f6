import Foundation

/// A program running in a real terminal: a private tmux server (own socket, own temporary
/// directory), keys typed with `send-keys`, the screen read with `capture-pane`. Shared by the
/// REPL's and the TUI's end-to-end tests; each test gets its own server, so they run in parallel.
///
/// tmux is started with `posix_spawnp`, not Foundation's `Process`: under Swift Testing a
/// `Process` inherits the worker thread's blocked signals (SIGCHLD, SIGWINCH never reach tmux
/// or the program) and waits for the daemonised server.
public final class TmuxSession {
    /// A private directory for the socket and screen captures, removed by ``close()``; a test
    /// may use it as the program's HOME.
    public let directory: String
    private let socket: String
    private var open = true

    /// Starts `command` in a `width`×`height` window through the shell. When it ends, the shell
    /// prints `[exit N]` and the terminal settings (`stty -a`), and waits.
    /// `$HOME` in `command` is that private directory, so history and settings stay in it.
    public init(command: String, width: Int = 100, height: Int = 30) throws {
        directory = "/tmp/cnnlab-tmux-\(UUID().uuidString.prefix(8))"  // short: sockets paths are limited
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        socket = directory + "/tmux.sock"
        let script = "export HOME='\(directory)' XDG_DATA_HOME='\(directory)' XDG_STATE_HOME='\(directory)'; " + command
            + "; echo \"[exit $?]\"; stty -a; exec sleep 600"
        // A clean environment (the test runner's own, e.g. NO_COLOR or a dumb TERM, must not
        // leak into the program); the client's TERM tells the server the outer terminal's colours.
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let status = Spawn.run(["env", "-i", "PATH=\(path)", "HOME=\(directory)", "TERM=xterm-256color", "tmux", "-u", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), script])
        guard status == 0 else {
            close()
            throw TmuxError.cannotStart(status)
        }
    }

    /// Types `text` literally.
    public func type(_ text: String) {
        Spawn.run(["tmux", "-S", socket, "send-keys", "-t", "t", "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `Escape`, `Space`, `C-c`, `C-d`.
    public func press(_ keys: String...) {
        Spawn.run(["tmux", "-S", socket, "send-keys", "-t", "t"] + keys)
    }

    /// Resizes the window (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) {
        Spawn.run(["tmux", "-S", socket, "resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// The visible screen as text (tmux trims trailing blanks of each line); with `escapes`,
    /// including the SGR colour sequences; with `scrollback`, the lines scrolled off too.
    public func capture(escapes: Bool = false, scrollback: Bool = false) -> String {
        let file = directory + "/screen.txt"
        let options = (escapes ? ["-e"] : []) + (scrollback ? ["-S", "-"] : [])
        Spawn.run(["tmux", "-S", socket, "capture-pane", "-p", "-t", "t"] + options, output: file)
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    /// Pastes `text` as one burst, as a terminal delivers a paste (`load-buffer` +
    /// `paste-buffer`), however long it is.
    public func paste(_ text: String) {
        let file = directory + "/paste.txt"
        FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        Spawn.run(["tmux", "-S", socket, "load-buffer", "-b", "paste", file])
        Spawn.run(["tmux", "-S", socket, "paste-buffer", "-d", "-b", "paste", "-t", "t"])
    }

    /// A tmux format evaluated for the pane: `#{pane_title}`, `#{alternate_on}` (1 in the
    /// alternate screen), `#{keypad_cursor_flag}` and `#{keypad_flag}` (1 while the program
    /// has the keypad in application mode).
    public func format(_ format: String) -> String {
        let file = directory + "/format.txt"
        Spawn.run(["tmux", "-S", socket, "display-message", "-p", "-t", "t", format], output: file)
        return ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines)
    }

    /// Whether the terminal is back in its normal state once the program has ended: the
    /// `stty -a` printed after it shows `icanon` and `echo`, the main screen is shown and the
    /// keypad is in normal mode. Waits for `stty`'s output; a description of what is wrong.
    public func terminalProblem() -> String? {
        guard let screen = wait(until: { $0.screen.contains("icanon") }) else { return "no stty output:\n\(self.screen)" }
        let settings = screen.split(whereSeparator: \.isWhitespace)
        if !settings.contains("icanon") || settings.contains("-icanon") { return "not in canonical mode:\n\(screen)" }
        if !settings.contains("echo") || settings.contains("-echo") { return "echo is off:\n\(screen)" }
        let modes = format("#{alternate_on} #{keypad_cursor_flag} #{keypad_flag}")
        if modes != "0 0 0" { return "alternate screen, keypad cursor, keypad: \(modes)" }
        return nil
    }

    /// The visible screen as plain text.
    public var screen: String { capture() }

    /// The last line that is not blank: where the prompt and the line being edited are.
    public var lastLine: String {
        screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
    }

    /// Polls the screen until `condition` holds; returns the screen then, or nil after `timeout` seconds.
    @discardableResult
    public func wait(timeout: Double = 10, until condition: (TmuxSession) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if condition(self) { return screen }
            usleep(20_000)
        } while Date() < deadline
        return nil
    }

    /// Waits until the last line reads `line`.
    @discardableResult
    public func waitForLastLine(_ line: String) -> Bool {
        wait { $0.lastLine == line } != nil
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    public func waitForText(_ text: String) -> Bool {
        wait { $0.screen.contains(text) } != nil
    }

    /// Stops the server (and the program) and removes the directory. Safe to call twice.
    public func close() {
        guard open else { return }
        open = false
        Spawn.run(["tmux", "-S", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { close() }
}

/// tmux could not start its server (the status of `tmux new-session`).
public enum TmuxError: Error { case cannotStart(Int32) }

/// What the end-to-end tests need from the machine.
public enum TestEnvironment {
    /// The built `cnnlab` next to the test bundle (`.build/debug/cnnlab`), if there is one.
    public static let cnnlab: String? = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let binary = bundle.appendingPathComponent("cnnlab").path
        return FileManager.default.isExecutableFile(atPath: binary) ? binary : nil
    }()

    /// Whether `tmux` is on the PATH.
    public static let tmuxInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
        .split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") }

    /// A fresh directory (for a HOME, a pid file...); the caller removes it.
    public static func makeDirectory(prefix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Runs a program with an empty signal mask and default signal actions (whatever the calling
/// thread blocks), standard input from /dev/null and standard output to a file if given.
/// Output goes to a file rather than a pipe so that no pipe end can leak into a daemon
/// (the tmux server) spawned at the same time by another test.
public enum Spawn {
    @discardableResult
    public static func run(_ arguments: [String], output: String? = nil) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD, SIGWINCH, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
