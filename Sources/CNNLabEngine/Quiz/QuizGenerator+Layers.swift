import ConvCore

/// Questions on one layer: output sizes, parameters, shapes, padding. Each builder returns nil
/// when its numbers do not make a valid layer, so a front end or a lesson can ask its own.
extension QuizGenerator {
    /// "What is n_H of the output?" for a conv layer on a square input (`input` = [n, n, n_c]).
    public static func convOutputQuestion(input: [Int], filters: Int, f: Int, s: Int, p: Int) -> QuizQuestion? {
        guard input.count == 3, let (_, r) = reports(.conv(filters: filters, f: f, s: s, p: .explicit(p)), input: input),
              case .spatial(let nH, _, _) = r.output, let padded = sum(input[0], 2 * p), let nPlusP = sum(input[0], p)
        else { return nil }
        let n = input[0], num = padded - f
        let mistakes = distinct([
            (.plusOneInsideFraction, .number(Double(num + 1) / Double(s))),
            (.noFloor, .number(Double(num) / Double(s) + 1)),
            (.noFloor, num % s == 0 ? nil : .number(Double((num + s - 1) / s + 1))),
            (.noPlusOne, .number(Double(num / s))),
            (.paddingCountedOnce, p > 0 && nPlusP >= f ? .number(Double((nPlusP - f) / s + 1)) : nil),
            (.plusFInsteadOfMinusF, number(sum(padded, f).map { $0 / s + 1 })),
        ], right: .number(Double(nH)))
        let layer = "\(filters) filters \(f)×\(f), stride s = \(s), padding p = \(p)"
        let camada = "\(filters) filtros \(f)×\(f), stride s = \(s), padding p = \(p)"
        return QuizQuestion(
            topic: .convOutput,
            text: LocalizedText(
                "An input of \(dims(input)) goes through a conv layer of \(layer). What is n_H of its output? (Here n_H = n_W.)",
                "Uma entrada de \(dims(input)) passa por uma camada convolucional de \(camada). Qual é o n_H da saída? (Aqui n_H = n_W.)"),
            params: [.init("input", .shape(input)), .init("n_H", .int(n)), .init("n_W", .int(input[1])),
                     .init("n_c_prev", .int(input[2])), .init("f", .int(f)), .init("s", .int(s)), .init("p", .int(p)),
                     .init("n_c", .int(filters))],
            answer: .number(Double(nH)), derivation: steps(r, ["n_H[1]"]), mistakes: mistakes)
    }

    /// "How many parameters (or weights only) does this conv layer have?"
    public static func convParamsQuestion(input: [Int], filters: Int, f: Int, bias: Bool) -> QuizQuestion? {
        guard input.count == 3, let (_, r) = reports(.conv(filters: filters, f: f, s: 1, p: .explicit(0)), input: input),
              let weights = product(f, f, input[2], filters)
        else { return nil }
        let c = input[2]
        let answer = bias ? r.params : weights
        let mistakes: [(QuizMistake, QuizAnswer?)] = bias
            ? [(.inputChannelsForgotten, number(product(sum(f * f, 1) ?? 0, filters))),
               (.biasForgotten, number(weights)),
               (.oneBiasPerLayer, number(sum(weights, 1))),
               (.inputChannelsForgottenAndOneBias, number(product(f, f, filters).flatMap { sum($0, 1) }))]
            : [(.inputChannelsForgotten, number(product(f, f, filters)))]
        var derivation = steps(r, bias ? ["W[1]", "b[1]", "params"] : ["W[1]"])
        if !bias {
            derivation.append(DerivationStep("weights", "f·f·n_c[0]·n_c[1]", "\(f)·\(f)·\(c)·\(filters)", String(weights)))
        }
        let en = "A conv layer has \(filters) filters of size \(f)×\(f) and its input is \(dims(input)). "
            + (bias ? "How many parameters does it have, counting the biases?" : "How many weights does it have, not counting the biases?")
        let pt = "Uma camada convolucional tem \(filters) filtros de tamanho \(f)×\(f) e sua entrada é \(dims(input)). "
            + (bias ? "Quantos parâmetros ela tem, contando os bias?" : "Quantos pesos ela tem, sem contar os bias?")
        return QuizQuestion(
            topic: .convParams, text: LocalizedText(en, pt),
            params: [.init("input", .shape(input)), .init("n_H", .int(input[0])), .init("n_W", .int(input[1])),
                     .init("n_c_prev", .int(c)), .init("f", .int(f)), .init("n_c", .int(filters)), .init("bias", .bool(bias))],
            answer: .number(Double(answer)), derivation: derivation, mistakes: distinct(mistakes, right: .number(Double(answer))))
    }

    /// "How many parameters does a fully connected layer of `units` have on this volume?"
    public static func fcParamsQuestion(input: [Int], units: Int) -> QuizQuestion? {
        guard input.count == 3, let (_, r) = reports(.fc(units: units), input: input),
              let hw = product(input[0], input[1]), let weights = product(hw, input[2], units)
        else { return nil }
        let mistakes = distinct([
            (.inputChannelsForgotten, number(sum(hw, 1).flatMap { product($0, units) })),
            (.biasForgotten, number(weights)),
            (.oneBiasPerLayer, number(sum(weights, 1))),
            (.inputChannelsForgottenAndOneBias, number(product(hw, units).flatMap { sum($0, 1) })),
        ], right: .number(Double(r.params)))
        return QuizQuestion(
            topic: .fcParams,
            text: LocalizedText(
                "A fully connected layer of \(units) units takes the \(dims(input)) volume as its input. How many parameters does it have?",
                "Uma camada totalmente conectada de \(units) unidades recebe como entrada o volume \(dims(input)). Quantos parâmetros ela tem?"),
            params: [.init("input", .shape(input)), .init("n_H", .int(input[0])), .init("n_W", .int(input[1])),
                     .init("n_c_prev", .int(input[2])), .init("units", .int(units))],
            answer: .number(Double(r.params)), derivation: steps(r, ["n[0]", "W[1]", "b[1]", "params"]), mistakes: mistakes)
    }

    /// A pooling layer's output shape (`.poolOutput`) or parameter count (`.poolParams`).
    public static func poolQuestion(topic: QuizTopic, input: [Int], kind: PoolKind, f: Int, s: Int) -> QuizQuestion? {
        guard topic == .poolOutput || topic == .poolParams, input.count == 3,
              let (_, r) = reports(.pool(kind, f: f, s: s), input: input), case .spatial(let nH, let nW, let c) = r.output
        else { return nil }
        let n = input[0], num = n - f
        let name = kind == .max ? "max pooling" : "average pooling"
        let article = kind == .max ? "a" : "an"
        let params: [QuizParameter] = [
            .init("input", .shape(input)), .init("n_H", .int(n)), .init("n_W", .int(input[1])), .init("n_c_prev", .int(c)),
            .init("kind", .string(kind == .max ? "max" : "avg")), .init("f", .int(f)), .init("s", .int(s)),
        ]
        guard topic == .poolOutput else {
            guard let ff = product(f, f) else { return nil }
            let mistakes = distinct([
                (.poolingGivenParameters, number(ff)),
                (.poolingGivenParameters, number(product(ff, c))),
                (.poolingGivenParameters, number(product(ff, c).flatMap { sum($0, 1) })),
                (.poolingGivenParameters, number(product(ff, c).flatMap { sum($0, 1) }.flatMap { product($0, c) })),
            ], right: .number(0))
            return QuizQuestion(
                topic: .poolParams,
                text: LocalizedText(
                    "How many parameters does \(article) \(name) layer with f = \(f) and s = \(s) have on a \(dims(input)) input?",
                    "Quantos parâmetros tem uma camada de \(name) com f = \(f) e s = \(s) sobre uma entrada \(dims(input))?"),
                params: params, answer: .number(0), derivation: steps(r, ["params"]), mistakes: mistakes)
        }
        let right = QuizAnswer.shape([nH, nW, c])
        func square(_ m: Int?) -> QuizAnswer? {
            guard let m, m >= 1 else { return nil }
            return .shape([m, m, c])
        }
        let mistakes = distinct([
            (.noPlusOne, square(num / s)),
            (.noFloor, num % s == 0 ? nil : square((num + s - 1) / s + 1)),
            (.plusOneInsideFraction, (num + 1) % s == 0 ? square((num + 1) / s) : nil),
            (.plusFInsteadOfMinusF, square(sum(n, f).map { $0 / s + 1 })),
        ], right: right)
        return QuizQuestion(
            topic: .poolOutput,
            text: LocalizedText(
                "\(kind == .max ? "A" : "An") \(name) layer with f = \(f) and s = \(s) is applied to a \(dims(input)) volume. What is the shape of its output (n_H×n_W×n_c)?",
                "Uma camada de \(name) com f = \(f) e s = \(s) é aplicada a um volume \(dims(input)). Qual é o formato da saída (n_H×n_W×n_c)?"),
            params: params, answer: right, derivation: steps(r, ["n_H[1]", "n_W[1]", "n_c[1]"]), mistakes: mistakes)
    }

    /// "How many activations does a[1] hold for one example?" after a conv or pool layer on a square input.
    public static func activationSizeQuestion(input: [Int], layer: LayerSpec) -> QuizQuestion? {
        guard input.count == 3, let (_, r) = reports(layer, input: input), case .spatial(_, _, let cOut) = r.output else { return nil }
        let n = input[0]
        var params: [QuizParameter] = [
            .init("input", .shape(input)), .init("n_H", .int(n)), .init("n_W", .int(input[1])), .init("n_c_prev", .int(input[2])),
            .init("layer", .string(layer.commandText)),
        ]
        let f: Int, s: Int, p: Int
        switch layer {
        case .conv(let filters, let ff, let ss, .explicit(let pp)):
            (f, s, p) = (ff, ss, pp)
            params += [.init("f", .int(f)), .init("s", .int(s)), .init("p", .int(p)), .init("n_c", .int(filters))]
        case .pool(let kind, let ff, let ss):
            (f, s, p) = (ff, ss, 0)
            params += [.init("kind", .string(kind == .max ? "max" : "avg")), .init("f", .int(f)), .init("s", .int(s))]
        default:
            return nil
        }
        guard let padded = sum(n, 2 * p), let nPlusP = sum(n, p) else { return nil }
        let num = padded - f
        func size(_ m: Int?) -> QuizAnswer? {
            guard let m, m >= 1 else { return nil }
            return number(product(m, m, cOut))
        }
        let mistakes = distinct([
            (.noPlusOne, size(num / s)),
            (.plusOneInsideFraction, (num + 1) % s == 0 ? size((num + 1) / s) : nil),
            (.paddingCountedOnce, p > 0 && nPlusP >= f ? size((nPlusP - f) / s + 1) : nil),
            (.noFloor, num % s == 0 ? nil : size((num + s - 1) / s + 1)),
        ], right: .number(Double(r.activations)))
        return QuizQuestion(
            topic: .activationSize,
            text: LocalizedText(
                "An input of \(dims(input)) goes through the layer `\(layer.commandText)`. How many activations does its output a[1] have for one example?",
                "Uma entrada de \(dims(input)) passa pela camada `\(layer.commandText)`. Quantas ativações tem a saída a[1] para um exemplo?"),
            params: params, answer: .number(Double(r.activations)),
            derivation: steps(r, ["n_H[1]", "n_W[1]", "n_c[1]", "activations"]), mistakes: mistakes)
    }

    /// "What padding keeps the size at s = 1?" for an odd filter size `f`.
    public static func samePaddingQuestion(input: [Int], f: Int, filters: Int) -> QuizQuestion? {
        guard input.count == 3, let (_, r) = reports(.conv(filters: filters, f: f, s: 1, p: .same), input: input) else { return nil }
        let p = (f - 1) / 2
        let mistakes = distinct([
            (.paddingCountedOnce, .number(Double(f - 1))),
            (.noPlusOne, .number(Double(f) / 2)),
        ], right: .number(Double(p)))
        let n = input[0]
        return QuizQuestion(
            topic: .samePadding,
            text: LocalizedText(
                "A conv layer with \(filters) filters of size \(f)×\(f) and stride s = 1 is applied to a \(dims(input)) input. What padding p keeps its output \(n)×\(input[1]) (a 'same' convolution)?",
                "Uma camada convolucional com \(filters) filtros \(f)×\(f) e stride s = 1 é aplicada a uma entrada \(dims(input)). Qual padding p mantém a saída \(n)×\(input[1]) (uma convolução 'same')?"),
            params: [.init("input", .shape(input)), .init("n_H", .int(n)), .init("n_W", .int(input[1])),
                     .init("n_c_prev", .int(input[2])), .init("f", .int(f)), .init("s", .int(1)), .init("n_c", .int(filters))],
            answer: .number(Double(p)), derivation: steps(r, ["p", "n_H[1]"]), mistakes: mistakes)
    }

    /// "What is the shape of W[1] (or b[1])?" for a conv layer.
    public static func weightShapeQuestion(conv input: [Int], filters: Int, f: Int, askBias: Bool) -> QuizQuestion? {
        guard input.count == 3, let (_, r) = reports(.conv(filters: filters, f: f, s: 1, p: .explicit(0)), input: input),
              let right = askBias ? r.biasShape : r.weightShape
        else { return nil }
        let c = input[2]
        let mistakes: [(QuizMistake, QuizAnswer?)] = askBias
            ? [(.shapeOrder, .shape([filters, 1, 1, 1])), (.oneBiasPerLayer, .shape([1, 1, 1, 1]))]
            : [(.shapeOrder, .shape([filters, c, f, f])), (.shapeOrder, .shape([filters, f, f, c])),
               (.inputChannelsForgotten, .shape([f, f, filters]))]
        let what = askBias ? "b[1]" : "W[1]"
        return QuizQuestion(
            topic: .weightShape,
            text: LocalizedText(
                "Layer 1 is a conv layer with \(filters) filters of size \(f)×\(f) on a \(dims(input)) input a[0]. What is the shape of \(what) in the course's notation?",
                "A camada 1 é convolucional, com \(filters) filtros \(f)×\(f) sobre uma entrada a[0] de \(dims(input)). Qual é o formato de \(what) na notação do curso?"),
            params: [.init("kind", .string("conv")), .init("asked", .string(askBias ? "b" : "W")), .init("input", .shape(input)),
                     .init("n_H", .int(input[0])), .init("n_W", .int(input[1])), .init("n_c_prev", .int(c)),
                     .init("f", .int(f)), .init("n_c", .int(filters))],
            answer: .shape(right), derivation: steps(r, [what]), mistakes: distinct(mistakes, right: .shape(right)))
    }

    /// "What is the shape of W[1] (or b[1])?" for a fully connected layer on a vector of `fcInputs`.
    public static func weightShapeQuestion(fcInputs nIn: Int, units: Int, askBias: Bool) -> QuizQuestion? {
        guard let (_, r) = reports(.fc(units: units), input: [nIn]), let right = askBias ? r.biasShape : r.weightShape else { return nil }
        let mistakes: [(QuizMistake, QuizAnswer?)] = askBias
            ? [(.shapeOrder, .shape([units, 1]))]
            : [(.shapeOrder, .shape([units, nIn]))]
        let what = askBias ? "b[1]" : "W[1]"
        return QuizQuestion(
            topic: .weightShape,
            text: LocalizedText(
                "Layer 1 is a fully connected layer of \(units) units on a vector a[0] of \(nIn) activations. What is the shape of \(what) in the course's notation?",
                "A camada 1 é totalmente conectada, com \(units) unidades sobre um vetor a[0] de \(nIn) ativações. Qual é o formato de \(what) na notação do curso?"),
            params: [.init("kind", .string("fc")), .init("asked", .string(askBias ? "b" : "W")), .init("input", .shape([nIn])),
                     .init("units", .int(units))],
            answer: .shape(right), derivation: steps(r, [what]), mistakes: distinct(mistakes, right: .shape(right)))
    }
}
