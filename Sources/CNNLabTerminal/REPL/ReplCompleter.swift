import CNNLabEngine
import Foundation

/// Tab completion for the REPL: the words that fit where the cursor is.
///
/// - At the start of a statement (also after `;`): commands.
/// - After `filter`: the filter presets; after `net`: its subcommands; after `net example`:
///   the lecture's networks; after `net export`: the frameworks; after `image sample`: the
///   built-in images; after `style=`: the heatmap styles.
/// - After `lesson`: the lessons' names and `stop`.
/// - After `pool`: `max`, `avg`; after a layer command: option keywords (`f=`, `same`, ...);
///   after `p=`: `same`.
/// - After `predict`: variable names and function names (it takes an expression, no options).
/// - Elsewhere (expressions): variable names, function names (with their `(`), keywords.
/// - Inside quotes: file and directory names (directories end with `/`).
public struct ReplCompleter {
    /// The session's variable names.
    public var variables: [String]
    /// The directory relative paths in quotes are resolved against.
    public var workingDirectory: String

    /// The names of the lessons `lesson NAME` can open.
    public var lessons: [String]

    public init(variables: [String], workingDirectory: String, lessons: [String] = []) {
        self.variables = variables
        self.workingDirectory = workingDirectory
        self.lessons = lessons
    }

    /// The completer for `session`: its variables, its working directory and its lessons.
    public init(session: Session) {
        self.init(
            variables: Array(session.variables.keys), workingDirectory: session.workingDirectory,
            lessons: session.lessons.entries().map(\.name))
    }

    /// Commands that build the network: they take numbers and option keywords, not expressions.
    static let layerCommands: Set = ["input", "conv", "pool", "relu", "sigmoid", "tanh", "flatten", "fc", "softmax"]
    /// Options whose value is a number.
    static let numericOptions: Set = ["f", "s", "ch", "size", "scale"]
    /// The first word after `pool`.
    static let poolKinds = ["max", "avg"]

    /// The candidates for `word`, which starts at character `wordStart` of `line`; sorted,
    /// without duplicates, each starting with `word`.
    public func candidates(line: String, wordStart: Int, word: String) -> [String] {
        let before = String(line.prefix(max(0, wordStart)))
        if let quote = before.last, quote == "\"" || quote == "'", before.filter({ $0 == quote }).count % 2 == 1 {
            return files(matching: word)
        }
        let statement = before.split(separator: ";", omittingEmptySubsequences: false).last ?? ""
        let tokens = statement.split(whereSeparator: \.isWhitespace).map(String.init)
        let fitting = choices(tokens: tokens, afterEquals: statement.last == "=").filter { $0.hasPrefix(word) }
        return Set(fitting).sorted()
    }

    /// Every word that may go here, before filtering by what was typed.
    private func choices(tokens: [String], afterEquals: Bool) -> [String] {
        guard let command = tokens.first else { return Vocabulary.commands + Vocabulary.aliases.keys }
        let expression = variables + Vocabulary.functions.map { $0 + "(" }
        if afterEquals {
            let key = String((tokens.last ?? "").dropLast().reversed().prefix { $0.isLetter || $0 == "_" }.reversed())
            if key == "style" { return Vocabulary.heatmapStyles }
            if key == "p" { return ["same"] }
            if key == "optimizer" { return OptimizerChoice.allCases.map(\.rawValue) }
            if key == "topic" { return QuizTopic.allCases.map(\.rawValue) }
            if key == "dataset" { return ["digits", "mnist5k", "shapes"] }
            return Self.numericOptions.contains(key) ? [] : expression
        }
        switch (command, tokens.count) {
        case ("filter", 1): return Vocabulary.presets
        case ("pool", 1): return Self.poolKinds
        case ("net", 1): return Vocabulary.netSubcommands
        case ("net", 2) where tokens[1] == "example": return Vocabulary.examples
        case ("net", 2) where tokens[1] == "export": return Vocabulary.exportTargets
        case ("image", 2) where tokens[1] == "sample": return Vocabulary.samples
        case ("lesson", 1): return lessons + ["stop"]
        case ("quiz", _): return Vocabulary.quizSubcommands
        case ("train", _): return Vocabulary.trainOptions.map { $0 + "=" } + ["augment"]
        case ("let", 1): return []
        case ("predict", _): return expression
        default: break
        }
        if Self.layerCommands.contains(command) { return Vocabulary.keywords }
        return expression + Vocabulary.keywords
    }

    /// Entries of the directory named in `word` whose names continue it: `data/im` →
    /// `data/image.png`, `data/images/`. Hidden entries only when the name starts with `.`.
    func files(matching word: String) -> [String] {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? ""
        let prefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
        let base = directory.hasPrefix("/") ? directory : workingDirectory + "/" + directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { name in
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: base + name, isDirectory: &isDirectory)
                return directory + name + (exists && isDirectory.boolValue ? "/" : "")
            }
            .sorted()
    }
}
