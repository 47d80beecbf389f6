import CNNLabEngine
import ConvCore
import Testing

/// `summary`'s receptive field r[l] and jump j[l], checked two ways that share nothing with
/// `ReceptiveField`: the closed form r = 1 + Σ (f_k − 1)·∏_{i<k} s_i, j = ∏ s_k, and a probe that
/// runs the layers themselves and looks for which input rows reach output rows 0 and 1.
@Suite struct ReceptiveFieldTests {
    /// One spatial layer of a probe stack.
    struct Window { var pool: Bool; var f: Int; var s: Int }

    /// Seeded stacks of conv and pool layers (and ReLUs, which change nothing), each leaving
    /// at least two output rows of a 96-row input.
    static func stacks() -> [[Window]] {
        var rng = SeededGenerator(seed: 14)
        var stacks: [[Window]] = []
        while stacks.count < 12 {
            var n = 96, stack: [Window] = []
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let w = Window(pool: Bool.random(using: &rng), f: Int.random(in: 1...5, using: &rng), s: Int.random(in: 1...3, using: &rng))
                let next = (n - w.f) / w.s + 1
                guard n >= w.f, next >= 2 else { break }
                stack.append(w)
                n = next
            }
            if !stack.isEmpty { stacks.append(stack) }
        }
        return stacks
    }

    static func source(_ stack: [Window]) -> String {
        "input 96x96x1; " + stack.map { w in
            w.pool ? "pool max f=\(w.f) s=\(w.s); relu" : "conv 1 f=\(w.f) s=\(w.s) p=0"
        }.joined(separator: "; ") + "; flatten; summary"
    }

    /// The input rows among `candidates` that make output row `row` non-zero, with all-ones
    /// filters and a lit input row.
    static func rowsReaching(_ row: Int, through stack: [Window], candidates: Range<Int>) throws -> [Int] {
        try candidates.filter { lit in
            var x = try Tensor(shape: [1, 96, 96, 1], storage: (0..<96 * 96).map { $0 / 96 == lit ? 1 : 0 })
            for w in stack {
                if w.pool {
                    x = try Pool2D.forward(x, kind: .max, size: w.f, stride: w.s)
                } else {
                    let ones = try Tensor(shape: [w.f, w.f, 1, 1], repeating: 1)
                    x = try Conv2D.forward(x, weights: ones, bias: nil, stride: w.s, padding: 0)
                }
            }
            let width = x.shape[2]
            return x.storage[row * width] != 0
        }
    }

    @Test(arguments: stacks())
    func everyLayersFieldMatchesTheClosedFormAndAProbe(_ stack: [Window]) throws {
        guard case .summary(let summary)? = try run(Self.source(stack)).last else { Issue.record("no summary"); return }
        var spatial = summary.layers.filter { $0.typeName == "conv" || $0.typeName == "pool" }
        #expect(spatial.count == stack.count)
        for k in stack.indices {
            var r = 1, j = 1
            for w in stack[...k] {
                r += (w.f - 1) * j
                j *= w.s
            }
            #expect(spatial[k].receptiveField == .window(size: r, jump: j), "layer \(k + 1) of \(Self.source(stack))")
        }
        // r is the window's extent: its first and last rows reach the output (a stride longer than
        // its window can leave rows between them that do not).
        guard case .window(let r, let j) = spatial.removeLast().receptiveField else { return }
        let candidates = 0..<min(96, j + r + 2)
        let first = try Self.rowsReaching(0, through: stack, candidates: candidates)
        let second = try Self.rowsReaching(1, through: stack, candidates: candidates)
        #expect(first.first == 0 && first.last == r - 1)
        #expect(second.first == j && second.last == j + r - 1)
        // A ReLU keeps its input's field; flatten makes every unit see the whole input.
        for (a, b) in zip(summary.layers, summary.layers.dropFirst()) where b.typeName == "relu" {
            #expect(b.receptiveField == a.receptiveField)
        }
        #expect(summary.layers.last?.receptiveField == .wholeInput)
    }

    @Test func theLecturesNetworkSeesFifteenPixelsFourApart() throws {
        // 39×39×3 → f3 → f5 s2 → f5 s2: r = 1 + 2 + 4·1 + 4·2 = 15, j = 4.
        let results = try run("input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; conv 40 f=5 s=2; summary")
        guard case .summary(let s)? = results.last else { Issue.record("no summary"); return }
        #expect(s.layers.map(\.receptiveField) == [
            .window(size: 1, jump: 1), .window(size: 3, jump: 1), .window(size: 7, jump: 2), .window(size: 15, jump: 4),
        ])
        let steps = s.layers[3].derivation.filter { $0.quantity.hasPrefix("r[") || $0.quantity.hasPrefix("j[") }.map(\.equation)
        #expect(steps == ["r[3] = r[2] + (f − 1)·j[2] = 7 + (5 − 1)·2 = 15", "j[3] = j[2]·s = 2·2 = 4"])
    }

    @Test func paddingMovesTheWindowButDoesNotGrowIt() throws {
        let results = try run("input 8x8x1; conv 1 f=3 p=same; conv 1 f=3 p=5; summary")
        guard case .summary(let s)? = results.last else { Issue.record("no summary"); return }
        #expect(s.layers.last?.receptiveField == .window(size: 5, jump: 1))
    }

    @Test func stridesPastIntMaxAreTooLargeNotATrap() throws {
        // Each layer keeps one output row (p makes room) while its stride multiplies the jump.
        let layers = Array(repeating: "conv 1 f=1 s=1000000 p=0", count: 4).joined(separator: "; ")
        let results = try run("input 1x1x1; " + layers + "; summary")
        guard case .summary(let s)? = results.last else { Issue.record("no summary"); return }
        #expect(s.layers[3].receptiveField == .window(size: 1, jump: 1_000_000_000_000_000_000))
        #expect(s.layers[4].receptiveField == .tooLarge)
    }
}
