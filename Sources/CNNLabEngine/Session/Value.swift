import ConvCore

/// What an expression evaluates to: one tensor, or several (from `conv_backward`).
enum Value {
    case tensor(Tensor)
    case tuple([Tensor])
}
