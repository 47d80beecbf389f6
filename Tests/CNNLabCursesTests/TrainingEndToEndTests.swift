import Foundation
import TerminalTestSupport
import Testing

/// `train` in the TUI through tmux: the live view updates while it runs (progress, the epochs,
/// the filters and the test images), Ctrl-C stops it after a batch with the weights kept, and
/// the terminal is intact when cnnlab quits.
@Suite(.enabled(if: TestEnvironment.cnnlab != nil && TestEnvironment.tmuxInstalled, "needs .build/debug/cnnlab (swift build) and tmux"))
struct TrainingEndToEndTests {
    @Test func theLiveViewUpdatesAndCtrlCStopsTraining() throws {
        let app = TestEnvironment.cnnlab ?? "cnnlab"
        let tmux = try TmuxSession(command: "TERM=tmux-256color LANG=C.UTF-8 \(app) tui")
        defer { tmux.close() }
        #expect(tmux.waitForText("cnn>"))
        tmux.type("train dataset=digits epochs=200")
        tmux.press("Enter")
        #expect(tmux.waitForText("Training · epoch 1/200"))
        #expect(tmux.waitForText("Filters W[1] and a[1]"))
        #expect(tmux.waitForText("Test images"))
        // The view moves on while training runs: a later epoch, with the first one's figures.
        let later = tmux.wait(timeout: 60) { $0.screen.contains("Training · epoch 3/200") }
        #expect(later != nil, "\(tmux.capture())")
        #expect(tmux.capture().contains("    1  "))
        tmux.press("C-c")
        let stopped = tmux.wait(timeout: 30) { $0.screen.contains("stopped by Ctrl-C") }
        #expect(stopped != nil, "\(tmux.capture())")
        #expect(tmux.waitForText("confusion matrix"))
        // The session goes on, with the trained network.
        tmux.type("summary")
        tmux.press("Enter")
        #expect(tmux.waitForText("8×8×16"))
        tmux.type("quit")
        tmux.press("Enter")
        #expect(tmux.waitForText("[exit 0]"))
        let text = tmux.wait { $0.screen.contains("icanon") } ?? tmux.capture()
        #expect(text.contains(" icanon") && !text.contains("-icanon"), "\(text)")
        #expect(text.contains(" echo ") && !text.contains("-echo "), "\(text)")
    }
}
