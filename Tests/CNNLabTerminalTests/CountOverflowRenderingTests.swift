import CNNLabEngine
import CNNLabTerminal
import Testing

/// Totals too large to count (issue 14) are shown as such in the summary, in JSON and in the
/// TUI's network pane: never as a wrapped negative number, never a trap.
@Suite struct CountOverflowRenderingTests {
    /// Three layers of 4·10¹⁸ parameters each: 1.2·10¹⁹ in all, past 2⁶³ − 1.
    static let hugeNetwork = "input 2000000000; fc 2000000000; fc 2000000000; fc 2000000000"

    func summary() throws -> NetworkSummary {
        let session = Session()
        var summary: NetworkSummary?
        var failure: Diagnostic?
        ScriptRunner.run(Self.hugeNetwork + "; summary", in: session, keepGoing: false) { outcome in
            switch outcome.result {
            case .success(.summary(let s)): summary = s
            case .success: break
            case .failure(let d): failure = d
            }
        }
        if let failure { throw failure }
        guard let summary else { throw Diagnostic(.emptyNetwork) }
        return summary
    }

    @Test(arguments: [Language.en, .ptBR])
    func theSummarySaysTooLargeInsteadOfANegativeTotal(_ language: Language) throws {
        let text = SummaryRenderer.render(try summary(), language: language)
        let tooLarge = NumberFormat.tooLarge(language)
        #expect(!text.contains(": -"), "\(text)")
        #expect(text.contains((language == .en ? "Total params: " : "Total de parâmetros: ") + tooLarge), "\(text)")
        #expect(text.contains("33.3%") || text.contains("33,3%"), "\(text)")
    }

    @Test func jsonGivesNullForATotalTooLargeToCount() throws {
        let json = JSONRenderer.render(.summary(try summary()))
        #expect(json.contains("\"total_params\":null"), "\(json)")
        #expect(json.contains("\"param_bytes\":null"), "\(json)")
        #expect(json.contains("\"input_bytes\":8000000000"), "\(json)")
        #expect(!json.contains(":-"), "\(json)")
    }

    @Test @MainActor func theNetworkPaneOfAHugeNetworkIsNotATrap() {
        let (screen, _) = runTUI(typed(Self.hugeNetwork))
        let text = screenText(screen)
        #expect(text.contains("too many params to count"), "\(text)")
    }
}
