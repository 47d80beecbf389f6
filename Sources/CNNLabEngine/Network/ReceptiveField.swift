/// How much of the input one value of a layer's output sees: the receptive field r[l] (the side
/// of the input window it depends on) and the jump j[l] (how many input pixels apart two
/// neighbouring outputs are), from r[0] = j[0] = 1 and, for each conv or pool layer,
///
///     r[l] = r[l−1] + (f[l] − 1)·j[l−1]        j[l] = j[l−1]·s[l].
///
/// Padding moves the window but does not change its size, and activations change neither.
/// No summary tool shows these by default, yet they say why a deep stack of 3×3 filters sees
/// as much as one large filter.
public enum ReceptiveField: Sendable, Equatable {
    /// Each output value depends on a `size`×`size` window of the input, and neighbouring
    /// values' windows start `jump` input pixels apart.
    case window(size: Int, jump: Int)
    /// Each output value depends on every input value (flatten, fully connected, softmax).
    case wholeInput
    /// r[l] or j[l] is past `Int.max` (strides multiplied over an absurd network).
    case tooLarge

    /// a[0]: each input value sees itself.
    public static let input = ReceptiveField.window(size: 1, jump: 1)

    /// The field after a window of side `f` moved with stride `s` over this one.
    func afterWindow(f: Int, s: Int) -> ReceptiveField {
        guard case .window(let r, let j) = self else { return self }
        guard let grown = CheckedCount.product(f - 1, j).flatMap({ CheckedCount.sum([r, $0]) }),
              let jump = CheckedCount.product(j, s)
        else { return .tooLarge }
        return .window(size: grown, jump: jump)
    }

    /// The derivation steps of r[l] and j[l] for a window of side `f` and stride `s` after `self`.
    func steps(f: Int, s: Int, l: Int) -> [DerivationStep] {
        guard case .window(let r, let j) = self, case .window(let size, let jump) = afterWindow(f: f, s: s) else { return [] }
        return [
            DerivationStep("r[\(l)]", "r[\(l - 1)] + (f − 1)·j[\(l - 1)]", "\(r) + (\(f) − 1)·\(j)", String(size), note: .receptiveField),
            DerivationStep("j[\(l)]", "j[\(l - 1)]·s", "\(j)·\(s)", String(jump)),
        ]
    }
}
