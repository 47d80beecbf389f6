import CNNLabEngine

/// Everything the TUI shows, as plain data: ``TUILayout`` draws it, ``TUIController`` changes it.
public struct TUIState: Sendable {
    /// The areas that can have the keyboard focus, in Tab order.
    public enum Pane: Sendable, CaseIterable {
        case network, derivation, viewer, output, commandLine
    }

    /// One line of the output area.
    public struct OutputLine: Sendable, Equatable {
        public enum Kind: Sendable { case command, result, error, info }
        public var text: String
        public var kind: Kind

        public init(_ text: String, _ kind: Kind) {
            self.text = text
            self.kind = kind
        }
    }

    /// The interactive stepper: the model and the window shown.
    public struct StepperView: Sendable {
        public var stepper: ConvolutionStepper
        public var current = 0

        public init(stepper: ConvolutionStepper) {
            self.stepper = stepper
        }
    }

    /// A lesson being followed: the step the engine showed last, what was said about the
    /// answers since, and how far the pane is scrolled.
    public struct LessonView: Sendable {
        public var step: LessonStepView
        public var feedback: [LessonFeedback] = []
        /// Lines scrolled down from the top of the lesson pane.
        public var scroll = 0

        public init(step: LessonStepView) {
            self.step = step
        }
    }

    /// A quiz being taken: the question asked now, what was said about the last answer, and
    /// the score once it is over.
    public struct QuizView: Sendable {
        public var question: QuizQuestionView?
        public var last: QuizFeedback?
        public var summary: QuizSummary?
    }

    /// A training run: the last batch's progress, the loss so far, the finished epochs, and
    /// the report once it ends.
    public struct TrainingView: Sendable {
        public var progress: TrainingProgress?
        public var losses: [Double] = []
        public var epochs: [EpochReport] = []
        public var report: TrainingReport?
        /// The latest look at the filters and the test images' predictions.
        public var snapshot: TrainingSnapshot?
        /// When the screen was last redrawn for it (seconds, monotonic).
        var lastDrawn = -1.0
    }

    /// The layers of the network, input first (from `Session.analyze()`).
    public var reports: [LayerReport] = []
    /// Index into `reports` of the layer whose derivation is shown.
    public var selectedLayer = 0
    public var focus: Pane = .commandLine
    /// The tensor drawn as a heatmap in the viewer, and its channel.
    public var viewerTensor: NamedTensor?
    public var viewerChannel = 0
    /// When set, the viewer shows the stepper instead of the heatmap.
    public var stepper: StepperView?
    public var lesson: LessonView?
    public var quiz: QuizView?
    public var training: TrainingView?
    public var output: [OutputLine] = []
    /// Lines scrolled back from the bottom of the output.
    public var outputScroll = 0
    public var prompt = "cnn> "
    public var commandLine = ""
    /// Cursor in `commandLine` as a UTF-8 byte offset.
    public var commandCursor = 0
    public var showHelp = false
    public var language: Language
    /// Whether colours may be used (false: monochrome, e.g. NO_COLOR or TERM=vt100).
    public var color: Bool
    /// The terminal's colours when `color` is on; with 256 of them the viewer's heatmaps are
    /// coloured, with fewer they are drawn in blocks.
    public var palette: ScreenPalette
    /// Whether Unicode glyphs (box lines, blocks) may be used.
    public var unicode: Bool

    public init(language: Language = .en, color: Bool = true, palette: ScreenPalette = .basic, unicode: Bool = true) {
        self.language = language
        self.color = color
        self.palette = palette
        self.unicode = unicode
    }

    /// How the viewer may colour heatmaps: never in monochrome, else as the palette allows.
    var heatmapColorDepth: HeatmapOptions.ColorDepth {
        color ? palette.heatmapColorDepth : .none
    }

    /// Channels of the viewer's tensor (1 for a 2-D map).
    public var viewerChannels: Int {
        guard let t = viewerTensor?.tensor, t.rank >= 3 else { return 1 }
        return t.shape[t.rank - 1]
    }
}
