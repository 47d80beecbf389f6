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
    /// `save X "file.npy"` or `save X "map.png"`.
    case save(Expression, path: String)
    /// `undo`: removes the last layer (or the input, when it is alone).
    case undo
    /// `clear` (network), `clear vars`, `clear all`.
    case clear(ClearTarget)
    /// `layers`: the network as the commands that build it.
    case layers
    /// `net example NAME`, `net save FILE`, `net load FILE`, `net export pytorch|keras`; a
    /// `.npz` FILE holds the weights too.
    case net(NetCommand)
    /// `forward X`: runs the network on X and keeps a[l] and z[l].
    case forward(Expression)
    /// `predict X`: the class a softmax network gives X (one example or a batch).
    case predict(Expression)
    /// `filter NAME [size=N] [as VAR]`: a preset kernel, bound to VAR (default `K`).
    case filter(name: String, size: Int?, binding: String)
    /// `image "file" [gray] [scale=1|255] [resize WxH] [as VAR]` or `image sample NAME [N] ...`.
    case image(ImageSource, ImageOptions, binding: String)
    /// `seed S`: restarts numpy's legacy generator for `randn`/`rand`.
    case seed(UInt32)
    /// `vars`: every named tensor with its shape.
    case vars
    /// `shape X`.
    case shape(Expression)
    /// `stats X`: min, max, mean, standard deviation.
    case stats(Expression)
    /// `heatmap X [ch=k] [style=...] [size=WxH]`.
    case heatmap(Expression, HeatmapSpec)
    /// `help` or `help WORD`.
    case help(String?)
    /// `quit` / `exit`.
    case quit
    /// `step A * K`, `step conv(A, W, s=2, p=1)`, `step maxpool(A, f=2)`: the window, one position at a time.
    case step(Expression)
    /// `lesson` (the list), `lesson NAME` or `lesson N` (opens it), `lesson stop`; `demo`.
    case lesson(LessonRequest)
    /// `next` / `back`: the open lesson's next or previous step.
    case next
    case back
    /// `answer TEXT`, or the answer alone (`280`, `4x4x10`, `(4, 4, 10)`): answers the open question.
    case answer(String)
    /// `skip`: shows the open question's answer and explanation.
    case skip
    /// `hint`: the open question's hint.
    case hint
    /// `quiz [count=N] [topic=T]... [seed=S] [from "FILE"]`, `quiz stats|topics|stop`.
    case quiz(QuizRequest)
    /// `train [dataset=NAME] [epochs=N] ...`: trains the network on a dataset.
    case train(TrainingOptions)
}

extension Command {
    /// Commands that drive a lesson or quiz (or end the front end): a lesson's own commands
    /// may not run them.
    var isActivityCommand: Bool {
        switch self {
        case .lesson, .next, .back, .answer, .skip, .hint, .quit, .quiz: return true
        default: return false
        }
    }

    /// The command's first word, for messages.
    var word: String {
        switch self {
        case .lesson: return "lesson"
        case .next: return "next"
        case .back: return "back"
        case .answer: return "answer"
        case .skip: return "skip"
        case .hint: return "hint"
        case .quit: return "quit"
        case .quiz: return "quiz"
        default: return "command"
        }
    }
}

/// What `lesson` asks for.
public enum LessonRequest: Sendable, Equatable {
    case list
    case open(String)
    case stop
}

/// What `clear` empties.
public enum ClearTarget: String, Sendable, Equatable {
    case network, vars, all
}

/// The `net` sub-commands.
public enum NetCommand: Sendable, Equatable {
    case example(String)
    case save(path: String)
    case load(path: String)
    case export(String)
}

/// Where `image` takes its pixels from.
public enum ImageSource: Sendable, Equatable {
    case file(String)
    case sample(String, digit: Int?)
}

/// How `image` turns pixels into a tensor.
public struct ImageOptions: Sendable, Equatable {
    /// Convert to one gray channel (BT.601 luma).
    public var gray = false
    /// Multiply the 0…1 pixel values by this (1 or 255).
    public var scale: Float = 1
    /// Resize to width × height first.
    public var resize: (width: Int, height: Int)?

    public init(gray: Bool = false, scale: Float = 1, resize: (width: Int, height: Int)? = nil) {
        self.gray = gray
        self.scale = scale
        self.resize = resize
    }

    public static func == (a: ImageOptions, b: ImageOptions) -> Bool {
        a.gray == b.gray && a.scale == b.scale && a.resize?.width == b.resize?.width && a.resize?.height == b.resize?.height
    }
}

/// The options of `heatmap`, as the user gave them (the front end fills in the rest).
public struct HeatmapSpec: Sendable, Equatable {
    /// `ch=k`: one channel of a rank-3/4 tensor.
    public var channel: Int?
    /// `style=blocks|ascii|color|numbers`.
    public var style: String?
    /// `size=WxH`: the most columns and rows to use.
    public var width: Int?
    public var height: Int?

    public init(channel: Int? = nil, style: String? = nil, width: Int? = nil, height: Int? = nil) {
        self.channel = channel
        self.style = style
        self.width = width
        self.height = height
    }
}

/// Which layers `explain` covers.
public enum LayerSelection: Sendable, Equatable {
    case one(Int)
    case all
}

/// A tensor expression, with the source range of every node for error messages.
public indirect enum Expression: Sendable, Equatable {
    /// A whole-number literal, kept exact (not as a Double, which holds integers exactly only
    /// up to 2⁵³): sizes, indices and counts are read from it without rounding.
    case integer(Int, SourceRange)
    /// A literal with a fraction or an exponent.
    case number(Double, SourceRange)
    case variable(String, SourceRange)
    /// A nested list literal; each element is an expression (numbers or nested lists).
    case list([Expression], SourceRange)
    case unary(Character, Expression, SourceRange)
    /// `+ - * · /`. `*` between two tensors is cross-correlation, as in the lecture.
    case binary(Character, Expression, Expression, SourceRange)
    case call(String, [FunctionArgument], SourceRange)
    /// `X[0, 1, 2]`, `X[:, :, 3]`, `X[1:3]`; `a[l]` and `z[l]` name a layer's activations.
    case index(Expression, [IndexComponent], SourceRange)

    /// Where the expression was written.
    public var range: SourceRange {
        switch self {
        case .integer(_, let r), .number(_, let r), .variable(_, let r), .list(_, let r), .unary(_, _, let r),
            .binary(_, _, _, let r), .call(_, _, let r), .index(_, _, let r):
            return r
        }
    }
}

/// One position of an index: a number, or a slice `start:stop` (either end optional).
public enum IndexComponent: Sendable, Equatable {
    case single(Expression)
    case slice(start: Expression?, stop: Expression?)
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
