import CNNLabEngine
import ConvCore

/// `--json`: one JSON object per command result, one per line.
///
/// Field names are a contract that scripts rely on: extend, never rename.
public enum JSONRenderer {
    public static func render(_ result: CommandResult) -> String {
        value(result).serialized()
    }

    public static func value(_ result: CommandResult) -> JSONValue {
        var fields: [(String, JSONValue)] = [("command", .string(result.commandName))]
        switch result {
        case .layerAdded(let r):
            fields.append(("layer", layer(r)))
        case .summary(let s):
            fields += [
                ("layers", .array(s.layers.map(layer))),
                ("total_params", .int(s.totalParams)),
                ("total_mult_adds", .int(s.totalMultiplyAdds)),
                ("input_bytes", .int(s.inputBytes)),
                ("activation_bytes", .int(s.activationBytes)),
                ("param_bytes", .int(s.paramBytes)),
                ("total_bytes", .int(s.totalBytes)),
            ]
        case .explanation(let reports):
            fields.append(("layers", .array(reports.map(layer))))
        case .assigned(let named):
            fields.append(("values", .array(named.map(tensor))))
        case .shown(let n):
            fields.append(("value", tensor(n)))
        case .loaded(let n, let path), .saved(let n, let path):
            fields += [("name", .string(n.name)), ("shape", ints(n.tensor.shape)), ("path", .string(path))]
        case .stepper(let s):
            fields += [
                ("operation", .string(StepperRenderer.title(s))), ("f", .int(s.size)), ("s", .int(s.stride)),
                ("p", .int(s.padding)), ("input_shape", ints([s.inputRows, s.inputCols])),
                ("output_shape", ints([s.outputRows, s.outputCols])), ("output", .array(s.output.map { .float($0) })),
            ]
        }
        return .object(fields)
    }

    /// A diagnostic as `{"error": {...}}`, for stderr.
    public static func render(_ d: Diagnostic, language: Language) -> String {
        var fields: [(String, JSONValue)] = [("message", .string(d.message(in: language)))]
        if let r = d.range {
            fields += [("line", .int(r.line)), ("column", .int(r.column)), ("length", .int(r.length))]
        }
        if let h = d.hint(in: language) { fields.append(("hint", .string(h))) }
        return JSONValue.object([("error", .object(fields))]).serialized()
    }

    static func layer(_ r: LayerReport) -> JSONValue {
        var f: [(String, JSONValue)] = [("index", .int(r.index)), ("type", .string(r.typeName))]
        switch r.spec {
        case .conv(let n, let size, let s, let p)?:
            f += [("filters", .int(n)), ("f", .int(size)), ("s", .int(s)), ("p", .int(r.padding ?? 0))]
            if case .same = p { f.append(("padding", .string("same"))) }
        case .pool(let kind, let size, let s)?:
            f += [("kind", .string(kind == .max ? "max" : "avg")), ("f", .int(size)), ("s", .int(s))]
        case .fc(let n)?:
            f.append(("units", .int(n)))
        case .softmax(let n)?:
            f.append(("units", n.map { .int($0) } ?? .null))
        default:
            break
        }
        f += [
            ("input", r.input.map { ints($0.dimensions) } ?? .null),
            ("output", ints(r.output.dimensions)),
            ("params", .int(r.params)),
            ("activations", .int(r.activations)),
            ("mult_adds", .int(r.multiplyAdds)),
            ("weight_shape", r.weightShape.map(ints) ?? .null),
            ("bias_shape", r.biasShape.map(ints) ?? .null),
            ("derivation", .array(r.derivation.map { step in
                .object([
                    ("quantity", .string(step.quantity)), ("formula", .string(step.formula)),
                    ("substitution", step.substitution.map { .string($0) } ?? .null),
                    ("value", .string(step.value)), ("text", .string(step.equation)),
                ])
            })),
        ]
        return .object(f)
    }

    static func tensor(_ n: NamedTensor) -> JSONValue {
        .object([
            ("name", .string(n.name)),
            ("shape", ints(n.tensor.shape)),
            ("data", .array(n.tensor.storage.map { .float($0) })),
        ])
    }

    static func ints(_ xs: [Int]) -> JSONValue { .array(xs.map { .int($0) }) }
}
