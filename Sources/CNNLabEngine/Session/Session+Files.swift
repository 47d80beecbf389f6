import ConvCore

/// `load` and `save`.
extension Session {
    func loadTensor(_ path: String, at range: SourceRange) throws(Diagnostic) -> Tensor {
        let bytes = try FileStore.read(path, access: fileAccess, limit: NPYFormat.maxFileBytes, at: range)
        do {
            return try NPYFormat.decode(bytes)
        } catch {
            switch error {
            case .malformed(let reason): throw Diagnostic(.npyMalformed(path, reason: reason), at: range)
            case .unsupported(let reason): throw Diagnostic(.npyUnsupported(path, reason: reason), at: range)
            }
        }
    }

    /// Saves as `.npy`, or as a gray `.png` (returning the value range mapped to 0…255).
    func saveTensor(_ tensor: Tensor, to path: String, at range: SourceRange) throws(Diagnostic) -> ClosedRange<Float>? {
        let lower = path.lowercased()
        if lower.hasSuffix(".png") { return try savePNG(tensor, to: path, at: range) }
        guard lower.hasSuffix(".npy") else {
            throw Diagnostic(.fileUnwritable(path, reason: "cnnlab saves tensors as .npy (numbers) or .png (a gray map)"), at: range)
        }
        try FileStore.writeAtomically(NPYFormat.encode(tensor), to: path, access: fileAccess, at: range)
        return nil
    }
}
