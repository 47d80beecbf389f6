/// Questions on a whole small network: its total parameters, and which layer holds the most.
extension QuizGenerator {
    /// `.networkParams` ("how many parameters in total?") or `.mostParams` ("which layer has the
    /// most?", answered with the layer's number as `summary` shows it: the input is layer 0).
    /// Nil if the network is invalid, or for `.mostParams` when two layers tie for the most.
    public static func networkQuestion(topic: QuizTopic, input: [Int], layers: [LayerSpec]) -> QuizQuestion? {
        guard topic == .networkParams || topic == .mostParams, !layers.isEmpty, layers.count <= 20,
              var report = try? LayerAnalyzer.input(input)
        else { return nil }
        var reports = [report]
        for spec in layers {
            guard let r = try? LayerAnalyzer.analyze(spec, after: report) else { return nil }
            reports.append(r)
            report = r
        }
        let right = reports.map(\.params)
        guard let total = total(right) else { return nil }
        var candidates: [(QuizMistake, [Int]?)] = []
        for m in [QuizMistake.inputChannelsForgotten, .biasForgotten, .oneBiasPerLayer, .poolingGivenParameters, .flattenFromWrongLayer] {
            candidates.append((m, variant(m, reports)))
        }
        let listing = (["    0: input " + dims(input)] + layers.enumerated().map { "    \($0.offset + 1): \($0.element.commandText)" })
            .joined(separator: "\n")
        var derivation = reports.dropFirst().flatMap { r in
            r.derivation.filter { $0.quantity == "params" || $0.note == .flattened(r.input?.count ?? -1) }
        }
        let params: [QuizParameter] = [.init("input", .shape(input)), .init("layers", .strings(layers.map(\.commandText)))]
        if topic == .networkParams {
            derivation.append(DerivationStep(
                "total", "Σ params[l]", right.dropFirst().map(String.init).joined(separator: " + "), String(total)))
            let mistakes = distinct(candidates.map { ($0.0, $0.1.flatMap { number(Self.total($0)) }) }, right: .number(Double(total)))
            return QuizQuestion(
                topic: .networkParams,
                text: LocalizedText(
                    "A network has these layers (the input is layer 0):\n\(listing)\nHow many parameters does it have in total?",
                    "Uma rede tem estas camadas (a entrada é a camada 0):\n\(listing)\nQuantos parâmetros ela tem no total?"),
                params: params, answer: .number(Double(total)), derivation: derivation, mistakes: mistakes)
        }
        guard let most = uniqueMaximum(right) else { return nil }
        derivation.append(DerivationStep("l", "argmaxₗ params[l]", nil, String(most)))
        let mistakes = distinct(candidates.map { ($0.0, $0.1.flatMap(uniqueMaximum).map { .number(Double($0)) }) }, right: .number(Double(most)))
        return QuizQuestion(
            topic: .mostParams,
            text: LocalizedText(
                "A network has these layers (the input is layer 0):\n\(listing)\nWhich layer has the most parameters? Answer with its number.",
                "Uma rede tem estas camadas (a entrada é a camada 0):\n\(listing)\nQual camada tem mais parâmetros? Responda com o número dela."),
            params: params, answer: .number(Double(most)), derivation: derivation, mistakes: mistakes)
    }

    /// Each layer's parameters as `mistake` counts them; nil when the mistake does not apply.
    static func variant(_ mistake: QuizMistake, _ reports: [LayerReport]) -> [Int]? {
        var changed = false
        var out: [Int] = []
        for (l, r) in reports.enumerated() {
            var p: Int? = r.params
            switch (mistake, r.spec) {
            case (.inputChannelsForgotten, .conv(let filters, let f, _, _)?):
                p = product(f, f).flatMap { sum($0, 1) }.flatMap { product($0, filters) }
            case (.biasForgotten, _?) where r.params > 0:
                p = r.params - (r.biasShape?.last ?? 0)
            case (.oneBiasPerLayer, _?) where r.params > 0:
                p = r.params - (r.biasShape?.last ?? 0) + 1
            case (.poolingGivenParameters, .pool(_, let f, _)?):
                p = product(f, f, r.output.dimensions.last ?? 1)
            case (.flattenFromWrongLayer, .fc(let units)?), (.flattenFromWrongLayer, .softmax(let units?)?):
                // The first dense layer fed by a pool, with the volume from before that pool.
                if !changed, l >= 2, case .pool? = reports[l - 1].spec, case .spatial = reports[l - 2].output {
                    p = sum(reports[l - 2].output.count, 1).flatMap { product($0, units) }
                }
            default:
                break
            }
            guard let p else { return nil }
            if p != r.params { changed = true }
            out.append(p)
        }
        return changed ? out : nil
    }

    static func total(_ xs: [Int]) -> Int? {
        var t = 0
        for x in xs {
            guard let s = sum(t, x) else { return nil }
            t = s
        }
        return t
    }

    /// The index of the largest value, or nil when it is shared.
    static func uniqueMaximum(_ xs: [Int]) -> Int? {
        guard let m = xs.max(), xs.filter({ $0 == m }).count == 1 else { return nil }
        return xs.firstIndex(of: m)
    }
}
