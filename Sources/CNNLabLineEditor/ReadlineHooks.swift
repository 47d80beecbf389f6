@preconcurrency import _CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C functions readline calls back, and the settings each mode needs. All global
/// readline configuration is done here.
enum ReadlineHooks {
    /// Characters that end a word for completion: blanks, `;` between statements, `=` of
    /// `f=3`, brackets and operators of expressions. Not `-`, which names contain
    /// (`one-layer`). Quotes also start a file name.
    nonisolated(unsafe) private static let wordBreaks = UnsafePointer(strdup(" \t\n;=()[],+*/\"'"))
    nonisolated(unsafe) private static let quotes = UnsafePointer(strdup("\"'"))
    nonisolated(unsafe) private static let programName = UnsafePointer(strdup("cnnlab"))

    /// Settings shared by both modes.
    private static func installCommon(for editor: LineEditor) {
        ReadlineState.editor = editor
        rl_readline_name = programName
        rl_change_environment = 0
        rl_completer_word_break_characters = wordBreaks
        rl_basic_word_break_characters = wordBreaks
        rl_completer_quote_characters = quotes
        rl_attempted_completion_function = { ReadlineHooks.attemptedCompletion($0, $1, $2) }
    }

    /// Blocking mode: readline owns the terminal, catches signals (so it can restore the
    /// terminal) and draws the line itself.
    static func installBlocking(for editor: LineEditor) {
        installCommon(for: editor)
        restoreDefaults()
        rl_getc_function = { ReadlineHooks.blockingGetc($0) }
    }

    /// Readline's own signal handling, terminal preparation, input and drawing.
    static func restoreDefaults() {
        rl_catch_signals = 1
        rl_catch_sigwinch = 1
        rl_getc_function = rl_getc
        rl_input_available_hook = nil
        rl_redisplay_function = rl_redisplay
        rl_prep_term_function = rl_prep_terminal
        rl_deprep_term_function = rl_deprep_terminal
        rl_completion_display_matches_hook = nil
    }

    /// Callback mode: the front end owns the terminal and the screen; readline only edits a
    /// buffer from the bytes it is fed.
    static func installCallback(for editor: LineEditor) {
        installCommon(for: editor)
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_getc_function = { ReadlineHooks.fedGetc($0) }
        rl_input_available_hook = { ReadlineHooks.fedInputAvailable() }
        rl_redisplay_function = {}  // the front end draws the line from `buffer` and `cursor`
        rl_prep_term_function = nil
        rl_deprep_term_function = nil
        rl_completion_display_matches_hook = { ReadlineHooks.listMatches($0, $1, $2) }
    }

    /// Moves to a fresh line after `readline()` returned NULL. Readline 8.2 does it itself when
    /// bracketed paste is on (its "paste off" sequence is followed by a newline at end of
    /// input); with bracketed paste off (inputrc, dumb terminal) the cursor is still on the line.
    static func endLineAfterEndOfInput() {
        let bracketedPaste = rl_variable_value("enable-bracketed-paste").map { String(cString: $0) }
        if bracketedPaste != "on" { rl_crlf() }
    }

    /// Reads one byte from the terminal. An interrupted read lets readline handle its
    /// signals (resize, suspend, Ctrl-C); after Ctrl-C the line is emptied and end of input
    /// reported, which makes `readline()` return NULL with the terminal restored.
    private static func blockingGetc(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
        let fd = stream.map { fileno($0) } ?? 0
        while true {
            if InterruptTrap.flag != 0 {
                rl_replace_line("", 0)
                rl_point = 0
                return EOF
            }
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count == 0 || errno != EINTR { return EOF }
            rl_check_signals()
        }
    }

    /// Callback mode: the next byte given to `feed`.
    private static func fedGetc(_: UnsafeMutablePointer<FILE>?) -> Int32 {
        guard !ReadlineState.pendingBytes.isEmpty else { return EOF }
        return Int32(ReadlineState.pendingBytes.removeFirst())
    }

    private static func fedInputAvailable() -> Int32 {
        ReadlineState.pendingBytes.isEmpty ? 0 : 1
    }

    /// Callback mode: Tab-Tab listings go to the front end instead of the terminal.
    private static func listMatches(
        _ matches: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ count: Int32, _: Int32
    ) {
        guard let matches, count > 0 else { return }
        let list = (1...Int(count)).compactMap { matches[$0].map { String(cString: $0) } }
        ReadlineState.editor?.listMatches?(list)
    }

    /// Callback mode: a finished line (or NULL at end of input).
    static func lineHandler(_ raw: UnsafeMutablePointer<CChar>?) {
        let input: LineEditor.Input
        if let raw {
            input = .line(String(cString: raw))
            free(raw)
        } else {
            input = .endOfFile
        }
        ReadlineState.onLine?(input)
    }

    /// Tab: asks the editor's completer. Readline's filename completion is always switched
    /// off; inside quotes the candidates are marked as file names so a directory keeps the
    /// cursor after its `/` and a file closes the quote.
    private static func attemptedCompletion(
        _ text: UnsafePointer<CChar>?, _ start: Int32, _: Int32
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1
        guard let completer = ReadlineState.editor?.completer, let text, let lineBuffer = rl_line_buffer else {
            return nil
        }
        let line = String(cString: lineBuffer)
        let before = UnsafeBufferPointer(start: UnsafeRawPointer(lineBuffer).assumingMemoryBound(to: UInt8.self), count: Int(start))
        let wordStart = String(decoding: before, as: UTF8.self).count
        let candidates = completer(line, wordStart, String(cString: text))
        guard !candidates.isEmpty else { return nil }
        if rl_completion_quote_character != 0 { rl_filename_completion_desired = 1 }
        if candidates.count == 1, let last = candidates[0].last, "=/(".contains(last) {
            rl_completion_suppress_append = 1
        }
        ReadlineState.candidates = candidates
        return rl_completion_matches(text) { ReadlineHooks.nextCandidate($0, $1) }
    }

    /// Hands readline the stored candidates one by one (`state` 0 starts over), `strdup`'d
    /// because readline frees them.
    private static func nextCandidate(_: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 { ReadlineState.candidateIndex = 0 }
        guard ReadlineState.candidateIndex < ReadlineState.candidates.count else { return nil }
        defer { ReadlineState.candidateIndex += 1 }
        return strdup(ReadlineState.candidates[ReadlineState.candidateIndex])
    }
}
