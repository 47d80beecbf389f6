import Synchronization

/// A request to abandon the kernels' work early (Ctrl-C in a front end).
///
/// The batch loops of the convolution kernels look at it between groups of a few images and
/// stop when it is set, leaving their output incomplete: whoever sets it must discard every
/// result computed while it was set (the engine does: see `Interruption`). Setting it is one
/// lock-free atomic store, safe in a signal handler.
public enum Cancellation {
    private static let flag = Atomic<Int>(0)

    /// Asks running kernels to stop (async-signal-safe).
    public static func request() {
        flag.store(1, ordering: .relaxed)
    }

    /// Forgets the request.
    public static func clear() {
        flag.store(0, ordering: .relaxed)
    }

    /// Whether a stop was requested since the last `clear()`.
    public static var isRequested: Bool {
        flag.load(ordering: .relaxed) != 0
    }
}
