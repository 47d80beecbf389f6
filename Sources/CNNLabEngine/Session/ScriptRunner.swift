/// Runs a script (statements separated by newlines or `;`) on a session, statement by
/// statement, handing each outcome to the caller as soon as it is known.
public enum ScriptRunner {
    /// The largest script or network file cnnlab reads: 64 MiB, a million layers many times
    /// over, and still far from what a runaway input (`run - < /dev/zero`) would take.
    public static let maxScriptBytes = 64 << 20

    /// The outcome of one statement.
    public struct Outcome: Sendable {
        /// The line the statement starts on.
        public var line: Int
        public var result: Result<CommandResult, Diagnostic>
        /// The network's layers when the statement changed them (nil when it did not, and
        /// an empty list when the network has no input any more).
        public var network: [LayerReport]?
    }

    /// Runs `source`; stops at `quit`, and at the first error unless `keepGoing`. With
    /// `reportNetwork`, an outcome whose statement changed the network carries its layers.
    /// - Returns: true when every statement succeeded.
    @discardableResult
    public static func run(
        _ source: String, in session: Session, keepGoing: Bool, reportNetwork: Bool = false, handle: (Outcome) -> Void
    ) -> Bool {
        var lexer = Lexer(source)
        var allGood = true
        while let statement = lexer.nextStatement() {
            let version = session.networkVersion
            let result = Result { () throws(Diagnostic) -> CommandResult in
                let parsed = try Parser.parse(statement)
                let value = try session.run(parsed)
                // A Ctrl-C during the statement discards its result (the session may keep
                // values it bound before the request, like a partly run script).
                if Interruption.isRequested { throw Diagnostic(.interrupted, at: parsed.range) }
                return value
            }
            let network = !reportNetwork || session.networkVersion == version ? nil : ((try? session.analyze()) ?? [])
            handle(Outcome(line: statement.line, result: result, network: network))
            switch result {
            case .failure(let d) where d.problem == .interrupted:
                return false
            case .failure:
                allGood = false
                if !keepGoing { return false }
            case .success(.quit):
                return allGood
            case .success:
                break
            }
        }
        return allGood
    }
}
