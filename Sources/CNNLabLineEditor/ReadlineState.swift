@preconcurrency import _CReadline

/// The state readline's C callbacks reach. Readline is one process-wide instance whose hooks
/// are plain C function pointers with no context argument, so whatever they need lives here,
/// in one place, and only one ``LineEditor`` uses readline at a time.
enum ReadlineState {
    /// The editor reading a line; its completer answers Tab.
    nonisolated(unsafe) static var editor: LineEditor?
    /// The completion candidates being handed to readline, and the next one's index.
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var candidateIndex = 0
    /// Bytes given to ``LineEditor/feed(_:)`` that readline has not read yet.
    nonisolated(unsafe) static var pendingBytes: [UInt8] = []
    /// Callback mode: the prompt, and where finished lines go.
    nonisolated(unsafe) static var prompt = ""
    nonisolated(unsafe) static var onLine: ((LineEditor.Input) -> Void)?
}
