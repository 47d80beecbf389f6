import ConvCore

/// The state a user builds up in one sitting: the network, the named tensors, settings.
///
/// `run(_:)` evaluates one parsed statement and returns a value describing what happened;
/// it never prints. A failing statement leaves the session as it was.
public final class Session {
    /// The input layer's dimensions as written (`[39, 39, 3]`), nil before `input`.
    public internal(set) var inputDims: [Int]?
    /// Layers after the input, in order.
    public internal(set) var layers: [LayerSpec] = []
    /// Named tensors (`let`, `load`).
    public internal(set) var variables: [String: Tensor] = [:]
    /// Threads the numeric kernels may use.
    public var threads: Int
    /// Directory that relative file paths are resolved against.
    public var workingDirectory: String

    public init(threads: Int = 1, workingDirectory: String = ".") {
        self.threads = max(1, threads)
        self.workingDirectory = workingDirectory
    }

    /// Evaluates one statement.
    public func run(_ statement: Statement) throws(Diagnostic) -> CommandResult {
        switch statement.command {
        case .input(let dims):
            return .layerAdded(try setInput(dims, at: statement.range))
        case .layer(let spec):
            return .layerAdded(try append(spec, at: statement.range))
        case .summary:
            return .summary(try summary(at: statement.range))
        case .explain(let selection):
            return .explanation(try explain(selection, at: statement.range))
        case .assign(let names, let expression):
            return .assigned(try assign(names, expression))
        case .show(let expression):
            return .shown(NamedTensor(name: expressionName(expression), tensor: try evaluateTensor(expression)))
        case .load(let name, let path):
            let tensor = try loadTensor(path, at: statement.range)
            variables[name] = tensor
            return .loaded(NamedTensor(name: name, tensor: tensor), path: path)
        case .save(let expression, let path):
            let named = NamedTensor(name: expressionName(expression), tensor: try evaluateTensor(expression))
            try saveTensor(named.tensor, to: path, at: statement.range)
            return .saved(named, path: path)
        case .step(let expression):
            return .stepper(try stepper(expression))
        }
    }

    /// The name to show for an expression: the variable's name, or `result`.
    private func expressionName(_ e: Expression) -> String {
        if case .variable(let name, _) = e { return name }
        return "result"
    }
}
