/// One step of a lesson: what to read, and the commands that illustrate it (run in order,
/// their results updating the TUI's panes as if typed).
public struct LessonStep: Sendable, Equatable {
    public var text: String
    public var commands: [String]

    public init(text: String, commands: [String]) {
        self.text = text
        self.commands = commands
    }
}

/// A guided lesson for the TUI (`n`/`p` move between steps). `lesson NAME` will pick one of
/// these; ``VerticalEdgeDemo`` is the built-in demonstration (`demo`).
public protocol LessonProvider: Sendable {
    var title: String { get }
    var steps: [LessonStep] { get }
}

/// The lecture's "why convolutions?" vertical edge detector, step by step.
public struct VerticalEdgeDemo: LessonProvider {
    public init() {}

    public let title = "Vertical edge detection"

    public let steps: [LessonStep] = [
        LessonStep(
            text: "A 6×6 grey image: bright (10) on the left, dark (0) on the right. The edge runs down the middle.",
            commands: ["let A = [[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0]]"]),
        LessonStep(
            text: "The vertical edge filter: 1 on the left column, 0 in the middle, −1 on the right.",
            commands: ["let K = [[1,0,-1],[1,0,-1],[1,0,-1]]"]),
        LessonStep(
            text: "Slide the 3×3 window over A: each output is Σ A·K over the window. "
                + "The first window is all 10s: 30 − 30 = 0. One step right it sees 10 10 0: 30. "
                + "Space or → steps, Enter finishes, Esc leaves.",
            commands: ["step A * K"]),
        LessonStep(
            text: "The result is 4×4 (⌊(6 − 3)/1⌋ + 1 = 4) with rows 0 30 30 0: the bright band is the edge.",
            commands: ["let Z = A * K"]),
        LessonStep(
            text: "As a layer: a 6×6×1 input and one 3×3 filter give 4×4×1 with (3·3·1 + 1)·1 = 10 parameters.",
            commands: ["input 6x6x1", "conv 1 f=3"]),
    ]
}
