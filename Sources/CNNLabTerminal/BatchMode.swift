import CNNLabEngine

/// Batch mode (`-c`, `run FILE`): runs a script, writing each result to `output` and each
/// error (with the offending line and a caret) to `errors` as soon as it is known.
public struct BatchMode {
    /// Text or one JSON object per result.
    public enum Format: Sendable { case text, json }

    public var format: Format
    public var language: Language
    public var style: TextStyle
    public var keepGoing: Bool
    /// The terminal the text goes to (colour depth, Unicode, size).
    public var context: RenderContext

    public init(format: Format, context: RenderContext, keepGoing: Bool) {
        self.format = format
        self.language = context.language
        self.style = context.style
        self.context = context
        self.keepGoing = keepGoing
    }

    /// How a run ended.
    public struct Outcome: Sendable, Equatable {
        /// Every statement succeeded.
        public var succeeded: Bool
        /// A `quit` statement was run.
        public var quit: Bool
    }

    /// Runs `source` on `session`, stopping at `quit` (and at the first error unless `keepGoing`).
    @discardableResult
    public func run(_ source: String, session: Session, output: (String) -> Void, errors: (String) -> Void) -> Outcome {
        var quit = false
        var lines: SourceLines?
        let ok = ScriptRunner.run(source, in: session, keepGoing: keepGoing) { outcome in
            if case .success(.quit) = outcome.result { quit = true }
            switch (outcome.result, format) {
            case (.success(let r), .text):
                output(ResultRenderer.render(r, context: context))
            case (.success(let r), .json):
                output(JSONRenderer.render(r) + "\n")
            case (.failure(let d), .text):
                // Split once, at the first error: each later one finds its line without a pass over the script.
                let split = lines ?? SourceLines(source)
                lines = split
                errors(DiagnosticRenderer.render(d, lines: split, language: language, style: style))
            case (.failure(let d), .json):
                errors(JSONRenderer.render(d, language: language) + "\n")
            }
        }
        return Outcome(succeeded: ok, quit: quit)
    }
}
