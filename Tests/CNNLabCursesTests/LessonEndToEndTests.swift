import Foundation
import TerminalTestSupport
import Testing

/// A lesson through the real binary in tmux, in the TUI and at the REPL: forward twice, back
/// once, a wrong answer and a right one, and a clean exit.
@Suite(.enabled(if: TestEnvironment.cnnlab != nil && TestEnvironment.tmuxInstalled, "needs .build/debug/cnnlab (swift build) and tmux"))
struct LessonEndToEndTests {
    let app = TestEnvironment.cnnlab ?? "cnnlab"

    @Test func aLessonInTheTUI() throws {
        let tmux = try TmuxSession(command: "TERM=tmux-256color LANG=C.UTF-8 \(app) lesson demo --lang en")
        defer { tmux.close() }
        #expect(tmux.waitForText("step 1/5 · Vertical edge detection"))
        #expect(tmux.waitForText("A 6×6 grey image"))
        tmux.press("n")
        #expect(tmux.waitForText("step 2/5"))
        tmux.press("n")
        #expect(tmux.waitForText("step 3/5"))
        #expect(tmux.waitForText("What is the output of the second window"))
        tmux.press("p")
        #expect(tmux.waitForText("step 2/5"))
        #expect(tmux.waitForText("The vertical edge filter"))
        tmux.press("n")
        #expect(tmux.waitForText("step 3/5"))
        tmux.type(":20")
        tmux.press("Enter")
        #expect(tmux.waitForText("Not quite (20)"))
        tmux.type("30")
        tmux.press("Enter")
        #expect(tmux.waitForText("Right! 30"))
        tmux.press("q")
        #expect(tmux.waitForText("[exit 0]"))
        let text = tmux.wait { $0.screen.contains("icanon") } ?? tmux.capture()
        #expect(text.contains(" icanon") && !text.contains("-icanon"), "\(text)")
        #expect(text.contains(" echo ") && !text.contains("-echo "), "\(text)")
    }

    @Test func theSameLessonAtTheREPL() throws {
        let tmux = try TmuxSession(command: "TERM=dumb LANG=C.UTF-8 \(app) repl --lang en")
        defer { tmux.close() }
        #expect(tmux.waitForText("cnnlab"))
        for line in ["lesson demo", "next", "next", "back"] {
            tmux.type(line)
            tmux.press("Enter")
        }
        #expect(tmux.waitForText("step 2/5 · Vertical edge detection"))
        #expect(tmux.waitForText("The vertical edge filter: 1 on the left column"))
        for line in ["next", "20"] {
            tmux.type(line)
            tmux.press("Enter")
        }
        #expect(tmux.waitForText("Not quite (20)"))
        tmux.type("30")
        tmux.press("Enter")
        #expect(tmux.waitForText("Right! 30"))
        tmux.type("quit")
        tmux.press("Enter")
        #expect(tmux.waitForText("[exit 0]"))
    }
}
