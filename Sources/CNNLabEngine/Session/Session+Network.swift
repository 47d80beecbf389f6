/// Building the network and deriving its figures.
extension Session {
    /// Starts a new network at `input`, dropping the previous layers.
    func setInput(_ dims: [Int], at range: SourceRange) throws(Diagnostic) -> LayerReport {
        do {
            let report = try network.start(dims)
            networkDidChange()
            return report
        } catch {
            throw Diagnostic(.layer(index: 0, command: "input", reason: error), at: range)
        }
    }

    /// Appends a layer if it fits the network so far (analysing that layer only).
    func append(_ spec: LayerSpec, at range: SourceRange) throws(Diagnostic) -> LayerReport {
        let report: LayerReport?
        do {
            report = try network.append(spec)
        } catch {
            throw Diagnostic(.layer(index: network.reports.count, command: spec.commandText, reason: error), at: range)
        }
        guard let report else { throw Diagnostic(.noInput, at: range) }
        networkDidChange()
        return report
    }

    /// Reports for the input and every layer (kept as the layers are added: this costs nothing).
    public func analyze(at range: SourceRange? = nil) throws(Diagnostic) -> [LayerReport] {
        guard inputDims != nil else { throw Diagnostic(.noInput, at: range) }
        return network.reports
    }

    /// The summary table's data.
    func summary(at range: SourceRange) throws(Diagnostic) -> NetworkSummary {
        NetworkSummary(layers: try analyze(at: range))
    }

    /// The reports `explain` shows.
    func explain(_ selection: LayerSelection, at range: SourceRange) throws(Diagnostic) -> [LayerReport] {
        let reports = try analyze(at: range)
        switch selection {
        case .all:
            return reports
        case .one(let i):
            guard i >= 0, i < reports.count else { throw Diagnostic(.noSuchLayer(i, count: reports.count), at: range) }
            return [reports[i]]
        }
    }

    /// Weights, activations and class names belong to one network: drop them when it changes.
    func networkDidChange() {
        networkVersion &+= 1
        model = nil
        activations = nil
        classNames = nil
    }

    /// `undo`: the last layer goes; with only the input left, the input goes.
    func undo() -> CommandResult {
        if let last = network.removeLast() {
            networkDidChange()
            return .networkChanged(.removedLayer(last.commandText), network.reports)
        }
        if inputDims != nil {
            network.removeAll()
            networkDidChange()
            return .networkChanged(.removedInput, [])
        }
        return .networkChanged(.nothingToUndo, [])
    }

    /// `clear`, `clear vars`, `clear all`.
    func clear(_ target: ClearTarget) -> CommandResult {
        if target != .vars {
            network.removeAll()
            networkDidChange()
        }
        if target != .network { unbindAllVariables() }
        return target == .network ? .networkChanged(.cleared, []) : .cleared(target)
    }

    /// The network as the commands that rebuild it (what `net save` writes).
    public var networkScript: String {
        guard let dims = inputDims else { return "" }
        return (["input " + dims.map(String.init).joined(separator: "x")] + layers.map(\.commandText)).joined(separator: "\n") + "\n"
    }

    /// `net example`, `net save`, `net load`, `net export`. A `.npz` path saves or loads the
    /// network with its weights (`Session+ModelFile.swift`); any other path, the commands alone.
    func net(_ command: NetCommand, at range: SourceRange) throws(Diagnostic) -> CommandResult {
        switch command {
        case .example(let name):
            guard let script = ExampleNetworks.script(name) else {
                throw Diagnostic(.unknownName(name, kind: .example, suggestion: nil), at: range)
            }
            try replaceNetwork(with: script, origin: name, at: range)
            return .networkChanged(.example(name), try analyze(at: range))
        case .save(let path) where Self.isModelFile(path):
            return try saveModel(to: path, at: range)
        case .save(let path):
            guard inputDims != nil else { throw Diagnostic(.noInput, at: range) }
            try FileStore.writeAtomically(Array(networkScript.utf8), to: path, access: fileAccess, at: range)
            return .networkSaved(path: path)
        case .load(let path) where Self.isModelFile(path):
            return try loadModel(from: path, at: range)
        case .load(let path):
            let bytes = try FileStore.read(path, access: fileAccess, limit: ScriptRunner.maxScriptBytes, at: range)
            try replaceNetwork(with: String(decoding: bytes, as: UTF8.self), origin: path, at: range)
            return .networkChanged(.loaded(path: path), try analyze(at: range))
        case .export(let framework):
            return .exported(framework: framework, code: NetworkExporter.code(try analyze(at: range), framework: framework))
        }
    }

    /// Replaces the network with the one `script` builds; a bad script leaves it untouched.
    private func replaceNetwork(with script: String, origin: String, at range: SourceRange) throws(Diagnostic) {
        adoptNetwork(of: try scratchNetwork(from: script, origin: origin, at: range))
    }

    /// Takes the network (not the weights) of `scratch`.
    func adoptNetwork(of scratch: Session) {
        network = scratch.network
        networkDidChange()
    }

    /// Builds a network from a script of layer commands on a scratch session, so a bad file
    /// leaves the current network untouched. Every statement is parsed and checked to be
    /// `input` or a layer before any runs: a network file can never save, load or read a file.
    func scratchNetwork(from script: String, origin: String, at range: SourceRange) throws(Diagnostic) -> Session {
        var statements: [Statement] = []
        for lexed in Lexer.statements(in: script) {
            let statement: Statement
            do {
                statement = try Parser.parse(lexed)
            } catch {
                throw Diagnostic(.badNetworkFile(origin, line: error.range?.line ?? lexed.line, message: error.problem), at: range)
            }
            switch statement.command {
            case .input, .layer: statements.append(statement)
            default: throw Diagnostic(.notANetworkFile(origin, line: lexed.line), at: range)
            }
        }
        let scratch = Session()
        for statement in statements {
            do {
                _ = try scratch.run(statement)
            } catch {
                throw Diagnostic(.badNetworkFile(origin, line: statement.range.line, message: error.problem), at: range)
            }
        }
        guard scratch.inputDims != nil else { throw Diagnostic(.notANetworkFile(origin, line: 1), at: range) }
        return scratch
    }
}
