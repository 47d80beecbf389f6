import ConvCore

/// Questions worked by hand on a small integer matrix: pooling and one convolution cell.
extension QuizGenerator {
    /// Max or average pooling of `matrix` with `f`, `s`: the cell at (`row`, `col`), counted from 1,
    /// or the whole result when `cell` is nil. Nil for an invalid matrix, window or cell.
    public static func poolResultQuestion(
        matrix: [[Double]], kind: PoolKind, f: Int, s: Int, cell: (row: Int, col: Int)?
    ) -> QuizQuestion? {
        guard isSmallMatrix(matrix), f >= 1, s >= 1, f <= matrix.count, f <= matrix[0].count else { return nil }
        let outH = (matrix.count - f) / s + 1, outW = (matrix[0].count - f) / s + 1
        if let cell { guard (1...outH).contains(cell.row), (1...outW).contains(cell.col) else { return nil } }
        func window(_ i: Int, _ j: Int) -> [Double] {
            (0..<f).flatMap { a in (0..<f).map { b in matrix[i * s + a][j * s + b] } }
        }
        func pooled(_ w: [Double], _ k: PoolKind) -> Double {
            k == .max ? (w.max() ?? 0) : w.reduce(0, +) / Double(w.count)
        }
        func step(_ i: Int, _ j: Int) -> DerivationStep {
            let w = window(i, j)
            let written = w.map(ParsedAnswer.format)
            let formula = kind == .max
                ? "max(" + written.joined(separator: ", ") + ")"
                : "(" + written.joined(separator: " + ") + ")/\(w.count)"
            return DerivationStep("out[\(i + 1),\(j + 1)]", formula, nil, ParsedAnswer.format(pooled(w, kind)))
        }
        let other: PoolKind = kind == .max ? .average : .max
        let mistake: QuizMistake = kind == .max ? .averageInsteadOfMax : .maxInsteadOfAverage
        let answer: QuizAnswer, wrong: QuizAnswer, derivation: [DerivationStep]
        if let cell {
            let w = window(cell.row - 1, cell.col - 1)
            answer = .number(pooled(w, kind))
            wrong = .number(pooled(w, other))
            derivation = [step(cell.row - 1, cell.col - 1)]
        } else {
            answer = .matrix((0..<outH).map { i in (0..<outW).map { j in pooled(window(i, j), kind) } })
            wrong = .matrix((0..<outH).map { i in (0..<outW).map { j in pooled(window(i, j), other) } })
            derivation = (0..<outH).flatMap { i in (0..<outW).map { j in step(i, j) } }
        }
        let name = kind == .max ? "Max pooling" : "Average pooling"
        let size = "\(matrix.count)×\(matrix[0].count)"
        let (askEN, askPT) = cell.map {
            ("What is the value in row \($0.row), column \($0.col) of the \(outH)×\(outW) result (rows and columns counted from 1)?",
             "Qual é o valor na linha \($0.row), coluna \($0.col) do resultado \(outH)×\(outW) (linhas e colunas contadas a partir de 1)?")
        } ?? ("What is the whole \(outH)×\(outW) result? Write it row by row, rows separated by ';' (e.g. 9 2; 6 3).",
              "Qual é o resultado \(outH)×\(outW) inteiro? Escreva linha por linha, separando as linhas com ';' (por exemplo 9 2; 6 3).")
        var params: [QuizParameter] = [
            .init("matrix", .matrix(matrix)), .init("kind", .string(kind == .max ? "max" : "avg")), .init("f", .int(f)), .init("s", .int(s)),
        ]
        if let cell { params += [.init("row", .int(cell.row)), .init("col", .int(cell.col))] }
        return QuizQuestion(
            topic: .poolResult,
            text: LocalizedText(
                "\(name) with f = \(f) and s = \(s) on this \(size) matrix:\n\(rows(matrix))\n\(askEN)",
                "\(name) com f = \(f) e s = \(s) nesta matriz \(size):\n\(rows(matrix))\n\(askPT)"),
            params: params, answer: answer, tolerance: kind == .average ? 1e-9 : 0, derivation: derivation,
            mistakes: distinct([(mistake, wrong)], right: answer))
    }

    /// One cell (counted from 1) of `matrix` cross-correlated with the square `filter`, s = 1, p = 0.
    public static func convCellQuestion(matrix: [[Double]], filter: [[Double]], row: Int, col: Int) -> QuizQuestion? {
        guard isSmallMatrix(matrix), isSmallMatrix(filter), filter.count == filter[0].count,
              filter.count <= matrix.count, filter.count <= matrix[0].count
        else { return nil }
        let f = filter.count
        let outH = matrix.count - f + 1, outW = matrix[0].count - f + 1
        guard (1...outH).contains(row), (1...outW).contains(col) else { return nil }
        let pairs = (0..<f).flatMap { a in (0..<f).map { b in (matrix[row - 1 + a][col - 1 + b], filter[a][b], filter[f - 1 - a][f - 1 - b]) } }
        let value = pairs.reduce(0) { $0 + $1.0 * $1.1 }
        let flipped = pairs.reduce(0) { $0 + $1.0 * $1.2 }
        let terms = pairs.map { factor($0.0) + "·" + factor($0.1) }.joined(separator: " + ")
        let size = "\(matrix.count)×\(matrix[0].count)"
        return QuizQuestion(
            topic: .convCell,
            text: LocalizedText(
                "Convolve this \(size) matrix with this \(f)×\(f) filter (as in the course: cross-correlation, stride 1, no padding):\n\(rows(matrix))\nfilter:\n\(rows(filter))\nWhat is the value in row \(row), column \(col) of the \(outH)×\(outW) result (counted from 1)?",
                "Faça a convolução desta matriz \(size) com este filtro \(f)×\(f) (como no curso: correlação cruzada, stride 1, sem padding):\n\(rows(matrix))\nfiltro:\n\(rows(filter))\nQual é o valor na linha \(row), coluna \(col) do resultado \(outH)×\(outW) (contando a partir de 1)?"),
            params: [.init("matrix", .matrix(matrix)), .init("filter", .matrix(filter)), .init("s", .int(1)), .init("p", .int(0)),
                     .init("row", .int(row)), .init("col", .int(col))],
            answer: .number(value),
            derivation: [DerivationStep("out[\(row),\(col)]", "Σ a·k", terms, ParsedAnswer.format(value))],
            mistakes: distinct([(.flippedKernel, .number(flipped))], right: .number(value)))
    }
}
