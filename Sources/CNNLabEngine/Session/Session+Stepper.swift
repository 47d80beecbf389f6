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
            let input = try argumentTensor(a, "A")
            let kernel = try argumentTensor(a, "W")
            let bias = try a["b"].map { (arg: FunctionArgument) throws(Diagnostic) -> Tensor in try evaluateTensor(arg.value) }
            let stride = try argumentInteger(a, "s", default: 1)
            let padding = try argumentPadding(a, f: kernel.shape.first ?? 1)
            return try makeStepper(input, kernel: kernel, bias: bias, stride: stride, padding: padding, at: range)
        case .call(let name, let args, let range) where name == "maxpool" || name == "avgpool":
            let a = try CallArguments(function: name, args, parameters: ["A", "f", "s"], required: 2, range: range)
            let input = try argumentTensor(a, "A")
            let f = try argumentInteger(a, "f", default: 2)
            let s = try argumentInteger(a, "s", default: f)
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
}
