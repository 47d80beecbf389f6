import ConvCore

extension Session {
    /// TEMPORARY until the datasets branch lands.
    func trainingData(_ options: TrainingOptions, at range: SourceRange) throws(Diagnostic) -> LoadedTrainingData {
        throw Diagnostic(.fileNotFound(options.dataset), at: range)
    }
}
