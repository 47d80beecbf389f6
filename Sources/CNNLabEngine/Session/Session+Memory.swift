import ConvCore

/// The session's memory budget: what its tensors hold, and the check that refuses an
/// operation whose result would take the session past ``Session/memoryLimit``.
///
/// The engine knows each operation's result size from its operands' shapes before it runs
/// the kernel (`zeros(16384, 16384)` is 1 GiB, `A + 1` is A's size), so it asks
/// ``reserve(_:for:at:)`` first and a refusal leaves the session as it was. What the session
/// holds is counted exactly (variables, the last `forward`'s activations, the network's
/// weights); the results of the statement being evaluated are counted while its expression
/// still holds them (``pendingBytes``).
extension Session {
    /// Bytes the session's tensors hold now: every variable (storage shared by several counted
    /// once), the last forward's a[l] and z[l], and the weights `forward` drew.
    public var memoryInUse: Int {
        memoryHolders().reduce(0) { CheckedCount.sum([$0, $1.bytes]) ?? Int.max }
    }

    /// What holds memory, largest first: each variable, `a[l], z[l]` of the last forward, and
    /// the network's weights (storage shared with a variable listed before is not counted again).
    public func memoryHolders() -> [MemoryHolder] {
        var seen = Set<UnsafeRawPointer>()
        func bytes(_ tensors: [Tensor]) -> Int {
            var total = 0
            for t in tensors {
                let base = t.storage.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
                if let base, !seen.insert(base).inserted { continue }
                total = CheckedCount.sum([total, CheckedCount.float32Bytes(t.count) ?? Int.max]) ?? Int.max
            }
            return total
        }
        var holders: [MemoryHolder] = []
        for name in variables.keys.sorted() {
            if let t = variables[name] { holders.append(MemoryHolder(name: name, bytes: bytes([t]))) }
        }
        if let acts = activations {
            holders.append(MemoryHolder(name: "a[l], z[l]", bytes: bytes(acts.a + acts.z)))
        }
        if let model {
            holders.append(MemoryHolder(name: "forward weights", bytes: bytes(model.tensors)))
        }
        return holders.filter { $0.bytes > 0 }.sorted { $0.bytes > $1.bytes || ($0.bytes == $1.bytes && $0.name < $1.name) }
    }

    /// Refuses (before anything is allocated) an operation that needs `bytes` more when the
    /// session would then hold more than ``memoryLimit``.
    func reserve(_ bytes: Int?, for operation: String, at range: SourceRange) throws(Diagnostic) {
        let inUse = memoryInUse
        let needed = bytes ?? Int.max
        let total = CheckedCount.sum([inUse, pendingBytes, needed])
        guard let total, total <= memoryLimit else {
            let inUseNow = CheckedCount.sum([inUse, pendingBytes]) ?? Int.max
            throw Diagnostic(
                .outOfMemory(operation: operation, needed: needed, inUse: inUseNow, limit: memoryLimit, biggest: Array(memoryHolders().prefix(3))),
                at: range)
        }
    }

    /// ``reserve(_:for:at:)`` for a result of `elements` Float32 values.
    func reserve(elements: Int?, for operation: String, at range: SourceRange) throws(Diagnostic) {
        try reserve(elements.flatMap(CheckedCount.float32Bytes), for: operation, at: range)
    }

    /// The bytes `value` adds to what the statement holds.
    func heldBytes(_ value: Value) -> Int {
        switch value {
        case .integer: return 0
        case .tensor(let t): return CheckedCount.float32Bytes(t.count) ?? Int.max
        case .tuple(let ts): return CheckedCount.sum(ts.map { CheckedCount.float32Bytes($0.count) ?? Int.max }) ?? Int.max
        }
    }

    /// ``reserve(_:for:at:)`` for a result of `shape` (nil when the shape's count overflows:
    /// the operation's own check then says why).
    func reserve(shape: [Int], for operation: String, at range: SourceRange) throws(Diagnostic) {
        guard let count = Tensor.elementCount(shape) else { return }
        try reserve(elements: count, for: operation, at: range)
    }

    /// ``reserve(_:for:at:)`` for a convolution of `input` (rank 2–4, seen as m×n_H×n_W×n_c)
    /// by `filters` (rank 2–4, f×f×n_c×n_c'): its output and a padded copy of one input
    /// image. Operands that do not fit are left to the convolution to refuse.
    func reserveConvolution(_ input: [Int], _ filters: [Int], stride: Int, padding: Int, for operation: String, at range: SourceRange) throws(Diagnostic) {
        let x: [Int]
        switch input.count {
        case 4: x = input
        case 3: x = [1] + input
        case 2: x = [1, input[0], input[1], 1]
        default: return
        }
        guard let f = filters.first, (2...4).contains(filters.count),
            let oh = Conv2D.outputSize(x[1], filter: f, stride: stride, padding: padding),
            let ow = Conv2D.outputSize(x[2], filter: f, stride: stride, padding: padding)
        else { return }
        let outChannels = filters.count == 4 ? filters[3] : 1
        let output = Tensor.elementCount([x[0], oh, ow, outChannels])
        let padded = Tensor.elementCount([x[1] + 2 * padding, x[2] + 2 * padding, x[3]])
        try reserve(elements: output.flatMap { o in padded.flatMap { CheckedCount.sum([o, $0]) } }, for: operation, at: range)
    }
}
