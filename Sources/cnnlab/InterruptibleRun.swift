import CNNLabEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` with Ctrl-C asking the engine to stop (`Interruption.request()`) instead of
/// ending cnnlab, then puts the previous SIGINT handler back. The REPL wraps each line in it.
func interruptible<T>(_ body: () -> T) -> T {
    Interruption.clear()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interruption.request() }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    var previous = sigaction()
    sigaction(SIGINT, &action, &previous)
    defer { sigaction(SIGINT, &previous, nil) }
    return body()
}
