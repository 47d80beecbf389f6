import ConvCore

/// What a command produced, for a renderer to show (text, colour, curses or JSON).
public enum CommandResult: Sendable, Equatable {
    /// `input ...` or a layer command: the report of the layer just added.
    case layerAdded(LayerReport)
    /// `summary`.
    case summary(NetworkSummary)
    /// `explain N` / `explain all`.
    case explanation([LayerReport])
    /// `let ...`: the names bound, in order.
    case assigned([NamedTensor])
    /// `show X`.
    case shown(NamedTensor)
    /// `load A "file"`.
    case loaded(NamedTensor, path: String)
    /// `save X "file"`.
    case saved(NamedTensor, path: String)
    /// `step EXPR`: the convolution or pooling, window by window.
    case stepper(ConvolutionStepper)

    /// The command word that produced this result (the `command` field of `--json`).
    public var commandName: String {
        switch self {
        case .layerAdded(let r): return r.typeName
        case .summary: return "summary"
        case .explanation: return "explain"
        case .assigned: return "let"
        case .shown: return "show"
        case .loaded: return "load"
        case .saved: return "save"
        case .stepper: return "step"
        }
    }
}

/// A tensor with the name it is known by (a variable, or the text of an expression).
public struct NamedTensor: Sendable, Equatable {
    public var name: String
    public var tensor: Tensor

    public init(name: String, tensor: Tensor) {
        self.name = name
        self.tensor = tensor
    }
}
