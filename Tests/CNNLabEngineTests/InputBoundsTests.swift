import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// Input is bounded before it is held in memory (issue 14): a statement, a script or file,
/// a `.npy` header longer than cnnlab reads is a clear error, not gigabytes of tokens.
@Suite struct InputBoundsTests {
    /// A `.npy` version 2.0 file of one float32 whose header is padded to `headerLength` bytes.
    func npy(headerLength: Int) -> [UInt8] {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }"
        header += String(repeating: " ", count: headerLength - header.utf8.count - 1) + "\n"
        let n = header.utf8.count
        return NPYFormat.magic + [2, 0, UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF), UInt8((n >> 16) & 0xFF), UInt8(n >> 24)]
            + Array(header.utf8) + [0, 0, 0x80, 0x3F]
    }

    @Test func aNPYHeaderLongerThanNumpyReadsIsRefused() {
        #expect(throws: NPYFormat.DecodeError.self) { try NPYFormat.decode(npy(headerLength: 100_032)) }
    }

    @Test func aNPYHeaderOfOrdinaryLengthIsRead() throws {
        let t = try NPYFormat.decode(npy(headerLength: 4_032))
        #expect(t.storage == [1])
    }

    @Test func aStatementLongerThanTheLimitIsAnErrorAndTheNextOneRuns() {
        let long = "show " + String(repeating: "1+", count: 600_000) + "1"
        var results: [Result<CommandResult, Diagnostic>] = []
        ScriptRunner.run(long + "\nshow 2", in: Session(), keepGoing: true) { results.append($0.result) }
        #expect(results.count == 2)
        guard case .failure(let d)? = results.first else { Issue.record("the long statement ran"); return }
        #expect(d.problem == .statementTooLong(Lexer.maxStatementLength))
        guard case .success(.shown)? = results.last else { Issue.record("the next statement did not run"); return }
    }

    @Test func aStatementJustUnderTheLimitRuns() throws {
        let source = "show sum([" + String(repeating: "1,", count: 300_000) + "1])"
        guard case .shown(let n)? = try run(source).last else { Issue.record("no result"); return }
        #expect(n.tensor.storage == [300_001])
    }

    /// `1+1+…` nests one level per `+`: freeing a tree of 100,000 levels overflowed the stack.
    @Test func aHundredThousandTermsAreAnErrorNotAStackOverflow() {
        let d = diagnostic("show " + String(repeating: "1+", count: 100_000) + "1")
        #expect(d?.problem == .tooManyOperators(10_000))
        #expect(d?.range?.column == 5 + 2 * 10_001)  // the 10,001st +
    }

    @Test func aLongStatementInsideBracketsIsCutToo() {
        let d = diagnostic("let A = [" + String(repeating: "1,\n", count: 400_000) + "1]")
        #expect(d?.problem == .statementTooLong(Lexer.maxStatementLength))
        let line = d?.range?.line ?? 0
        #expect(line > 300_000)
    }

    @Test func aNetworkFileThatNeverEndsIsRefusedAtTheScriptLimit() {
        let d = diagnostic("net load \"/dev/zero\"")
        #expect(d?.problem == .fileTooLarge("/dev/zero", limit: ScriptRunner.maxScriptBytes))
    }

    @Test func aBoundedReadStopsAtItsLimit() throws {
        #expect(throws: BoundedRead.Failure.tooLarge(limit: 1 << 20)) { try BoundedRead.all(path: "/dev/zero", limit: 1 << 20) }
        let bytes = try BoundedRead.all(path: "/dev/null", limit: 16)
        #expect(bytes.isEmpty)
        #expect(throws: BoundedRead.Failure.self) { try BoundedRead.all(path: "/nonexistent/file", limit: 16) }
    }

    @Test func aNPYFileClaimingMoreValuesThanATensorHoldsIsRefusedBeforeAllocating() {
        var header = "{'descr': '|u1', 'fortran_order': False, 'shape': (536870912,), }"
        header += String(repeating: " ", count: 127 - 10 - header.utf8.count) + "\n"
        let bytes = NPYFormat.magic + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8) + [1, 2, 3]
        #expect(throws: NPYFormat.DecodeError.self) { try NPYFormat.decode(bytes) }
    }
}
