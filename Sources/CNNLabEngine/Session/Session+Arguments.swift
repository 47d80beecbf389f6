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
    ///
    /// Whole numbers written as such (literals, `+ − * ·` on them, variables bound to them) are
    /// exact up to 2⁵³ in magnitude and refused past it. A number computed with tensor values
    /// is a Float32, which holds every whole number only below 2²⁴ = 16,777,216: one at or past
    /// that may have been rounded to a whole number (16777216 + 1.5 is 16777218 in Float32), so
    /// it is refused rather than taken for a size or an index it was not.
    func integerValue(_ e: Expression, name: String) throws(Diagnostic) -> Int {
        switch try evaluate(e) {
        case .integer(let n):
            guard n.magnitude <= UInt(Self.integerArgumentLimit) else { throw Diagnostic(.integerTooLarge(name), at: e.range) }
            return n
        case .tensor(let t):
            guard t.rank == 0, let v = t.storage.first else { throw Diagnostic(.notAnInteger(name), at: e.range) }
            return try wholeNumber(v, name: name, at: e.range)
        case .tuple:
            throw Diagnostic(.notAnInteger(name), at: e.range)
        }
    }

    /// A Float32 tensor value taken as a whole number: integral, and below 2²⁴ in magnitude
    /// (where Float32 holds every whole number, so it was not rounded to one).
    func wholeNumber(_ v: Float, name: String, at range: SourceRange) throws(Diagnostic) -> Int {
        guard v.isFinite, v.rounded() == v else { throw Diagnostic(.notAnInteger(name), at: range) }
        guard v.magnitude < Float(Self.exactFloatLimit) else { throw Diagnostic(.inexactInteger(name), at: range) }
        return Int(v)
    }

    /// The largest magnitude of a whole-number argument: 2⁵³ (as exact as a Double, and small
    /// enough that a size plus twice a padding cannot overflow `Int`).
    static let integerArgumentLimit = 1 << 53

    /// Float32 holds every whole number of magnitude below 2²⁴.
    static let exactFloatLimit = 1 << 24
}
