import ConvCore

/// The built-in functions of the language: `conv`, `maxpool`, `relu`, `conv_backward`, ...
/// (the assignment's helpers are in `Session+Assignment.swift`, the cost's in `Session+Cost.swift`).
///
/// Tensors of rank 2 (n_H×n_W) and 3 (n_H×n_W×n_c) are treated as one example of rank 4
/// (1×n_H×n_W×n_c) and the result is given back at the rank the user passed in, so the
/// lecture's 6×6 examples work as written.
extension Session {
    func call(_ name: String, _ args: [FunctionArgument], at range: SourceRange) throws(Diagnostic) -> Value {
        switch name {
        case "conv":
            let a = try CallArguments(function: name, args, parameters: ["A", "W", "b", "s", "p"], required: 2, range: range)
            let x = try argumentTensor(a, "A")
            let w = try argumentTensor(a, "W")
            let b = try a["b"].map { (arg: FunctionArgument) throws(Diagnostic) -> Tensor in try evaluateTensor(arg.value) }
            let f = w.shape.first ?? 1
            return .tensor(try convolve(x, w, bias: b, stride: try argumentInteger(a, "s", default: 1), padding: try argumentPadding(a, f: f), at: range))
        case "maxpool", "avgpool":
            let a = try CallArguments(function: name, args, parameters: ["A", "f", "s"], required: 2, range: range)
            let x = try argumentTensor(a, "A")
            let f = try argumentInteger(a, "f", default: 2)
            let s = try argumentInteger(a, "s", default: f)
            let kind: PoolKind = name == "maxpool" ? .max : .average
            return .tensor(try pool(x, kind: kind, f: f, s: s, at: range))
        case "relu", "sigmoid", "tanh":
            let a = try CallArguments(function: name, args, parameters: ["Z"], required: 1, range: range)
            let act = Activation(rawValue: name) ?? .relu
            let z = try argumentTensor(a, "Z")
            try reserve(elements: z.count, for: name, at: range)
            return .tensor(act.forward(z))
        case "conv_backward":
            let a = try CallArguments(function: name, args, parameters: ["dZ", "A", "W", "s", "p"], required: 3, range: range)
            let w = try argumentTensor(a, "W")
            return .tuple(try convBackward(
                try argumentTensor(a, "dZ"), try argumentTensor(a, "A"), w, stride: try argumentInteger(a, "s", default: 1),
                padding: try argumentPadding(a, f: w.shape.first ?? 1), at: range))
        case "maxpool_backward", "avgpool_backward":
            let a = try CallArguments(function: name, args, parameters: ["dP", "A", "f", "s"], required: 3, range: range)
            let f = try argumentInteger(a, "f", default: 2)
            let s = try argumentInteger(a, "s", default: f)
            let kind: PoolKind = name == "maxpool_backward" ? .max : .average
            return .tensor(try poolBackward(try argumentTensor(a, "dP"), try argumentTensor(a, "A"), kind: kind, f: f, s: s, at: range))
        case "zeros", "ones", "randn", "rand":
            let dims = try dimensions(name, args, at: range)
            // randn and rand draw Doubles first (numpy's values), then keep them as Float32.
            let perElement = name.hasPrefix("rand") ? 3 : 1
            if let count = Tensor.elementCount(dims), count <= Tensor.maxElementCount {
                try reserve(elements: count * perElement, for: name, at: range)
            }
            do {
                switch name {
                case "zeros": return .tensor(try Tensor(shape: dims, repeating: 0))
                case "ones": return .tensor(try Tensor(shape: dims, repeating: 1))
                case "randn": return .tensor(try numpyRandom.randn(dims))
                default: return .tensor(try numpyRandom.rand(dims))
                }
            } catch {
                throw Diagnostic(.tensor(operation: name, error), at: range)
            }
        case "range":
            let a = try CallArguments(function: name, args, parameters: ["start", "stop", "step"], required: 1, range: range)
            return .tensor(try arange(a, at: range))
        case "reshape":
            guard let first = args.first, first.label == nil else {
                throw Diagnostic(.argumentCount(function: name, expected: "2–5", got: args.count), at: range)
            }
            let x = try evaluateTensor(first.value)
            let dims = try dimensions(name, Array(args.dropFirst()), at: range)
            do {
                return .tensor(try x.reshaped(dims))
            } catch {
                throw Diagnostic(.tensor(operation: name, error), at: range)
            }
        case "softmax":
            let a = try CallArguments(function: name, args, parameters: ["Z"], required: 1, range: range)
            let z = try argumentTensor(a, "Z")
            try reserve(elements: z.count * 2, for: name, at: range)
            do {
                // Row-wise over the last axis: a vector is one row.
                let rows = z.rank <= 1 ? try z.reshaped([1, z.count]) : try z.reshaped([z.count / (z.shape.last ?? 1), z.shape.last ?? 1])
                return .tensor(try Softmax.forward(rows).reshaped(z.shape))
            } catch {
                throw Diagnostic(.tensor(operation: name, error), at: range)
            }
        case "zero_pad":
            return .tensor(try zeroPad(try CallArguments(function: name, args, parameters: ["X", "pad"], required: 2, range: range)))
        case "conv_single_step":
            let a = try CallArguments(function: name, args, parameters: ["a_slice_prev", "W", "b"], required: 3, range: range)
            return .tensor(try convSingleStep(a))
        case "create_mask_from_window":
            return .tensor(try createMask(try CallArguments(function: name, args, parameters: ["x"], required: 1, range: range)))
        case "distribute_value":
            let a = try CallArguments(function: name, args, parameters: ["dz", "shape", "n_W"], required: 2, range: range)
            return .tensor(try distributeValue(a))
        case "log", "exp":
            let a = try CallArguments(function: name, args, parameters: ["X"], required: 1, range: range)
            let x = try argumentTensor(a, "X")
            try reserve(elements: x.count, for: name, at: range)
            return .tensor(logarithmOrExponential(x, logarithm: name == "log"))
        case "sum", "mean":
            let a = try CallArguments(function: name, args, parameters: ["X"], required: 1, range: range)
            return .tensor(reduction(try argumentTensor(a, "X"), mean: name == "mean"))
        case "cross_entropy":
            return .tensor(try crossEntropy(try CallArguments(function: name, args, parameters: ["Yhat", "Y"], required: 2, range: range)))
        default:
            throw Diagnostic(.unknownFunction(name, suggestion: closestWord(to: name, in: Vocabulary.functions)), at: range)
        }
    }

    // MARK: Operations with rank adaptation

    /// Cross-correlation of `x` with `w` (ranks 2–4 each), returned at `x`'s rank.
    func convolve(_ x: Tensor, _ w: Tensor, bias: Tensor?, stride: Int, padding: Int, at range: SourceRange) throws(Diagnostic) -> Tensor {
        try reserveConvolution(x.shape, w.shape, stride: stride, padding: padding, for: "conv", at: range)
        do {
            let x4 = try asBatch(x, operation: "conv")
            let w4 = try asFilters(w)
            let outChannels = w4.shape[3]
            let b4 = try bias.map { (b: Tensor) throws(TensorError) -> Tensor in
                guard b.count == outChannels else {
                    throw TensorError.shapeMismatch(operation: "conv bias", lhs: b.shape, rhs: [1, 1, 1, outChannels])
                }
                return try b.reshaped([1, 1, 1, outChannels])
            }
            let z = try Conv2D.forward(x4, weights: w4, bias: b4, stride: stride, padding: padding, threads: threads)
            switch x.rank {
            case 4: return z
            case 3: return try z.reshaped(Array(z.shape.dropFirst()))
            default: return try z.reshaped(outChannels == 1 ? [z.shape[1], z.shape[2]] : Array(z.shape.dropFirst()))
            }
        } catch {
            throw Diagnostic(.tensor(operation: "conv", error), at: range)
        }
    }

    func convBackward(_ dZ: Tensor, _ x: Tensor, _ w: Tensor, stride: Int, padding: Int, at range: SourceRange) throws(Diagnostic) -> [Tensor] {
        // dA, dW and db, and the kernels' copies of the padded input and of dZ.
        try reserveConvolution(x.shape, w.shape, stride: stride, padding: padding, for: "conv_backward", at: range)
        try reserve(elements: CheckedCount.sum([x.count, w.count, dZ.count]), for: "conv_backward", at: range)
        do {
            let x4 = try asBatch(x, operation: "conv_backward")
            let w4 = try asFilters(w)
            let dZ4 = try asBatch(dZ, operation: "conv_backward", channels: w4.shape[3])
            let g = try Conv2D.backward(dZ4, input: x4, weights: w4, stride: stride, padding: padding, threads: threads)
            return [try g.dA.reshaped(x.shape), try g.dW.reshaped(w.shape), g.db]
        } catch {
            throw Diagnostic(.tensor(operation: "conv_backward", error), at: range)
        }
    }

    func pool(_ x: Tensor, kind: PoolKind, f: Int, s: Int, at range: SourceRange) throws(Diagnostic) -> Tensor {
        let op = kind == .max ? "maxpool" : "avgpool"
        if x.rank >= 2, let oh = Conv2D.outputSize(x.shape[x.rank >= 3 ? x.rank - 3 : 0], filter: f, stride: s, padding: 0),
            let ow = Conv2D.outputSize(x.shape[x.rank >= 3 ? x.rank - 2 : 1], filter: f, stride: s, padding: 0)
        {
            let others = x.rank >= 3 ? x.count / (x.shape[x.rank - 3] * x.shape[x.rank - 2]) : 1
            try reserve(elements: CheckedCount.product(oh, ow).flatMap { CheckedCount.product($0, others) }, for: op, at: range)
        }
        do {
            let p = try Pool2D.forward(try asBatch(x, operation: op), kind: kind, size: f, stride: s)
            switch x.rank {
            case 4: return p
            case 3: return try p.reshaped(Array(p.shape.dropFirst()))
            default: return try p.reshaped([p.shape[1], p.shape[2]])
            }
        } catch {
            throw Diagnostic(.tensor(operation: op, error), at: range)
        }
    }

    func poolBackward(_ dP: Tensor, _ x: Tensor, kind: PoolKind, f: Int, s: Int, at range: SourceRange) throws(Diagnostic) -> Tensor {
        let op = kind == .max ? "maxpool_backward" : "avgpool_backward"
        try reserve(elements: x.count, for: op, at: range)
        do {
            let x4 = try asBatch(x, operation: op)
            let dP4 = try asBatch(dP, operation: op, channels: x4.shape[3])
            return try Pool2D.backward(dP4, input: x4, kind: kind, size: f, stride: s).reshaped(x.shape)
        } catch {
            throw Diagnostic(.tensor(operation: op, error), at: range)
        }
    }

    /// Rank 2 (h,w) → (1,h,w,channels or 1); rank 3 (h,w,c) → (1,h,w,c); rank 4 as is.
    private func asBatch(_ t: Tensor, operation: String, channels: Int = 1) throws(TensorError) -> Tensor {
        switch t.rank {
        case 4: return t
        case 3: return try t.reshaped([1] + t.shape)
        case 2:
            if channels > 1 { throw .rankMismatch(operation: operation, expected: "n_H×n_W×\(channels)", got: t.shape) }
            return try t.reshaped([1, t.shape[0], t.shape[1], 1])
        default:
            throw .rankMismatch(operation: operation, expected: "a tensor of rank 2, 3 or 4", got: t.shape)
        }
    }

    /// Rank 2 (f,f) → (f,f,1,1); rank 3 (f,f,c) → (f,f,c,1); rank 4 as is.
    private func asFilters(_ w: Tensor) throws(TensorError) -> Tensor {
        switch w.rank {
        case 4: return w
        case 3: return try w.reshaped(w.shape + [1])
        case 2: return try w.reshaped(w.shape + [1, 1])
        default: throw .rankMismatch(operation: "conv", expected: "filters of rank 2, 3 or 4", got: w.shape)
        }
    }

    // MARK: Argument values

    /// Positional whole-number arguments: a shape.
    private func dimensions(_ function: String, _ args: [FunctionArgument], at range: SourceRange) throws(Diagnostic) -> [Int] {
        guard !args.isEmpty else { throw Diagnostic(.argumentCount(function: function, expected: "1–4", got: 0), at: range) }
        var dims: [Int] = []
        for arg in args {
            guard arg.label == nil else {
                throw Diagnostic(.unknownArgument(function: function, argument: arg.label ?? "", allowed: []), at: arg.range)
            }
            dims.append(try integerValue(arg.value, name: "size"))
        }
        return dims
    }

    /// `range(n)`, `range(a, b)`, `range(a, b, step)` like `np.arange`, as Float32.
    private func arange(_ a: CallArguments, at range: SourceRange) throws(Diagnostic) -> Tensor {
        func number(_ name: String) throws(Diagnostic) -> Double? {
            guard let arg = a[name] else { return nil }
            // A whole number is exact (up to 2⁵³ as a Double), so range(16777217) has 16777217 values.
            if case .integer(let n) = try evaluate(arg.value) {
                guard n.magnitude <= UInt(Self.integerArgumentLimit) else { throw Diagnostic(.integerTooLarge(name), at: arg.range) }
                return Double(n)
            }
            let t = try evaluateTensor(arg.value)
            guard t.rank == 0, let v = t.storage.first, v.isFinite else { throw Diagnostic(.notAnInteger(name), at: arg.range) }
            return Double(v)
        }
        var start = try number("start") ?? 0
        var stop = try number("stop")
        if stop == nil {
            stop = start
            start = 0
        }
        let step = try number("step") ?? 1
        guard step != 0 else { throw Diagnostic(.invalidOption(name: "step", value: "0", rule: "step ≠ 0"), at: range) }
        let count = ((stop ?? 0) - start) / step
        guard count > 0 else { throw Diagnostic(.tensor(operation: "range", .invalidShape([0])), at: range) }
        guard count <= Double(Tensor.maxElementCount) else {
            // count may be past Int.max (range(0, 1e30)): the shape shown is clamped, not converted.
            let shown = count < 0x1p62 ? Int(count.rounded(.up)) : Int.max
            throw Diagnostic(.tensor(operation: "range", .tooLarge(shape: [shown], limit: Tensor.maxElementCount)), at: range)
        }
        let n = Int(count.rounded(.up))
        try reserve(elements: n, for: "range", at: range)
        do {
            return try Tensor(shape: [n], storage: (0..<n).map { Float(start + Double($0) * step) })
        } catch {
            throw Diagnostic(.tensor(operation: "range", error), at: range)
        }
    }

}
