import Testing
import CNNLabEngine

/// Every topic's answer recomputed with the lecture's formulas, written again here from the
/// question's `params` (not from the generator's code), over 200 seeds per topic.
@Suite struct QuizGeneratorTests {
    static let seeds: [UInt64] = Array(0..<200)

    private func questions(_ topic: QuizTopic) -> [QuizQuestion] {
        Self.seeds.map { seed in
            var g = QuizGenerator(seed: seed &* 0x9E37_79B9 &+ 17, topics: [topic])
            return g.next()
        }
    }

    /// The lecture's n[l] = ⌊(n[l−1] + 2p − f)/s⌋ + 1 (Swift's / floors for non-negative numbers).
    private func out(_ n: Int, f: Int, s: Int, p: Int) -> Int {
        (n + 2 * p - f) / s + 1
    }

    private func number(_ q: QuizQuestion) -> Double? {
        if case .number(let x) = q.answer { return x }
        return nil
    }

    /// Right and mistaken answers, typed back as a student would, grade as right and as that mistake.
    private func checkGrading(_ q: QuizQuestion) {
        for lang in Language.allCases {
            let right = QuizGrader.grade(q, answer: q.answer.description, language: lang)
            #expect(right.isCorrect, "\(q.topic) \(q.answer.description)")
            for (mistake, wrong) in q.mistakes {
                #expect(!AnswerParser.matches(wrong, expected: q.answer))
                let g = QuizGrader.grade(q, answer: wrong.description, language: lang)
                #expect(!g.isCorrect && g.mistake == mistake, "\(q.topic) \(mistake) \(wrong.description) in \(lang)")
            }
        }
        #expect(!q.derivation.isEmpty)
        #expect(!q.text.english.isEmpty && !q.text.portuguese.isEmpty && q.text.english != q.text.portuguese)
    }

    @Test func convOutputIsTheFloorPlusOne() throws {
        var uneven = 0
        for q in questions(.convOutput) {
            let n = try #require(q.int("n_H")), f = try #require(q.int("f")), s = try #require(q.int("s")), p = try #require(q.int("p"))
            #expect(q.int("n_W") == n && q.shape("input")?.count == 3)
            #expect(n >= 5 && n <= 300 && [1, 3, 5, 7, 11].contains(f) && [1, 2, 4].contains(s))
            #expect(n + 2 * p >= f)
            #expect(number(q) == Double(out(n, f: f, s: s, p: p)))
            #expect(q.derivation.map(\.value) == [String(out(n, f: f, s: s, p: p))])
            if (n + 2 * p - f) % s != 0 { uneven += 1 }
            checkGrading(q)
        }
        #expect(uneven >= 20, "strides that do not divide n + 2p − f are asked too")
    }

    @Test func convParamsAreFilterVolumePlusBiasTimesFilters() throws {
        var withBias = 0
        for q in questions(.convParams) {
            let f = try #require(q.int("f")), c = try #require(q.int("n_c_prev")), k = try #require(q.int("n_c"))
            let bias: Bool = try #require(q.bool("bias") as Bool?)
            #expect(number(q) == Double(bias ? (f * f * c + 1) * k : f * f * c * k))
            #expect((6...512).contains(k))
            if bias { withBias += 1 }
            checkGrading(q)
        }
        #expect(withBias > 50 && withBias < 190)
    }

    @Test func fcParamsFlattenTheVolumeFirst() throws {
        for q in questions(.fcParams) {
            let input = try #require(q.shape("input")), units = try #require(q.int("units"))
            #expect((10...4096).contains(units))
            #expect(number(q) == Double((input[0] * input[1] * input[2] + 1) * units))
            #expect(q.derivation.contains { $0.note == .flattened(input[0] * input[1] * input[2]) })
            checkGrading(q)
        }
    }

    @Test func poolOutputKeepsTheChannels() throws {
        for q in questions(.poolOutput) {
            let input = try #require(q.shape("input")), f = try #require(q.int("f")), s = try #require(q.int("s"))
            let m = (input[0] - f) / s + 1
            #expect(m >= 1)
            #expect(q.answer == .shape([m, (input[1] - f) / s + 1, input[2]]))
            checkGrading(q)
        }
    }

    @Test func poolingHasNoParameters() {
        for q in questions(.poolParams) {
            #expect(q.answer == .number(0))
            #expect(q.derivation.contains { $0.note == .noParameters })
            #expect(q.mistakes.allSatisfy { $0.0 == .poolingGivenParameters })
            checkGrading(q)
        }
    }

    @Test func activationSizeIsHeightTimesWidthTimesChannels() throws {
        var convs = 0, pools = 0
        for q in questions(.activationSize) {
            let input = try #require(q.shape("input")), f = try #require(q.int("f")), s = try #require(q.int("s"))
            let m: Int, c: Int
            if let k = q.int("n_c") {
                m = out(input[0], f: f, s: s, p: try #require(q.int("p")))
                c = k
                convs += 1
                #expect(q.string("layer")?.hasPrefix("conv ") == true)
            } else {
                m = (input[0] - f) / s + 1
                c = input[2]
                pools += 1
                #expect(q.string("layer")?.hasPrefix("pool ") == true)
            }
            #expect(m >= 1)
            #expect(number(q) == Double(m * m * c))
            checkGrading(q)
        }
        #expect(convs > 0 && pools > 0)
    }

    @Test func samePaddingKeepsTheSize() throws {
        for q in questions(.samePadding) {
            let n = try #require(q.int("n_H")), f = try #require(q.int("f"))
            let p = try #require(number(q))
            #expect(f % 2 == 1 && q.int("s") == 1)
            #expect(p == Double((f - 1) / 2))
            #expect(out(n, f: f, s: 1, p: Int(p)) == n)
            checkGrading(q)
        }
    }

    @Test func weightShapesFollowTheCoursesNotation() throws {
        var seen: Set<String> = []
        for q in questions(.weightShape) {
            let kind = try #require(q.string("kind")), asked = try #require(q.string("asked"))
            seen.insert(kind + asked)
            switch (kind, asked) {
            case ("conv", "W"):
                #expect(q.answer == .shape([try #require(q.int("f")), try #require(q.int("f")), try #require(q.int("n_c_prev")), try #require(q.int("n_c"))]))
            case ("conv", "b"):
                #expect(q.answer == .shape([1, 1, 1, try #require(q.int("n_c"))]))
            case ("fc", "W"):
                #expect(q.answer == .shape([try #require(q.shape("input")?.first), try #require(q.int("units"))]))
            default:
                #expect(q.answer == .shape([1, try #require(q.int("units"))]))
            }
            checkGrading(q)
        }
        #expect(seen == ["convW", "convb", "fcW", "fcb"])
    }

    /// Shapes and parameters of a network written as layer commands, by the lecture's formulas.
    private func layerParams(input: [Int], layers: [String]) throws -> [Int] {
        var h = input[0], w = input.count > 1 ? input[1] : 1, c = input.count > 2 ? input[2] : 1
        var flat: Int? = input.count == 1 ? input[0] : nil
        var params = [0]
        for line in layers {
            let words = line.split(separator: " ").map(String.init)
            var opt: [String: Int] = [:]
            for word in words where word.contains("=") {
                let kv = word.split(separator: "=")
                opt[String(kv[0])] = Int(kv[1])
            }
            switch words[0] {
            case "conv":
                let k = try #require(Int(words[1])), f = try #require(opt["f"]), s = opt["s"] ?? 1, p = opt["p"] ?? 0
                params.append((f * f * c + 1) * k)
                (h, w, c) = (out(h, f: f, s: s, p: p), out(w, f: f, s: s, p: p), k)
            case "pool":
                let f = try #require(opt["f"]), s = opt["s"] ?? f
                params.append(0)
                (h, w) = ((h - f) / s + 1, (w - f) / s + 1)
            case "fc", "softmax":
                let units = try #require(Int(words[1]))
                params.append(((flat ?? h * w * c) + 1) * units)
                flat = units
            default:
                Issue.record("unexpected layer \(line)")
            }
            #expect(h >= 1 && w >= 1)
        }
        return params
    }

    @Test func networkParamsAreTheSumOverLayers() throws {
        for q in questions(.networkParams) {
            let layers = try #require(q.strings("layers"))
            #expect((3...6).contains(layers.count))
            let p = try layerParams(input: try #require(q.shape("input")), layers: layers)
            #expect(number(q) == Double(p.reduce(0, +)))
            checkGrading(q)
        }
    }

    @Test func mostParamsNamesTheLayerAsSummaryNumbersIt() throws {
        // Plain local bindings: the same checks written as nested expressions inside #expect
        // crash Swift 6.3.1's optimiser (CopyPropagation) in the release build of the tests.
        var fcWins = 0
        for q in questions(.mostParams) {
            let layers = try #require(q.strings("layers"))
            let input = try #require(q.shape("input"))
            let p = try layerParams(input: input, layers: layers)
            let most = try #require(p.max())
            let index = try #require(p.firstIndex(of: most))
            let answered = number(q)
            let ties = p.filter { $0 == most }.count
            #expect(ties == 1)
            #expect(answered == Double(index))
            if index >= 1, index <= layers.count, !layers[index - 1].hasPrefix("conv") { fcWins += 1 }
            checkGrading(q)
        }
        #expect(fcWins > 100, "fully connected layers hold most parameters, as the lecture says")
    }

    @Test func poolResultRecomputedFromTheMatrix() throws {
        var whole = 0
        for q in questions(.poolResult) {
            let m = try #require(q.matrix("matrix")), f = try #require(q.int("f")), s = try #require(q.int("s"))
            let isMax = try #require(q.string("kind")) == "max"
            func cell(_ i: Int, _ j: Int) -> Double {
                var values: [Double] = []
                for a in 0..<f { for b in 0..<f { values.append(m[i * s + a][j * s + b]) } }
                return isMax ? values.max() ?? .nan : values.reduce(0, +) / Double(values.count)
            }
            let size = (m.count - f) / s + 1
            #expect(q.tolerance == (isMax ? 0 : 1e-9))
            if let r = q.int("row"), let c = q.int("col") {
                #expect(AnswerParser.matches(q.answer, expected: .number(cell(r - 1, c - 1)), tolerance: 1e-12))
            } else {
                whole += 1
                let expected = (0..<size).map { i in (0..<size).map { j in cell(i, j) } }
                #expect(AnswerParser.matches(q.answer, expected: .matrix(expected), tolerance: 1e-12))
            }
            checkGrading(q)
        }
        #expect(whole > 0)
    }

    @Test func convCellIsCrossCorrelation() throws {
        for q in questions(.convCell) {
            let m = try #require(q.matrix("matrix")), k = try #require(q.matrix("filter"))
            let r = try #require(q.int("row")) - 1, c = try #require(q.int("col")) - 1
            var sum = 0.0
            for a in 0..<k.count { for b in 0..<k.count { sum += m[r + a][c + b] * k[a][b] } }
            #expect(q.answer == .number(sum))
            #expect(q.derivation.first?.value == ParsedAnswer.number(sum).description)
            checkGrading(q)
        }
    }

    @Test func theSameSeedGivesTheSameQuiz() {
        let a = QuizGenerator.questions(count: 60, seed: 2024)
        let b = QuizGenerator.questions(count: 60, seed: 2024)
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a.map(\.answer) == b.map(\.answer))
        #expect(a.map { $0.mistakes.map(\.1) } == b.map { $0.mistakes.map(\.1) })
        let c = QuizGenerator.questions(count: 60, seed: 2025)
        #expect(a.map(\.text) != c.map(\.text))
        #expect(Set(a.map(\.topic)).count == QuizTopic.allCases.count)
    }

    /// A pinned digest of seed 7's first questions: the PRNG and the builders use only integer
    /// arithmetic and exact divisions, so this holds on every platform.
    @Test func seedSevenIsTheSameOnEveryPlatform() {
        let text = QuizGenerator.questions(count: 40, seed: 7).map { $0.text.english + $0.text.portuguese + $0.answer.description }.joined()
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        #expect(hash == Self.pinnedSeedSevenDigest, "digest \(String(hash, radix: 16))")
    }

    static let pinnedSeedSevenDigest: UInt64 = 0x3ECD_F260_EA7D_D3C0

    @Test func weightsMakeATopicMoreLikely() {
        let plain = QuizGenerator.questions(count: 600, seed: 3).filter { $0.topic == .fcParams }.count
        let weighted = QuizGenerator.questions(count: 600, seed: 3, weights: [.fcParams: 4]).filter { $0.topic == .fcParams }.count
        #expect(weighted > 2 * plain)
        let only = QuizGenerator.questions(count: 30, seed: 3, topics: [.samePadding, .poolParams])
        #expect(only.allSatisfy { $0.topic == .samePadding || $0.topic == .poolParams })
        let odd = QuizGenerator.questions(count: 30, seed: 3, weights: [.convCell: .nan, .poolParams: -1, .fcParams: .infinity])
        #expect(odd.count == 30 && !odd.contains { $0.topic == .poolParams })
    }
}
