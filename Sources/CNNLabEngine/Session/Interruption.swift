import ConvCore
import Synchronization

/// A request to stop the running computation (Ctrl-C in the REPL or the TUI).
///
/// Front ends call `request()` from their SIGINT handler: it is one lock-free atomic store,
/// safe in a signal handler. The engine looks at the flag between statements and between the
/// layers of `forward`, and answers with `Problem.interrupted`; the session keeps what it had.
public enum Interruption {
    private static let flag = Atomic<Int>(0)

    /// Asks the running computation to stop (async-signal-safe).
    public static func request() {
        flag.store(1, ordering: .relaxed)
        Cancellation.request()  // the kernels stop within a few images
    }

    /// Forgets any request; front ends call it before running a line.
    public static func clear() {
        flag.store(0, ordering: .relaxed)
        Cancellation.clear()
    }

    /// Whether a stop was requested since the last `clear()`.
    public static var isRequested: Bool {
        flag.load(ordering: .relaxed) != 0
    }
}
