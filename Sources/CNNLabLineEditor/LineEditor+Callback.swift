@preconcurrency import _CReadline

/// Callback mode, for a curses front end that reads keys and draws the line itself.
extension LineEditor {
    /// Starts editing a line without touching the terminal: readline gets its input from
    /// ``feed(_:)``, does not catch signals, and draws nothing. Each finished line, Ctrl-C
    /// (`.interrupted`, line discarded) and Ctrl-D on an empty line (`.endOfFile`) go to
    /// `onLine`; after a line or Ctrl-C editing continues on a fresh empty line.
    public func beginCallback(prompt: String, onLine: @escaping (Input) -> Void) {
        ReadlineHooks.installCallback(for: self)
        ReadlineState.pendingBytes = []
        ReadlineState.prompt = prompt
        ReadlineState.onLine = onLine
        rl_callback_handler_install(prompt, { ReadlineHooks.lineHandler($0) })
    }

    /// Gives readline one input byte (keys arrive as their terminal bytes: escape sequences
    /// for arrows, UTF-8 for text). Ctrl-C (0x03) discards the line and reports `.interrupted`.
    public func feed(_ byte: UInt8) {
        guard ReadlineState.onLine != nil else { return }
        if byte == 0x03 {
            discardLine()
            ReadlineState.onLine?(.interrupted)
            return
        }
        ReadlineState.pendingBytes.append(byte)
        while !ReadlineState.pendingBytes.isEmpty, ReadlineState.onLine != nil {
            rl_callback_read_char()
        }
    }

    /// The line being edited (`rl_line_buffer`).
    public var buffer: String {
        rl_line_buffer.map { String(cString: $0) } ?? ""
    }

    /// Whether the line being edited is empty (`rl_end` is 0), without copying it.
    public var isEmpty: Bool { rl_end == 0 }

    /// The cursor as a character offset into ``buffer`` (readline's `rl_point` counts bytes).
    public var cursor: Int {
        guard let lineBuffer = rl_line_buffer else { return 0 }
        let bytes = UnsafeRawPointer(lineBuffer).assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(rl_point)), as: UTF8.self).count
    }

    /// Stops callback mode and puts readline's default hooks back.
    public func endCallback() {
        guard ReadlineState.onLine != nil else { return }
        rl_callback_handler_remove()
        ReadlineState.onLine = nil
        ReadlineState.pendingBytes = []
        ReadlineState.editor = nil
        ReadlineHooks.restoreDefaults()
    }

    /// Drops the line, any half-typed key sequence or search, and starts a fresh line.
    private func discardLine() {
        rl_callback_sigcleanup()
        rl_free_line_state()
        rl_callback_handler_remove()
        ReadlineState.pendingBytes = []
        rl_callback_handler_install(ReadlineState.prompt, { ReadlineHooks.lineHandler($0) })
        rl_replace_line("", 1)
        rl_point = 0
        rl_mark = 0
    }
}
