import ConvCore

/// Evaluating tensor expressions: literals, variables, arithmetic and `let`.
extension Session {
    /// Binds the value of `expression` to `names` (several for a function that returns several).
    func assign(_ names: [String], _ expression: Expression) throws(Diagnostic) -> [NamedTensor] {
        let tensors: [Tensor]
        var exact: Int?
        switch try evaluate(expression) {
        case .integer(let n):
            tensors = [Tensor(scalar: Float(n))]
            exact = n
        case .tensor(let t): tensors = [t]
        case .tuple(let ts): tensors = ts
        }
        guard tensors.count == names.count else {
            throw Diagnostic(.tupleArity(expected: names.count, got: tensors.count), at: expression.range)
        }
        let named = zip(names, tensors).map { NamedTensor(name: $0, tensor: $1) }
        for n in named { bind(n.name, n.tensor, exact: exact) }
        return named
    }

    /// Evaluates an expression that must give exactly one tensor.
    func evaluateTensor(_ expression: Expression) throws(Diagnostic) -> Tensor {
        switch try evaluate(expression) {
        case .integer(let n): return Tensor(scalar: Float(n))
        case .tensor(let t): return t
        case .tuple: throw Diagnostic(.tupleNotAllowed, at: expression.range)
        }
    }

    /// The value of `expression`. What its subexpressions computed is freed once it has its
    /// value, so the statement then holds only that value (``pendingBytes``); a variable's
    /// tensor is the session's already.
    func evaluate(_ expression: Expression) throws(Diagnostic) -> Value {
        let mark = pendingBytes
        let value = try evaluateNode(expression)
        let held: Int
        if case .variable = expression { held = 0 } else { held = heldBytes(value) }
        pendingBytes = CheckedCount.sum([mark, held]) ?? Int.max
        return value
    }

    private func evaluateNode(_ expression: Expression) throws(Diagnostic) -> Value {
        switch expression {
        case .integer(let n, _):
            return .integer(n)
        case .number(let d, let r):
            // An integral literal such as 2e3 or 16777217.0 is as exact as 2000 or 16777217.
            if d.rounded() == d, d.magnitude <= Double(Value.exactDoubleLimit) { return .integer(Int(d)) }
            return .tensor(Tensor(scalar: try finiteFloat(d, at: r)))
        case .variable(let name, let r):
            if let n = exactInteger(named: name) { return .integer(n) }
            guard let t = variables[name] else {
                throw Diagnostic(.undefinedVariable(name, suggestion: closestWord(to: name, in: Array(variables.keys).sorted())), at: r)
            }
            return .tensor(t)
        case .list(_, let r):
            return .tensor(try literal(expression, at: r))
        case .unary(let op, let operand, _):
            let value = try evaluate(operand)
            if case .integer(let n) = value {
                // −0 is the Float32 −0.0, as −0.0 is (so 1/−0 is −inf); −Int.min does not fit.
                if op == "+" { return value }
                let (negated, overflow) = 0.subtractingReportingOverflow(n)
                if n != 0 && !overflow { return .integer(negated) }
            }
            let t = try tensor(value, at: operand.range)
            guard op == "-" else { return .tensor(t) }
            try reserve(elements: t.count, for: "-", at: expression.range)
            // Negation, not 0 − x: −(0.0) is −0.0, as in numpy (so 1/−0.0 is −inf).
            return .tensor(t.map { -$0 })
        case .binary:
            // `a + b + c + …` nests to the left as long as it is written: walk the chain with a
            // loop, so ten thousand terms need no deeper stack than two.
            var chain: [(Character, Expression, SourceRange)] = []
            var node = expression
            while case .binary(let op, let lhs, let rhs, let r) = node {
                chain.append((op, rhs, r))
                node = lhs
            }
            let mark = pendingBytes
            var value = try evaluate(node)
            for (op, rhs, r) in chain.reversed() {
                let right = try evaluate(rhs)
                if case .integer(let a) = value, case .integer(let b) = right, let n = Self.exactly(a, op, b) {
                    value = .integer(n)
                } else {
                    value = .tensor(try binary(op, try tensor(value, at: r), try tensor(right, at: rhs.range), at: r))
                }
                // The previous partial sum and the right operand are freed: only the new sum is held.
                pendingBytes = CheckedCount.sum([mark, heldBytes(value)]) ?? Int.max
            }
            return value
        case .call(let name, let args, let r):
            return try call(name, args, at: r)
        case .index(let base, let components, let r):
            return .tensor(try index(base, components, at: r))
        }
    }

    /// `value` as one tensor (a whole number as its scalar).
    private func tensor(_ value: Value, at range: SourceRange) throws(Diagnostic) -> Tensor {
        switch value {
        case .integer(let n): return Tensor(scalar: Float(n))
        case .tensor(let t): return t
        case .tuple: throw Diagnostic(.tupleNotAllowed, at: range)
        }
    }

    /// `a op b` in whole numbers, or nil for a division or a result past `Int` (then the
    /// operation is done on the Float32 scalars, as for any tensors).
    private static func exactly(_ a: Int, _ op: Character, _ b: Int) -> Int? {
        let (n, overflow): (Int, Bool)
        switch op {
        case "+": (n, overflow) = a.addingReportingOverflow(b)
        case "-": (n, overflow) = a.subtractingReportingOverflow(b)
        case "*", "·": (n, overflow) = a.multipliedReportingOverflow(by: b)
        default: return nil
        }
        return overflow ? nil : n
    }

    /// `a op b`: `*` scales when either side is a number and cross-correlates two tensors.
    private func binary(_ op: Character, _ a: Tensor, _ b: Tensor, at r: SourceRange) throws(Diagnostic) -> Tensor {
        switch op {
        case "+": return try elementwise(a, b, .add, at: r)
        case "-": return try elementwise(a, b, .subtract, at: r)
        case "·": return try elementwise(a, b, .multiply, at: r)
        case "/": return try elementwise(a, b, .divide, at: r)
        default:
            if a.rank == 0 || b.rank == 0 { return try elementwise(a, b, .multiply, at: r) }
            return try convolve(a, b, bias: nil, stride: 1, padding: 0, at: r)
        }
    }

    func elementwise(_ a: Tensor, _ b: Tensor, _ op: ElementwiseOperator, at range: SourceRange) throws(Diagnostic) -> Tensor {
        if let shape = Tensor.broadcastShape(a.shape, b.shape) { try reserve(shape: shape, for: String(op.rawValue), at: range) }
        do {
            return try a.combined(with: b, op)
        } catch {
            throw Diagnostic(.tensor(operation: String(op.rawValue), error), at: range)
        }
    }

    private func finiteFloat(_ d: Double, at range: SourceRange) throws(Diagnostic) -> Float {
        let f = Float(d)
        guard f.isFinite else { throw Diagnostic(.nonFiniteLiteral, at: range) }
        return f
    }

    // MARK: Literals

    /// A nested list literal as a tensor. The first element at each depth fixes the shape;
    /// every other row must match it (numpy refuses ragged arrays too).
    private func literal(_ expression: Expression, at range: SourceRange) throws(Diagnostic) -> Tensor {
        var shape: [Int] = []
        var node = expression
        while case .list(let items, let r) = node {
            guard shape.count < 4 else { throw Diagnostic(.literalTooDeep(shape.count + 1), at: r) }
            shape.append(items.count)
            node = items[0]
        }
        var values: [Float] = []
        try collect(expression, depth: 0, shape: shape, into: &values)
        do {
            return try Tensor(shape: shape, storage: values)
        } catch {
            throw Diagnostic(.tensor(operation: "literal", error), at: range)
        }
    }

    private func collect(_ e: Expression, depth: Int, shape: [Int], into values: inout [Float]) throws(Diagnostic) {
        if case .list(let items, let r) = e {
            guard depth < shape.count else { throw Diagnostic(.mixedLiteral, at: r) }
            guard items.count == shape[depth] else {
                throw Diagnostic(.raggedLiteral(expected: shape[depth], got: items.count), at: r)
            }
            for item in items { try collect(item, depth: depth + 1, shape: shape, into: &values) }
            return
        }
        guard depth == shape.count else { throw Diagnostic(.mixedLiteral, at: e.range) }
        let t = try evaluateTensor(e)
        guard t.rank == 0 else { throw Diagnostic(.mixedLiteral, at: e.range) }
        values.append(t.storage[0])
    }
}
