/// An error the user caused, as a value: what went wrong, where, and what to try.
///
/// The engine never prints: front ends render a diagnostic in the user's language with the
/// offending line and a caret under `range` (see `CNNLabTerminal.DiagnosticRenderer`).
public struct Diagnostic: Error, Sendable, Equatable {
    /// What went wrong.
    public var problem: Problem
    /// Where in the script, if the problem has a place.
    public var range: SourceRange?

    public init(_ problem: Problem, at range: SourceRange? = nil) {
        self.problem = problem
        self.range = range
    }

    /// The message in `language`.
    public func message(in language: Language) -> String {
        problem.message(in: language)
    }

    /// A suggestion of what to do instead, if there is one.
    public func hint(in language: Language) -> String? {
        problem.hint(in: language)
    }
}
