import Testing
import CNNLabEngine

/// Every answer form a student may type, in both languages, and garbage refused without a trap.
@Suite struct AnswerParserTests {
    private func read(_ text: String, _ language: Language = .en, expecting kind: ParsedAnswer.Kind? = nil) -> ParsedAnswer? {
        AnswerParser.answer(text, language: language, expecting: kind)
    }

    @Test func plainNumbersReadTheSameInBothLanguages() {
        for lang in Language.allCases {
            #expect(read("280", lang) == .number(280))
            #expect(read("  280 ", lang) == .number(280))
            #expect(read("-0.5", lang) == .number(-0.5))
            #expect(read("−0,5", lang) == .number(-0.5))
            #expect(read("3.75", lang) == .number(3.75))
            #expect(read("3,75", lang) == .number(3.75))
            #expect(read("+12", lang) == .number(12))
            #expect(read("(280)", lang) == .number(280))
            #expect(read("[280]", lang) == .number(280))
        }
    }

    @Test func repeatedSeparatorsGroupThousandsInBothLanguages() {
        for lang in Language.allCases {
            #expect(read("27,000,100", lang) == .number(27_000_100))
            #expect(read("27.000.100", lang) == .number(27_000_100))
            #expect(read("27 000 100", lang) == .number(27_000_100))
            #expect(read("27\u{00A0}000\u{00A0}100", lang) == .number(27_000_100))
            #expect(read("9,000,001", lang) == .number(9_000_001))
        }
        #expect(read("1,234.5", .en) == .number(1234.5))
        #expect(read("1.234,5", .ptBR) == .number(1234.5))
        #expect(read("1.234,5", .en) == .number(1234.5))
        #expect(read("27 000 100,5", .ptBR) == .number(27_000_100.5))
    }

    @Test func aCommaBeforeThreeDigitsDependsOnTheLanguage() {
        #expect(read("1,960", .en) == .number(1960))
        #expect(read("1,960", .ptBR) == .number(1.96))
        #expect(read("1.960", .en) == .number(1.96))
        #expect(read("1.960", .ptBR) == .number(1960))
        #expect(read("7,600", .en) == .number(7600))
        #expect(read("7.600", .ptBR) == .number(7600))
        // Not a thousands group: a leading zero or more than 3 digits before.
        #expect(read("0,500", .en) == .number(0.5))
        #expect(read("1234,567", .en) == .number(1234.567))
    }

    @Test func shapesInEveryNotation() {
        for lang in Language.allCases {
            for text in ["4x4x10", "4X4X10", "4×4×10", "4 x 4 x 10", "4*4*10", "4 4 10", "(4, 4, 10)", "[4, 4, 10]", "4,4,10", "(4,4,10)", "4, 4, 10"] {
                #expect(read(text, lang) == .shape([4, 4, 10]), "\(text) in \(lang)")
            }
            #expect(read("(1, 1, 1, 8)", lang) == .shape([1, 1, 1, 8]))
            #expect(read("5x5x3x100", lang) == .shape([5, 5, 3, 100]))
            #expect(read("(280,)", lang) == .shape([280]))
        }
    }

    @Test func ambiguousTextFollowsTheExpectedKind() {
        // 400 120 is 400120 or the fc weight shape 400×120: the question's kind decides.
        #expect(read("400 120") == .number(400_120))
        #expect(read("400 120", expecting: .shape) == .shape([400, 120]))
        #expect(read("400,120", .en, expecting: .shape) == .shape([400, 120]))
        #expect(read("400,120", .en, expecting: .number) == .number(400_120))
        #expect(read("400,120", .ptBR, expecting: .number) == .number(400.12))
        #expect(read("[400, 120]", expecting: .number) == .shape([400, 120]))
        #expect(read("(400,120)") == .shape([400, 120]))
        #expect(read("27,000,100", expecting: .shape) == .number(27_000_100))
    }

    @Test func matricesRowByRow() {
        #expect(read("[[9, 2], [6, 3]]", .en) == .matrix([[9, 2], [6, 3]]))
        #expect(read("[[9,2],[6,3]]", .en) == .matrix([[9, 2], [6, 3]]))
        #expect(read("9 2; 6 3", .ptBR) == .matrix([[9, 2], [6, 3]]))
        #expect(read("[[3.75, 1.25], [4, 2]]", .en) == .matrix([[3.75, 1.25], [4, 2]]))
        #expect(read("3,75 1,25; 4 2", .ptBR) == .matrix([[3.75, 1.25], [4, 2]]))
        #expect(read("[[3,75, 1,25], [4, 2]]", .ptBR) == .matrix([[3.75, 1.25], [4, 2]]))
        #expect(read("[[280]]", .en) == .matrix([[280]]))
        #expect(read("9 9 5; 9 9 5; 8 6 9;", .en) == .matrix([[9, 9, 5], [9, 9, 5], [8, 6, 9]]))
    }

    @Test func garbageIsRefusedWithAReasonAndAPlace() {
        let cases: [(String, AnswerParseError.Reason?)] = [
            ("", .empty), ("   ", .empty), ("abc", .unexpectedCharacter("a")), ("12a", .unexpectedCharacter("a")),
            ("3,,5", nil), ("1.2.3,4", nil), ("--5", nil), ("4x0x10", .notADimension("0")),
            ("4x2.5", .notADimension("2.5")), ("(4, 4", .unbalancedBrackets), ("4, 4)", .unbalancedBrackets),
            ("[[1, 2], [3]]", .raggedMatrix), ("x", nil), ("4x", nil), ("3,", nil), (",", nil), ("()", .empty),
            ("(1))", .unbalancedBrackets), ("1e6", .unexpectedCharacter("e")), ("½", .unexpectedCharacter("½")),
            ("99999999999999999999999x2", nil), (String(repeating: "9", count: 500), .tooLong),
            ("4 4.5 10", nil), ("[1, 2.5]", .notADimension("2.5")), ("1 000 00", nil), ("- 5", nil),
        ]
        for lang in Language.allCases {
            for (text, reason) in cases {
                switch AnswerParser.parse(text, language: lang) {
                case .success(let a):
                    Issue.record("\(text.debugDescription) read as \(a)")
                case .failure(let e):
                    if let reason { #expect(e.reason == reason, "\(text.debugDescription)") }
                    #expect(e.offset >= 0 && e.offset <= max(text.count, 1))
                    #expect(!e.text(in: lang).isEmpty)
                }
            }
        }
        if case .failure(let e) = AnswerParser.parse("12 a", language: .en) { #expect(e.offset == 3) }
    }

    @Test func aNumberMatchesAOneDimensionalShape() {
        #expect(AnswerParser.matches(.number(1960), expected: .shape([1960])))
        #expect(AnswerParser.matches(.shape([1960]), expected: .number(1960)))
        #expect(!AnswerParser.matches(.number(160), expected: .shape([4, 4, 10])))
        #expect(!AnswerParser.matches(.shape([10, 4, 4]), expected: .shape([4, 4, 10])))
        #expect(!AnswerParser.matches(.shape([8]), expected: .shape([1, 1, 1, 8])))
        #expect(AnswerParser.matches(.number(3.75 + 1e-12), expected: .number(3.75), tolerance: 1e-9))
        #expect(!AnswerParser.matches(.number(3.75 + 1e-12), expected: .number(3.75)))
        #expect(AnswerParser.matches(.matrix([[9, 2], [6, 3]]), expected: .matrix([[9, 2], [6, 3]])))
        #expect(!AnswerParser.matches(.matrix([[9, 2]]), expected: .matrix([[9, 2], [6, 3]])))
    }

    @Test func randomTextNeverTraps() {
        let alphabet = Array("0123456789,. x×()[];-+−\u{00A0}a")
        var state: UInt64 = 12345
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 59)
            var text = ""
            for k in 0..<length {
                let r = (state >> UInt64(k % 50)) ^ (state >> 13)
                text.append(alphabet[Int(r % UInt64(alphabet.count))])
                state = state &* 6364136223846793005 &+ 1
            }
            for lang in Language.allCases { _ = AnswerParser.parse(text, language: lang) }
        }
    }
}
