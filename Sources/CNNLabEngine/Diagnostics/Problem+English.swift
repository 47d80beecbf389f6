import ConvCore

extension Problem {
    var englishMessage: String {
        switch self {
        case .unexpectedCharacter(let c): return "unexpected character '\(visible(c))'"
        case .unterminatedString: return "unterminated string"
        case .numberTooLarge(let s): return "number \(s) is too large"
        case .statementTooLong(let n): return "this statement is longer than \(Language.en.grouped(n)) characters, the most cnnlab reads"
        case .unknownCommand(let w, _): return "unknown command '\(w)'"
        case .expected(let what, let found):
            let f = found.map { "'\($0)'" } ?? "the end of the line"
            return "expected \(what.english), found \(f)"
        case .unknownOption(let c, let o, _): return "'\(c)' has no option '\(o)'"
        case .duplicateOption(let o): return "option '\(o)' given twice"
        case .missingOption(let c, let o): return "'\(c)' needs \(o)"
        case .invalidOption(let n, let v, let rule): return "\(n)=\(v) is not allowed: \(rule)"
        case .unknownName(let n, let kind, _):
            switch kind {
            case .example: return "no example network '\(n)'"
            case .exportTarget: return "cannot export to '\(n)'"
            case .preset: return "no filter preset '\(n)'"
            case .sample: return "no sample image '\(n)'"
            case .helpTopic: return "no help for '\(n)'"
            }
        case .noInput: return "the network has no input layer yet"
        case .invalidInputShape(let dims):
            return "input \(dims.map(String.init).joined(separator: "x")) is not a valid shape: give n_H×n_W×n_c (or n_H×n_W, or a vector length) with every size ≥ 1"
        case .layer(let i, let cmd, let reason): return "layer \(i) (\(cmd)): \(reason.english)"
        case .noSuchLayer(let i, let count):
            return count <= 1 ? "there is no layer \(i): the network has only its input" : "there is no layer \(i): layers are 0 (input) to \(count - 1)"
        case .emptyNetwork: return "the network is empty"
        case .interrupted: return "interrupted"
        case .notANetworkFile(let f, let line): return "\(f), line \(line): a network file holds only layer commands (input, conv, pool, ...)"
        case .badNetworkFile(let f, let line, let p): return "\(f), line \(line): \(p.englishMessage)"
        case .noActivations: return "there are no activations yet"
        case .forwardInputShape(let e, let g): return "forward needs a tensor shaped like the input \(shapeText(e)) (or a batch m×\(shapeText(e))), got \(shapeText(g))"
        case .predictInputShape(let e, let g): return "predict needs a tensor shaped like the input \(shapeText(e)) (or a batch m×\(shapeText(e))), got \(shapeText(g))"
        case .noSoftmaxOutput(let last): return "predict needs a network that ends in softmax; its last layer is \(last)"
        case .image(let p, let r): return "\(p): \(r)"
        case .undefinedVariable(let n, _): return "'\(n)' is not defined"
        case .unknownFunction(let n, _): return "unknown function '\(n)'"
        case .raggedLiteral(let e, let g): return "ragged literal: this row has \(g) elements, the first row has \(e)"
        case .tooManyOperators(let n): return "a statement may have at most \(Language.en.grouped(n)) operators (+ − * · /)"
        case .expressionTooDeep(let n): return "expressions may nest at most \(n) levels of brackets, parentheses, calls and signs"
        case .literalTooDeep(let d): return "a literal may nest at most 4 levels (rank 4); this one nests \(d)"
        case .emptyLiteral: return "empty literal []: a tensor needs at least one element"
        case .mixedLiteral: return "a literal mixes numbers and lists at the same depth"
        case .nonFiniteLiteral: return "number does not fit in Float32"
        case .argumentCount(let f, let e, let g): return "\(f) takes \(e) argument(s), got \(g)"
        case .unknownArgument(let f, let a, _): return "\(f) has no argument '\(a)'"
        case .tupleArity(let e, let g): return "the right side gives \(g) value(s) but \(e) name(s) are on the left"
        case .tupleNotAllowed: return "this gives several values: assign them with `let a, b, c = ...`"
        case .notAnInteger(let s): return "\(s) must be a whole number"
        case .integerTooLarge(let s): return "\(s) is too large: a whole number here may be at most 2⁵³ = 9,007,199,254,740,992 in magnitude"
        case .inexactInteger(let s):
            return "\(s) is computed with tensor values, which are Float32 and hold every whole number only below 2²⁴ = 16,777,216; this one may have been rounded"
        case .tensor(let op, let err): return "\(op): \(err.english)"
        case .outOfMemory(let op, let needed, let inUse, let limit, let biggest):
            let holders = biggest.map { "\($0.name) \(MemorySize(bytes: $0.bytes))" }.joined(separator: ", ")
            return "not enough memory for \(op): it needs \(MemorySize(bytes: needed)) more, and the session holds \(MemorySize(bytes: inUse)) of its \(MemorySize(bytes: limit)) limit"
                + (holders.isEmpty ? "" : " (the most: \(holders))")
        case .fileNotFound(let p): return "no such file: \(p)"
        case .fileOutsideLesson(let p, _, let w): return w ? "a lesson may not write \(p)" : "a lesson may not read \(p)"
        case .activity(let a): return a.message(in: .en)
        case .dataset(let d): return d.message(in: .en)
        case .modelFile(let m): return m.message(in: .en)
        case .fileUnreadable(let p, let r): return "cannot read \(p): \(r)"
        case .fileUnwritable(let p, let r): return "cannot write \(p): \(r)"
        case .fileTooLarge(let p, let limit): return "\(p) is larger than \(MemorySize(bytes: limit)), the most cnnlab reads for it"
        case .npyMalformed(let p, let r): return "\(p) is not a valid .npy file: \(r)"
        case .npyUnsupported(let p, let r): return "\(p): unsupported .npy contents: \(r)"
        }
    }

    var englishHint: String? {
        switch self {
        case .unknownCommand(_, let s?), .undefinedVariable(_, let s?), .unknownFunction(_, let s?),
            .unknownName(_, _, let s?):
            return "did you mean '\(s)'?"
        case .unknownCommand: return "`help` lists the commands: " + Vocabulary.commands.joined(separator: " ")
        case .unknownOption(_, _, let allowed), .unknownArgument(_, _, let allowed):
            return allowed.isEmpty ? nil : "allowed: " + allowed.joined(separator: " ")
        case .unknownName(_, let kind, nil): return "one of: " + kind.names.joined(separator: " ")
        case .expected(.closingParen, found: ","): return "a tuple such as (2, 2) is written as a list: [2, 2]"
        case .noInput: return "start with an input layer, e.g. `input 39x39x3`"
        case .noActivations: return "run the network first: `forward X`"
        case .missingOption(let c, _) where c == "conv": return "e.g. `conv 10 f=3 s=1 p=0`"
        case .missingOption(let c, _) where c == "pool": return "e.g. `pool max f=2 s=2`"
        case .layer(_, _, .filterTooLarge): return "use a smaller f, or pad the input (p=…)"
        case .layer(_, _, .needsSpatialInput): return "convolution and pooling need an n_H×n_W×n_c input; put them before flatten/fc"
        case .layer(_, _, .sameNeedsOddFilter): return "'same' padding p=(f−1)/2 keeps n_H only for odd f; choose f odd or give p"
        case .noSuchLayer: return "`summary` lists the layers with their numbers"
        case .raggedLiteral, .mixedLiteral: return "every row of a tensor literal must have the same length and depth"
        case .tupleNotAllowed: return "e.g. `let dA, dW, db = conv_backward(dZ, A, W)`"
        case .tensor(_, .shapeMismatch): return "`shape NAME` shows a tensor's shape"
        case .tensor(let f, _) where HelpCatalog.page(for: f) != nil: return "`help \(f)` shows its arguments and an example"
        case .argumentCount(let f, _, _) where HelpCatalog.page(for: f) != nil: return "`help \(f)` shows its arguments and an example"
        case .notAnInteger: return "write a whole number, e.g. 2"
        case .outOfMemory: return "free memory with `let NAME = 0` on a big variable or with `clear vars`, or start cnnlab with a larger --memory-limit (e.g. 8G)"
        case .tooManyOperators: return "compute it in steps with `let`, or add many values with sum(X)"
        case .statementTooLong: return "split it into several statements (a newline or ';' ends one), or load a big tensor from a .npy file"
        case .integerTooLarge: return "write a smaller whole number, e.g. 2"
        case .inexactInteger: return "write it with whole numbers only, e.g. 16777217 or 2 * n with `let n = 8388609`"
        case .fileNotFound: return "paths are relative to the directory cnnlab was started in"
        case .fileOutsideLesson(_, let folder, let w):
            return w ? "a lesson writes only under its output folder \(folder), with relative paths" : "a lesson reads only files in its own folder \(folder), with relative paths"
        case .activity(let a): return a.hint(in: .en)
        case .dataset(let d): return d.hint(in: .en)
        case .modelFile(let m): return m.hint(in: .en)
        case .predictInputShape: return "one example is shaped like the input, a batch has the examples first; `shape X` shows X's shape"
        case .noSoftmaxOutput: return "end the network with `softmax K` for K classes, e.g. `softmax 10`"
        default: return nil
        }
    }
}

extension Expectation {
    var english: String {
        switch self {
        case .number: return "a number"
        case .integer: return "a whole number"
        case .name: return "a name"
        case .string: return "a quoted file name"
        case .expression: return "an expression"
        case .shape: return "a shape such as 39x39x3"
        case .endOfStatement: return "the end of the command"
        case .closingBracket: return "']'"
        case .closingParen: return "')'"
        case .equals: return "'='"
        case .poolKind: return "'max' or 'avg'"
        case .layerIndex: return "a layer number or 'all'"
        case .answer: return "an answer (a number, a shape such as 4x4x10, or a choice number)"
        }
    }
}

extension LayerProblem {
    var english: String {
        switch self {
        case .filterTooLarge(let f, let n, let p, let axis):
            return "filter f=\(f) is larger than the padded input: \(axis) + 2p = \(n) + \(2 * p) = \(n + 2 * p)"
        case .strideTooSmall(let s): return "stride s=\(s) must be at least 1"
        case .negativePadding(let p): return "padding p=\(p) cannot be negative"
        case .notPositive(let name, let v): return "\(name)=\(v) must be at least 1"
        case .needsSpatialInput(let shape): return "needs an n_H×n_W×n_c input, but the previous layer gives a flat vector of \(shape)"
        case .sameNeedsOddFilter(let f): return "'same' padding needs an odd filter size, f=\(f)"
        case .overflow: return "the sizes are too large to compute (integer overflow)"
        }
    }
}

extension TensorError {
    /// The error in English words.
    var english: String {
        switch self {
        case .invalidShape(let s): return "invalid shape \(shapeText(s)) (every size must be ≥ 1 and the count must fit)"
        case .tooLarge(let s, let limit): return "shape \(shapeText(s)) is too large (cnnlab holds at most \(limit) values in one tensor)"
        case .storageMismatch(let s, let c): return "\(c) values do not fill shape \(shapeText(s))"
        case .rankMismatch(_, let e, let g): return "expected \(e), got a tensor of shape \(shapeText(g))"
        case .shapeMismatch(_, let l, let r): return "shapes \(shapeText(l)) and \(shapeText(r)) do not fit together"
        case .invalidParameter(_, let n, let v, let reason): return "\(n)=\(v): \(reason)"
        case .indexOutOfRange(let i, let s): return "index \(i) is outside shape \(shapeText(s))"
        }
    }
}
