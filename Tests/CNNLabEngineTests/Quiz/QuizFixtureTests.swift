import Foundation
import Testing
import CNNLabEngine
import ConvCore

/// Pooling and convolution cells against numpy (scripts/fixtures/make_quiz_fixtures.py):
/// the lecture's matrices and a few others, every cell, plus the flipped-kernel mistake.
@Suite struct QuizFixtureTests {
    struct Fixture: Decodable {
        struct Pool: Decodable { var matrix: String; var f: Int; var s: Int; var max: [[Double]]; var avg: [[Double]] }
        struct Conv: Decodable { var matrix: String; var filter: String; var result: [[Double]]; var flipped: [[Double]] }
        var matrices: [String: [[Double]]]
        var filters: [String: [[Double]]]
        var pools: [Pool]
        var convs: [Conv]
    }

    let fixture: Fixture

    init() throws {
        fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: fixturePath("quiz.json"))))
    }

    @Test func poolResultsMatchNumpy() throws {
        #expect(fixture.pools.count == 8)
        for c in fixture.pools {
            let m = try #require(fixture.matrices[c.matrix])
            for (kind, expected) in [(PoolKind.max, c.max), (.average, c.avg)] {
                let whole = try #require(QuizGenerator.poolResultQuestion(matrix: m, kind: kind, f: c.f, s: c.s, cell: nil))
                #expect(AnswerParser.matches(whole.answer, expected: .matrix(expected), tolerance: 1e-9), "\(c.matrix) \(kind)")
                for (i, row) in expected.enumerated() {
                    for (j, v) in row.enumerated() {
                        let q = try #require(QuizGenerator.poolResultQuestion(matrix: m, kind: kind, f: c.f, s: c.s, cell: (row: i + 1, col: j + 1)))
                        #expect(AnswerParser.matches(q.answer, expected: .number(v), tolerance: 1e-9))
                        let other = kind == .max ? c.avg[i][j] : c.max[i][j]
                        if Swift.abs(other - v) > 1e-9 {
                            let g = QuizGrader.grade(q, answer: ParsedAnswer.number(other).description, language: .en)
                            #expect(g.mistake == (kind == .max ? .averageInsteadOfMax : .maxInsteadOfAverage))
                        }
                    }
                }
            }
        }
    }

    @Test func convolutionCellsMatchNumpy() throws {
        for c in fixture.convs {
            let m = try #require(fixture.matrices[c.matrix]), k = try #require(fixture.filters[c.filter])
            for (i, row) in c.result.enumerated() {
                for (j, v) in row.enumerated() {
                    let q = try #require(QuizGenerator.convCellQuestion(matrix: m, filter: k, row: i + 1, col: j + 1))
                    #expect(q.answer == .number(v), "\(c.matrix) * \(c.filter) at \(i + 1),\(j + 1)")
                    let flipped = c.flipped[i][j]
                    if flipped != v {
                        #expect(QuizGrader.grade(q, answer: ParsedAnswer.number(flipped).description, language: .ptBR).mistake == .flippedKernel)
                    }
                }
            }
        }
    }

    @Test func invalidByHandQuestionsAreRefused() {
        #expect(QuizGenerator.poolResultQuestion(matrix: [], kind: .max, f: 2, s: 2, cell: nil) == nil)
        #expect(QuizGenerator.poolResultQuestion(matrix: [[1, 2], [3]], kind: .max, f: 1, s: 1, cell: nil) == nil)
        #expect(QuizGenerator.poolResultQuestion(matrix: [[1, 2], [3, 4]], kind: .max, f: 3, s: 1, cell: nil) == nil)
        #expect(QuizGenerator.poolResultQuestion(matrix: [[1, 2], [3, 4]], kind: .max, f: 2, s: 0, cell: nil) == nil)
        #expect(QuizGenerator.poolResultQuestion(matrix: [[1, 2], [3, 4]], kind: .max, f: 2, s: 2, cell: (row: 2, col: 1)) == nil)
        #expect(QuizGenerator.convCellQuestion(matrix: [[1, 2], [3, 4]], filter: [[1, 2, 3]], row: 1, col: 1) == nil)
        #expect(QuizGenerator.convCellQuestion(matrix: [[1, 2], [3, 4]], filter: [[1]], row: 0, col: 1) == nil)
        #expect(QuizGenerator.convCellQuestion(matrix: [[.nan, 2], [3, 4]], filter: [[1]], row: 1, col: 1) == nil)
        #expect(QuizGenerator.convParamsQuestion(input: [Int.max, Int.max, 3], filters: Int.max, f: 5, bias: true) == nil)
        #expect(QuizGenerator.fcParamsQuestion(input: [1 << 40, 1 << 40, 3], units: 100) == nil)
        #expect(QuizGenerator.convOutputQuestion(input: [5, 5, 3], filters: 1, f: 7, s: 1, p: 0) == nil)
        _ = QuizGenerator.poolQuestion(topic: .poolParams, input: [1 << 62, 1, 1], kind: .max, f: 1 << 40, s: 1)  // no trap
        #expect(QuizGenerator.networkQuestion(topic: .convCell, input: [32, 32, 3], layers: [.fc(units: 10)]) == nil)
    }
}
