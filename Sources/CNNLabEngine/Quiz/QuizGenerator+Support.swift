/// Shared pieces of the question builders: layer reports, checked arithmetic, mistake lists, text.
extension QuizGenerator {
    /// The input report and the report of `spec` as layer 1 on `input`, or nil if the layer is invalid.
    static func reports(_ spec: LayerSpec, input: [Int]) -> (input: LayerReport, layer: LayerReport)? {
        guard (1...3).contains(input.count), input.allSatisfy({ $0 >= 1 }),
              let r0 = try? LayerAnalyzer.input(input),
              let r1 = try? LayerAnalyzer.analyze(spec, after: r0)
        else { return nil }
        return (r0, r1)
    }

    /// The steps of `report` whose quantity is one of `quantities`, in the report's order.
    static func steps(_ report: LayerReport, _ quantities: [String]) -> [DerivationStep] {
        report.derivation.filter { quantities.contains($0.quantity) }
    }

    /// The product, or nil on overflow.
    static func product(_ xs: Int...) -> Int? {
        CheckedCount.product(xs)
    }

    /// The sum, or nil on overflow.
    static func sum(_ xs: Int...) -> Int? {
        CheckedCount.sum(xs)
    }

    /// The candidates that exist, differ from the right answer and from those before them.
    static func distinct(_ candidates: [(QuizMistake, QuizAnswer?)], right: QuizAnswer) -> [(QuizMistake, QuizAnswer)] {
        var kept: [(QuizMistake, QuizAnswer)] = []
        for case let (m, a?) in candidates {
            guard !AnswerParser.matches(a, expected: right), !kept.contains(where: { AnswerParser.matches(a, expected: $0.1) }) else { continue }
            kept.append((m, a))
        }
        return kept
    }

    /// `.number` of an optional integer.
    static func number(_ x: Int?) -> QuizAnswer? {
        x.map { .number(Double($0)) }
    }

    /// `300×300×3`.
    static func dims(_ d: [Int]) -> String {
        d.map(String.init).joined(separator: "×")
    }

    /// A matrix as text, one indented row per line, columns right-aligned.
    static func rows(_ m: [[Double]]) -> String {
        let cells = m.map { $0.map(ParsedAnswer.format) }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 1
        return cells.map { row in
            "    " + row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// A factor in a written sum of products: `3`, or `(−1)` for a negative.
    static func factor(_ x: Double) -> String {
        x < 0 ? "(−" + ParsedAnswer.format(-x) + ")" : ParsedAnswer.format(x)
    }

    /// Whether `m` is a non-empty rectangle of finite values no bigger than 16×16.
    static func isSmallMatrix(_ m: [[Double]]) -> Bool {
        guard let first = m.first, !first.isEmpty, m.count <= 16, first.count <= 16 else { return false }
        return m.allSatisfy { $0.count == first.count && $0.allSatisfy(\.isFinite) }
    }
}
