import ConvCore

/// A convolution or pooling taken one window at a time, so a student can watch the f×f window
/// slide over the (padded) input and see each output number being computed.
///
/// Works on one 2-D map: `n_H×n_W` (or a single channel, `n_H×n_W×1`). The padded input is
/// `(n_H + 2p) × (n_W + 2p)` with zeros around; the output is
/// `⌊(n + 2p − f)/s⌋ + 1` on each axis, as in the lecture. Step `k` (row-major over the output)
/// covers the window whose top-left corner in the padded input is `(row·s, col·s)`.
/// "Convolution" is cross-correlation (no kernel flip), like `conv` and `A * K`.
public struct ConvolutionStepper: Sendable, Equatable {
    /// What a window is reduced to.
    public enum Operation: Sendable, Equatable {
        /// Σ input·kernel (+ bias): the kernel is `f×f`, row-major.
        case correlation(kernel: [Float], bias: Float?)
        /// The pooling statistic of the window.
        case pooling(PoolKind)
    }

    /// One term of a window: an input value (possibly padding) and, for convolution, its weight.
    public struct Term: Sendable, Equatable {
        /// Position in the padded input.
        public var row: Int
        public var col: Int
        /// The input value (0 for padding).
        public var value: Float
        /// Whether the cell is padding rather than input.
        public var isPadding: Bool
        /// The kernel weight it is multiplied by; nil for pooling.
        public var weight: Float?
    }

    /// Everything about one position of the window.
    public struct Step: Sendable, Equatable {
        /// 0-based step number, row-major over the output.
        public var index: Int
        /// The output cell being filled.
        public var outputRow: Int
        public var outputCol: Int
        /// The window's top-left cell in the padded input.
        public var top: Int
        public var left: Int
        /// The f·f terms, row-major.
        public var terms: [Term]
        /// For max pooling, the index in `terms` of the value chosen (the first maximum).
        public var chosen: Int?
        /// The output value: the sum (+ bias), the maximum or the average.
        public var value: Float
    }

    /// The input map, unpadded, `rows × cols`, row-major.
    public let input: [Float]
    public let inputRows: Int
    public let inputCols: Int
    /// Window size f, stride s and padding p.
    public let size: Int
    public let stride: Int
    public let padding: Int
    public let operation: Operation
    /// The output extent.
    public let outputRows: Int
    public let outputCols: Int

    /// A stepper over `input` (rank 2, or rank 3/4 holding a single map).
    /// - Throws: `rankMismatch` for several channels or examples, `invalidParameter` for f, s < 1,
    ///   p < 0, a kernel that is not f×f or a window larger than the padded input.
    public init(input: Tensor, operation: Operation, size: Int, stride: Int, padding: Int) throws(TensorError) {
        let map = try Self.singleMap(input)
        guard size >= 1 else { throw .invalidParameter(operation: "step", name: "f", value: size, reason: "f ≥ 1") }
        guard stride >= 1 else { throw .invalidParameter(operation: "step", name: "s", value: stride, reason: "s ≥ 1") }
        guard padding >= 0 else { throw .invalidParameter(operation: "step", name: "p", value: padding, reason: "p ≥ 0") }
        if case .correlation(let kernel, _) = operation, kernel.count != size * size {
            throw .rankMismatch(operation: "step", expected: "an f×f kernel", got: [kernel.count])
        }
        let paddedRows = map.rows + 2 * padding
        let paddedCols = map.cols + 2 * padding
        guard size <= min(paddedRows, paddedCols) else {
            throw .invalidParameter(
                operation: "step", name: "f", value: size,
                reason: "the window must fit in the padded input (\(paddedRows)×\(paddedCols))")
        }
        self.input = map.values
        self.inputRows = map.rows
        self.inputCols = map.cols
        self.size = size
        self.stride = stride
        self.padding = padding
        self.operation = operation
        self.outputRows = (paddedRows - size) / stride + 1
        self.outputCols = (paddedCols - size) / stride + 1
    }

    /// Rows and columns of the padded input.
    public var paddedRows: Int { inputRows + 2 * padding }
    public var paddedCols: Int { inputCols + 2 * padding }

    /// The number of window positions (= output cells).
    public var stepCount: Int { outputRows * outputCols }

    /// Whether padded cell `(row, col)` is padding.
    public func isPadding(row: Int, col: Int) -> Bool {
        row < padding || col < padding || row >= padding + inputRows || col >= padding + inputCols
    }

    /// The value of padded cell `(row, col)`: 0 for padding and outside.
    public func paddedValue(row: Int, col: Int) -> Float {
        guard !isPadding(row: row, col: col), row >= 0, col >= 0 else { return 0 }
        return input[(row - padding) * inputCols + (col - padding)]
    }

    /// Step `index`, clamped to `0..<stepCount`.
    public func step(_ index: Int) -> Step {
        let k = min(max(0, index), stepCount - 1)
        let outRow = k / outputCols
        let outCol = k % outputCols
        let top = outRow * stride
        let left = outCol * stride
        var terms: [Term] = []
        terms.reserveCapacity(size * size)
        for i in 0..<size {
            for j in 0..<size {
                var weight: Float?
                if case .correlation(let kernel, _) = operation { weight = kernel[i * size + j] }
                terms.append(Term(
                    row: top + i, col: left + j, value: paddedValue(row: top + i, col: left + j),
                    isPadding: isPadding(row: top + i, col: left + j), weight: weight))
            }
        }
        let (value, chosen) = reduce(terms)
        return Step(index: k, outputRow: outRow, outputCol: outCol, top: top, left: left, terms: terms, chosen: chosen, value: value)
    }

    /// Every output value, row-major: what `conv`/`maxpool`/`avgpool` compute.
    public var output: [Float] { (0..<stepCount).map { step($0).value } }

    /// The output as an `outputRows × outputCols` tensor.
    public func outputTensor() throws(TensorError) -> Tensor {
        try Tensor(shape: [outputRows, outputCols], storage: output)
    }

    private func reduce(_ terms: [Term]) -> (Float, Int?) {
        switch operation {
        case .correlation(_, let bias):
            let sum = terms.reduce(Float(0)) { $0 + $1.value * ($1.weight ?? 0) }
            return (sum + (bias ?? 0), nil)
        case .pooling(.max):
            // The first maximum in row-major order, as Pool2D keeps it.
            var best = 0
            for (i, t) in terms.enumerated() where t.value > terms[best].value { best = i }
            return (terms[best].value, best)
        case .pooling(.average):
            return (terms.reduce(Float(0)) { $0 + $1.value } / Float(terms.count), nil)
        }
    }

    /// The one 2-D map held by `t`, or a `rankMismatch` naming what is accepted.
    private static func singleMap(_ t: Tensor) throws(TensorError) -> (values: [Float], rows: Int, cols: Int) {
        let expected = "one map: n_H×n_W or n_H×n_W×1"
        switch t.rank {
        case 2: return (t.storage, t.shape[0], t.shape[1])
        case 3 where t.shape[2] == 1: return (t.storage, t.shape[0], t.shape[1])
        case 4 where t.shape[0] == 1 && t.shape[3] == 1: return (t.storage, t.shape[1], t.shape[2])
        default: throw .rankMismatch(operation: "step", expected: expected, got: t.shape)
        }
    }
}
