import CNNLabEngine
import Dispatch

/// The TUI's behaviour: turns screen events into changes of ``TUIState``, runs the commands
/// typed at the command line on the session, and redraws through the injected driver.
///
/// Keys at the panes: ↑/↓ select a layer (scroll in the output pane), Tab/Shift-Tab cycle
/// panes, ←/→ or `[`/`]` change the viewer channel, PgUp/PgDn scroll the output, `?`/F1 help,
/// `:` the command line, `q` quits; with a lesson open `n`/`p` (→/← in the lesson pane) run
/// `next`/`back`. At the command line: Enter runs the line through the engine (`quit`,
/// `help WORD`, `lesson 2` are commands like any other), Esc returns to the panes, Ctrl-D on an
/// empty line quits. The stepper's and the lesson's keys live in `Modes/`. With the stepper shown,
/// Space/→ next window, ← back, Enter to the end, Esc leaves it. Ctrl-C cancels the line being
/// typed and is otherwise ignored: the TUI only ends by quitting.
public final class TUIController {
    public private(set) var state: TUIState
    /// True once the user has quit.
    public private(set) var isFinished = false
    private var session: Session
    private let driver: ScreenDriver
    private let editor: any CommandLineEditing
    /// Columns results are rendered for before the output pane wraps them.
    private let resultWidth = 60

    /// A controller over `driver` with `editor` at its command line, on the session
    /// `makeSession` gives.
    public init(
        driver: ScreenDriver, editor: any CommandLineEditing, state: TUIState, makeSession: @escaping () -> Session
    ) {
        self.driver = driver
        self.editor = editor
        self.state = state
        self.session = makeSession()
        session.trainingProgress = { [weak self] progress in self?.trainingProgressed(progress) }
        session.trainingSnapshotInterval = 0.5
    }

    /// A batch of `train` finished: the live view follows, redrawn a few times a second.
    private func trainingProgressed(_ progress: TrainingProgress) {
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        if TUITrainingMode.progress(progress, &state, now: now) { redraw() }
    }

    /// A controller with the built-in ``SimpleLineEditor``, completing as the REPL does.
    public convenience init(driver: ScreenDriver, state: TUIState, makeSession: @escaping () -> Session = { Session() }) {
        let completer = Completions()
        let editor = SimpleLineEditor(completer: { line, start, word in completer.candidates(line, start, word) })
        self.init(driver: driver, editor: editor, state: state, makeSession: makeSession)
        completer.controller = self
    }

    /// The completer of every front end, over this controller's session.
    public var completer: ReplCompleter { ReplCompleter(session: session) }

    /// Shows a list of completion candidates in the output pane (readline's Tab-Tab listing,
    /// which must not write to the terminal behind curses' back).
    public func showCompletions(_ matches: [String]) {
        inform(matches.joined(separator: "  "))
    }

    /// Shows a line of information from the front end in the output pane (the history
    /// warning), escaped (``VisibleText``).
    public func inform(_ line: String) {
        state.output.append(.init(VisibleText.escaped(line), .info))
        state.outputScroll = 0
    }

    /// Draws, then handles events until the user quits or the driver has no more events.
    ///
    /// Events already waiting (the keys of a paste) are all handled before the next frame, so
    /// a paste of n characters costs one redraw rather than n: each frame lays out the whole
    /// command line, and a frame per key made a 12,000-character paste take minutes.
    public func run() {
        startLine()
        redraw()
        while !isFinished, let event = driver.nextEvent(timeout: nil) {
            handle(event)
            while !isFinished, let waiting = driver.nextEvent(timeout: .zero) { handle(waiting) }
            redraw()
        }
        editor.endCallback()
    }

    /// Draws the current state at the driver's size.
    public func redraw() {
        syncCommandLine()
        if let scroll = state.lesson?.scroll {
            let limit = TUILayout.lessonScrollLimit(state, width: driver.size.width, height: driver.size.height)
            state.lesson?.scroll = min(scroll, limit)
        }
        driver.draw(TUILayout.render(state, width: driver.size.width, height: driver.size.height))
    }

    /// Applies one event to the state.
    public func handle(_ event: ScreenEvent) {
        switch event {
        case .resize:
            break
        case .interrupt:
            if state.focus == .commandLine {
                editor.endCallback()
                startLine()
            } else {
                state.output.append(.init(TUIText.interruptHint(in: state.language), .info))
            }
        case .key(let key):
            handle(key)
        }
    }

    private func handle(_ key: Key) {
        if state.showHelp {
            state.showHelp = false
            return
        }
        if key == .function(1) {
            state.showHelp = true
            return
        }
        if state.focus == .commandLine {
            commandLineKey(key)
        } else if state.stepper != nil, state.focus == .viewer, TUIStepperMode.handle(key, &state) {
            return
        } else {
            paneKey(key)
        }
    }

    // MARK: Command line

    private func startLine() {
        editor.beginCallback(prompt: state.prompt) { [weak self] input in self?.lineEnded(input) }
        syncCommandLine()
    }

    private func syncCommandLine() {
        state.commandLine = editor.buffer
        state.commandCursor = editor.cursor
    }

    private func commandLineKey(_ key: Key) {
        switch key {
        case .escape:
            state.focus = state.stepper != nil ? .viewer : .network
        case .character(":") where editor.isEmpty:
            break
        default:
            // The line is copied into the state when the frame is drawn, not after every key.
            for byte in Self.bytes(for: key) { editor.feed(byte) }
        }
    }

    private func lineEnded(_ input: LineInput) {
        switch input {
        case .line(let text):
            let source = String(text.drop { $0 == ":" || $0 == " " })
            if !source.allSatisfy(\.isWhitespace) { execute(source) }
        case .interrupted:
            break
        case .endOfFile:
            isFinished = true
        }
        syncCommandLine()
    }

    /// Runs `source` on the session: results and errors go to the output area (when `echo`),
    /// and the panes follow (network, derivation, viewer, stepper, lesson). The echoed line is
    /// escaped (``VisibleText``): it may be a recalled or pasted line holding control characters.
    public func execute(_ source: String, echo: Bool = true) {
        if echo { state.output.append(.init(VisibleText.escaped(source), .command)) }
        Interruption.clear()
        ScriptRunner.run(source, in: session, keepGoing: false, reportNetwork: true) { outcome in
            if let network = outcome.network { state.reports = network }
            switch outcome.result {
            case .success(let result):
                if echo { appendOutput(result) }
                show(result)
            case .failure(let diagnostic):
                appendError(diagnostic, source: source)
            }
        }
        state.selectedLayer = min(max(0, state.selectedLayer), max(0, state.reports.count - 1))
        state.outputScroll = 0
    }

    private func appendOutput(_ result: CommandResult) {
        if case .lessonStep(let view) = result {
            // The narration is in the lesson pane; the output pane gets the commands' results.
            for outcome in view.outcomes {
                state.output.append(.init(VisibleText.escaped(outcome.source), .command))
                for nested in outcome.results {
                    switch nested {
                    case .success(let r): appendOutput(r)
                    case .failure(let d): appendError(d, source: outcome.source)
                    }
                }
            }
            return
        }
        let text = outputText(for: result)
        state.output += text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { .init(String($0), .result) }
    }

    private func appendError(_ diagnostic: Diagnostic, source: String) {
        let text = DiagnosticRenderer.render(diagnostic, source: source, language: state.language)
        state.output += text.split(separator: "\n").map { .init(String($0), .error) }
    }

    /// What the output pane says about a result: the text batch mode prints, except for
    /// pictures, which go to the viewer (a heatmap squeezed into the output pane helps no one).
    private func outputText(for result: CommandResult) -> String {
        if case .heatmap(let named, _) = result {
            let shape = ResultRenderer.shapeText(named.tensor.shape, language: state.language)
            return TUIText.heatmapInViewer(named.name, shape: shape, in: state.language) + "\n"
        }
        return ResultRenderer.render(result, language: state.language, width: resultWidth)
    }

    private func show(_ result: CommandResult) {
        if TUITrainingMode.show(result, &state) { return }
        if TUIQuizMode.show(result, &state) { return }
        if TUILessonMode.show(result, &state) {
            if case .lessonStep(let view) = result {
                if view.index == 0 || view.outcomes.isEmpty { state.viewerTensor = nil; state.stepper = nil }
                for outcome in view.outcomes { outcome.results.forEach { if case .success(let r) = $0 { show(r) } } }
                if state.stepper != nil { state.focus = .viewer }
            }
            return
        }
        switch result {
        case .layerAdded(let report): state.selectedLayer = report.index
        case .explanation(let reports): state.selectedLayer = reports.last?.index ?? state.selectedLayer
        case .shown(let named), .loaded(let named, _), .preset(let named, _), .image(let named, _): view(named)
        case .assigned(let named): named.last.map(view)
        case .heatmap(let named, let spec):
            view(named)
            state.viewerChannel = max(0, spec.channel ?? 0)
        case .stepper(let stepper):
            state.stepper = TUIState.StepperView(stepper: stepper)
            state.focus = .viewer
        case .networkChanged(_, let reports), .layers(let reports):
            state.selectedLayer = max(0, reports.count - 1)
        case .forwarded(let records):
            // Show the last layer's activations that are still a map.
            if let record = records.last(where: { $0.shape.count >= 2 }) {
                view(NamedTensor(name: "a[\(record.index)]", tensor: record.value))
            }
        case .quit:
            isFinished = true
        case .summary, .saved, .cleared, .networkSaved, .modelSaved, .predicted, .exported, .seeded, .variables, .shape, .stats, .help, .lessons,
            .lessonStep, .lessonFeedback, .lessonEnded, .quizQuestion, .quizFeedback, .quizEnded, .quizStats, .quizTopics, .trained:
            break
        }
    }

    private func view(_ named: NamedTensor) {
        state.viewerTensor = named
        state.viewerChannel = 0
        state.stepper = nil
    }

    // MARK: Panes

    private func paneKey(_ key: Key) {
        if state.lesson != nil {
            if let command = TUILessonMode.command(for: key, focus: state.focus) { return execute(command) }
            if TUILessonMode.scroll(key, &state) { return }
        }
        switch key {
        case .character("q"): isFinished = true
        case .tab: cycleFocus(by: 1)
        case .backTab: cycleFocus(by: -1)
        case .character(":"): state.focus = .commandLine
        case .character("?"): state.showHelp = true
        case .up where state.focus == .output: scrollOutput(by: 1)
        case .down where state.focus == .output: scrollOutput(by: -1)
        case .up: state.selectedLayer = max(0, state.selectedLayer - 1)
        case .down: state.selectedLayer = min(max(0, state.reports.count - 1), state.selectedLayer + 1)
        case .left, .character("["): changeChannel(by: -1)
        case .right, .character("]"): changeChannel(by: 1)
        case .pageUp: scrollOutput(by: 8)
        case .pageDown: scrollOutput(by: -8)
        default: break
        }
    }

    private func cycleFocus(by delta: Int) {
        var panes = TUIState.Pane.allCases
        if state.stepper != nil { panes.removeAll { $0 == .output } }
        let index = panes.firstIndex(of: state.focus) ?? 0
        state.focus = panes[(index + delta + panes.count) % panes.count]
    }

    private func changeChannel(by delta: Int) {
        let count = state.viewerChannels
        state.viewerChannel = (state.viewerChannel + delta + count) % count
    }

    private func scrollOutput(by delta: Int) {
        state.outputScroll = min(max(0, state.outputScroll + delta), max(0, state.output.count - 1))
    }

    // MARK: Keys as bytes

    /// What a terminal sends for `key`, for the line editor.
    static func bytes(for key: Key) -> [UInt8] {
        let escape: (String) -> [UInt8] = { [0x1B] + Array(("[" + $0).utf8) }
        switch key {
        case .character(let c): return Array(String(c).utf8)
        case .control(let c): return c.asciiValue.map { [$0 & 0x1F] } ?? []
        case .enter: return [0x0D]
        case .tab: return [0x09]
        case .backspace: return [0x7F]
        case .delete: return escape("3~")
        case .up: return escape("A")
        case .down: return escape("B")
        case .right: return escape("C")
        case .left: return escape("D")
        case .home: return escape("H")
        case .end: return escape("F")
        case .backTab, .escape, .pageUp, .pageDown, .function: return []
        }
    }
}

/// The REPL's completer for the built-in line editor, reading the session late: the editor
/// is made before the controller that owns the session exists.
private final class Completions {
    weak var controller: TUIController?

    func candidates(_ line: String, _ wordStart: Int, _ word: String) -> [String] {
        controller?.completer.candidates(line: line, wordStart: wordStart, word: word) ?? []
    }
}
