/// A known wrong way to get a quiz answer: the slide errors of LECTURE.md and the mistakes of the
/// circulating answer keys. The generator computes, for each question, the answer every
/// applicable mistake gives, so the grader can name the mistake behind a wrong answer.
public enum QuizMistake: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    /// Filters counted as f×f instead of f×f×n_c[l−1] (LeNet's 208; 2,600 instead of 7,600).
    case inputChannelsForgotten
    /// The biases left out.
    case biasForgotten
    /// One bias for the whole layer instead of one per filter or unit (LeNet's 48001).
    case oneBiasPerLayer
    /// Both at once, as in the answer key's 9,000,001 for 100 units on 300×300×3: the input
    /// flattened as n_H·n_W and a single bias (right: 27,000,100). Named as one mistake because
    /// neither alone gives that number.
    case inputChannelsForgottenAndOneBias
    /// The slide's `(n + 2p − f + 1)/s`.
    case plusOneInsideFraction
    /// The division left unfloored, or rounded up, so the answer is a fraction or one too big.
    case noFloor
    /// `n + p − f`: the padding counted on one side only.
    case paddingCountedOnce
    /// `n + 2p + f`: the filter size added instead of subtracted.
    case plusFInsteadOfMinusF
    /// Parameters given to a pooling layer (f·f, f·f·n_c, ...), which has none.
    case poolingGivenParameters
    /// A fully connected layer's inputs taken from the wrong layer's volume (e.g. before the last pool).
    case flattenFromWrongLayer
    /// The `+ 1` after the floor forgotten.
    case noPlusOne
    /// Averaged where the question asked for max pooling.
    case averageInsteadOfMax
    /// Took the maximum where the question asked for average pooling.
    case maxInsteadOfAverage
    /// The kernel flipped (true convolution) instead of the cross-correlation the course uses.
    case flippedKernel
    /// The right dimensions in the wrong order (channels first, or W transposed).
    case shapeOrder

    /// A short name for the mistake.
    public func name(in language: Language) -> String {
        switch self {
        case .inputChannelsForgotten: return language.pick("input channels forgotten", "canais de entrada esquecidos")
        case .biasForgotten: return language.pick("bias forgotten", "bias esquecido")
        case .oneBiasPerLayer: return language.pick("one bias per layer", "um único bias por camada")
        case .inputChannelsForgottenAndOneBias:
            return language.pick("input channels forgotten and one bias per layer", "canais de entrada esquecidos e um único bias por camada")
        case .plusOneInsideFraction: return language.pick("+1 inside the fraction", "+1 dentro da fração")
        case .noFloor: return language.pick("no floor", "faltou o piso")
        case .paddingCountedOnce: return language.pick("padding counted once", "padding contado uma só vez")
        case .plusFInsteadOfMinusF: return language.pick("+f instead of −f", "+f em vez de −f")
        case .poolingGivenParameters: return language.pick("pooling given parameters", "pooling com parâmetros")
        case .flattenFromWrongLayer: return language.pick("flattened the wrong layer", "achatou a camada errada")
        case .noPlusOne: return language.pick("+1 forgotten", "faltou o +1")
        case .averageInsteadOfMax: return language.pick("average instead of max", "média em vez de máximo")
        case .maxInsteadOfAverage: return language.pick("max instead of average", "máximo em vez de média")
        case .flippedKernel: return language.pick("flipped kernel", "filtro invertido")
        case .shapeOrder: return language.pick("dimensions in the wrong order", "dimensões na ordem errada")
        }
    }

    /// One sentence saying what went wrong and what is right.
    public func explanation(in language: Language) -> String {
        switch self {
        case .inputChannelsForgotten:
            return language.pick(
                "Each filter spans all the input channels: it has f·f·n_c[l−1] weights, not f·f.",
                "Cada filtro cobre todos os canais da entrada: tem f·f·n_c[l−1] pesos, não f·f.")
        case .biasForgotten:
            return language.pick(
                "Each filter (or unit) also has a bias, so add 1 per filter: (f·f·n_c[l−1] + 1)·n_c[l].",
                "Cada filtro (ou unidade) também tem um bias, então some 1 por filtro: (f·f·n_c[l−1] + 1)·n_c[l].")
        case .oneBiasPerLayer:
            return language.pick(
                "There is one bias per filter or unit, not one for the whole layer: b[l] has n_c[l] (or n[l]) values.",
                "Há um bias por filtro ou unidade, não um para a camada inteira: b[l] tem n_c[l] (ou n[l]) valores.")
        case .inputChannelsForgottenAndOneBias:
            return language.pick(
                "The flattened input has n_H·n_W·n_c values, and each unit has its own bias: (n_H·n_W·n_c + 1)·n[l].",
                "A entrada achatada tem n_H·n_W·n_c valores, e cada unidade tem seu próprio bias: (n_H·n_W·n_c + 1)·n[l].")
        case .plusOneInsideFraction:
            return language.pick(
                "The +1 goes after the floor, not inside the fraction: n[l] = ⌊(n[l−1] + 2p − f)/s⌋ + 1 (the slide's formula is wrong).",
                "O +1 vem depois do piso, não dentro da fração: n[l] = ⌊(n[l−1] + 2p − f)/s⌋ + 1 (a fórmula do slide está errada).")
        case .noFloor:
            return language.pick(
                "Round (n + 2p − f)/s down before adding 1: a window that does not fit entirely is not computed.",
                "Arredonde (n + 2p − f)/s para baixo antes de somar 1: uma janela que não cabe inteira não é calculada.")
        case .paddingCountedOnce:
            return language.pick(
                "Padding is added on both sides, so the padded size is n + 2p.",
                "O padding é acrescentado dos dois lados, então o tamanho com padding é n + 2p.")
        case .plusFInsteadOfMinusF:
            return language.pick(
                "The filter size is subtracted: the first window already covers f positions, so n[l] = ⌊(n + 2p − f)/s⌋ + 1.",
                "O tamanho do filtro é subtraído: a primeira janela já cobre f posições, então n[l] = ⌊(n + 2p − f)/s⌋ + 1.")
        case .poolingGivenParameters:
            return language.pick(
                "Pooling has hyperparameters (f, s, max or average) but nothing to learn: 0 parameters.",
                "O pooling tem hiperparâmetros (f, s, máximo ou média), mas nada a aprender: 0 parâmetros.")
        case .flattenFromWrongLayer:
            return language.pick(
                "A fully connected layer's inputs are the flattened output of the layer just before it.",
                "As entradas de uma camada totalmente conectada são a saída achatada da camada imediatamente anterior.")
        case .noPlusOne:
            return language.pick(
                "Add 1 after the floor: the first window's position counts too.",
                "Some 1 depois do piso: a posição da primeira janela também conta.")
        case .averageInsteadOfMax:
            return language.pick(
                "Max pooling keeps the largest value of each window; it does not average them.",
                "O max pooling fica com o maior valor de cada janela; não calcula a média.")
        case .maxInsteadOfAverage:
            return language.pick(
                "Average pooling takes the mean of each window, not its largest value.",
                "O average pooling calcula a média de cada janela, não o maior valor.")
        case .flippedKernel:
            return language.pick(
                "In deep learning \"convolution\" is cross-correlation: multiply the window by the filter as written, without flipping it.",
                "Em deep learning, \"convolução\" é correlação cruzada: multiplique a janela pelo filtro como está escrito, sem invertê-lo.")
        case .shapeOrder:
            return language.pick(
                "The course's order is W[l]: f×f×n_c[l−1]×n_c[l], b[l]: 1×1×1×n_c[l]; fully connected W[l]: n[l−1]×n[l], b[l]: 1×n[l].",
                "A ordem do curso é W[l]: f×f×n_c[l−1]×n_c[l], b[l]: 1×1×1×n_c[l]; totalmente conectada W[l]: n[l−1]×n[l], b[l]: 1×n[l].")
        }
    }
}
