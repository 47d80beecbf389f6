import ConvCore

/// What `check:` asks the engine to compute for a lesson question, so that `lesson --check`
/// can prove the accepted answer right (see `Lessons/README.md`).
public enum LessonCheckQuery: Sendable, Equatable {
    /// Parameters of layer N, or of the whole network (nil).
    case params(Int?)
    /// The output shape of layer N.
    case shape(Int)
    /// The activations of layer N for one example.
    case size(Int)
    /// The shape of W[N] / b[N].
    case weights(Int)
    case bias(Int)
    /// The one number of a tensor expression.
    case value(String)
    /// The shape of a tensor expression.
    case shapeOf(String)
    /// The number of the layer with the most parameters.
    case mostParams

    /// Reads a query such as `params 1` or `value Z[0, 1]`; nil when it is not one.
    public init?(_ text: String) {
        let parts = text.trimmingSpaces.split(separator: " ", maxSplits: 1).map(String.init)
        guard let word = parts.first else { return nil }
        let argument = parts.count > 1 ? parts[1].trimmingSpaces : ""
        let layer = Int(argument)
        switch word {
        case "params" where argument.isEmpty: self = .params(nil)
        case "params": guard let layer else { return nil }; self = .params(layer)
        case "shape": guard let layer else { return nil }; self = .shape(layer)
        case "size": guard let layer else { return nil }; self = .size(layer)
        case "weights": guard let layer else { return nil }; self = .weights(layer)
        case "bias": guard let layer else { return nil }; self = .bias(layer)
        case "value" where !argument.isEmpty: self = .value(argument)
        case "shape-of" where !argument.isEmpty: self = .shapeOf(argument)
        case "most-params" where argument.isEmpty: self = .mostParams
        default: return nil
        }
    }

    /// The value on `session` as it is now, or the diagnostic that stopped it.
    func evaluate(on session: Session) throws(Diagnostic) -> LessonAnswer {
        switch self {
        case .params(nil):
            return .number(try session.analyze().reduce(0.0) { $0 + Double($1.params) })
        case .params(let l?): return .number(Double(try report(l, session).params))
        case .shape(let l): return .shape(try report(l, session).output.dimensions)
        case .size(let l): return .number(Double(try report(l, session).activations))
        case .weights(let l): return .shape(try report(l, session).weightShape ?? [])
        case .bias(let l): return .shape(try report(l, session).biasShape ?? [])
        case .mostParams:
            let reports = try session.analyze()
            guard let top = reports.max(by: { $0.params < $1.params }) else { throw Diagnostic(.emptyNetwork) }
            return .number(Double(top.index))
        case .value(let source):
            let t = try Self.tensor(source, session)
            guard t.count == 1 else {
                throw Diagnostic(.tensor(operation: "value", .rankMismatch(operation: "value", expected: "a single number", got: t.shape)))
            }
            return .number(Double(t.storage[0]))
        case .shapeOf(let source):
            return .shape(try Self.tensor(source, session).shape)
        }
    }

    private func report(_ l: Int, _ session: Session) throws(Diagnostic) -> LayerReport {
        let reports = try session.analyze()
        guard reports.indices.contains(l) else { throw Diagnostic(.noSuchLayer(l, count: reports.count)) }
        return reports[l]
    }

    private static func tensor(_ source: String, _ session: Session) throws(Diagnostic) -> Tensor {
        guard let lexed = Lexer.statements(in: "show " + source).first else { throw Diagnostic(.expected(.expression, found: nil)) }
        let statement = try Parser.parse(try lexed.tokens.get())
        guard case .show(let expression) = statement.command else { throw Diagnostic(.expected(.expression, found: source)) }
        return try session.evaluateTensor(expression)
    }
}
