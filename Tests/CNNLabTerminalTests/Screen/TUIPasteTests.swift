import CNNLabEngine
import CNNLabTerminal
import Testing

/// A literal of 4,000 ones, 12,008 characters: a paste of a small image's numbers.
private let longLiteral = "let P = [" + Array(repeating: "1", count: 4000).joined(separator: ", ") + "]"

/// Issue 14: the keys of a paste are taken in one go. Each frame lays out the whole command
/// line, so drawing a frame per key made a 12,000-character paste take minutes.
@Suite @MainActor struct TUIPasteTests {
    @Test func aPasteOfTwelveThousandCharactersIsDrawnOnceAndRuns() {
        #expect(longLiteral.count > 12_000)
        let (screen, controller) = runTUI(typed(longLiteral))
        // The first frame, then one for the paste and its Enter (the events were all waiting).
        #expect(screen.frames.count <= 3, "\(screen.frames.count) frames")
        #expect(screenText(screen).contains("P: 4000"), "\(screenText(screen))")
        #expect(controller.state.commandLine.isEmpty)
    }

    @Test func thePastedLineIsShownWithItsEndAtTheCursor() {
        let (screen, controller) = runTUI(Array(typed(longLiteral).dropLast()))
        #expect(controller.state.commandLine == longLiteral)
        let commandRow = screen.lastFrame?.lines.dropLast().last ?? ""
        #expect(commandRow.hasPrefix("cnn> ") && commandRow.hasSuffix("1, 1, 1, 1]"), "\(commandRow)")
        #expect(screen.lastFrame?.cursor == CellPosition(row: 28, col: 99))
    }
}
