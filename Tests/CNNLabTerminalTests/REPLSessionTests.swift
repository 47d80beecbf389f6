import CNNLabEngine
import Testing
@testable import CNNLabTerminal

private func makeRepl(_ language: Language = .en) -> ReplSession {
    ReplSession(session: Session(), language: language, style: .plain, unicode: true)
}

@Test func promptShowsTheNetworksOutputShape() {
    let repl = makeRepl()
    #expect(repl.prompt == "cnnlab> ")
    _ = repl.handle("input 39x39x3; conv 10 f=3")
    #expect(repl.prompt == "cnnlab [37×37×10]> ")
    _ = repl.handle("conv 20 f=5 s=2")
    #expect(repl.prompt == "cnnlab [17×17×20]> ")
}

@Test func promptWithoutUnicodeWritesX() {
    let repl = ReplSession(session: Session(), language: .en, style: .plain, unicode: false)
    _ = repl.handle("input 39x39x3")
    #expect(repl.prompt == "cnnlab [39x39x3]> ")
}

@Test func resultsGoToOutput() {
    let reply = makeRepl().handle("input 39x39x3; conv 10 f=3")
    #expect(reply.output.contains("37×37×10"))
    #expect(reply.errors.isEmpty)
    #expect(!reply.quit)
}

@Test func anErrorPointsAtLineOneOfWhatWasTyped() {
    let repl = makeRepl()
    _ = repl.handle("input 39x39x3")
    let reply = repl.handle("cnv 10 f=3")
    #expect(reply.errors.contains("1 | cnv 10 f=3\n  | ^^^\n"))
    #expect(reply.errors.contains("did you mean 'conv'?"))
    #expect(!reply.quit)
    // The REPL goes on with the same session.
    #expect(repl.handle("conv 10 f=3").errors.isEmpty)
    #expect(repl.prompt == "cnnlab [37×37×10]> ")
}

@Test func statementsAfterAnErrorAreSkipped() {
    let repl = makeRepl()
    let reply = repl.handle("input 5x5x1; cnv 3; conv 2 f=3")
    #expect(reply.output.contains("5×5×1"))
    #expect(reply.errors.contains("^^^"))
    #expect(repl.prompt == "cnnlab [5×5×1]> ")
}

@Test func errorsAreInTheChosenLanguage() {
    #expect(makeRepl(.ptBR).handle("cnv 3").errors.hasPrefix("erro:"))
}

@Test(arguments: ["quit", "exit", "  quit  ", "exit;"])
func quitAndExitEndTheRepl(line: String) {
    #expect(makeRepl().handle(line) == ReplSession.Reply(quit: true))
}

@Test func quitIsAStatementThatEndsTheLineAndTheRepl() {
    let reply = makeRepl().handle("input 5x5x1; quit; input 9x9x1")
    #expect(reply.quit)
    #expect(reply.output.contains("5×5×1"))
    #expect(!reply.output.contains("9×9×1"))
}

@Test func anEmptyLinePrintsNothing() {
    #expect(makeRepl().handle("   ") == ReplSession.Reply())
}

@Test func completionSeesTheSessionsVariables() {
    let repl = makeRepl()
    _ = repl.handle("let Kernel = ones(3,3)")
    #expect(repl.completions(line: "show Ker", wordStart: 5, word: "Ker") == ["Kernel"])
}

@Test func historyFollowsXDGDataHome() {
    #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "/x/state", "XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]) == "/x/state/cnnlab/history")
    #expect(HistoryLocation.path(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]) == "/home/u/.local/state/cnnlab/history")
    #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.local/state/cnnlab/history")
    #expect(HistoryLocation.path(environment: [:]) == nil)
}

@Test func thePromptSaysWhereALessonOrAQuizIs() {
    let repl = ReplSession(session: lessonSession(), language: .en, style: .plain, unicode: true)
    _ = repl.handle("lesson demo")
    #expect(repl.prompt == "cnnlab [lesson 0 · 1/5]> ")
    _ = repl.handle("next; next")
    #expect(repl.prompt == "cnnlab [lesson 0 · 3/5 ?]> ")
    _ = repl.handle("quiz count=3 seed=1")
    #expect(repl.prompt == "cnnlab [quiz 1/3 ?]> ")
}

@Test func progressAndScoresMoveFromTheDataDirectoryToTheStateDirectory() {
    let moves = StateLocation.moves(environment: ["HOME": "/home/u"])
    #expect(moves.map(\.from) == ["/home/u/.local/share/cnnlab/history", "/home/u/.local/share/cnnlab/lesson-progress.json", "/home/u/.local/share/cnnlab/quiz-stats.json"])
    #expect(moves.map(\.to) == ["/home/u/.local/state/cnnlab/history", "/home/u/.local/state/cnnlab/lesson-progress.json", "/home/u/.local/state/cnnlab/quiz-stats.json"])
    #expect(StateLocation.moves(environment: ["XDG_STATE_HOME": "/x", "XDG_DATA_HOME": "/x"]).isEmpty)
    #expect(StateLocation.moves(environment: [:]).isEmpty)
}
