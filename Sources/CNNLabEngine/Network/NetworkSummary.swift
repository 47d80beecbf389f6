/// The whole network's figures, like the footer of torchinfo's summary.
public struct NetworkSummary: Sendable, Equatable {
    public var layers: [LayerReport]

    public init(layers: [LayerReport]) {
        self.layers = layers
    }

    /// Sum of learnable parameters.
    public var totalParams: Int { layers.reduce(0) { $0 &+ $1.params } }
    /// Sum of multiply-adds for one example's forward pass.
    public var totalMultiplyAdds: Int { layers.reduce(0) { $0 &+ $1.multiplyAdds } }
    /// Bytes of one Float32 input example.
    public var inputBytes: Int { (layers.first?.activations ?? 0) &* 4 }
    /// Bytes of every layer's output for one example (what a forward pass keeps for backprop).
    public var activationBytes: Int { layers.dropFirst().reduce(0) { $0 &+ $1.activations } &* 4 }
    /// Bytes of the parameters in Float32.
    public var paramBytes: Int { totalParams &* 4 }
    /// Input + activations + parameters.
    public var totalBytes: Int { inputBytes &+ activationBytes &+ paramBytes }

    /// This layer's share of the parameters, 0...1 (0 when the network has none).
    public func paramShare(of layer: LayerReport) -> Double {
        totalParams == 0 ? 0 : Double(layer.params) / Double(totalParams)
    }
}
