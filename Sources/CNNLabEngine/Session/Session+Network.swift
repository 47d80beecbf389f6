/// Building the network and deriving its figures.
extension Session {
    /// Starts a new network at `input`, dropping the previous layers.
    func setInput(_ dims: [Int], at range: SourceRange) throws(Diagnostic) -> LayerReport {
        do {
            let report = try LayerAnalyzer.input(dims)
            inputDims = dims
            layers = []
            return report
        } catch {
            throw Diagnostic(.layer(index: 0, command: "input", reason: error), at: range)
        }
    }

    /// Appends a layer if it fits the network so far.
    func append(_ spec: LayerSpec, at range: SourceRange) throws(Diagnostic) -> LayerReport {
        let reports = try analyze(at: range)
        guard let last = reports.last else { throw Diagnostic(.noInput, at: range) }
        do {
            let report = try LayerAnalyzer.analyze(spec, index: reports.count, input: last.output)
            layers.append(spec)
            return report
        } catch {
            throw Diagnostic(.layer(index: reports.count, command: spec.commandText, reason: error), at: range)
        }
    }

    /// Reports for the input and every layer.
    public func analyze(at range: SourceRange? = nil) throws(Diagnostic) -> [LayerReport] {
        guard let dims = inputDims else { throw Diagnostic(.noInput, at: range) }
        var reports: [LayerReport] = []
        do {
            reports.append(try LayerAnalyzer.input(dims))
        } catch {
            throw Diagnostic(.layer(index: 0, command: "input", reason: error), at: range)
        }
        for (i, spec) in layers.enumerated() {
            do {
                reports.append(try LayerAnalyzer.analyze(spec, index: i + 1, input: reports[i].output))
            } catch {
                throw Diagnostic(.layer(index: i + 1, command: spec.commandText, reason: error), at: range)
            }
        }
        return reports
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
}
