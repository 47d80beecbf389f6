/// The arguments of one function call, bound to parameter names.
///
/// Positional arguments fill `parameters` in order; `name=value` arguments fill by name.
/// Unknown names, duplicates and missing required parameters are located errors.
struct CallArguments {
    let function: String
    let range: SourceRange
    private var bound: [String: FunctionArgument] = [:]

    /// Binds `arguments` to `parameters`, of which the first `required` must be given.
    init(function: String, _ arguments: [FunctionArgument], parameters: [String], required: Int, range: SourceRange) throws(Diagnostic) {
        self.function = function
        self.range = range
        var next = 0
        for arg in arguments {
            let name: String
            if let label = arg.label {
                guard parameters.contains(label) else {
                    throw Diagnostic(.unknownArgument(function: function, argument: label, allowed: parameters), at: arg.range)
                }
                name = label
            } else {
                guard next < parameters.count else {
                    throw Diagnostic(
                        .argumentCount(function: function, expected: Self.countText(required, parameters.count), got: arguments.count),
                        at: arg.range)
                }
                name = parameters[next]
                next += 1
            }
            guard bound[name] == nil else { throw Diagnostic(.duplicateOption(name), at: arg.range) }
            bound[name] = arg
        }
        for p in parameters.prefix(required) where bound[p] == nil {
            throw Diagnostic(
                .argumentCount(function: function, expected: Self.countText(required, parameters.count), got: arguments.count),
                at: range)
        }
    }

    /// The argument bound to `name`, if given.
    subscript(name: String) -> FunctionArgument? { bound[name] }

    private static func countText(_ required: Int, _ total: Int) -> String {
        required == total ? String(total) : "\(required)–\(total)"
    }
}
