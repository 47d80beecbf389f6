import CNNLabEngine
@testable import ConvCore  // sets single elements of `storage`
import Testing
@testable import CNNLabTerminal

/// The lecture's vertical-edge stepper: the 6×6 image and the 3×3 filter, no padding.
private func edgeStepper() throws -> ConvolutionStepper {
    try ConvolutionStepper(
        input: Lecture.edgeImage(), operation: .correlation(kernel: [1, 0, -1, 1, 0, -1, 1, 0, -1], bias: nil),
        size: 3, stride: 1, padding: 0)
}

/// A map with negative and positive values, so its scale is diverging.
private func signedMap() throws -> Tensor {
    try Lecture.matrix(4, 4) { r, c in Float(c - r) }
}

private func heatmap(_ t: Tensor, _ options: HeatmapOptions) -> String {
    Heatmap.render(t, name: "M", options: options)
}

// MARK: Heatmap

@Test func divergingLegendIsCentredInPortuguese() throws {
    let text = heatmap(try signedMap(), HeatmapOptions(language: .ptBR))
    #expect(text.contains("M: 4×4 mapa de calor (blocos)"))
    #expect(text.contains("escala: "))
    #expect(text.contains("escala divergente, centrada em 0: ·∙•● abaixo de 0, ░▒▓█ acima de 0"))
    #expect(!text.contains("diverging"))
}

@Test func colouredDivergingLegendNamesTheColoursInPortuguese() throws {
    let text = heatmap(try signedMap(), HeatmapOptions(style: .color, maxWidth: 100, colorDepth: .truecolor, language: .ptBR))
    #expect(text.contains("escala (azul–branco–vermelho): "))
    #expect(text.contains("azul abaixo de 0, branco em 0, vermelho acima de 0"))
}

@Test func downsamplingNoteInPortuguese() throws {
    let t = try Lecture.matrix(64, 64) { r, c in Float(r + c) }
    let text = heatmap(t, HeatmapOptions(language: .ptBR))
    #expect(text.contains("reduzido 64×64 → 16×16 (média de blocos 4×4)"))
}

@Test func heatmapNotesInPortuguese() throws {
    let constant = heatmap(try Lecture.matrix(3, 3) { _, _ in 7 }, HeatmapOptions(language: .ptBR))
    #expect(constant.contains("mapa constante: todos os valores são 7"))

    let broken = heatmap(try Lecture.matrix(2, 2) { r, c in r == c ? .nan : 1 }, HeatmapOptions(language: .ptBR))
    #expect(broken.contains("2 células são NaN ou ±inf, desenhadas como ?"))

    let nothing = heatmap(try Lecture.matrix(1, 1) { _, _ in .infinity }, HeatmapOptions(language: .ptBR))
    #expect(nothing.contains("nenhum valor finito"))
    #expect(nothing.contains("1 célula é NaN ou ±inf, desenhada como ?"))

    let noColour = heatmap(try signedMap(), HeatmapOptions(style: .color, language: .ptBR))
    #expect(noColour.contains("sem cor disponível (cor desligada ou terminal sem cores): desenhado como blocos"))
}

@Test func channelsAndExamplesInPortuguese() throws {
    let many = heatmap(
        try Lecture.channels(2, 2, 40) { _, _, k in Float(k) },
        HeatmapOptions(maxWidth: 60, maxHeight: 14, language: .ptBR))
    #expect(many.contains("um quadro por canal"))
    #expect(many.contains("canal 0"))
    #expect(many.contains("canais a mais (heatmap com ch=k mostra um)"))

    let missing = heatmap(try Lecture.channels(2, 2, 3) { _, _, _ in 1 }, HeatmapOptions(channel: 5, language: .ptBR))
    #expect(missing.contains("ch=5 fora do intervalo: há 3 canais (0…2)"))

    let ignored = heatmap(try signedMap(), HeatmapOptions(channel: 1, language: .ptBR))
    #expect(ignored.contains("ch=1 ignorado: um tensor de posto 2 não tem canais"))

    let batch = heatmap(try Tensor(shape: [2, 2, 2, 1], storage: [1, 2, 3, 4, 5, 6, 7, 8]), HeatmapOptions(language: .ptBR))
    #expect(batch.contains("exemplo 0 de 2"))
}

@Test func portugueseWithoutUnicodeIsStillAscii() throws {
    let text = heatmap(try signedMap(), HeatmapOptions(unicode: false, language: .ptBR))
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(text.contains("sem Unicode: blocos desenhados como ascii"))
    #expect(text.contains("escala divergente, centrada em 0"))
}

@Test func malformedTensorIsExplainedInPortuguese() throws {
    var broken = try Tensor(shape: [2, 2], storage: [1, 2, 3, 4])
    broken.storage.removeLast()
    #expect(heatmap(broken, HeatmapOptions(language: .ptBR)).contains("tensor malformado: a forma 2×2 precisa de 4 valores"))
    #expect(TensorGrid.render(broken, name: "B", language: .ptBR).contains("o armazenamento tem 3"))
}

// MARK: Grids and the stepper

@Test func gridCountsTheHiddenChannelsInPortuguese() throws {
    let text = TensorGrid.render(try Lecture.channels(2, 2, 20) { _, _, k in Float(k) }, name: "C", language: .ptBR)
    #expect(text.hasSuffix("… mais 12 canais"))
    let one = TensorGrid.render(try Lecture.channels(2, 2, 9) { _, _, k in Float(k) }, name: "C", language: .ptBR)
    #expect(one.hasSuffix("… mais 1 canal"))
    let slices = TensorGrid.render(try Tensor(shape: [3, 1, 1, 4], storage: Array(repeating: 1, count: 12)), name: "S", language: .ptBR)
    #expect(slices.hasSuffix("… mais 4 fatias"))
}

@Test func stepperSummaryInPortuguese() throws {
    let text = StepperRenderer.summary(try edgeStepper(), language: .ptBR)
    #expect(text.hasPrefix("step conv f=3 s=1 p=0: entrada 6×6, com padding 6×6\n"))
    #expect(text.contains("  janela 2/16 na linha 0, col 1 → out[0, 1]:"))
    #expect(text.contains("saída: 4×4\n   0  30  30   0"))
    #expect(!text.contains("window"))
}

@Test func resultRendererPassesTheLanguageOn() throws {
    let stepper = try edgeStepper()
    let context = RenderContext(language: .ptBR)
    #expect(ResultRenderer.render(.stepper(stepper), context: context).contains("janela 1/16"))
    let named = NamedTensor(name: "M", tensor: try signedMap())
    #expect(ResultRenderer.heatmapOptions(HeatmapSpec(), context: context).language == .ptBR)
    #expect(ResultRenderer.render(.heatmap(named, HeatmapSpec()), context: context).contains("centrada em 0"))
    #expect(ResultRenderer.shapeText([], language: .ptBR) == "escalar")
    #expect(ResultRenderer.shapeText([]) == "scalar")
}

// MARK: Guard: every public renderer speaks both languages

/// Each public renderer of the terminal layer, run on an input that makes it print words.
private let renderers: [(name: String, render: @Sendable (Language) throws -> String)] = [
    ("Heatmap", { language in heatmap(try signedMap(), HeatmapOptions(language: language)) }),
    ("Heatmap tiles", { language in
        heatmap(try Lecture.channels(2, 2, 40) { _, _, k in Float(k) }, HeatmapOptions(maxWidth: 40, maxHeight: 14, language: language))
    }),
    ("TensorGrid", { language in TensorGrid.render(try Lecture.channels(2, 2, 20) { _, _, k in Float(k) }, name: "C", language: language) }),
    ("StepperRenderer.summary", { language in StepperRenderer.summary(try edgeStepper(), language: language) }),
    ("StepperRenderer.position", { language in
        let stepper = try edgeStepper()
        return StepperRenderer.position(stepper.step(1), of: stepper, language: language)
    }),
    ("TUILayout", { language in TUILayout.render(TUIState(language: language), width: 100, height: 30).plainText }),
    ("TUILayout too small", { language in TUILayout.render(TUIState(language: language), width: 60, height: 20).plainText }),
]

@Test(arguments: renderers.indices)
func everyRendererSpeaksBothLanguages(index: Int) throws {
    let (name, render) = renderers[index]
    let english = try render(.en)
    let portuguese = try render(.ptBR)
    #expect(!english.isEmpty && !portuguese.isEmpty, "\(name) printed nothing")
    #expect(english != portuguese, "\(name) prints the same text in English and Portuguese")
}

@Test func englishIsTheDefault() throws {
    let stepper = try edgeStepper()
    #expect(StepperRenderer.summary(stepper) == StepperRenderer.summary(stepper, language: .en))
    #expect(heatmap(try signedMap(), HeatmapOptions()) == heatmap(try signedMap(), HeatmapOptions(language: .en)))
    #expect(TUILayout.tooSmallMessage() == "terminal too small (needs 80×24)")
}
