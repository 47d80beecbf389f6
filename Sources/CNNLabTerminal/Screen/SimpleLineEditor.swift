import CNNLabEngine

/// A small pure-Swift line editor for the TUI's command line: insert, backspace/delete,
/// ←/→, Home/End (and Ctrl-A/E), ↑/↓ history, Ctrl-U to clear, Tab completion, Enter,
/// Ctrl-C (interrupted) and Ctrl-D on an empty line (end of file).
///
/// Fed byte by byte like readline's callback interface, so the TUI can swap in readline.
public final class SimpleLineEditor: CommandLineEditing {

    /// Candidate words for Tab, as ``ReplCompleter`` gives them: the line up to the cursor,
    /// where the word being completed starts in it (in characters), and that word.
    public typealias Completer = (_ line: String, _ wordStart: Int, _ word: String) -> [String]

    private var characters: [Character] = []
    private var position = 0
    private var onLine: ((LineInput) -> Void)?
    private var history: [String] = []
    private var historyIndex = 0
    private var pending: [UInt8] = []
    private var escape: [UInt8]?
    private let completer: Completer

    public init(completer: @escaping Completer = { _, _, _ in [] }) {
        self.completer = completer
    }

    public var buffer: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }
    public var cursor: Int { position }

    public func beginCallback(prompt: String, onLine: @escaping (LineInput) -> Void) {
        self.onLine = onLine
        characters = []
        position = 0
        historyIndex = history.count
        escape = nil
        pending = []
    }

    public func endCallback() {
        onLine = nil
    }

    public func feed(_ byte: UInt8) {
        if var sequence = escape {
            sequence.append(byte)
            // `ESC [ params final` or `ESC O final`; the final byte is in 0x40...0x7E.
            let introduced = sequence[1] == UInt8(ascii: "[") || sequence[1] == UInt8(ascii: "O")
            if !introduced || sequence.count > 8 {
                escape = nil
            } else if sequence.count > 2, (0x40...0x7E).contains(byte) {
                escape = nil
                escapeSequence(sequence)
            } else {
                escape = sequence
            }
            return
        }
        switch byte {
        case 0x1B: escape = [byte]
        case 0x0D, 0x0A: submit()
        case 0x7F, 0x08: backspace()
        case 0x09: complete()
        case 0x01: position = 0
        case 0x05: position = characters.count
        case 0x02: moveLeft()
        case 0x06: moveRight()
        case 0x15: characters.removeSubrange(0..<position); position = 0
        case 0x03:
            characters = []
            position = 0
            onLine?(.interrupted)
        case 0x04:
            if characters.isEmpty { onLine?(.endOfFile) } else { deleteForward() }
        case 0x00..<0x20: break
        default: insertUTF8(byte)
        }
    }

    private func escapeSequence(_ s: [UInt8]) {
        let body = String(decoding: s.dropFirst(2), as: UTF8.self)
        switch body {
        case "A": recall(-1)
        case "B": recall(+1)
        case "C": moveRight()
        case "D": moveLeft()
        case "H", "1~", "7~": position = 0
        case "F", "4~", "8~": position = characters.count
        case "3~": deleteForward()
        default: break
        }
    }

    private func insertUTF8(_ byte: UInt8) {
        pending.append(byte)
        let lead = pending[0]
        let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard pending.count >= needed else { return }
        let text = String(decoding: pending, as: UTF8.self)
        pending = []
        for c in text {
            characters.insert(c, at: position)
            position += 1
        }
    }

    private func submit() {
        let line = buffer
        if line.contains(where: { $0 != " " }), history.last != line { history.append(line) }
        historyIndex = history.count
        characters = []
        position = 0
        onLine?(.line(line))
    }

    private func backspace() {
        guard position > 0 else { return }
        characters.remove(at: position - 1)
        position -= 1
    }

    private func deleteForward() {
        guard position < characters.count else { return }
        characters.remove(at: position)
    }

    private func moveLeft() { position = max(0, position - 1) }
    private func moveRight() { position = min(characters.count, position + 1) }

    private func recall(_ delta: Int) {
        let index = min(max(0, historyIndex + delta), history.count)
        guard index != historyIndex else { return }
        historyIndex = index
        characters = index < history.count ? Array(history[index]) : []
        position = characters.count
    }

    /// Completes the word before the cursor: the single candidate (plus a space), or the
    /// longest prefix all candidates share.
    private func complete() {
        var start = position
        while start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber || characters[start - 1] == "_" {
            start -= 1
        }
        let word = String(characters[start..<position])
        let atStart = characters[..<start].allSatisfy { $0 == " " || $0 == ":" }
        let candidates = completer(String(characters[..<position]), start, word)
        guard let first = candidates.first else { return }
        var completion = candidates.dropFirst().reduce(first) { common, next in
            String(zip(common, next).prefix { $0 == $1 }.map(\.0))
        }
        if candidates.count == 1, let last = completion.last, !"=(/".contains(last) { completion += atStart ? " " : "" }
        let added = Array(completion.dropFirst(word.count))
        characters.insert(contentsOf: added, at: position)
        position += added.count
    }
}
