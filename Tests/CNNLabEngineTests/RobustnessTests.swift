import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// No input crashes the engine: random statements built from the language's own words,
/// numbers at the edges of `Int`, and stray characters all end in a result or a diagnostic.
@Suite struct RobustnessTests {
    /// Where a random `save` writes: the temporary directory, never the working directory.
    private static let savedPath = FileManager.default.temporaryDirectory
        .appendingPathComponent("cnnlab-robustness-\(getpid()).npy").path

    private static let words = [
        "input", "conv", "pool", "max", "avg", "relu", "flatten", "fc", "softmax", "summary", "explain",
        "all", "let", "show", "save", "load", "A", "B", "K", "f", "s", "p", "same", "=", ",", "(", ")",
        "[", "]", "*", "·", "+", "-", "/", ";", "\n", "#", "\"\(savedPath)\"", "\"", "0", "1", "2", "3", "-1",
        "39x39x3", "1x1", "0x5", "9223372036854775807", "9223372036854775808", "1e308", "1e39", ".5",
        "conv(", "maxpool(", "avgpool(", "conv_backward(", "zeros(", "relu(", "zero_pad(", "conv_single_step(",
        "create_mask_from_window(", "distribute_value(", "log(", "exp(", "sum(", "mean(", "cross_entropy(", "$", "ç", "×", "x",
        "[[1,2],[3,4]]", "[[1],[2,3]]", "[[[[[1]]]]]", "[]",
    ]

    @Test func randomStatementsNeverTrap() {
        defer { try? FileManager.default.removeItem(atPath: Self.savedPath) }
        var rng = SeededGenerator(seed: 20261129)
        for _ in 0..<4000 {
            let session = Session()
            _ = try? run("input 6x6x3; let A = [[1,2,3],[4,5,6],[7,8,9]]", in: session)
            var source = ""
            for _ in 0..<Int(rng.next() % 12) {
                source += Self.words[Int(rng.next() % UInt64(Self.words.count))] + (rng.next() % 3 == 0 ? "" : " ")
            }
            ScriptRunner.run(source, in: session, keepGoing: true) { _ in }
        }
    }

    @Test func hugeLiteralsAndSizesAreErrors() {
        #expect(diagnostic("show zeros(100000, 100000, 100000)") != nil)
        #expect(diagnostic("show zeros(-1)") != nil)
        #expect(diagnostic("let A = [1e39]")?.problem == .nonFiniteLiteral)
        #expect(diagnostic("let A = [[1,2],[3]]")?.problem == .raggedLiteral(expected: 2, got: 1))
        #expect(diagnostic("let A = [[1,2],3]")?.problem == .mixedLiteral)
        #expect(diagnostic("let A = [[[[[1]]]]]")?.problem == .literalTooDeep(5))
    }
}
