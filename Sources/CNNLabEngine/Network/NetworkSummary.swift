/// The whole network's figures, like the footer of torchinfo's summary.
///
/// Each layer's own figures fit in `Int` (``LayerAnalyzer`` refuses a layer whose do not), but
/// their totals need not: a total past `Int.max` is nil, which renderers show as too large to
/// count, never as a number wrapped round to a negative one. The totals are added up once,
/// when the summary is made.
public struct NetworkSummary: Sendable, Equatable {
    public let layers: [LayerReport]
    /// Sum of learnable parameters (nil: too large to count).
    public let totalParams: Int?
    /// Parameters that training updates: all of them, since cnnlab has no frozen layers and no
    /// batch-norm statistics (the Keras summary's split, kept so the figures compare).
    public var trainableParams: Int? { totalParams }
    /// Parameters that training leaves alone: none (see ``trainableParams``).
    public var nonTrainableParams: Int { 0 }
    /// Sum of multiply-adds for one example's forward pass (nil: too large to count).
    public let totalMultiplyAdds: Int?
    /// Bytes of one Float32 input example.
    public let inputBytes: Int?
    /// Bytes of every layer's output for one example (what a forward pass keeps for backprop).
    public let activationBytes: Int?
    /// Bytes of the parameters in Float32.
    public let paramBytes: Int?
    /// Input + activations + parameters.
    public let totalBytes: Int?
    /// The parameters added up in Double, which cannot overflow: what the shares divide by.
    private let approximateParams: Double

    public init(layers: [LayerReport]) {
        self.layers = layers
        totalParams = CheckedCount.sum(layers.lazy.map(\.params))
        totalMultiplyAdds = CheckedCount.sum(layers.lazy.map(\.multiplyAdds))
        inputBytes = CheckedCount.float32Bytes(layers.first?.activations ?? 0)
        activationBytes = CheckedCount.sum(layers.dropFirst().lazy.map(\.activations)).flatMap(CheckedCount.float32Bytes)
        paramBytes = totalParams.flatMap(CheckedCount.float32Bytes)
        if let i = inputBytes, let a = activationBytes, let p = paramBytes {
            totalBytes = CheckedCount.sum([i, a, p])
        } else {
            totalBytes = nil
        }
        approximateParams = layers.reduce(0) { $0 + Double($1.params) }
    }

    /// This layer's share of the parameters, 0...1 (0 when the network has none); exact enough
    /// for a percentage even when the total is too large to count.
    public func paramShare(of layer: LayerReport) -> Double {
        approximateParams == 0 ? 0 : Double(layer.params) / approximateParams
    }
}
