import CNNLabEngine
import Foundation

/// Standard output and standard error, written unbuffered and checked: output that cannot be
/// written (a full disk, `> /dev/full`, a closed pipe) is an error and a non-zero exit, never
/// lost in silence.
enum StandardStreams {
    /// The first failed write to standard output, and whether one to standard error failed.
    nonisolated(unsafe) static var outputFailure: Int32?
    nonisolated(unsafe) static var errorFailed = false

    /// On a failure of either stream says so (if standard error still can) and exits with
    /// status 1; otherwise returns.
    static func finish(language: Language) {
        guard outputFailure != nil || errorFailed else { return }
        if let code = outputFailure {
            let reason = String(cString: strerror(code))
            writeError(language.pick("error: cannot write the output: \(reason)\n", "erro: não foi possível gravar a saída: \(reason)\n"))
        }
        Foundation.exit(1)
    }

    /// Writes all of `text` to `fd`; false (with errno) when it cannot.
    static func write(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}

/// Writes to standard output; a failure is remembered for the exit status.
func writeOutput(_ text: String) {
    guard StandardStreams.outputFailure == nil else { return }
    if !StandardStreams.write(text, to: 1) { StandardStreams.outputFailure = errno }
}

/// Writes to standard error; a failure is remembered for the exit status.
func writeError(_ text: String) {
    guard !StandardStreams.errorFailed else { return }
    if !StandardStreams.write(text, to: 2) { StandardStreams.errorFailed = true }
}
