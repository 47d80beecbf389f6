import CNNLabEngine

/// One step of a lesson: what to read, in English and Portuguese, and the commands that
/// illustrate it (run in order, their results updating the TUI's panes as if typed).
public struct LessonStep: Sendable, Equatable {
    public var text: LocalizedText
    public var commands: [String]

    public init(text: LocalizedText, commands: [String]) {
        self.text = text
        self.commands = commands
    }
}

/// A guided lesson for the TUI (`n`/`p` move between steps). `lesson NAME` will pick one of
/// these; ``VerticalEdgeDemo`` is the built-in demonstration (`demo`). Its words come in both
/// languages; the TUI shows them in ``TUIState/language``.
public protocol LessonProvider: Sendable {
    var title: LocalizedText { get }
    var steps: [LessonStep] { get }
}

/// The lecture's "why convolutions?" vertical edge detector, step by step.
public struct VerticalEdgeDemo: LessonProvider {
    public init() {}

    public let title = LocalizedText("Vertical edge detection", "Detecção de bordas verticais")

    public let steps: [LessonStep] = [
        LessonStep(
            text: LocalizedText(
                "A 6×6 grey image: bright (10) on the left, dark (0) on the right. The edge runs down the middle.",
                "Uma imagem 6×6 em tons de cinza: clara (10) à esquerda, escura (0) à direita. A borda desce pelo meio."),
            commands: ["let A = [[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0]]"]),
        LessonStep(
            text: LocalizedText(
                "The vertical edge filter: 1 on the left column, 0 in the middle, −1 on the right.",
                "O filtro de borda vertical: 1 na coluna da esquerda, 0 no meio, −1 na da direita."),
            commands: ["let K = [[1,0,-1],[1,0,-1],[1,0,-1]]"]),
        LessonStep(
            text: LocalizedText(
                "Slide the 3×3 window over A: each output is Σ A·K over the window. "
                    + "The first window is all 10s: 30 − 30 = 0. One step right it sees 10 10 0: 30. "
                    + "Space or → steps, Enter finishes, Esc leaves.",
                "Deslize a janela 3×3 sobre A: cada saída é Σ A·K na janela. "
                    + "A primeira janela é toda de 10: 30 − 30 = 0. Um passo à direita ela vê 10 10 0: 30. "
                    + "Espaço ou → avança, Enter termina, Esc sai."),
            commands: ["step A * K"]),
        LessonStep(
            text: LocalizedText(
                "The result is 4×4 (⌊(6 − 3)/1⌋ + 1 = 4) with rows 0 30 30 0: the bright band is the edge.",
                "O resultado é 4×4 (⌊(6 − 3)/1⌋ + 1 = 4) com linhas 0 30 30 0: a faixa clara é a borda."),
            commands: ["let Z = A * K"]),
        LessonStep(
            text: LocalizedText(
                "As a layer: a 6×6×1 input and one 3×3 filter give 4×4×1 with (3·3·1 + 1)·1 = 10 parameters.",
                "Como camada: uma entrada 6×6×1 e um filtro 3×3 dão 4×4×1 com (3·3·1 + 1)·1 = 10 parâmetros."),
            commands: ["input 6x6x1", "conv 1 f=3"]),
    ]
}
