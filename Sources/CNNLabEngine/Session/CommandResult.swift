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
    /// `save X "file"`; for a PNG, `scale` says how values became gray levels.
    case saved(NamedTensor, path: String, scale: GrayScale?)
    /// `undo`, `clear`, `net example`, `net load`: the network afterwards.
    case networkChanged(NetworkChange, [LayerReport])
    /// `clear vars` / `clear all`.
    case cleared(ClearTarget)
    /// `layers`: the network as commands.
    case layers([LayerReport])
    /// `net save FILE`.
    case networkSaved(path: String)
    /// `net save "FILE.npz"`: the network with its weights; `arrays` are the file's keys.
    case modelSaved(path: String, arrays: [String])
    /// `net export pytorch|keras`: the code.
    case exported(framework: String, code: String)
    /// `forward X`: the shape of every a[l].
    case forwarded([ActivationRecord])
    /// `predict X`: the class of every example with its probabilities.
    case predicted(PredictionReport)
    /// `filter NAME`: the preset kernel.
    case preset(NamedTensor, preset: String)
    /// `image ...`: the tensor made from the picture.
    case image(NamedTensor, source: ImageSource)
    /// `seed S`.
    case seeded(UInt32)
    /// `vars`.
    case variables([NamedShape])
    /// `shape X`.
    case shape(NamedShape)
    /// `stats X`.
    case stats(name: String, TensorStats)
    /// `heatmap X ...`: the front end draws it for its terminal.
    case heatmap(NamedTensor, HeatmapSpec)
    /// `help` / `help WORD`.
    case help(HelpPage)
    /// `quit`: the front end stops.
    case quit
    /// `step EXPR`: the convolution or pooling, window by window.
    case stepper(ConvolutionStepper)
    /// `lesson`: the lessons with the student's progress.
    case lessons(LessonCatalog)
    /// `lesson NAME`, `next`, `back`: the step now shown.
    case lessonStep(LessonStepView)
    /// `answer`, `hint`, `skip`: how the answer went.
    case lessonFeedback(LessonFeedback)
    /// `next` after the last step, or `lesson stop`: the lesson is closed.
    case lessonEnded(LessonEnding)
    /// `quiz ...`: the first question.
    case quizQuestion(QuizQuestionView)
    /// An answer to a quiz question: the grade and what follows.
    case quizFeedback(QuizFeedback)
    /// `quiz stop`: the score so far.
    case quizEnded(QuizSummary)
    /// `quiz stats`: the scores kept between runs.
    case quizStats(QuizStats, notice: String?)
    /// `quiz topics`.
    case quizTopics([QuizTopic])
    /// `train ...`: the epochs, the test accuracy, the confusion matrix.
    case trained(TrainingReport)

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
        case .networkChanged(let change, _): return change.commandName
        case .cleared: return "clear"
        case .layers: return "layers"
        case .networkSaved, .modelSaved: return "net save"
        case .exported: return "net export"
        case .forwarded: return "forward"
        case .predicted: return "predict"
        case .preset: return "filter"
        case .image: return "image"
        case .seeded: return "seed"
        case .variables: return "vars"
        case .shape: return "shape"
        case .stats: return "stats"
        case .heatmap: return "heatmap"
        case .help: return "help"
        case .quit: return "quit"
        case .stepper: return "step"
        case .lessons: return "lesson"
        case .lessonStep: return "lesson step"
        case .lessonFeedback: return "answer"
        case .lessonEnded: return "lesson end"
        case .quizQuestion: return "quiz"
        case .quizFeedback: return "quiz answer"
        case .quizEnded: return "quiz end"
        case .quizStats: return "quiz stats"
        case .quizTopics: return "quiz topics"
        case .trained: return "train"
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

/// A name and a shape (for `vars` and `shape`).
public struct NamedShape: Sendable, Equatable {
    public var name: String
    public var shape: [Int]

    /// The bytes a Float32 tensor of this shape takes (nil: too large to count).
    public var bytes: Int? {
        Tensor.elementCount(shape).flatMap(CheckedCount.float32Bytes)
    }
}

/// How a command changed the network.
public enum NetworkChange: Sendable, Equatable {
    case removedLayer(String)
    case removedInput
    case nothingToUndo
    case cleared
    case example(String)
    case loaded(path: String)
    /// `net load "FILE.npz"` with the network's commands: the network and its weights.
    case loadedModel(path: String)
    /// `net load "FILE.npz"` of weights alone: loaded into the current network.
    case loadedWeights(path: String)

    var commandName: String {
        switch self {
        case .removedLayer, .removedInput, .nothingToUndo: return "undo"
        case .cleared: return "clear"
        case .example: return "net example"
        case .loaded, .loadedModel, .loadedWeights: return "net load"
        }
    }
}

/// One layer's output after `forward`: `a[l]`.
public struct ActivationRecord: Sendable, Equatable {
    public var index: Int
    public var layer: String
    public var shape: [Int]
    public var stats: TensorStats
    /// The values themselves (shared storage, not a copy), for a viewer to draw.
    public var value: Tensor
}

/// Summary statistics of a tensor (`stats X`); NaN values are counted, not averaged.
public struct TensorStats: Sendable, Equatable {
    public var count: Int
    public var min: Float
    public var max: Float
    public var mean: Double
    /// Population standard deviation (numpy's default `ddof=0`).
    public var std: Double
    public var nonFinite: Int

    /// Computes the statistics in Double, skipping non-finite values.
    public init(_ t: Tensor) {
        var lo = Float.infinity, hi = -Float.infinity
        var sum = 0.0, n = 0, bad = 0
        for v in t.storage {
            guard v.isFinite else {
                bad += 1
                continue
            }
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
            sum += Double(v)
            n += 1
        }
        let mean = n == 0 ? Double.nan : sum / Double(n)
        var sq = 0.0
        for v in t.storage where v.isFinite {
            let d = Double(v) - mean
            sq += d * d
        }
        self.count = t.count
        self.min = n == 0 ? .nan : lo
        self.max = n == 0 ? .nan : hi
        self.mean = mean
        self.std = n == 0 ? .nan : (sq / Double(n)).squareRoot()
        self.nonFinite = bad
    }

    public static func == (a: TensorStats, b: TensorStats) -> Bool {
        a.count == b.count && a.nonFinite == b.nonFinite && a.min.bitPattern == b.min.bitPattern
            && a.max.bitPattern == b.max.bitPattern && a.mean.bitPattern == b.mean.bitPattern
            && a.std.bitPattern == b.std.bitPattern
    }
}
