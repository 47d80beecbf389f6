import Foundation
import TerminalTestSupport
import Testing

/// The real binary reads at most `ScriptRunner.maxScriptBytes` of a script (issue 14): `run -`
/// on a stream that never ends is an error and exit status 1, not a read until memory runs out.
@Suite(.enabled(if: TestEnvironment.cnnlab != nil, "needs .build/debug/cnnlab (swift build)"))
struct InputBoundsEndToEndTests {
    let app = TestEnvironment.cnnlab ?? "cnnlab"

    /// Runs `script` with `sh` and returns its exit status and what it printed (both streams).
    func shell(_ script: String) throws -> (Int32, String) {
        let dir = try TestEnvironment.makeDirectory(prefix: "cnnlab-bounds")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = dir + "/out"
        let status = Spawn.run(["env", "HOME=\(dir)", "XDG_DATA_HOME=\(dir)", "XDG_STATE_HOME=\(dir)", "sh", "-c", "cd '\(dir)' && " + script + " 2>&1"], output: output)
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    @Test func runningAStreamThatNeverEndsIsAnErrorNotATrap() throws {
        let (status, out) = try shell("\(app) run - --lang en < /dev/zero")
        #expect(status == 1)
        #expect(out.contains("standard input holds more than 64.0 MiB"), "\(out.prefix(400))")
    }

    @Test func aScriptFileThatNeverEndsIsAnErrorToo() throws {
        let (status, out) = try shell("\(app) run /dev/zero --lang pt-BR")
        #expect(status == 1)
        #expect(out.contains("/dev/zero tem mais de 64,0 MiB"), "\(out.prefix(400))")
    }

    @Test func aMemoryLimitRefusesTheStatementAndTheSessionGoesOn() throws {
        let script = "let A = zeros(2048, 2048); let B = A + 1; let C = B + 1; shape A; vars"
        let (status, out) = try shell("\(app) --memory-limit 40M --keep-going --lang en -c '\(script)'")
        #expect(status == 1)
        #expect(out.contains("not enough memory for +: it needs 16.0 MiB more, and the session holds 32.0 MiB of its 40.0 MiB limit"), "\(out)")
        #expect(out.contains("A: 2048×2048"), "\(out)")
        #expect(out.contains("16.0 MiB"), "\(out)")
    }

    @Test func aMemoryLimitThatIsNotASizeIsRefused() throws {
        let (status, out) = try shell("\(app) --memory-limit lots -c 'vars' --lang en")
        #expect(status != 0)
        #expect(out.contains("--memory-limit 'lots' is not a size"), "\(out)")
    }
}
