/// How a line given to a ``CommandLineEditing`` editor ended.
public enum LineInput: Sendable, Equatable {
    /// Enter: the text of the line.
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line.
    case endOfFile

    /// Reads any enum spelled like this one — cases `line(String)`, `interrupted` and
    /// `endOfFile` — such as `CNNLabLineEditor.LineEditor.Input`, which cannot depend on this
    /// module. This is what keeps plugging in the readline editor a one-line conformance.
    public init?(mirroring value: Any) {
        if let same = value as? LineInput {
            self = same
            return
        }
        let mirror = Mirror(reflecting: value)
        if let child = mirror.children.first, child.label == "line", let text = child.value as? String {
            self = .line(text)
            return
        }
        switch String(describing: value) {
        case "interrupted": self = .interrupted
        case "endOfFile": self = .endOfFile
        default: return nil
        }
    }
}

/// A line editor driven byte by byte (readline's callback interface): the TUI feeds it the
/// keys typed at its command line and draws `buffer` with the cursor at `cursor`.
///
/// ``SimpleLineEditor`` is the pure-Swift implementation; the GNU readline `LineEditor` of
/// `CNNLabLineEditor` has the same shape and plugs in with
/// `extension LineEditor: CommandLineEditing {}` (its `Input` is read by
/// ``LineInput/init(mirroring:)``).
public protocol CommandLineEditing: AnyObject {
    /// What `onLine` receives: ``LineInput`` or an enum spelled like it.
    associatedtype Input
    /// Starts editing a new, empty line; `onLine` is called when it ends.
    func beginCallback(prompt: String, onLine: @escaping (Input) -> Void)
    /// One byte typed (UTF-8; arrows and the like as `ESC [ …` sequences).
    func feed(_ byte: UInt8)
    /// The line as edited so far.
    var buffer: String { get }
    /// The cursor as a UTF-8 byte offset into `buffer` (readline's `rl_point`).
    var cursor: Int { get }
    /// Stops editing (restores whatever `beginCallback` changed).
    func endCallback()
}

/// Any ``CommandLineEditing`` editor, with its input read as ``LineInput``.
final class AnyLineEditor {
    private let begin: (String, @escaping (LineInput) -> Void) -> Void
    let feed: (UInt8) -> Void
    private let readBuffer: () -> String
    private let readCursor: () -> Int
    let end: () -> Void

    init<Editor: CommandLineEditing>(_ editor: Editor) {
        begin = { prompt, onLine in
            editor.beginCallback(prompt: prompt) { input in
                if let line = LineInput(mirroring: input) { onLine(line) }
            }
        }
        feed = { editor.feed($0) }
        readBuffer = { editor.buffer }
        readCursor = { editor.cursor }
        end = { editor.endCallback() }
    }

    func begin(prompt: String, onLine: @escaping (LineInput) -> Void) { begin(prompt, onLine) }
    var buffer: String { readBuffer() }
    var cursor: Int { readCursor() }
}
