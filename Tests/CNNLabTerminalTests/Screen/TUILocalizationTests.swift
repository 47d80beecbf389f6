import CNNLabEngine
import CNNLabTerminal
import Testing


@Test func portugueseLayoutHasPortuguesePaneTitlesAndKeyBar() {
    let text = TUILayout.render(TUIState(language: .ptBR), width: 100, height: 30).plainText
    for words in ["Rede", "Derivação", "Visualizador", "Saída", "nenhuma rede ainda; tente:", "Enter executa", "Esc painéis", "Tab completa", "Ctrl-D sai"] {
        #expect(text.contains(words), "missing \(words)")
    }
    for words in ["Network", "Derivation", "Viewer", "Output", "Enter run"] {
        #expect(!text.contains(words), "English \(words) left")
    }
}

@Test func portugueseKeyBarAtThePanesAndTheHelp() {
    var state = TUIState(language: .ptBR)
    state.focus = .network
    let panes = TUILayout.render(state, width: 100, height: 30).plainText
    #expect(panes.contains("q sai  Tab painel  ↑↓ camada  ←→ canal  PgUp/PgDn saída  : comando  ? ajuda"))
    #expect(panes.contains(": para digitar um comando"))
    state.showHelp = true
    let help = TUILayout.render(state, width: 100, height: 30).plainText
    #expect(help.contains("Teclas"))
    #expect(help.contains("esta ajuda; qualquer tecla a fecha"))
}

@Test func tooSmallMessageInPortuguese() {
    let text = TUILayout.render(TUIState(language: .ptBR), width: 60, height: 20).plainText
    #expect(text.contains("terminal pequeno demais (precisa de 80×24)"))
    #expect(text.contains("agora 60×20"))
    #expect(TUILayout.tooSmallMessage(in: .ptBR) == "terminal pequeno demais (precisa de 80×24)")
    let english = TUILayout.render(TUIState(), width: 60, height: 20).plainText
    #expect(english.contains("terminal too small (needs 80×24)"))
}

@Test @MainActor func portugueseNetworkAndDerivation() {
    let (screen, _) = runPortugueseTUI(typed("input 39x39x3") + typed("conv 10 f=3"))
    let text = screenText(screen)
    #expect(text.contains("Rede · 280 parâmetros"))
    #expect(text.contains("camada"))
    #expect(text.contains("parâm."))
    #expect(text.contains("Derivação: camada 1 (conv)"))
}

@Test @MainActor func portugueseViewerAndStepper() {
    let (screen, controller) = runPortugueseTUI(typed("let X = ones(4,4,3)") + typed("heatmap X ch=2"))
    let viewer = screenText(screen)
    #expect(viewer.contains("Visualizador: X canal 2/2"))
    #expect(viewer.contains("mapa de calor (blocos)"))
    #expect(viewer.contains("heatmap X: 4×4×3 → visualizador"))
    screen.pendingEvents = typed(edgeImage) + typed(edgeKernel) + typed("step A * K") + [.key(.character(" "))]
    controller.run()
    let stepper = screenText(screen)
    #expect(stepper.contains("Passo a passo: conv f=3 s=1 p=0"))
    #expect(stepper.contains("janela 2/16 na linha 0, col 1 → out[0, 1]"))
    #expect(stepper.contains("Espaço/→ avança  ← volta  Enter termina  Esc sai"))
}

@Test @MainActor func portugueseDemoLesson() {
    let (screen, controller) = runPortugueseTUI(typed("demo") + [.key(.character("n"))])
    #expect(controller.state.lesson?.step.index == 1)
    let text = screenText(screen)
    #expect(text.contains("passo 2/5 · Detecção de bordas verticais"))
    #expect(text.contains("O filtro de borda vertical"))
    #expect(text.contains("n avança · p volta"))
}

@Test @MainActor func portugueseInterruptHint() {
    let (_, controller) = runPortugueseTUI([.key(.escape), .interrupt])
    #expect(controller.state.output.last?.text == "Ctrl-C não sai daqui: tecle q (ou digite quit)")
}

