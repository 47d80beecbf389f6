import ConvCore

/// The state a user builds up in one sitting: the network, the named tensors, settings.
///
/// `run(_:)` evaluates one parsed statement and returns a value describing what happened;
/// it never prints. A failing statement leaves the session as it was.
public final class Session {
    /// The input layer's dimensions as written (`[39, 39, 3]`), nil before `input`.
    public var inputDims: [Int]? { network.inputDims }
    /// Layers after the input, in order.
    public var layers: [LayerSpec] { network.layers }
    /// The network with every layer's report, kept up to date layer by layer.
    var network = AnalyzedNetwork()
    /// Named tensors (`let`, `load`).
    public internal(set) var variables: [String: Tensor] = [:]
    /// The exact whole numbers that variables bound with `let` stand for (``bind(_:_:exact:)``).
    var exactIntegers: [String: Int] = [:]
    /// The most memory the session's tensors may hold, in bytes: an operation whose result
    /// would take it past this is refused before it runs, with what holds the memory
    /// (``memoryHolders()``). Half the machine's memory unless set (`--memory-limit`).
    public var memoryLimit = PhysicalMemory.defaultLimit
    /// Bytes of results that the statement being evaluated still holds (``reserve(_:for:at:)``).
    var pendingBytes = 0
    /// Threads the numeric kernels may use.
    public var threads: Int
    /// Directory that relative file paths are resolved against.
    public var workingDirectory: String
    /// numpy's legacy generator behind `randn`/`rand` (reset by `seed`; seed 0 at start).
    var numpyRandom = NumpyRandom(seed: 0)
    /// The seed of the weights `forward` draws (set by `seed`).
    var weightSeed: UInt64 = 0
    /// The network with weights: drawn from the seed on first use (`forward`, `predict`,
    /// `net save`), or trained by `train`, or read by `net load`; dropped when the network changes.
    var model: NetworkModel?
    /// Whether `model` was drawn from the seed, which `seed` then draws again; a trained or
    /// loaded model is kept.
    var modelIsDrawn = false
    /// The names of the classes of the data `train` last used (or of a loaded `.npz`), for
    /// `predict`; dropped when the network changes.
    var classNames: [String]?
    /// a[l] and z[l] of the last `forward`.
    public internal(set) var activations: ForwardActivations?
    /// Counts changes of the network, so a front end learns of them from the outcome of a
    /// statement (``ScriptRunner/Outcome/network``) instead of asking after every one.
    public internal(set) var networkVersion = 0
    /// The language answers are read in (`3,75` is 3.75 in pt-BR); the front end sets it.
    public var language: Language = .en
    /// Where `lesson` finds lessons.
    public var lessons = LessonLibrary(directory: nil)
    /// Where lesson progress is kept between runs (nil: not kept).
    public var lessonProgressFile: StateFile<LessonProgress>?
    /// The folder under which each lesson may write its files (`NAME/` inside it).
    public var lessonOutputDirectory: String?
    /// Hears of every batch `train` runs (a front end draws a progress bar with it).
    public var trainingProgress: ((TrainingProgress) -> Void)?
    /// Seconds between the snapshots of what the network has learned that `train` hands to
    /// ``trainingProgress`` (the TUI's live filters and predictions); nil takes none.
    public var trainingSnapshotInterval: Double?
    /// Where `train` finds `digits`, `mnist5k` and the other bundled datasets.
    public var dataDirectory: String?
    /// Where quiz scores are kept between runs (nil: not kept).
    public var quizStatsFile: QuizStatsStore?
    /// The quiz being taken.
    public internal(set) var quizRun: QuizRun?
    /// The lesson being followed.
    public internal(set) var lessonRun: LessonRun?
    /// The progress read from `lessonProgressFile`, once read.
    var lessonProgress: LessonProgress?
    /// A problem with the progress file not yet told to the student.
    var pendingProgressNotice: LessonNotice?
    /// While a lesson's own commands run: the files they may touch.
    var lessonSandbox: FileAccess?

    /// Where commands may read and write files now.
    var fileAccess: FileAccess { lessonSandbox ?? .open(workingDirectory: workingDirectory) }

    public init(threads: Int = 1, workingDirectory: String = ".") {
        self.threads = max(1, threads)
        self.workingDirectory = workingDirectory
    }

    /// Evaluates one statement.
    public func run(_ statement: Statement) throws(Diagnostic) -> CommandResult {
        pendingBytes = 0
        defer { pendingBytes = 0 }
        if lessonSandbox != nil, statement.command.isActivityCommand {
            throw Diagnostic(.activity(.notInsideLesson(statement.command.word)), at: statement.range)
        }
        switch statement.command {
        case .input(let dims):
            return .layerAdded(try setInput(dims, at: statement.range))
        case .layer(let spec):
            return .layerAdded(try append(spec, at: statement.range))
        case .summary:
            return .summary(try summary(at: statement.range))
        case .explain(let selection):
            return .explanation(try explain(selection, at: statement.range))
        case .assign(let names, let expression):
            return .assigned(try assign(names, expression))
        case .show(let expression):
            return .shown(NamedTensor(name: expressionName(expression), tensor: try evaluateTensor(expression)))
        case .load(let name, let path):
            let tensor = try loadTensor(path, at: statement.range)
            bind(name, tensor)
            return .loaded(NamedTensor(name: name, tensor: tensor), path: path)
        case .save(let expression, let path):
            let named = NamedTensor(name: expressionName(expression), tensor: try evaluateTensor(expression))
            let scale = try saveTensor(named.tensor, to: path, at: statement.range)
            return .saved(named, path: path, scale: scale)
        case .undo:
            return undo()
        case .clear(let target):
            return clear(target)
        case .layers:
            return .layers((try? analyze()) ?? [])
        case .net(let command):
            return try net(command, at: statement.range)
        case .forward(let expression):
            return .forwarded(try forward(try evaluateTensor(expression), at: expression.range))
        case .predict(let expression):
            return .predicted(try predict(try evaluateTensor(expression), at: expression.range))
        case .filter(let name, let size, let binding):
            let kernel = try FilterPresets.kernel(name, size: size, at: statement.range)
            bind(binding, kernel)
            return .preset(NamedTensor(name: binding, tensor: kernel), preset: name)
        case .image(let source, let options, let binding):
            let tensor = try loadImage(source, options: options, at: statement.range)
            bind(binding, tensor)
            return .image(NamedTensor(name: binding, tensor: tensor), source: source)
        case .seed(let s):
            numpyRandom = NumpyRandom(seed: s)
            weightSeed = UInt64(s)
            if modelIsDrawn { model = nil }
            return .seeded(s)
        case .vars:
            return .variables(variables.keys.sorted().map { NamedShape(name: $0, shape: variables[$0]?.shape ?? []) })
        case .shape(let expression):
            return .shape(NamedShape(name: expressionName(expression), shape: try evaluateTensor(expression).shape))
        case .stats(let expression):
            return .stats(name: expressionName(expression), TensorStats(try evaluateTensor(expression)))
        case .heatmap(let expression, let spec):
            let tensor = try evaluateTensor(expression)
            if let ch = spec.channel {
                let channels = tensor.rank >= 3 ? tensor.shape[tensor.rank - 1] : 1
                guard (0..<channels).contains(ch) else {
                    throw Diagnostic(.invalidOption(name: "ch", value: String(ch), rule: "0 ≤ ch ≤ \(channels - 1) (the tensor has \(channels) channel\(channels == 1 ? "" : "s"))"), at: statement.range)
                }
            }
            return .heatmap(NamedTensor(name: expressionName(expression), tensor: tensor), spec)
        case .help(let topic):
            guard let page = HelpCatalog.page(for: topic) else {
                let word = topic ?? ""
                throw Diagnostic(
                    .unknownName(word, kind: .helpTopic, suggestion: closestWord(to: word, in: HelpCatalog.entries.map(\.command))),
                    at: statement.range)
            }
            return .help(page)
        case .quit:
            return .quit
        case .step(let expression):
            return .stepper(try stepper(expression))
        case .lesson(let request):
            return try lesson(request, at: statement.range)
        case .next:
            return try nextStep(at: statement.range)
        case .back:
            return try previousStep(at: statement.range)
        case .answer(let text):
            return try answer(text, at: statement.range)
        case .skip:
            return try skip(at: statement.range)
        case .hint:
            return try hint(at: statement.range)
        case .quiz(let request):
            return try quiz(request, at: statement.range)
        case .train(let options):
            return try train(options, at: statement.range)
        }
    }

    /// The name to show for an expression: the variable's name, `a[2]`, or `result`.
    private func expressionName(_ e: Expression) -> String {
        switch e {
        case .variable(let name, _): return name
        case .index(.variable(let name, _), let components, _) where components.count == 1:
            if case .single(.integer(let n, _)) = components[0] { return "\(name)[\(n)]" }
            return "result"
        default: return "result"
        }
    }
}
