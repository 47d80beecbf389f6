import ConvCore

/// `load` and `save`.
extension Session {
    func loadTensor(_ path: String, at range: SourceRange) throws(Diagnostic) -> Tensor {
        // The file is read only if it fits in what the session may still hold, and decoded only
        // if its values do too.
        let room = max(0, memoryLimit - memoryInUse)
        let bytes = try FileStore.read(path, access: fileAccess, limit: min(room, NPYFormat.maxFileBytes), at: range)
        pendingBytes = CheckedCount.sum([pendingBytes, bytes.count]) ?? Int.max
        if let count = try? NPYFormat.elementCount(bytes) { try reserve(elements: count, for: "load", at: range) }
        do {
            return try NPYFormat.decode(bytes)
        } catch {
            throw error.diagnostic(path: path, at: range)
        }
    }

    /// Saves as `.npy`, or as a gray `.png` (returning how values became gray levels).
    func saveTensor(_ tensor: Tensor, to path: String, at range: SourceRange) throws(Diagnostic) -> GrayScale? {
        let lower = path.lowercased()
        if lower.hasSuffix(".png") { return try savePNG(tensor, to: path, at: range) }
        guard lower.hasSuffix(".npy") else {
            throw Diagnostic(.fileUnwritable(path, reason: "cnnlab saves tensors as .npy (numbers) or .png (a gray map)"), at: range)
        }
        try FileStore.writeAtomically(NPYFormat.encode(tensor), to: path, access: fileAccess, at: range)
        return nil
    }
}
