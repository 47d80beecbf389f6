extension Tensor {
    /// Overwrites the elements in place through `body`; the shape stays as it is.
    ///
    /// The storage is kept when this tensor is its only owner, so a loop refilling the same
    /// tensor (a data loader's batch) allocates nothing; when another tensor shares it, Swift
    /// copies it first (copy-on-write), and the other tensor keeps its values.
    public mutating func withUnsafeMutableElements<Result>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeMutableBufferPointer { try body($0) }
    }
}
