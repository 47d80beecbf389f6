import Testing
import CNNLabEngine

/// Each known mistake recognised in a wrong answer, built here from the mistake's own formula,
/// with the lecture's and the circulating answer keys' numbers.
@Suite struct QuizMistakeTests {
    private func mistake(_ q: QuizQuestion?, _ answer: String, _ language: Language = .en) throws -> QuizMistake? {
        let q = try #require(q)
        let g = QuizGrader.grade(q, answer: answer, language: language)
        #expect(!g.isCorrect && !g.skipped && g.given != nil, "\(answer)")
        return g.mistake
    }

    private func isRight(_ q: QuizQuestion?, _ answer: String, _ language: Language = .en) throws -> Bool {
        QuizGrader.grade(try #require(q), answer: answer, language: language).isCorrect
    }

    @Test func hundredFiltersOf5x5OnRGBAre7600Not2600() throws {
        let q = QuizGenerator.convParamsQuestion(input: [300, 300, 3], filters: 100, f: 5, bias: true)
        #expect(try isRight(q, "7,600"))
        #expect(try isRight(q, "7.600", .ptBR))
        #expect(try isRight(q, "7600", .ptBR))
        #expect(try mistake(q, "\(5 * 5 * 100 + 100)") == .inputChannelsForgotten)  // 2,600: the answer key's
        #expect(try mistake(q, "2,600") == .inputChannelsForgotten)
        #expect(try mistake(q, "\(5 * 5 * 3 * 100)") == .biasForgotten)
        #expect(try mistake(q, "\(5 * 5 * 3 * 100 + 1)") == .oneBiasPerLayer)
        #expect(try mistake(q, "\(5 * 5 * 100 + 1)") == .inputChannelsForgottenAndOneBias)
        #expect(try mistake(q, "1234") == nil)
        let weightsOnly = QuizGenerator.convParamsQuestion(input: [300, 300, 3], filters: 100, f: 5, bias: false)
        #expect(try isRight(weightsOnly, "7500"))
        #expect(try mistake(weightsOnly, "\(5 * 5 * 100)") == .inputChannelsForgotten)
    }

    @Test func hundredUnitsOn300x300x3Are27000100Not9000001() throws {
        let q = QuizGenerator.fcParamsQuestion(input: [300, 300, 3], units: 100)
        #expect(try isRight(q, "27,000,100"))
        #expect(try isRight(q, "27.000.100", .ptBR))
        #expect(try isRight(q, "27 000 100", .ptBR))
        #expect(try mistake(q, "9,000,001") == .inputChannelsForgottenAndOneBias)
        #expect(try mistake(q, "\(300 * 300 * 3 * 100 + 1)") == .oneBiasPerLayer)
        #expect(try mistake(q, "\(300 * 300 * 3 * 100)") == .biasForgotten)
        #expect(try mistake(q, "\((300 * 300 + 1) * 100)") == .inputChannelsForgotten)
    }

    @Test func leNetTableMistakes208And416And48001() throws {
        let conv1 = QuizGenerator.convParamsQuestion(input: [32, 32, 3], filters: 8, f: 5, bias: true)
        #expect(try isRight(conv1, "608"))
        #expect(try mistake(conv1, "208") == .inputChannelsForgotten)
        let conv2 = QuizGenerator.convParamsQuestion(input: [14, 14, 8], filters: 16, f: 5, bias: true)
        #expect(try isRight(conv2, "3216"))
        #expect(try mistake(conv2, "416") == .inputChannelsForgotten)
        let fc3 = QuizGenerator.fcParamsQuestion(input: [5, 5, 16], units: 120)
        #expect(try isRight(fc3, "48120"))
        #expect(try mistake(fc3, "48001") == .oneBiasPerLayer)
        let whyConv = QuizGenerator.convParamsQuestion(input: [32, 32, 3], filters: 6, f: 5, bias: true)
        #expect(try mistake(whyConv, "\((5 * 5 + 1) * 6)") == .inputChannelsForgotten)  // the notes' 156
    }

    @Test func slidesPlusOneInsideTheFractionGives2Point5() throws {
        let q = QuizGenerator.convOutputQuestion(input: [7, 7, 3], filters: 1, f: 3, s: 2, p: 0)
        #expect(try isRight(q, "3"))
        #expect(try mistake(q, "\(Double(7 + 0 - 3 + 1) / 2)") == .plusOneInsideFraction)
        #expect(try mistake(q, "2,5", .ptBR) == .plusOneInsideFraction)
        let simple = QuizGenerator.convOutputQuestion(input: [37, 37, 10], filters: 20, f: 5, s: 2, p: 0)
        #expect(try isRight(simple, "17"))
        #expect(try mistake(simple, "16.5") == .plusOneInsideFraction)
        #expect(try mistake(simple, "\((37 - 5) / 2)") == .noPlusOne)
        #expect(try mistake(simple, "\((37 + 5) / 2 + 1)") == .plusFInsteadOfMinusF)
    }

    @Test func unflooredOrRoundedUpOutputIsNoFloor() throws {
        let q = QuizGenerator.convOutputQuestion(input: [8, 8, 1], filters: 1, f: 3, s: 2, p: 0)
        #expect(try isRight(q, "3"))
        #expect(try mistake(q, "\(Double(8 - 3) / 2 + 1)") == .noFloor)  // 3.5
        #expect(try mistake(q, "4") == .noFloor)  // rounded up
        let slide = QuizGenerator.convOutputQuestion(input: [37, 37, 1], filters: 1, f: 3, s: 3, p: 0)
        #expect(try isRight(slide, "12"))
        #expect(try mistake(slide, "12.33") == .noFloor)  // 34/3 + 1 = 12.33…, rounded by the student
        #expect(try mistake(slide, "12,33", .ptBR) == .noFloor)
    }

    @Test func paddingCountedOnceAndSamePadding() throws {
        let q = QuizGenerator.convOutputQuestion(input: [32, 32, 3], filters: 16, f: 5, s: 1, p: 2)
        #expect(try isRight(q, "32"))
        #expect(try mistake(q, "\(32 + 2 - 5 + 1)") == .paddingCountedOnce)
        #expect(try mistake(q, "\(32 + 4 + 5 + 1)") == .plusFInsteadOfMinusF)
        let same = QuizGenerator.samePaddingQuestion(input: [32, 32, 3], f: 5, filters: 16)
        #expect(try isRight(same, "2"))
        #expect(try mistake(same, "\(5 - 1)") == .paddingCountedOnce)  // n + p − f + 1 = n
        #expect(try mistake(same, "2.5") == .noPlusOne)  // n + 2p − f = n
    }

    @Test func poolingHasNothingToLearn() throws {
        let q = QuizGenerator.poolQuestion(topic: .poolParams, input: [4, 4, 10], kind: .max, f: 2, s: 2)
        #expect(try isRight(q, "0"))
        for wrong in [2 * 2, 2 * 2 * 10, 2 * 2 * 10 + 1, (2 * 2 * 10 + 1) * 10] {
            #expect(try mistake(q, "\(wrong)") == .poolingGivenParameters)
        }
        let shape = QuizGenerator.poolQuestion(topic: .poolOutput, input: [4, 4, 10], kind: .max, f: 2, s: 2)
        #expect(try isRight(shape, "2x2x10"))
        #expect(try isRight(shape, "(2, 2, 10)"))
        #expect(try mistake(shape, "1x1x10") == .noPlusOne)
    }

    @Test func maxAndAveragePoolingConfused() throws {
        let max = QuizGenerator.poolResultQuestion(
            matrix: [[1, 3, 2, 1], [2, 9, 1, 1], [1, 3, 2, 3], [5, 6, 1, 2]], kind: .max, f: 2, s: 2, cell: nil)
        #expect(try isRight(max, "9 2; 6 3"))
        #expect(try isRight(max, "[[9, 2], [6, 3]]"))
        #expect(try mistake(max, "[[3.75, 1.25], [3.75, 2]]") == .averageInsteadOfMax)
        let avg = QuizGenerator.poolResultQuestion(
            matrix: [[1, 3, 2, 1], [2, 9, 1, 1], [1, 4, 2, 3], [5, 6, 1, 2]], kind: .average, f: 2, s: 2, cell: (row: 1, col: 1))
        #expect(try isRight(avg, "3.75"))
        #expect(try isRight(avg, "3,75", .ptBR))
        #expect(try mistake(avg, "9") == .maxInsteadOfAverage)
        #expect(avg?.derivation.map(\.equation) == ["out[1,1] = (1 + 3 + 2 + 9)/4 = 3.75"])
        #expect(max?.derivation.first?.equation == "out[1,1] = max(1, 3, 2, 9) = 9")
    }

    @Test func verticalEdgeCellIs30AndTheFlippedKernelGivesMinus30() throws {
        let image: [[Double]] = Array(repeating: [10, 10, 10, 0, 0, 0], count: 6)
        let q = QuizGenerator.convCellQuestion(matrix: image, filter: [[1, 0, -1], [1, 0, -1], [1, 0, -1]], row: 1, col: 2)
        #expect(try isRight(q, "30"))
        #expect(try mistake(q, "-30") == .flippedKernel)
        #expect(q?.derivation.first?.equation.hasPrefix("out[1,2] = Σ a·k = 10·1 + 10·0 + 0·(−1) + ") == true)
        #expect(q?.derivation.first?.value == "30")
    }

    @Test func weightShapesInTheWrongOrder() throws {
        let w = QuizGenerator.weightShapeQuestion(conv: [6, 6, 3], filters: 10, f: 3, askBias: false)
        #expect(try isRight(w, "3x3x3x10"))
        #expect(try mistake(w, "10x3x3x3") == .shapeOrder)
        #expect(try mistake(w, "3x3x10") == .inputChannelsForgotten)
        let b = QuizGenerator.weightShapeQuestion(conv: [6, 6, 3], filters: 10, f: 3, askBias: true)
        #expect(try isRight(b, "(1, 1, 1, 10)"))
        #expect(try mistake(b, "10x1x1x1") == .shapeOrder)
        let fc = QuizGenerator.weightShapeQuestion(fcInputs: 400, units: 120, askBias: false)
        #expect(try isRight(fc, "400 120"))
        #expect(try isRight(fc, "400,120"))
        #expect(try mistake(fc, "120x400") == .shapeOrder)
    }

    @Test func fullyConnectedFedFromTheLayerBeforeThePool() throws {
        let layers: [LayerSpec] = [.conv(filters: 8, f: 5, s: 1, p: .explicit(0)), .pool(.max, f: 2, s: 2), .fc(units: 120), .softmax(units: 10)]
        let q = QuizGenerator.networkQuestion(topic: .networkParams, input: [32, 32, 3], layers: layers)
        let right = 608 + 0 + (14 * 14 * 8 + 1) * 120 + (120 + 1) * 10
        #expect(try isRight(q, "\(right)"))
        let wrongFlatten: Int = 608 + (28 * 28 * 8 + 1) * 120 + 1210
        let channelsForgotten: Int = 208 + (14 * 14 * 8 + 1) * 120 + 1210
        let oneBias: Int = 601 + (14 * 14 * 8 * 120 + 1) + 1201
        #expect(try mistake(q, String(wrongFlatten)) == .flattenFromWrongLayer)
        #expect(try mistake(q, String(channelsForgotten)) == .inputChannelsForgotten)
        #expect(try mistake(q, String(oneBias)) == .oneBiasPerLayer)
        #expect(try mistake(q, "\(right + 2 * 2 * 8)") == .poolingGivenParameters)
        #expect(q?.strings("layers") == ["conv 8 f=5 s=1 p=0", "pool max f=2 s=2", "fc 120", "softmax 10"])
        let most = QuizGenerator.networkQuestion(topic: .mostParams, input: [32, 32, 3], layers: layers)
        #expect(try isRight(most, "3"))
    }

    @Test func leNetTotalIs62958() throws {
        let layers: [LayerSpec] = [
            .conv(filters: 8, f: 5, s: 1, p: .explicit(0)), .pool(.max, f: 2, s: 2), .conv(filters: 16, f: 5, s: 1, p: .explicit(0)),
            .pool(.max, f: 2, s: 2), .fc(units: 120), .fc(units: 84), .softmax(units: 10),
        ]
        let q = QuizGenerator.networkQuestion(topic: .networkParams, input: [32, 32, 3], layers: layers)
        #expect(try isRight(q, "62,958"))
        #expect(q?.derivation.last?.equation == "total = Σ params[l] = 608 + 0 + 3216 + 0 + 48120 + 10164 + 850 = 62958")
        #expect(try mistake(q, "\(62958 - (608 - 208) - (3216 - 416))") == .inputChannelsForgotten)  // 208 and 416
        let most = QuizGenerator.networkQuestion(topic: .mostParams, input: [32, 32, 3], layers: layers)
        #expect(try isRight(most, "5"))  // FC3, as the lecture says: FC layers hold most parameters
    }

    @Test func blankIsSkippedAndGarbageIsUnreadable() throws {
        let q = try #require(QuizGenerator.fcParamsQuestion(input: [5, 5, 16], units: 120))
        let blank = QuizGrader.grade(q, answer: "   ", language: .en)
        #expect(blank.skipped && !blank.isCorrect && blank.given == nil && blank.problem == nil)
        let garbage = QuizGrader.grade(q, answer: "lots", language: .ptBR)
        #expect(!garbage.skipped && !garbage.isCorrect && garbage.given == nil && garbage.problem != nil)
        #expect(garbage.expected == .number(48120))
    }

    @Test func everyMistakeHasANameAndAnExplanationInBothLanguages() {
        for m in QuizMistake.allCases {
            for lang in Language.allCases {
                #expect(!m.name(in: lang).isEmpty && m.explanation(in: lang).hasSuffix("."))
            }
            #expect(m.explanation(in: .en) != m.explanation(in: .ptBR))
        }
        for t in QuizTopic.allCases {
            #expect(t.name(in: .en) != t.name(in: .ptBR))
            #expect(QuizTopic(rawValue: t.rawValue) == t)
        }
        #expect(QuizTopic.allCases.map(\.rawValue) == [
            "conv-output", "conv-params", "fc-params", "pool-output", "pool-params", "activation-size", "same-padding",
            "weight-shape", "network-params", "pool-result", "conv-cell", "most-params",
        ])
    }
}
