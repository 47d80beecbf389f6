/// One line of a worked derivation: a quantity, its formula, the formula with the layer's
/// numbers substituted, and the value, e.g.
/// `n_H[2] = ⌊(n_H[1] + 2p − f)/s⌋ + 1 = ⌊(37 + 0 − 5)/2⌋ + 1 = 17`.
public struct DerivationStep: Sendable, Equatable {
    public var quantity: String
    public var formula: String
    /// The formula with numbers in place of symbols; nil when it would repeat the formula.
    public var substitution: String?
    public var value: String
    /// A remark in the user's language (rendered by the front end).
    public var note: DerivationNote?

    public init(_ quantity: String, _ formula: String, _ substitution: String?, _ value: String, note: DerivationNote? = nil) {
        self.quantity = quantity
        self.formula = formula
        self.substitution = substitution
        self.value = value
        self.note = note
    }

    /// The whole step on one line, without the note.
    public var equation: String {
        var parts = [quantity, formula]
        if let s = substitution, s != formula { parts.append(s) }
        if parts.last != value { parts.append(value) }
        return parts.joined(separator: " = ")
    }
}

/// Remarks attached to derivation steps, localised by `text(in:)`.
public enum DerivationNote: Sendable, Equatable {
    /// (n + 2p − f) = numerator is not a multiple of s: the floor drops `remainder`.
    case floorDropsRemainder(numerator: Int, stride: Int, remainder: Int)
    /// 'same' padding chosen so that n_H[l] = n_H[l−1] at s = 1.
    case samePadding
    /// Pooling and activations have hyper-parameters but nothing to learn.
    case noParameters
    /// The spatial input was flattened into a vector of this many units first.
    case flattened(Int)
    /// Parameters do not depend on the input's n_H and n_W (parameter sharing).
    case sharedParameters
    /// Each channel is pooled on its own, so n_c is unchanged.
    case perChannel
    /// What r[l] means: the side of the input window one output value sees.
    case receptiveField

    /// The remark in `language`.
    public func text(in language: Language) -> String {
        switch self {
        case .floorDropsRemainder(let num, let s, let r):
            return language.pick(
                "\(num) is not a multiple of \(s): the floor drops the remainder \(r) (the last window would not fit)",
                "\(num) não é múltiplo de \(s): o piso descarta o resto \(r) (a última janela não caberia)")
        case .samePadding:
            return language.pick(
                "'same' padding: p = (f − 1)/2 keeps n_H and n_W when s = 1",
                "padding 'same': p = (f − 1)/2 mantém n_H e n_W quando s = 1")
        case .noParameters:
            return language.pick("no parameters to learn", "nenhum parâmetro a aprender")
        case .flattened(let n):
            return language.pick(
                "the volume is flattened into a vector of \(n) units first",
                "o volume é primeiro achatado num vetor de \(n) unidades")
        case .sharedParameters:
            return language.pick(
                "the same, whatever the input's n_H and n_W: the filters are shared across positions",
                "o mesmo, qualquer que seja n_H e n_W da entrada: os filtros são compartilhados entre posições")
        case .perChannel:
            return language.pick(
                "each channel is pooled on its own, so n_c does not change",
                "cada canal passa pelo pooling separadamente, então n_c não muda")
        case .receptiveField:
            return language.pick(
                "receptive field: each value of a[l] sees an r[l]×r[l] window of the input; neighbours' windows are j[l] pixels apart",
                "campo receptivo: cada valor de a[l] vê uma janela r[l]×r[l] da entrada; as janelas de vizinhos ficam a j[l] pixels uma da outra")
        }
    }
}
