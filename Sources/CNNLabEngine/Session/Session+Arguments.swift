import ConvCore

/// Reading function arguments: tensors, whole numbers, padding (shared by the functions and `step`).
extension Session {
    /// The tensor bound to parameter `name` (required).
    func argumentTensor(_ a: CallArguments, _ name: String) throws(Diagnostic) -> Tensor {
        guard let arg = a[name] else {
            throw Diagnostic(.argumentCount(function: a.function, expected: name, got: 0), at: a.range)
        }
        return try evaluateTensor(arg.value)
    }

    /// The whole number bound to `name`, or `value` when it was not given.
    func argumentInteger(_ a: CallArguments, _ name: String, default value: Int) throws(Diagnostic) -> Int {
        guard let arg = a[name] else { return value }
        return try integerValue(arg.value, name: name)
    }

    /// `p=N` or `p=same` ((f−1)/2).
    func argumentPadding(_ a: CallArguments, f: Int) throws(Diagnostic) -> Int {
        guard let arg = a["p"] else { return 0 }
        if case .variable("same", _) = arg.value, variables["same"] == nil { return (f - 1) / 2 }
        return try integerValue(arg.value, name: "p")
    }

    /// An expression that must evaluate to a whole number (a scalar), named `name` in errors.
    func integerValue(_ e: Expression, name: String) throws(Diagnostic) -> Int {
        let t = try evaluateTensor(e)
        guard t.rank == 0, let v = t.storage.first, v.rounded() == v, abs(v) < 1e9 else {
            throw Diagnostic(.notAnInteger(name), at: e.range)
        }
        return Int(v)
    }
}
