/// `net save "m.npz"` and `net load "m.npz"`: the network with its weights, as a NumPy `.npz`
/// (the layout is ``NetworkWeightsFile``'s).
extension Session {
    /// Whether `path` names a `.npz` model rather than a file of commands.
    static func isModelFile(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".npz")
    }

    /// Writes the network's commands and weights: the trained or loaded ones, else those
    /// `forward` would draw from the seed (which the session then keeps).
    func saveModel(to path: String, at range: SourceRange) throws(Diagnostic) -> CommandResult {
        let reports = try analyze(at: range)
        let model = try currentModel(reports, at: range)
        let arrays = NetworkWeightsFile.arrays(script: networkScript, model: model, classNames: classNames)
        let bytes: [UInt8]
        do {
            bytes = try NPZArchive.encode(arrays)
        } catch {
            throw Diagnostic(.modelFile(.archive(path: path, error)), at: range)
        }
        try FileStore.writeAtomically(bytes, to: path, access: fileAccess, at: range)
        return .modelSaved(path: path, arrays: arrays.map(\.key))
    }

    /// Reads a `.npz`: the network its `cnnlab_network` builds with its weights, or, without
    /// that key, weights for the current network. Everything is checked before anything
    /// changes, so a bad file leaves the session as it was.
    func loadModel(from path: String, at range: SourceRange) throws(Diagnostic) -> CommandResult {
        // Read only if it fits in what the session may still hold (its weights are loaded whole).
        let room = max(0, memoryLimit - memoryInUse)
        let file = try NetworkWeightsFile(try FileStore.read(path, access: fileAccess, limit: room, at: range), path: path, at: range)
        guard let script = file.script else {
            guard inputDims != nil else { throw Diagnostic(.modelFile(.noNetwork(path: path)), at: range) }
            let reports = try analyze(at: range)
            model = try file.model(for: reports, threads: threads)
            modelIsDrawn = false
            activations = nil
            classNames = file.classNames ?? classNames
            return .networkChanged(.loadedWeights(path: path), reports)
        }
        let scratch = try scratchNetwork(from: script, origin: "\(path) (\(NetworkWeightsFile.networkKey))", at: range)
        let reports = try scratch.analyze(at: range)
        let loaded = try file.model(for: reports, threads: threads)
        adoptNetwork(of: scratch)
        model = loaded
        modelIsDrawn = false
        classNames = file.classNames
        return .networkChanged(.loadedModel(path: path), reports)
    }
}
