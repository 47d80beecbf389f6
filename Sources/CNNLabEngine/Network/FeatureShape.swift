/// The shape of one example's activations between layers: a volume or a flat vector.
public enum FeatureShape: Sendable, Equatable {
    /// n_H × n_W × n_c.
    case spatial(h: Int, w: Int, c: Int)
    /// A vector of n units.
    case flat(Int)

    /// Dimensions as a list, outermost first (`[37, 37, 10]` or `[1960]`).
    public var dimensions: [Int] {
        switch self {
        case .spatial(let h, let w, let c): return [h, w, c]
        case .flat(let n): return [n]
        }
    }

    /// Number of values per example (fits in `Int`: shapes are checked when built).
    public var count: Int {
        switch self {
        case .spatial(let h, let w, let c): return h * w * c
        case .flat(let n): return n
        }
    }

    /// `37×37×10` or `1960`.
    public var description: String {
        dimensions.map(String.init).joined(separator: "×")
    }
}
