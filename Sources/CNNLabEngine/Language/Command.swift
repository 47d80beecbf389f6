import ConvCore

/// A parsed statement of the command language.
public enum Command: Sendable, Equatable {
    /// `input 39x39x3`: starts a new network.
    case input([Int])
    /// `conv`, `pool`, `relu`, `flatten`, `fc`, `softmax`: appends a layer.
    case layer(LayerSpec)
    /// `summary`: the table of all layers.
    case summary
    /// `explain N` / `explain all`: the derivation of one layer or of all.
    case explain(LayerSelection)
    /// `let A = expr` or `let dA, dW, db = expr`.
    case assign(names: [String], value: Expression)
    /// `show X`: the numbers of a tensor.
    case show(Expression)
    /// `load A "file.npy"`.
    case load(name: String, path: String)
    /// `save X "file.npy"`.
    case save(Expression, path: String)
    /// `step A * K`, `step conv(A, W, s=2, p=1)`, `step maxpool(A, f=2)`: the window, one position at a time.
    case step(Expression)
}

/// Which layers `explain` covers.
public enum LayerSelection: Sendable, Equatable {
    case one(Int)
    case all
}

/// A tensor expression, with the source range of every node for error messages.
public indirect enum Expression: Sendable, Equatable {
    case number(Double, SourceRange)
    case variable(String, SourceRange)
    /// A nested list literal; each element is an expression (numbers or nested lists).
    case list([Expression], SourceRange)
    case unary(Character, Expression, SourceRange)
    /// `+ - * · /`. `*` between two tensors is cross-correlation, as in the lecture.
    case binary(Character, Expression, Expression, SourceRange)
    case call(String, [FunctionArgument], SourceRange)

    /// Where the expression was written.
    public var range: SourceRange {
        switch self {
        case .number(_, let r), .variable(_, let r), .list(_, let r), .unary(_, _, let r),
            .binary(_, _, _, let r), .call(_, _, let r):
            return r
        }
    }
}

/// A function argument: positional (`A`) or keyword (`s=2`).
public struct FunctionArgument: Sendable, Equatable {
    public var label: String?
    public var value: Expression
    public var range: SourceRange

    public init(label: String?, value: Expression, range: SourceRange) {
        self.label = label
        self.value = value
        self.range = range
    }
}

/// A statement ready to run: the command and where it was written.
public struct Statement: Sendable, Equatable {
    public var command: Command
    public var range: SourceRange

    public init(command: Command, range: SourceRange) {
        self.command = command
        self.range = range
    }
}
