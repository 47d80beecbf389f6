@testable import CNNLabEngine
import ConvCore
import Foundation
import Testing
@testable import CNNLabTerminal

/// The TUI's live training view, frame by frame on an in-memory screen.
@MainActor @Suite struct TUITrainingTests {
    /// The repository's `Data/` folder.
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data").path

    func train(width: Int = 80, height: Int = 24, color: Bool = true) -> MemoryScreen {
        let screen = MemoryScreen(width: width, height: height, events: typed("train dataset=digits epochs=2"))
        let controller = TUIController(driver: screen, state: TUIState(color: color), makeSession: {
            let session = Session()
            session.dataDirectory = Self.data
            return session
        })
        controller.run()
        return screen
    }

    @Test func framesFollowTheRunAndEndWithTheReport() {
        let screen = train()
        let texts = screen.frames.map(\.plainText)
        let live = texts.filter { $0.contains("Training · epoch") }
        #expect(!live.isEmpty)
        #expect(live.contains { $0.contains("Filters W[1] and a[1]") && $0.contains("Test images") && $0.contains("filters (3×3") })
        // Each test image has a caption: ✓ or ✗, the class, and its probability.
        let captions = live.last.map { $0.split(separator: "\n").filter { $0.contains("✓") || $0.contains("✗") } } ?? []
        #expect(!captions.isEmpty)
        #expect(live.contains { $0.contains("    1  ") })  // the first epoch's line, while the second runs
        let last = screenText(screen)
        #expect(last.contains("test accuracy") && last.contains("confusion matrix"))
        #expect(last.contains("Filters W[1]"))  // the learned filters stay in view
    }

    @Test func monochromeThumbnailsUseShades() {
        let screen = train(color: false)
        let frame = screen.frames.last { $0.plainText.contains("Filters W[1]") }
        let cells = frame.map { grid in (0..<grid.height).flatMap { r in (0..<grid.width).map { grid[r, $0] } } } ?? []
        #expect(!cells.contains { $0.attributes.background != nil })
        #expect(cells.contains { "░▒▓█".contains($0.character) })
    }

    @Test func aThumbnailPairsRowsInColourAndShrinksToFit() throws {
        let plane = Plane(rows: 4, cols: 6, values: (0..<24).map(Float.init))
        let colour = Thumbnail(plane, maxWidth: 10, maxHeight: 10, color: true, unicode: true)
        #expect(colour.cells.count == 2 && colour.width == 6)
        #expect(colour.cells[0][0].character == "▀")
        let top = colour.cells[0][0].attributes, corner = colour.cells[1][5].attributes
        #expect(top.foreground == 232 && corner.background == 255)  // the grey ramp's ends
        let small = Thumbnail(plane, maxWidth: 3, maxHeight: 1, color: false, unicode: false)
        #expect(small.width == 3 && small.cells.count == 1)
        let filter = try #require(Plane(channel: 1, of: try Tensor(shape: [1, 1, 2, 2], storage: [1, -4, 3, 8])))
        #expect(filter.values == [2])  // filter 1's mean over its two input channels: (−4 + 8) / 2
    }

    @Test func aDivergedRunsNaNProbabilitiesAreDrawnWithoutATrap() throws {
        var state = TUIState()
        let image = try Tensor(shape: [4, 4, 1], storage: [Float](repeating: .nan, count: 16))
        let prediction = TrainingSnapshot.Prediction(image: image, label: 1, predicted: 0, probability: .nan)
        var view = TUIState.TrainingView()
        view.snapshot = TrainingSnapshot(
            filterLayer: 1, filters: try Tensor(shape: [3, 3, 1, 2], storage: [Float](repeating: .nan, count: 18)),
            activations: image, predictions: [prediction], classNames: ["a", "b"])
        state.training = view
        let text = TUILayout.render(state, width: 80, height: 24).plainText
        #expect(text.contains("?%") && text.contains("✗a"))
    }
}
