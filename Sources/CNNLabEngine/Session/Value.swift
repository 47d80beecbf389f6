import ConvCore

/// What an expression evaluates to: a whole number kept exact, one tensor, or several (from
/// `conv_backward`).
enum Value {
    /// A whole number from an integer literal (or an integral real one such as `2e3`), from
    /// `+ − * ·` on such numbers, or from a variable bound to one. It stays an exact `Int`, so a
    /// size, an index or a count never passes through Float32 (which holds every whole number
    /// only up to 2²⁴); as a tensor it is the scalar Float32 nearest to it.
    case integer(Int)
    case tensor(Tensor)
    case tuple([Tensor])

    /// The largest magnitude a real literal may have to be read as an exact whole number:
    /// 2⁵³, up to which a Double holds every integer.
    static let exactDoubleLimit = 1 << 53
}
