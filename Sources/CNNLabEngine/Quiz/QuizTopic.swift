/// What a quiz question is about. Raw values are the command line's `--topic NAME`.
public enum QuizTopic: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable, Comparable {
    /// n_H of a conv layer's output from n, f, p, s (including strides that do not divide evenly).
    case convOutput = "conv-output"
    /// A conv layer's parameters, with or without the biases.
    case convParams = "conv-params"
    /// A fully connected layer's parameters on a volume (flattened first).
    case fcParams = "fc-params"
    /// A pooling layer's output shape.
    case poolOutput = "pool-output"
    /// A pooling layer's parameters (always 0).
    case poolParams = "pool-params"
    /// The number of activations a layer outputs for one example.
    case activationSize = "activation-size"
    /// The padding p that keeps n_H and n_W at s = 1 ('same').
    case samePadding = "same-padding"
    /// The shapes of W[l] and b[l] in the lecture's notation.
    case weightShape = "weight-shape"
    /// The total parameters of a small network.
    case networkParams = "network-params"
    /// One cell, or all, of a max or average pooling result on a small integer matrix.
    case poolResult = "pool-result"
    /// One output cell of a small convolution (cross-correlation).
    case convCell = "conv-cell"
    /// Which layer of a small network holds the most parameters (numbered as `summary` does).
    case mostParams = "most-params"

    /// The topic's name as the quiz menu and score table show it.
    public func name(in language: Language) -> String {
        switch self {
        case .convOutput: return language.pick("Conv output size", "Tamanho da saída da convolução")
        case .convParams: return language.pick("Conv layer parameters", "Parâmetros de uma camada convolucional")
        case .fcParams: return language.pick("Fully connected parameters", "Parâmetros de uma camada totalmente conectada")
        case .poolOutput: return language.pick("Pooling output shape", "Formato da saída do pooling")
        case .poolParams: return language.pick("Pooling parameters", "Parâmetros do pooling")
        case .activationSize: return language.pick("Activation size", "Tamanho das ativações")
        case .samePadding: return language.pick("'Same' padding", "Padding 'same'")
        case .weightShape: return language.pick("Shapes of W and b", "Formatos de W e b")
        case .networkParams: return language.pick("Parameters of a network", "Parâmetros de uma rede")
        case .poolResult: return language.pick("Pooling by hand", "Pooling à mão")
        case .convCell: return language.pick("Convolution by hand", "Convolução à mão")
        case .mostParams: return language.pick("Layer with the most parameters", "Camada com mais parâmetros")
        }
    }

    /// Declaration order, so sorted topics list as the lecture introduces them.
    public static func < (a: QuizTopic, b: QuizTopic) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
