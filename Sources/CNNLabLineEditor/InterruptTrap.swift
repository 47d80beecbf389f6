import _CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches SIGINT while ``LineEditor/readLine(prompt:)`` waits, so Ctrl-C discards the line
/// instead of ending the program; the previous handler is put back by ``restore()``.
///
/// Readline (`rl_catch_signals`, on in blocking mode) sees SIGINT first: it restores the
/// terminal, echoes `^C` and re-sends the signal to the handler that was installed before
/// it, which is this one. The handler only sets a flag (async-signal-safe); the byte reader
/// in ``ReadlineHooks`` sees it, empties the line and reports end of input, so readline
/// returns and the terminal is left in its normal mode.
final class InterruptTrap {
    /// Set to 1 by the handler. Written before the handler is installed, so the lazy
    /// initialisation of the static has happened before a signal can arrive.
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    private var previous = sigaction()

    init() {
        InterruptTrap.flag = 0
        var action = sigaction()
        cnn_set_sa_handler(&action) { _ in InterruptTrap.flag = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the blocked read() must return EINTR
        sigaction(SIGINT, &action, &previous)
    }

    /// Whether Ctrl-C was pressed since the trap was set.
    var fired: Bool { InterruptTrap.flag != 0 }

    /// Puts back the SIGINT handler that was there before.
    func restore() {
        sigaction(SIGINT, &previous, nil)
    }
}
