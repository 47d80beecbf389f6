import ConvCore

/// `train`: trains the session's network (or, without one, a small CNN sized for the data) on
/// a dataset's training split and tests it on the held-out split. The trained weights stay
/// with the session: `forward` and `a[l]` use them afterwards.
extension Session {
    func train(_ options: TrainingOptions, at range: SourceRange) throws(Diagnostic) -> CommandResult {
        let data = try trainingData(options, at: range)
        if inputDims == nil {
            let (h, w, c) = data.exampleShape
            ScriptRunner.run(DefaultNetwork.script(height: h, width: w, channels: c, classes: data.classNames.count), in: self, keepGoing: false) { _ in }
        }
        let reports = try analyze(at: range)
        try checkFits(reports, data, at: range)
        let initial: NetworkModel
        if let model, model.reports == reports {
            initial = model
        } else {
            do {
                initial = try NetworkModel(reports: reports, seed: options.seed, threads: threads)
            } catch {
                throw Diagnostic(.tensor(operation: "train", error), at: range)
            }
        }
        var trainer = Trainer(model: initial, options: options)
        trainer.snapshotInterval = trainingSnapshotInterval
        var source = data.train
        let report: TrainingReport
        do {
            report = try trainer.run(
                &source, testImages: data.testImages, testLabels: data.testLabels, classNames: data.classNames,
                progress: trainingProgress ?? { _ in })
        } catch {
            throw Diagnostic(.tensor(operation: "train", error), at: range)
        }
        model = trainer.model
        modelIsDrawn = false
        activations = nil
        classNames = data.classNames
        return .trained(report)
    }

    /// The network must take the dataset's images and end in one output per class.
    private func checkFits(_ reports: [LayerReport], _ data: LoadedTrainingData, at range: SourceRange) throws(Diagnostic) {
        let (h, w, c) = data.exampleShape
        let input = reports.first?.output.dimensions ?? []
        guard input == [h, w, c] || (c == 1 && input == [h, w]) else {
            throw Diagnostic(.activity(.networkDoesNotFitData(input: input, data: [h, w, c], classes: data.classNames.count)), at: range)
        }
        guard let last = reports.last, last.output.dimensions == [data.classNames.count],
              case .softmax(let units?)? = last.spec, units == data.classNames.count else {
            throw Diagnostic(.activity(.networkDoesNotFitData(input: input, data: [h, w, c], classes: data.classNames.count)), at: range)
        }
    }
}
