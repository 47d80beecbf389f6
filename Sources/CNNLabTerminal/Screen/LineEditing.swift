/// How a line given to a ``CommandLineEditing`` editor ended.
public enum LineInput: Sendable, Equatable {
    /// Enter: the text of the line.
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line.
    case endOfFile
}

/// A line editor driven byte by byte (readline's callback interface): the TUI feeds it the
/// keys typed at its command line and draws `buffer` with the cursor at `cursor`.
///
/// ``SimpleLineEditor`` is the pure-Swift implementation used by tests; the executable adapts
/// GNU readline's `LineEditor` (`CNNLabLineEditor`) to this protocol for the real TUI.
public protocol CommandLineEditing: AnyObject {
    /// Starts editing a new, empty line; `onLine` is called when it ends.
    func beginCallback(prompt: String, onLine: @escaping (LineInput) -> Void)
    /// One byte typed (UTF-8; arrows and the like as `ESC [ …` sequences).
    func feed(_ byte: UInt8)
    /// The line as edited so far.
    var buffer: String { get }
    /// Whether the line is empty (without copying it, as `buffer` does).
    var isEmpty: Bool { get }
    /// The cursor as a character offset into `buffer`.
    var cursor: Int { get }
    /// Stops editing (restores whatever `beginCallback` changed).
    func endCallback()
}

extension CommandLineEditing {
    /// Whether `buffer` is empty.
    public var isEmpty: Bool { buffer.isEmpty }
}
