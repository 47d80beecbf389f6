import ConvCore

/// Every way a command can fail, with the numbers the message needs.
///
/// The English and Portuguese texts live in `Problem+English.swift` and
/// `Problem+Portuguese.swift`; keep the two switch statements in step.
public enum Problem: Sendable, Equatable {
    // Lexing and parsing
    case unexpectedCharacter(Character)
    case unterminatedString
    case numberTooLarge(String)
    /// A statement longer than ``Lexer/maxStatementLength`` characters.
    case statementTooLong(Int)
    case unknownCommand(String, suggestion: String?)
    case expected(Expectation, found: String?)
    case unknownOption(command: String, option: String, allowed: [String])
    case duplicateOption(String)
    case missingOption(command: String, option: String)
    case invalidOption(name: String, value: String, rule: String)
    case unknownName(String, kind: NameKind, suggestion: String?)

    // Network
    case noInput
    case invalidInputShape([Int])
    case layer(index: Int, command: String, reason: LayerProblem)
    case noSuchLayer(Int, count: Int)
    case emptyNetwork
    /// Ctrl-C stopped the computation.
    case interrupted
    /// A network file holds something other than layer commands (at `line`).
    case notANetworkFile(String, line: Int)
    /// A network file has a bad command at `line`.
    indirect case badNetworkFile(String, line: Int, message: Problem)
    /// `a[l]` before `forward`.
    case noActivations
    /// `forward X` with X not shaped like the input layer.
    case forwardInputShape(expected: [Int], got: [Int])
    /// `predict X` with X not shaped like the input layer.
    case predictInputShape(expected: [Int], got: [Int])
    /// `predict` on a network whose last layer (`lastLayer`) is not softmax.
    case noSoftmaxOutput(lastLayer: String)
    /// An image could not be read or written.
    case image(String, reason: String)

    // Tensors and expressions
    case undefinedVariable(String, suggestion: String?)
    case unknownFunction(String, suggestion: String?)
    case raggedLiteral(expected: Int, got: Int)
    case literalTooDeep(Int)
    /// Brackets, parentheses, calls or signs nested deeper than the limit.
    case expressionTooDeep(Int)
    /// More binary operators in one statement than the limit.
    case tooManyOperators(Int)
    case emptyLiteral
    case mixedLiteral
    case nonFiniteLiteral
    case argumentCount(function: String, expected: String, got: Int)
    case unknownArgument(function: String, argument: String, allowed: [String])
    case tupleArity(expected: Int, got: Int)
    case tupleNotAllowed
    case notAnInteger(String)
    /// A whole-number argument past 2⁵³ in magnitude.
    case integerTooLarge(String)
    /// A whole-number argument computed with Float32 tensor values at or past 2²⁴, which may
    /// have been rounded to a whole number.
    case inexactInteger(String)
    case tensor(operation: String, TensorError)
    /// `operation` needs `needed` bytes more than the session may hold: it holds `inUse` of
    /// its `limit`, the most in `biggest`.
    case outOfMemory(operation: String, needed: Int, inUse: Int, limit: Int, biggest: [MemoryHolder])

    // Files
    case fileNotFound(String)
    case fileUnreadable(String, reason: String)
    case fileUnwritable(String, reason: String)
    /// A file larger than cnnlab reads for its purpose (`limit` bytes).
    case fileTooLarge(String, limit: Int)
    case npyMalformed(String, reason: String)
    case npyUnsupported(String, reason: String)
    /// A lesson's command named a file outside the folder it may use.
    case fileOutsideLesson(String, folder: String, writing: Bool)

    /// A `.npz` model file that cannot be written or read.
    case modelFile(ModelFileProblem)

    // Lessons and quizzes
    /// `next`, `answer` ... with no lesson or quiz open, a lesson that cannot be found, ...
    case activity(ActivityProblem)

    // Datasets
    /// A dataset that cannot be loaded, split or batched.
    case dataset(DatasetProblem)
}

/// Families of names the language knows (for "unknown preset 'sobelx'").
public enum NameKind: String, Sendable, Equatable {
    case example, exportTarget, preset, sample, helpTopic
}

/// What the parser was looking for when it found something else.
public enum Expectation: String, Sendable, Equatable {
    case number, integer, name, string, expression, shape, endOfStatement
    case closingBracket, closingParen, equals, poolKind, layerIndex, answer
}

/// Why a layer does not fit the network built so far.
public enum LayerProblem: Error, Sendable, Equatable {
    /// f > n + 2p along `axis` ("n_H" or "n_W").
    case filterTooLarge(f: Int, n: Int, p: Int, axis: String)
    case strideTooSmall(Int)
    case negativePadding(Int)
    case notPositive(name: String, value: Int)
    case needsSpatialInput(shape: String)
    case sameNeedsOddFilter(Int)
    case overflow
}
