/// Everything derived about one layer once its input shape is known.
public struct LayerReport: Sendable, Equatable {
    /// Position in the network; the input is layer 0, as a[0] in the lecture.
    public var index: Int
    /// The layer as written; nil for the input layer.
    public var spec: LayerSpec?
    /// The shape coming in (nil for the input layer).
    public var input: FeatureShape?
    /// The shape going out, a[l].
    public var output: FeatureShape
    /// Padding actually used (resolves `same`); nil for layers without padding.
    public var padding: Int?
    /// f × f × n_c[l−1] × n_c[l] for conv, n_in × n_out for fully connected.
    public var weightShape: [Int]?
    /// (1, 1, 1, n_c[l]) for conv, (1, n_out) for fully connected.
    public var biasShape: [Int]?
    /// Learnable parameters (weights + biases).
    public var params: Int
    /// Values in this layer's output for one example.
    public var activations: Int
    /// Multiply-adds for one example's forward pass.
    public var multiplyAdds: Int
    /// How much of the input one output value sees (r[l] and j[l]).
    public var receptiveField: ReceptiveField
    /// The worked derivation of every number above.
    public var derivation: [DerivationStep]

    /// `input`, `conv`, `pool`, `relu`, ...
    public var typeName: String { spec?.typeName ?? "input" }
}
