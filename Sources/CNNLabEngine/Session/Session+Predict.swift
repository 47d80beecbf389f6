import ConvCore

/// `predict X`: the class a network ending in softmax gives each example of X (one example
/// shaped like the input, or a batch), with its probabilities. It runs the network as `forward`
/// does, so a[l] and z[l] afterwards name the layers' values for X.
extension Session {
    func predict(_ x: Tensor, at range: SourceRange) throws(Diagnostic) -> PredictionReport {
        let reports = try analyze(at: range)
        guard let last = reports.last, case .softmax? = last.spec else {
            throw Diagnostic(.noSoftmaxOutput(lastLayer: reports.last?.spec?.commandText ?? "input"), at: range)
        }
        let (batch, batched) = try inputBatch(x, reports: reports, at: range) { .predictInputShape(expected: $0, got: $1) }
        let records = try runNetwork(batch, batched: batched, reports: reports, at: range)
        let classes = last.output.count
        let output = records.last?.value.storage ?? []
        let predictions = stride(from: 0, to: output.count, by: max(1, classes)).map { start in
            Prediction(probabilities: Array(output[start..<min(output.count, start + classes)]))
        }
        let names = classNames.flatMap { $0.count == classes ? $0 : nil } ?? (0..<classes).map(String.init)
        return PredictionReport(predictions: predictions, classNames: names, batched: batched)
    }
}
