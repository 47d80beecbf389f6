import ConvCore

/// `step EXPR`: a convolution or pooling expression turned into a window-by-window stepper.
///
/// Accepts `A * K` (stride 1, no padding), `conv(A, W, b, s=…, p=…)`, `maxpool(A, f=…, s=…)`
/// and `avgpool(…)`, with the same arguments and defaults as the functions themselves.
extension Session {
    func stepper(_ expression: Expression) throws(Diagnostic) -> ConvolutionStepper {
        switch expression {
        case .binary("*", let lhs, let rhs, let range):
            let input = try evaluateTensor(lhs)
            let kernel = try evaluateTensor(rhs)
            return try makeStepper(input, kernel: kernel, bias: nil, stride: 1, padding: 0, at: range)
        case .call("conv", let args, let range):
            let a = try CallArguments(function: "conv", args, parameters: ["A", "W", "b", "s", "p"], required: 2, range: range)
            let input = try stepTensor(a, "A")
            let kernel = try stepTensor(a, "W")
            let bias = try a["b"].map { (arg: FunctionArgument) throws(Diagnostic) -> Tensor in try evaluateTensor(arg.value) }
            let stride = try a["s"].map { (arg: FunctionArgument) throws(Diagnostic) -> Int in try integerValue(arg.value, name: "s") } ?? 1
            var padding = 0
            if let p = a["p"] {
                if case .variable("same", _) = p.value, variables["same"] == nil {
                    padding = ((kernel.shape.first ?? 1) - 1) / 2
                } else {
                    padding = try integerValue(p.value, name: "p")
                }
            }
            return try makeStepper(input, kernel: kernel, bias: bias, stride: stride, padding: padding, at: range)
        case .call(let name, let args, let range) where name == "maxpool" || name == "avgpool":
            let a = try CallArguments(function: name, args, parameters: ["A", "f", "s"], required: 2, range: range)
            let input = try stepTensor(a, "A")
            let f = try a["f"].map { (arg: FunctionArgument) throws(Diagnostic) -> Int in try integerValue(arg.value, name: "f") } ?? 2
            let s = try a["s"].map { (arg: FunctionArgument) throws(Diagnostic) -> Int in try integerValue(arg.value, name: "s") } ?? f
            do {
                return try ConvolutionStepper(
                    input: input, operation: .pooling(name == "maxpool" ? .max : .average), size: f, stride: s, padding: 0)
            } catch {
                throw Diagnostic(.tensor(operation: "step", error), at: range)
            }
        case .call(let name, _, let range):
            throw Diagnostic(.unknownFunction(name, suggestion: closestWord(to: name, in: ["conv", "maxpool", "avgpool"])), at: range)
        default:
            // Anything else is a tensor, not an operation to step through: say what is expected.
            let shape = try evaluateTensor(expression).shape
            let error = TensorError.rankMismatch(
                operation: "step", expected: "A * K, conv(A, W, …), maxpool(A, …) or avgpool(A, …)", got: shape)
            throw Diagnostic(.tensor(operation: "step", error), at: expression.range)
        }
    }

    private func makeStepper(
        _ input: Tensor, kernel: Tensor, bias: Tensor?, stride: Int, padding: Int, at range: SourceRange
    ) throws(Diagnostic) -> ConvolutionStepper {
        do throws(TensorError) {
            let f = kernel.shape.first ?? 0
            guard kernel.rank >= 2, kernel.shape[1] == f, kernel.count == f * f else {
                throw TensorError.rankMismatch(operation: "step", expected: "one f×f kernel", got: kernel.shape)
            }
            guard bias.map({ $0.count == 1 }) ?? true else {
                throw TensorError.shapeMismatch(operation: "step bias", lhs: bias?.shape ?? [], rhs: [1])
            }
            return try ConvolutionStepper(
                input: input, operation: .correlation(kernel: kernel.storage, bias: bias?.storage.first),
                size: f, stride: stride, padding: padding)
        } catch {
            throw Diagnostic(.tensor(operation: "step", error), at: range)
        }
    }

    private func stepTensor(_ a: CallArguments, _ name: String) throws(Diagnostic) -> Tensor {
        guard let arg = a[name] else {
            throw Diagnostic(.argumentCount(function: a.function, expected: name, got: 0), at: a.range)
        }
        return try evaluateTensor(arg.value)
    }
}
