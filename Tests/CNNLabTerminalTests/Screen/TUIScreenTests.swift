import CNNLabEngine
import CNNLabTerminal
import Testing


@Test @MainActor func startUpScreenShowsEveryPaneAndTheKeyBar() {
    let (screen, _) = runTUI([])
    let text = screenText(screen)
    for title in ["Network", "Derivation", "Viewer", "Output", "cnn>", "Enter run", "Esc panes"] {
        #expect(text.contains(title), "missing \(title)")
    }
    #expect(screen.lastFrame?.cursor == CellPosition(row: 28, col: 5))
}

@Test @MainActor func typingANetworkShowsShapesAndTheDerivation() {
    let (screen, controller) = runTUI(typed("input 39x39x3") + typed("conv 10 f=3") + typed("conv 20 f=5 s=2"))
    let text = screenText(screen)
    #expect(text.contains("37×37×10"))
    #expect(text.contains("17×17×20"))
    #expect(text.contains("5020"))
    #expect(text.contains("Derivation: layer 2 (conv)"))
    #expect(text.contains("⌊(37 + 0 − 5)/2⌋"))
    #expect(controller.state.selectedLayer == 2)
}

@Test @MainActor func arrowsMoveTheSelectionAndTheDerivationFollows() {
    let (screen, controller) = runTUI(
        typed("input 39x39x3") + typed("conv 10 f=3") + [.key(.escape), .key(.up), .key(.up), .key(.down)])
    #expect(controller.state.focus == .network)
    #expect(controller.state.selectedLayer == 1)
    let text = screenText(screen)
    #expect(text.contains("Derivation: layer 1 (conv)"))
    #expect(text.contains("▶ 1 conv"))
    guard let frame = screen.lastFrame, let row = frame.lines.firstIndex(where: { $0.contains("▶ 1 conv") }) else {
        Issue.record("no selected row")
        return
    }
    #expect(frame[row, 2].attributes.background == 6)
}

@Test @MainActor func stepperShowsZeroThenThirty() {
    let (screen, controller) = runTUI(typed(edgeImage) + typed(edgeKernel) + typed("step A * K"))
    #expect(controller.state.focus == .viewer)
    #expect(screen.frames.last?.plainText.contains("10·1 + 10·0 + 10·(−1) + 10·1 + 10·0 + 10·(−1) + 10·1 + 10·0 + 10·(−1) = 0") == true)
    screen.pendingEvents = [.key(.character(" "))]
    controller.run()
    let text = screenText(screen)
    #expect(text.contains("10·1 + 10·0 + 0·(−1) + 10·1 + 10·0 + 0·(−1) + 10·1 + 10·0 + 0·(−1) = 30"))
    #expect(text.contains("window 2/16 at row 0, col 1 → out[0, 1]"))
    #expect(text.contains("0 30  ·  ·"))
}

@Test @MainActor func stepperEnterRunsToTheEndAndEscLeaves() {
    let (screen, controller) = runTUI(typed(edgeImage) + typed(edgeKernel) + typed("step A * K") + [.key(.enter)])
    #expect(controller.state.stepper?.current == 15)
    #expect(screenText(screen).contains("0 30 30  0"))
    screen.pendingEvents = [.key(.left), .key(.escape)]
    controller.run()
    #expect(controller.state.stepper == nil)
    #expect(controller.state.focus == .commandLine)
}

@Test @MainActor func stepperMarksPaddingCells() {
    let (screen, _) = runTUI(typed(edgeImage) + typed(edgeKernel) + typed("step conv(A, K, p=1)"))
    guard let frame = screen.lastFrame, let row = frame.lines.firstIndex(where: { $0.contains("·0 ·0 ·0") }) else {
        Issue.record("no padding row")
        return
    }
    let col = frame.text(row: row).distance(from: frame.text(row: row).startIndex, to: frame.text(row: row).firstIndex(of: "·") ?? frame.text(row: row).startIndex)
    #expect(frame[row, col].attributes.dim || frame[row, col].attributes.reverse || frame[row, col].attributes.background != nil)
}

@Test @MainActor func showPutsAHeatmapWithBlocksInTheViewer() {
    let (screen, _) = runTUI(typed(edgeImage) + typed(edgeKernel) + typed("show A * K"))
    let text = screenText(screen)
    #expect(text.contains("Viewer: result"))
    #expect(text.contains("█"))
    #expect(text.contains("heatmap (blocks)"))
}

@Test @MainActor func channelKeysChangeTheViewerChannel() {
    let (screen, controller) = runTUI(typed("let X = ones(4,4,3)") + [.key(.escape), .key(.right), .key(.character("]"))])
    #expect(controller.state.viewerChannel == 2)
    #expect(screenText(screen).contains("ch 2/2"))
    screen.pendingEvents = [.key(.left), .key(.character("["))]
    controller.run()
    #expect(controller.state.viewerChannel == 0)
}

@Test @MainActor func errorsGoToTheOutputPane() {
    let (screen, _) = runTUI(typed("conv 10"))
    #expect(screenText(screen).contains("error:"))
}

@Test @MainActor func tooSmallScreenShowsTheMessageAndRecovers() {
    let (screen, controller) = runTUI(typed("input 39x39x3") + [.resize(width: 60, height: 20)])
    #expect(screen.lastFrame?.width == 60)
    #expect(screenText(screen).contains("terminal too small (needs 80×24)"))
    screen.pendingEvents = [.resize(width: 100, height: 30)]
    controller.run()
    #expect(!screenText(screen).contains("too small"))
    #expect(screenText(screen).contains("39×39×3"))
}

@Test func everySizeRendersWithoutTrapping() {
    var state = TUIState()
    state.output = [.init("a line with 漢字 and emoji 😀", .result)]
    for (w, h) in [(0, 0), (1, 1), (79, 24), (80, 23), (80, 24), (81, 25), (200, 60), (300, 5)] {
        let grid = TUILayout.render(state, width: w, height: h)
        #expect(grid.width == w && grid.height == h)
    }
}

@Test @MainActor func monochromeUsesNoColours() {
    let (screen, _) = runTUI(typed("input 39x39x3") + typed("conv 10 f=3") + [.key(.escape)], color: false)
    guard let frame = screen.lastFrame else {
        Issue.record("no frame")
        return
    }
    for row in 0..<frame.height {
        for col in 0..<frame.width {
            let a = frame[row, col].attributes
            #expect(a.foreground == nil && a.background == nil)
        }
    }
    guard let row = frame.lines.firstIndex(where: { $0.contains("▶ 1 conv") }) else {
        Issue.record("no selected row")
        return
    }
    #expect(frame[row, 2].attributes.reverse)
}

@Test @MainActor func qQuitsFromThePanesButTypesAtTheCommandLine() {
    let (_, typing) = runTUI([.key(.character("q"))])
    #expect(!typing.isFinished)
    #expect(typing.state.commandLine == "q")
    let (_, quitting) = runTUI([.key(.escape), .key(.character("q"))])
    #expect(quitting.isFinished)
}

@Test @MainActor func quitAndCtrlDQuitFromTheCommandLine() {
    #expect(runTUI(typed("quit")).1.isFinished)
    #expect(runTUI([.key(.control("d"))]).1.isFinished)
    #expect(!runTUI([.key(.character("x")), .key(.control("d"))]).1.isFinished)
}

@Test @MainActor func ctrlCCancelsTheCommandLineAndNeverQuits() {
    let (_, controller) = runTUI([.key(.character("x")), .interrupt, .key(.escape), .interrupt])
    #expect(controller.state.commandLine.isEmpty)
    #expect(!controller.isFinished)
}

@Test @MainActor func colonFocusesTheCommandLineAndALeadingColonIsIgnored() {
    let (_, controller) = runTUI([.key(.escape), .key(.character(":")), .key(.character(":"))] + typed("input 6x6x1"))
    #expect(controller.state.focus == .commandLine)
    #expect(controller.state.reports.count == 1)
}

@Test @MainActor func helpOverlayOpensAndAnyKeyClosesIt() {
    let (screen, controller) = runTUI([.key(.escape), .key(.character("?"))])
    #expect(controller.state.showHelp)
    #expect(screenText(screen).contains("Keys"))
    screen.pendingEvents = [.key(.character("x"))]
    controller.run()
    #expect(!controller.state.showHelp)
    screen.pendingEvents = [.key(.function(1))]
    controller.run()
    #expect(controller.state.showHelp)
}

@Test @MainActor func tabCyclesThePanes() {
    let (screen, controller) = runTUI([.key(.escape), .key(.tab), .key(.tab), .key(.tab)])
    #expect(controller.state.focus == .output)
    screen.pendingEvents = [.key(.backTab), .key(.tab), .key(.tab)]
    controller.run()
    // At the command line Tab completes; Esc goes back to the panes.
    #expect(controller.state.focus == .commandLine)
}

@Test @MainActor func pageUpScrollsTheOutput() {
    let (screen, controller) = runTUI(typed("show ones(30, 2)") + [.key(.escape), .key(.pageUp)])
    #expect(controller.state.outputScroll == 8)
    #expect(screenText(screen).contains("more below"))
}

@Test @MainActor func demoWalksTheVerticalEdgeExample() {
    let (screen, controller) = runTUI(typed("demo") + [.key(.character("n"))])
    #expect(controller.state.lesson?.step.index == 1)
    #expect(screenText(screen).contains("step 2/5 · Vertical edge detection"))
    #expect(screenText(screen).contains("The vertical edge filter"))
    // Step 3 opens the stepper and asks a question, answered at the command line.
    screen.pendingEvents = [.key(.character("n")), .key(.character(" ")), .key(.character(":"))] + typed("20") + typed("30")
    controller.run()
    #expect(controller.state.lesson?.step.index == 2)
    #expect(controller.state.lesson?.feedback.map(\.verdict) == [.wrong, .right])
    #expect(screenText(screen).contains("Right! 30"))
    screen.pendingEvents = [.key(.character("n")), .key(.character("n"))] + typed("10")
    controller.run()
    #expect(controller.state.reports.last?.output.description == "4×4×1")
    screen.pendingEvents = [.key(.character("p")), .key(.character("p")), .key(.character("p"))]
    controller.run()
    #expect(controller.state.lesson?.step.index == 1)
    #expect(controller.state.reports.isEmpty)
}

@Test @MainActor func helpWithATopicWorksInTheTUIAsInTheREPL() {
    let (_, controller) = runTUI(typed("help conv"))
    #expect(controller.state.output.contains { $0.text.contains("conv N f=F") })
    #expect(!controller.state.showHelp)
}
