import CNNLabLineEditor
import CNNLabTerminal

/// GNU readline's callback interface as the TUI's command line: the TUI feeds it the bytes
/// of each key and draws `buffer` itself, so editing keys, history (shared with the REPL's
/// history file) and completion are readline's own.
final class ReadlineCommandLine: CommandLineEditing {
    let editor: LineEditor

    init(_ editor: LineEditor) {
        self.editor = editor
    }

    func beginCallback(prompt: String, onLine: @escaping (LineInput) -> Void) {
        editor.beginCallback(prompt: prompt) { [editor] input in
            switch input {
            case .line(let text):
                editor.addHistory(text)
                onLine(.line(text))
            case .interrupted:
                onLine(.interrupted)
            case .endOfFile:
                onLine(.endOfFile)
            }
        }
    }

    func feed(_ byte: UInt8) { editor.feed(byte) }
    var buffer: String { editor.buffer }
    var isEmpty: Bool { editor.isEmpty }
    var cursor: Int { editor.cursor }
    func endCallback() { editor.endCallback() }
}
