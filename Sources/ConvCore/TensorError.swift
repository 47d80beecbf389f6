/// Why a numeric operation refused its operands.
///
/// The core never traps on a bad shape: every public entry point that takes tensors
/// checks them and throws one of these, so a front end can turn it into a located message.
public enum TensorError: Error, Equatable, Sendable {
    /// A dimension is zero or negative, or the element count overflows `Int`.
    case invalidShape([Int])
    /// The element count exceeds `Tensor.maxElementCount` (a guard against exhausting memory).
    case tooLarge(shape: [Int], limit: Int)
    /// `storage.count` does not equal the product of the shape.
    case storageMismatch(shape: [Int], count: Int)
    /// An operand has the wrong rank for the operation.
    case rankMismatch(operation: String, expected: String, got: [Int])
    /// Two operands disagree on a dimension (for example input channels vs filter channels).
    case shapeMismatch(operation: String, lhs: [Int], rhs: [Int])
    /// A hyper-parameter is out of range (stride 0, negative padding, window larger than input).
    case invalidParameter(operation: String, name: String, value: Int, reason: String)
    /// An index is outside the tensor.
    case indexOutOfRange(index: [Int], shape: [Int])
}
