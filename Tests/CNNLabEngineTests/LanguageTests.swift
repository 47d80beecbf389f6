import Testing
@testable import CNNLabEngine

@Suite struct LanguageTests {
    @Test func dimensionsAreOneToken() throws {
        let s = Lexer.statements(in: "input 39x39x3")
        let tokens = try #require(try? s[0].tokens.get())
        #expect(tokens.map(\.kind) == [.identifier("input"), .dimensions([39, 39, 3])])
    }

    @Test func statementsSplitOnNewlinesAndSemicolonsButNotInsideBrackets() {
        let s = Lexer.statements(in: "summary; explain 1 # comment; not a statement\nlet A = [[1,2],\n [3,4]]\n\n")
        #expect(s.count == 3)
        #expect(s.map(\.line) == [1, 1, 2])
    }

    @Test func lexicalErrorSpoilsOnlyItsStatement() {
        let s = Lexer.statements(in: "summary; let A = $; explain 1")
        #expect(s.count == 3)
        if case .failure(let d) = s[1].tokens {
            #expect(d.problem == .unexpectedCharacter("$"))
            #expect(d.range?.column == 18)
        } else {
            Issue.record("expected a lexical error")
        }
    }

    @Test func unknownCommandSuggestsTheClosest() {
        let d = diagnostic("input 8x8x1\ncnv 10 f=3")
        #expect(d?.problem == .unknownCommand("cnv", suggestion: "conv"))
        #expect(d?.range == SourceRange(line: 2, column: 1, length: 3))
        #expect(d?.hint(in: .en) == "did you mean 'conv'?")
        #expect(d?.hint(in: .ptBR) == "você quis dizer 'conv'?")
    }

    @Test func unknownOptionListsTheAllowedOnes() {
        let d = diagnostic("input 8x8x1; conv 10 k=3")
        #expect(d?.problem == .unknownOption(command: "conv", option: "k", allowed: ["f=", "s=", "p="]))
    }

    @Test func poolStrideDefaultsToF() throws {
        let st = try Parser.parse(try Lexer.statements(in: "pool avg f=3")[0].tokens.get())
        #expect(st.command == .layer(.pool(.average, f: 3, s: 3)))
    }

    @Test func trailingGarbageIsAnError() {
        #expect(diagnostic("input 8x8x1; relu now")?.problem == .expected(.endOfStatement, found: "now"))
    }

    @Test func languageDetection() {
        #expect(Language.detect(environment: ["LANG": "pt_BR.UTF-8"]) == .ptBR)
        #expect(Language.detect(environment: ["LANG": "pt_BR.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .en)
        #expect(Language.detect(environment: [:]) == .en)
        #expect(Language(flag: "pt-BR") == .ptBR)
        #expect(Language(flag: "PT_br") == .ptBR)
        #expect(Language(flag: "de") == nil)
    }

    @Test func everyProblemHasTextInBothLanguages() {
        let problems: [Problem] = [
            .unexpectedCharacter("$"), .unterminatedString, .numberTooLarge("9"), .unknownCommand("x", suggestion: nil),
            .expected(.shape, found: nil), .noInput, .emptyLiteral, .mixedLiteral, .raggedLiteral(expected: 2, got: 3),
            .fileNotFound("a.npy"), .layer(index: 1, command: "conv", reason: .overflow),
        ]
        for p in problems {
            #expect(!p.message(in: .en).isEmpty)
            #expect(p.message(in: .en) != p.message(in: .ptBR))
        }
    }
}
