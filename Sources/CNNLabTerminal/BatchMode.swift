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

    /// Runs `source` on `session`. Returns true when every statement succeeded.
    public func run(_ source: String, session: Session, output: (String) -> Void, errors: (String) -> Void) -> Bool {
        ScriptRunner.run(source, in: session, keepGoing: keepGoing) { outcome in
            switch (outcome.result, format) {
            case (.success(let r), .text):
                output(ResultRenderer.render(r, context: context))
            case (.success(let r), .json):
                output(JSONRenderer.render(r) + "\n")
            case (.failure(let d), .text):
                errors(DiagnosticRenderer.render(d, source: source, language: language, style: style))
            case (.failure(let d), .json):
                errors(JSONRenderer.render(d, language: language) + "\n")
            }
        }
    }
}
