import ConvCore

/// `load` and `save`.
extension Session {
    func loadTensor(_ path: String, at range: SourceRange) throws(Diagnostic) -> Tensor {
        let bytes = try FileStore.read(path, in: workingDirectory, at: range)
        do {
            return try NPYFormat.decode(bytes)
        } catch {
            switch error {
            case .malformed(let reason): throw Diagnostic(.npyMalformed(path, reason: reason), at: range)
            case .unsupported(let reason): throw Diagnostic(.npyUnsupported(path, reason: reason), at: range)
            }
        }
    }

    func saveTensor(_ tensor: Tensor, to path: String, at range: SourceRange) throws(Diagnostic) {
        guard path.lowercased().hasSuffix(".npy") else {
            throw Diagnostic(.fileUnwritable(path, reason: "cnnlab saves tensors as .npy files"), at: range)
        }
        try FileStore.writeAtomically(NPYFormat.encode(tensor), to: path, in: workingDirectory, at: range)
    }
}
