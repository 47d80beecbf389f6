import ConvCore

/// Makes quiz questions from a seed: the same seed, topics and weights give the same questions,
/// byte for byte, on every platform (its own `QuizRandom`, no dictionary iteration, no floating
/// point in the answers except the averages, which are exact sums divided once).
///
/// Numbers are drawn from the sizes real networks and the course's quiz use: inputs 5–300 with
/// 1 or 3 channels or feature maps of 6–256, f ∈ {1, 3, 5, 7, 11}, s ∈ {1, 2, 4}, small or 'same'
/// padding, 6–512 filters, 10–4096 units. Every question is valid (each output at least 1).
public struct QuizGenerator: Sendable {
    /// The topics drawn from, in `QuizTopic` order, with their weights.
    public let topics: [QuizTopic]
    private let topicWeights: [Double]
    private var random: QuizRandom

    /// A generator for `topics` (empty: all). A topic's weight (default 1) makes it that many times
    /// as likely as a weight-1 topic; weights that are not finite and positive count as 1 and 0.
    public init(seed: UInt64, topics: [QuizTopic] = [], weights: [QuizTopic: Double] = [:]) {
        let chosen = topics.isEmpty ? QuizTopic.allCases : QuizTopic.allCases.filter(topics.contains)
        self.topics = chosen
        var w = chosen.map { t -> Double in
            guard let v = weights[t] else { return 1 }
            return v.isFinite ? max(0, v) : 1
        }
        if !(w.reduce(0, +) > 0) { w = chosen.map { _ in 1 } }
        topicWeights = w
        random = QuizRandom(seed: seed)
    }

    /// The next question.
    public mutating func next() -> QuizQuestion {
        let topic = drawTopic()
        for _ in 0..<200 {
            if let q = make(topic) { return q }
        }
        return Self.lectureFallback(topic)
    }

    /// `count` questions from a fresh generator (at most 10,000).
    public static func questions(
        count: Int, seed: UInt64, topics: [QuizTopic] = [], weights: [QuizTopic: Double] = [:]
    ) -> [QuizQuestion] {
        var g = QuizGenerator(seed: seed, topics: topics, weights: weights)
        return (0..<min(max(0, count), 10_000)).map { _ in g.next() }
    }

    // MARK: Drawing

    private mutating func drawTopic() -> QuizTopic {
        let total = topicWeights.reduce(0, +)
        var x = random.unit() * total
        for (t, w) in zip(topics, topicWeights) {
            if x < w { return t }
            x -= w
        }
        return topics.last ?? .convParams
    }

    /// One attempt at a question of `topic`; nil when the draw was not valid (then draw again).
    private mutating func make(_ topic: QuizTopic) -> QuizQuestion? {
        switch topic {
        case .convOutput:
            let n = drawSize(), f = drawFilterSize(), s = random.pick(1, 2, 2, 4)
            let p = random.pick(0, 0, 1, 2, (f - 1) / 2)
            let uneven = random.chance(0.5)
            guard f <= n + 2 * p, ((n + 2 * p - f) % s != 0) == uneven || s == 1 else { return nil }
            return Self.convOutputQuestion(input: [n, n, drawChannels()], filters: drawFilters(), f: f, s: s, p: p)
        case .convParams:
            return Self.convParamsQuestion(
                input: [drawSize(), 0, drawChannels()].squareUp(),
                filters: drawFilters(), f: drawFilterSize(), bias: random.chance(0.7))
        case .fcParams:
            let image = random.chance(0.4)
            let n = image ? random.pick(28, 32, 64, 100, 224, 300) : random.int(in: 1...14)
            let c = image ? random.pick(1, 3, 3) : random.pick(6, 16, 32, 40, 64, 128, 256)
            return Self.fcParamsQuestion(input: [n, n, c], units: drawUnits())
        case .poolOutput:
            return Self.poolQuestion(
                topic: .poolOutput, input: [drawSize(), 0, drawChannels()].squareUp(), kind: drawPoolKind(),
                f: random.pick(2, 2, 3), s: random.pick(1, 2, 2, 3))
        case .poolParams:
            return Self.poolQuestion(
                topic: .poolParams, input: [drawSize(), 0, drawChannels()].squareUp(), kind: drawPoolKind(),
                f: random.pick(2, 2, 3), s: random.pick(1, 2, 2))
        case .activationSize:
            let input = [random.int(in: 5...64), 0, drawChannels()].squareUp()
            let spec: LayerSpec = random.chance(0.6)
                ? .conv(filters: drawFilters(), f: drawFilterSize(), s: random.pick(1, 1, 2), p: .explicit(random.pick(0, 0, 1, 2)))
                : .pool(drawPoolKind(), f: random.pick(2, 3), s: random.pick(1, 2))
            return Self.activationSizeQuestion(input: input, layer: spec)
        case .samePadding:
            return Self.samePaddingQuestion(input: [drawSize(), 0, drawChannels()].squareUp(), f: random.pick(1, 3, 3, 5, 5, 7, 11), filters: drawFilters())
        case .weightShape:
            let which = random.int(in: 0...3)
            if which < 2 {
                return Self.weightShapeQuestion(
                    conv: [drawSize(), 0, drawChannels()].squareUp(), filters: drawFilters(), f: drawFilterSize(), askBias: which == 1)
            }
            return Self.weightShapeQuestion(fcInputs: random.pick(84, 120, 400, 1960, 4096, 9216), units: drawUnits(), askBias: which == 3)
        case .networkParams, .mostParams:
            let input = drawNetworkInput(), layers = drawNetworkLayers()
            guard (3...6).contains(layers.count) else { return nil }
            return Self.networkQuestion(topic: topic, input: input, layers: layers)
        case .poolResult:
            let n = random.int(in: 4...6), f = random.pick(2, 2, 3), s = random.pick(1, 2, 2)
            guard (n - f) % s == 0 else { return nil }
            let m = (n - f) / s + 1
            let whole = m <= 3 && random.chance(0.35)
            let cell = whole ? nil : (row: random.int(in: 1...m), col: random.int(in: 1...m))
            return Self.poolResultQuestion(matrix: drawMatrix(n, values: 0...9), kind: drawPoolKind(), f: f, s: s, cell: cell)
        case .convCell:
            let n = random.int(in: 4...6), f = random.pick(2, 3, 3)
            let m = n - f + 1
            let matrix = random.chance(0.15)
                ? (0..<n).map { _ in (0..<n).map { Double($0 < n / 2 ? 10 : 0) } }
                : drawMatrix(n, values: 0...9)
            return Self.convCellQuestion(
                matrix: matrix, filter: drawMatrix(f, values: -2...2), row: random.int(in: 1...m), col: random.int(in: 1...m))
        }
    }

    private mutating func drawSize() -> Int {
        random.chance(0.7) ? random.int(in: 5...64) : random.pick(96, 100, 112, 128, 224, 227, 256, 300)
    }

    private mutating func drawFilterSize() -> Int { random.pick(1, 3, 3, 3, 5, 5, 7, 11) }

    private mutating func drawChannels() -> Int {
        random.chance(0.5) ? random.pick(1, 3, 3) : random.pick(6, 8, 10, 16, 20, 32, 40, 64, 96, 128, 256)
    }

    private mutating func drawFilters() -> Int {
        random.pick(6, 8, 10, 16, 20, 32, 40, 64, 96, 100, 128, 256, 384, 512)
    }

    private mutating func drawUnits() -> Int { random.pick(10, 10, 84, 100, 120, 128, 256, 500, 1000, 4096) }

    private mutating func drawPoolKind() -> PoolKind { random.chance(0.7) ? .max : .average }

    private mutating func drawMatrix(_ n: Int, values: ClosedRange<Int>) -> [[Double]] {
        (0..<n).map { _ in (0..<n).map { _ in Double(random.int(in: values)) } }
    }

    private mutating func drawNetworkInput() -> [Int] {
        random.pick([32, 32, 3], [28, 28, 1], [64, 64, 3], [39, 39, 3], [48, 48, 1], [96, 96, 3])
    }

    /// 3–6 layers: one or two conv blocks (each maybe followed by a 2×2 max pool), up to two fc
    /// layers, then softmax.
    private mutating func drawNetworkLayers() -> [LayerSpec] {
        var layers: [LayerSpec] = []
        for _ in 0..<random.int(in: 1...2) {
            layers.append(.conv(filters: random.pick(6, 8, 10, 16, 20, 32, 64), f: random.pick(3, 5, 5), s: random.pick(1, 1, 2), p: .explicit(random.pick(0, 0, 1))))
            if random.chance(0.6) { layers.append(.pool(random.chance(0.8) ? .max : .average, f: 2, s: 2)) }
        }
        for _ in 0..<random.int(in: 0...2) where layers.count < 5 {
            layers.append(.fc(units: random.pick(32, 64, 84, 100, 120, 128, 256)))
        }
        layers.append(.softmax(units: random.pick(10, 10, 2, 5, 100)))
        return layers
    }

    /// A fixed lecture question, for the (never seen) case where 200 draws fail.
    private static func lectureFallback(_ topic: QuizTopic) -> QuizQuestion {
        let q: QuizQuestion?
        switch topic {
        case .convOutput: q = convOutputQuestion(input: [39, 39, 3], filters: 10, f: 3, s: 1, p: 0)
        case .fcParams: q = fcParamsQuestion(input: [300, 300, 3], units: 100)
        case .poolResult: q = poolResultQuestion(matrix: [[1, 3, 2, 1], [2, 9, 1, 1], [1, 3, 2, 3], [5, 6, 1, 2]], kind: .max, f: 2, s: 2, cell: nil)
        default: q = convParamsQuestion(input: [300, 300, 3], filters: 100, f: 5, bias: true)
        }
        return q ?? QuizQuestion(
            topic: .poolParams, text: LocalizedText("How many parameters does a pooling layer have?", "Quantos parâmetros tem uma camada de pooling?"),
            params: [], answer: .number(0), derivation: [DerivationStep("params", "0", nil, "0", note: .noParameters)], mistakes: [])
    }
}

extension Array where Element == Int {
    /// `[n, _, c]` → `[n, n, c]`: square inputs, as the course's questions use.
    fileprivate func squareUp() -> [Int] {
        count == 3 ? [self[0], self[0], self[2]] : self
    }
}
