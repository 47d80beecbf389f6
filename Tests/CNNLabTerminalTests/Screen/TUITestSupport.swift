import CNNLabEngine
import CNNLabTerminal
import Foundation

/// A controller on an in-memory screen (100×30 unless given), run through `events`.
@MainActor
func runTUI(
    _ events: [ScreenEvent], width: Int = 100, height: Int = 30, color: Bool = true, palette: ScreenPalette = .basic,
    language: Language = .en
) -> (MemoryScreen, TUIController) {
    let screen = MemoryScreen(width: width, height: height, events: events)
    let controller = TUIController(
        driver: screen, state: TUIState(language: language, color: color, palette: palette),
        makeSession: { lessonSession(language: language) })
    controller.run()
    return (screen, controller)
}

/// The repository's `Lessons/` folder.
let repositoryLessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons").path

/// A session that finds the shipped lessons and keeps no progress.
func lessonSession(language: Language = .en) -> Session {
    let session = Session()
    session.language = language
    session.lessons = LessonLibrary(directory: repositoryLessons)
    return session
}

/// Key events for typing `text` then Enter.
func typed(_ text: String) -> [ScreenEvent] {
    text.map { .key(.character($0)) } + [.key(.enter)]
}

/// The last frame as plain text.
func screenText(_ screen: MemoryScreen) -> String {
    screen.lastFrame?.plainText ?? ""
}

/// The lecture's vertical-edge image and filter, as commands.
let edgeImage = "let A = [[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0]]"
let edgeKernel = "let K = [[1,0,-1],[1,0,-1],[1,0,-1]]"

/// ``runTUI(_:width:height:color:palette:language:)`` in Portuguese.
@MainActor
func runPortugueseTUI(_ events: [ScreenEvent], width: Int = 100, height: Int = 30) -> (MemoryScreen, TUIController) {
    runTUI(events, width: width, height: height, language: .ptBR)
}
