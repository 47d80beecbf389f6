import CNNLabEngine
import ConvCore
import Testing
@testable import CNNLabTerminal

/// Issue 15: pt-BR text writes decimals with a comma everywhere it shows a number that is not
/// whole (grids, stats, the stepper's equations, heatmap legends, saved-image scales, sizes),
/// and `--json` never does.
@Suite struct DecimalCommaTests {
    static let values: [Float] = [0.5, 1.25, 3, -2.5]
    static func map() throws -> Tensor { try Tensor(shape: [2, 2], storage: values) }

    /// The text of `source`'s last result in `language`, rendered as the REPL does.
    func text(_ source: String, _ language: Language) throws -> String {
        let session = Session()
        var last: CommandResult?
        ScriptRunner.run(source, in: session, keepGoing: false) { outcome in
            if case .success(let r) = outcome.result { last = r }
        }
        let result = try #require(last)
        return ResultRenderer.render(result, context: RenderContext(language: language, style: .plain, width: 100))
    }

    @Test(arguments: [
        "show [[0.5, 1.25], [3, -2.5]]", "stats [[0.5, 1.25], [3, -2.5]]", "step maxpool([[0.5, 1.25], [3, -2.5]], f=2)",
        "step avgpool([[0.5, 1.25], [3, -2.5]], f=2)", "heatmap [[0.5, 1.25], [3, -2.5]] style=numbers",
        "input 8x8x1; conv 2 f=3; forward ones(1, 8, 8, 1) / 3",
    ])
    func portugueseHasDecimalCommasWhereEnglishHasPoints(_ source: String) throws {
        let en = try text(source, .en), pt = try text(source, .ptBR)
        let decimals = /[0-9]\.[0-9]/, commas = /[0-9],[0-9]/
        #expect(en.contains(decimals), "\(en)")
        #expect(!pt.contains(decimals), "\(pt)")
        #expect(pt.contains(commas), "\(pt)")
    }

    @Test func aMaxPoolListInPortugueseIsSeparatedBySemicolons() throws {
        let pt = try text("step maxpool([[0.5, 1.25], [3, -2.5]], f=2)", .ptBR)
        #expect(pt.contains("max(0,5; 1,25; 3; −2,5) = 3"), "\(pt)")
    }

    @Test func jsonKeepsDecimalPointsInPortuguese() throws {
        let session = Session()
        session.language = .ptBR
        var json = ""
        ScriptRunner.run("stats [[0.5, 1.25], [3, -2.5]]", in: session, keepGoing: false) { outcome in
            if case .success(let r) = outcome.result { json = JSONRenderer.render(r) }
        }
        #expect(json.contains(#""min":-2.5,"max":3,"mean":0.5625"#), "\(json)")
    }
}
