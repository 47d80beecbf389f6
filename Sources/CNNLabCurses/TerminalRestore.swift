import CNNLabEngine
import _CCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure the terminal is given back in its normal state (main screen, keypad in normal
/// mode, cursor shown, the modes the shell had), however the TUI ends:
///
/// - on quit and when the TUI throws (`CursesScreen.close()`, from its `defer`), and at `exit`
///   (an `atexit` hook): `endwin()`;
/// - on SIGTERM and SIGHUP: the terminal is reset (below) and the signal raised again with
///   its default action, so the exit status still says which signal ended us (143, 129);
/// - on SIGQUIT (Ctrl-\): the terminal is reset and cnnlab exits with status 131 (128 + 3),
///   without a core dump or the Swift runtime's crash report — which would otherwise cover
///   the screen and wait for a key: Ctrl-\ is a way to quit, not a crash;
/// - on a crash (SIGSEGV, SIGBUS, SIGILL — a Swift runtime trap —, SIGTRAP, SIGFPE, SIGABRT):
///   the terminal is reset, the handler that was there before (the Swift runtime's backtracer)
///   is called, so the crash is still reported, on a terminal that can show it, and the
///   signal is then raised again with its default action (exit status 128 + the signal).
///
/// SIGINT never ends the TUI: its handler only sets a flag that `CursesScreen.nextEvent` turns
/// into `.interrupt` (Ctrl-C cancels the command line).
///
/// A signal handler may only call async-signal-safe functions, so it does not call curses: it
/// `write`s the terminal's own reset strings (terminfo's rmkx, sgr0, cnorm and rmcup, read when
/// the screen starts) and puts back, with `tcsetattr`, the terminal modes saved before
/// `initscr`. Everything a handler touches is set up before the handlers are installed.
enum TerminalRestore {
    /// Whether curses is active (set between `initscr` and `endwin`).
    nonisolated(unsafe) static var active: sig_atomic_t = 0
    /// Set by the SIGINT handler, cleared by `takeInterrupt()`.
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false

    /// The signals of a crash, whose earlier handlers still get them after the reset.
    static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// The bytes that reset the terminal (``resetCount`` of them), allocated once, never freed.
    nonisolated(unsafe) private static let resetBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
    nonisolated(unsafe) private static var resetCount = 0
    private static let resetCapacity = 512
    /// The terminal's modes before curses changed them, and whether they could be read.
    nonisolated(unsafe) private static let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static var hasSavedModes: sig_atomic_t = 0
    /// The actions the crash signals had before, by signal number (read by their handlers).
    nonisolated(unsafe) private static let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    /// An alternate stack, so the crash handler also runs when the stack overflowed.
    nonisolated(unsafe) private static var signalStack: UnsafeMutableRawPointer?

    /// Saves the terminal's modes and installs the `atexit` hook and the signal handlers
    /// (once). Call before `initscr`.
    static func install() {
        guard !installed else { return }
        installed = true
        hasSavedModes = tcgetattr(STDOUT_FILENO, savedModes) == 0 ? 1 : 0
        resetCount = 0
        previousActions.initialize(repeating: sigaction(), count: 65)
        atexit { TerminalRestore.restore() }
        signal(SIGINT) { _ in
            TerminalRestore.interrupted = 1
            Interruption.request()  // also stops a running computation (one atomic store)
        }
        for sig in [SIGTERM, SIGHUP] {
            signal(sig) { sig in
                TerminalRestore.resetFromSignal()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        signal(SIGQUIT) { _ in
            TerminalRestore.resetFromSignal()
            _exit(128 + SIGQUIT)
        }
        installAlternateStack()
        for sig in crashSignals {
            var action = sigaction()
            cnn_set_sa_sigaction(&action) { sig, info, context in
                TerminalRestore.resetFromSignal()
                TerminalRestore.crashed(sig, info, context)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(sig, &action, previousActions + Int(sig))
        }
    }

    /// After the reset: hands a crash signal to the handler there was before (the runtime's
    /// backtracer prints its report), then ends the process with the signal's default action
    /// — also when that handler returns, as the backtracer does for a signal sent by `kill`.
    private static func crashed(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        let previous = previousActions[Int(sig)]
        signal(sig, SIG_DFL)
        let address = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self)
        if address > 1 {  // neither SIG_DFL (0) nor SIG_IGN (1)
            if previous.sa_flags & SA_SIGINFO != 0 {
                previous.__sigaction_handler.sa_sigaction?(sig, info, context)
            } else {
                previous.__sigaction_handler.sa_handler?(sig)
            }
        }
        signal(sig, SIG_DFL)
        raise(sig)  // delivered when this handler returns; a fault re-executed would also end here
    }

    /// Curses has started: reads the terminal's reset strings and marks curses active.
    static func started() {
        var bytes: [UInt8] = []
        for name in ["rmkx", "sgr0", "cnorm", "rmcup"] {
            guard let value = cnn_terminfo_string(name) else { continue }
            bytes += withoutPadding(Array(String(cString: value).utf8))
        }
        let count = min(bytes.count, resetCapacity)
        for i in 0..<count { resetBytes[i] = bytes[i] }
        resetCount = count
        active = 1
    }

    /// Ends curses if it is active; safe to call more than once.
    static func restore() {
        guard active != 0 else { return }
        active = 0
        endwin()
    }

    /// Whether Ctrl-C was pressed since the last call.
    static func takeInterrupt() -> Bool {
        guard interrupted != 0 else { return false }
        interrupted = 0
        return true
    }

    /// The signal handlers' restore: async-signal-safe calls only.
    private static func resetFromSignal() {
        guard active != 0 else { return }
        active = 0
        var written = 0
        while written < resetCount {
            let n = write(STDOUT_FILENO, resetBytes + written, resetCount - written)
            if n <= 0 { break }
            written += n
        }
        if hasSavedModes != 0 { tcsetattr(STDOUT_FILENO, TCSANOW, savedModes) }
    }

    /// A terminfo string without its `$<…>` padding delays, which only `tputs` understands.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
                let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Gives the main thread an alternate signal stack if it has none.
    private static func installAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        signalStack = memory
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        sigaltstack(&stack, nil)
    }
}
