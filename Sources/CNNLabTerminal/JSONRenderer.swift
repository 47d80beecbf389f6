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
                ("total_params", count(s.totalParams)),
                ("trainable_params", count(s.trainableParams)),
                ("non_trainable_params", .int(s.nonTrainableParams)),
                ("total_mult_adds", count(s.totalMultiplyAdds)),
                ("input_bytes", count(s.inputBytes)),
                ("activation_bytes", count(s.activationBytes)),
                ("param_bytes", count(s.paramBytes)),
                ("total_bytes", count(s.totalBytes)),
            ]
        case .explanation(let reports):
            fields.append(("layers", .array(reports.map(layer))))
        case .assigned(let named):
            fields.append(("values", .array(named.map(tensor))))
        case .shown(let n):
            fields.append(("value", tensor(n)))
        case .loaded(let n, let path):
            fields += [("name", .string(n.name)), ("shape", ints(n.tensor.shape)), ("path", .string(path))]
        case .saved(let n, let path, let scale):
            fields += [("name", .string(n.name)), ("shape", ints(n.tensor.shape)), ("path", .string(path))]
            if let scale {
                fields += [("min", .float(scale.range.lowerBound)), ("max", .float(scale.range.upperBound)),
                           ("nan_count", .int(scale.notANumber)), ("inf_count", .int(scale.infinite))]
            }
        case .networkChanged(let change, let reports):
            fields += [("change", .string(changeName(change))), ("layers", .array(reports.map(layer)))]
        case .cleared(let target):
            fields.append(("target", .string(target.rawValue)))
        case .layers(let reports):
            fields.append(("layers", .array(reports.map(layer))))
        case .networkSaved(let path):
            fields.append(("path", .string(path)))
        case .modelSaved(let path, let arrays):
            fields += [("path", .string(path)), ("arrays", .array(arrays.map { .string($0) }))]
        case .exported(let framework, let code):
            fields += [("framework", .string(framework)), ("code", .string(code))]
        case .forwarded(let records):
            fields.append(("activations", .array(records.map { r in
                .object([("index", .int(r.index)), ("layer", .string(r.layer)), ("shape", ints(r.shape)), ("stats", stats(r.stats))])
            })))
        case .predicted(let report):
            fields += prediction(report)
        case .preset(let n, let preset):
            fields += [("preset", .string(preset)), ("value", tensor(n))]
        case .image(let n, _):
            fields += [("name", .string(n.name)), ("shape", ints(n.tensor.shape))]
        case .seeded(let seed):
            fields.append(("seed", .int(Int(seed))))
        case .variables(let vars):
            fields.append(("variables", .array(vars.map { .object([("name", .string($0.name)), ("shape", ints($0.shape)), ("bytes", count($0.bytes))]) })))
        case .shape(let s):
            fields += [("name", .string(s.name)), ("shape", ints(s.shape))]
        case .stats(let name, let s):
            fields += [("name", .string(name)), ("stats", stats(s))]
        case .heatmap(let n, let spec):
            fields += [("value", tensor(n)), ("channel", spec.channel.map { .int($0) } ?? .null), ("style", spec.style.map { .string($0) } ?? .null)]
        case .help(let page):
            fields.append(("entries", .array(page.entries.map { e in
                .object([
                    ("command", .string(e.command)), ("synopsis", .string(e.synopsis)),
                    ("summary_en", .string(e.summary.english)), ("summary_pt", .string(e.summary.portuguese)),
                    ("examples", .array(e.examples.map { .string($0) })),
                ])
            })))
        case .quit:
            break
        case .stepper(let s):
            fields += [
                ("operation", .string(StepperRenderer.title(s))), ("f", .int(s.size)), ("s", .int(s.stride)),
                ("p", .int(s.padding)), ("input_shape", ints([s.inputRows, s.inputCols])),
                ("output_shape", ints([s.outputRows, s.outputCols])), ("output", .array(s.output.map { .float($0) })),
            ]
        case .lessons(let catalog):
            fields.append(("lessons", .array(catalog.items.map(LessonJSON.item))))
        case .lessonStep(let view):
            fields += LessonJSON.step(view)
        case .lessonFeedback(let feedback):
            fields += LessonJSON.feedback(feedback)
        case .lessonEnded(let ending):
            fields += [
                ("lesson", .string(ending.lessonName)), ("finished", .bool(ending.finished)), ("right", .int(ending.right)),
                ("questions", .int(ending.questions)),
            ]
        case .quizQuestion, .quizFeedback, .quizEnded, .quizStats, .quizTopics:
            fields += QuizJSON.fields(result)
        case .trained(let r):
            fields += [
                ("dataset", .string(r.dataset)), ("optimizer", .string(r.optimizer.rawValue)),
                ("test_accuracy", .number(r.testAccuracy)), ("epochs", .int(r.epochs.count)), ("seconds", .number(r.seconds)),
                ("examples_per_s", .number(r.examplesPerSecond)), ("stopped", .bool(r.stopped)),
                ("train_examples", .int(r.trainExamples)), ("test_examples", .int(r.testExamples)),
                ("history", .array(r.epochs.map { e in
                    .object([
                        ("epoch", .int(e.epoch)), ("loss", .number(e.loss)), ("train_accuracy", .number(e.trainAccuracy)),
                        ("test_accuracy", .number(e.testAccuracy)), ("seconds", .number(e.seconds)),
                        ("examples_per_s", .number(e.examplesPerSecond)),
                    ])
                })),
                ("classes", .array(r.classNames.map { .string($0) })),
                ("confusion", .array(r.confusion.map { .array($0.map { .int($0) }) })),
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

    /// The weights' shape for conv and fc, [f, f] for pooling, null otherwise.
    private static func kernelShape(_ r: LayerReport) -> JSONValue {
        if let w = r.weightShape { return ints(w) }
        if case .pool(_, let size, _)? = r.spec { return ints([size, size]) }
        return .null
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
            ("kernel_shape", kernelShape(r)),
        ]
        // r[l] and j[l]: null when every output value sees the whole input (sees_whole_input)
        // or when they are too large to count.
        switch r.receptiveField {
        case .window(let size, let jump):
            f += [("receptive_field", .int(size)), ("jump", .int(jump)), ("sees_whole_input", .bool(false))]
        case .wholeInput:
            f += [("receptive_field", .null), ("jump", .null), ("sees_whole_input", .bool(true))]
        case .tooLarge:
            f += [("receptive_field", .null), ("jump", .null), ("sees_whole_input", .bool(false))]
        }
        f += [
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

    /// `predict`: `class` (the index), `label` (its name) and `probabilities` at the top level for
    /// one example; for a batch, one such object per example under `predictions`. Both list the
    /// class names as `classes`.
    static func prediction(_ report: PredictionReport) -> [(String, JSONValue)] {
        let examples: [[(String, JSONValue)]] = report.predictions.map { p in
            [
                ("class", .int(p.classIndex)), ("label", .string(report.name(of: p.classIndex))),
                ("probabilities", .array(p.probabilities.map { .float($0) })),
            ]
        }
        let classes: (String, JSONValue) = ("classes", .array(report.classNames.map { .string($0) }))
        if !report.batched, let one = examples.first { return one + [classes] }
        return [("predictions", .array(examples.map { .object($0) })), classes]
    }

    static func tensor(_ n: NamedTensor) -> JSONValue {
        .object([
            ("name", .string(n.name)),
            ("shape", ints(n.tensor.shape)),
            ("data", .array(n.tensor.storage.map { .float($0) })),
        ])
    }

    /// A total, or null when it is too large to count (past `Int.max`).
    static func count(_ n: Int?) -> JSONValue { n.map { .int($0) } ?? .null }

    static func ints(_ xs: [Int]) -> JSONValue { .array(xs.map { .int($0) }) }

    static func stats(_ s: TensorStats) -> JSONValue {
        .object([
            ("count", .int(s.count)), ("min", .float(s.min)), ("max", .float(s.max)), ("mean", .number(s.mean)),
            ("std", .number(s.std)), ("non_finite", .int(s.nonFinite)),
        ])
    }

    static func changeName(_ change: NetworkChange) -> String {
        switch change {
        case .removedLayer: return "removed_layer"
        case .removedInput: return "removed_input"
        case .nothingToUndo: return "nothing"
        case .cleared: return "cleared"
        case .example: return "example"
        case .loaded: return "loaded"
        case .loadedModel: return "loaded_model"
        case .loadedWeights: return "loaded_weights"
        }
    }
}
