import CNNLabEngine
import _CCurses
#if canImport(Glibc)
import Glibc
#endif

/// Makes sure the terminal is given back in its normal state, however the TUI ends: on quit
/// (`CursesScreen.close()`), at `exit` (an `atexit` hook), and on SIGTERM/SIGHUP (the handler
/// calls `endwin()` and re-raises the signal with its default action, so the exit status still
/// says which signal ended us). SIGINT never ends the TUI: its handler only sets a flag that
/// `CursesScreen.nextEvent` turns into `.interrupt` (Ctrl-C cancels the command line).
enum TerminalRestore {
    /// Whether curses is active (set between `initscr` and `endwin`).
    nonisolated(unsafe) static var active: sig_atomic_t = 0
    /// Set by the SIGINT handler, cleared by `takeInterrupt()`.
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false

    /// Installs the `atexit` hook and the signal handlers (once).
    static func install() {
        guard !installed else { return }
        installed = true
        atexit { TerminalRestore.restore() }
        signal(SIGINT) { _ in
            TerminalRestore.interrupted = 1
            Interruption.request()  // also stops a running computation (one atomic store)
        }
        for sig in [SIGTERM, SIGHUP] {
            signal(sig) { sig in
                TerminalRestore.restore()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
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
}
