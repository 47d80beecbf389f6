import Foundation
import TerminalTestSupport
import Testing

/// `cnnlab quiz` through the real binary: the questions as JSON, answers from standard input,
/// and a quiz in the TUI with a right and a wrong answer.
@Suite(.enabled(if: TestEnvironment.cnnlab != nil && TestEnvironment.tmuxInstalled, "needs .build/debug/cnnlab (swift build) and tmux"))
struct QuizEndToEndTests {
    let app = TestEnvironment.cnnlab ?? "cnnlab"

    /// Runs `script` with `sh`, in a fresh HOME, and returns what it printed.
    func shell(_ script: String) throws -> String {
        let home = try TestEnvironment.makeDirectory(prefix: "cnnlab-quiz")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let output = home + "/out"
        Spawn.run(["env", "HOME=\(home)", "XDG_DATA_HOME=\(home)", "XDG_STATE_HOME=\(home)", "sh", "-c", "cd '\(home)' && " + script], output: output)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// The questions of `cnnlab quiz --json` with these arguments, as decoded objects.
    func questions(_ arguments: String) throws -> [[String: Any]] {
        try shell("\(app) quiz --json \(arguments)").split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// An answer as a student types it: `280`, `4x4x10`, `[[9, 2], [6, 3]]`.
    func typed(_ answer: Any?) -> String {
        if let list = answer as? [Any] {
            if list.first is [Any] {
                return "[" + list.map { row in "[" + ((row as? [Any]) ?? []).map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
            }
            return list.map { "\($0)" }.joined(separator: "x")
        }
        return answer.map { "\($0)" } ?? ""
    }

    @Test func fortyRightAnswersOnStandardInputScoreFortyOfForty() throws {
        let quiz = try questions("--count 40 --seed 2026")
        #expect(quiz.count == 40)
        #expect(quiz.allSatisfy { $0["kind"] is String && $0["text"] is String && $0["params"] is [String: Any] && $0["answer"] != nil })
        let answers = quiz.map { typed($0["answer"]) }.joined(separator: "\n")
        let out = try shell("printf '%s\\n' '\(answers.replacingOccurrences(of: "\n", with: "' '"))' | \(app) quiz --count 40 --seed 2026 --lang en")
        #expect(out.contains("Score: 40/40"), "\(out.suffix(600))")
    }

    @Test func wrongAnswersScoreLessAndNameTheirMistakes() throws {
        let quiz = try questions("--count 40 --seed 7 --lang en")
        var lines: [String] = []
        var mistakes = 0
        for q in quiz {
            if let first = (q["mistakes"] as? [[String: Any]])?.first {
                lines.append(typed(first["answer"]))
                mistakes += 1
            } else {
                lines.append(typed(q["answer"]))
            }
        }
        let out = try shell("printf '%s\\n' '\(lines.joined(separator: "' '"))' | \(app) quiz --count 40 --seed 7 --lang en")
        #expect(mistakes > 0)
        #expect(out.contains("Score: \(40 - mistakes)/40"), "\(out.suffix(600))")
        #expect(out.components(separatedBy: "Mistake: ").count - 1 == mistakes)
    }

    @Test func aQuizInTheTUI() throws {
        let quiz = try questions("--count 2 --seed 4 --topic fc-params --lang en")
        let right = typed(quiz[0]["answer"])
        let mistake = try #require((quiz[1]["mistakes"] as? [[String: Any]])?.first)
        let tmux = try TmuxSession(command: "TERM=tmux-256color LANG=C.UTF-8 \(app) quiz --count 2 --seed 4 --topic fc-params --lang en")
        defer { tmux.close() }
        #expect(tmux.waitForText("Question 1/2"))
        tmux.type(right)
        tmux.press("Enter")
        #expect(tmux.waitForText("Right: "))
        #expect(tmux.waitForText("Question 2/2"))
        tmux.type(typed(mistake["answer"]))
        tmux.press("Enter")
        #expect(tmux.waitForText("Wrong: you answered"))
        #expect(tmux.waitForText("Mistake: "))
        #expect(tmux.waitForText("How it is derived:"))
        #expect(tmux.waitForText("Score: 1/2"))
        tmux.type("quit")
        tmux.press("Enter")
        #expect(tmux.waitForText("[exit 0]"))
    }
}

/// Output that cannot be written is an error and a non-zero exit, never silence or a crash.
@Suite(.enabled(if: TestEnvironment.cnnlab != nil, "needs .build/debug/cnnlab (swift build)"))
struct FullDiskTests {
    let app = TestEnvironment.cnnlab ?? "cnnlab"

    func status(_ script: String) throws -> (Int32, String) {
        let home = try TestEnvironment.makeDirectory(prefix: "cnnlab-full")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let code = Spawn.run(["sh", "-c", script + "; echo \"[exit $?]\""], output: home + "/out")
        return (code, (try? String(contentsOfFile: home + "/out", encoding: .utf8)) ?? "")
    }

    @Test func aFullStandardOutputIsAnError() throws {
        let (_, out) = try status("\(app) -c 'input 4x4; summary' --lang en 2>&1 >/dev/full")
        #expect(out.contains("error: cannot write the output: No space left on device"), "\(out)")
        #expect(out.contains("[exit 1]"), "\(out)")
    }

    @Test func aFullStandardErrorExitsNonZeroWithoutATrap() throws {
        let (_, out) = try status("\(app) -c 'bogus' 2>/dev/full")
        #expect(out.contains("[exit 1]"), "\(out)")
    }
}
