#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-\ (SIGQUIT) ends cnnlab with status 131 (128 + 3), as a terminal's quit key is meant
/// to, instead of the Swift runtime's crash report, which takes SIGQUIT for a crash, covers the
/// screen with a backtrace and waits for a key.
///
/// Installed first thing, for every mode. At the REPL's prompt readline sees the signal first,
/// puts the terminal back in its normal mode and passes the signal on to this handler; the TUI
/// replaces the handler with its own, which also resets the screen (`TerminalRestore`).
enum QuitSignal {
    static func install() {
        signal(SIGQUIT) { _ in _exit(128 + SIGQUIT) }
    }
}
