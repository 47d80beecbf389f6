/// Something wrong with a lesson file, found while reading it or by `lesson --check`, with
/// the file and line to fix.
public struct LessonProblem: Sendable, Equatable, Error {
    /// The lesson file.
    public var path: String
    public var line: Int
    public var kind: Kind

    public init(path: String, line: Int, _ kind: Kind) {
        self.path = path
        self.line = line
        self.kind = kind
    }

    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// An English element (`what`: title, heading, paragraph, question, ...) without `pt:`.
        case missingTranslation(String)
        /// A `pt:` line with nothing above it to translate.
        case orphanTranslation
        case noTitle
        case noSteps
        /// `answer:`, `hint:` ... before any `?` in the step.
        case keyWithoutQuestion(String)
        /// `=` before any `>` in the step.
        case expectedWithoutCommand
        case secondQuestion
        case badAnswer(String)
        case missingAnswer
        case badCheck(String)
        /// A number or shape question without `check:`.
        case missingCheck
        case choiceOutOfRange(Int, count: Int)
        case badTolerance(String)
        /// A step's command failed (the message is in the checked language).
        case commandFailed(command: String, message: String, language: Language)
        /// An output line differs from the expected one (nil: the output ended, or went on).
        case outputDiffers(expected: String?, actual: String?, language: Language)
        /// The accepted answer is not what the engine computes.
        case answerDisagrees(answer: String, computed: String)
        /// The `check:` query itself failed.
        case checkFailed(String)
        /// A lesson command that may not run inside a lesson (`lesson`, `next`, `quiz` ...).
        case commandNotAllowed(String)
    }

    /// `path:line: message`, in `language`.
    public func description(in language: Language) -> String {
        "\(path):\(line): " + kind.message(in: language)
    }
}

extension LessonProblem.Kind {
    /// The message in `language`.
    public func message(in language: Language) -> String {
        let L = language
        switch self {
        case .missingTranslation(let what): return L.pick("\(what) has no 'pt:' translation", "\(what) não tem tradução 'pt:'")
        case .orphanTranslation: return L.pick("'pt:' line with nothing above it to translate", "linha 'pt:' sem nada acima para traduzir")
        case .noTitle: return L.pick("the first line must be the title: '# Title'", "a primeira linha deve ser o título: '# Título'")
        case .noSteps: return L.pick("the lesson has no steps ('## Heading')", "a lição não tem passos ('## Título')")
        case .keyWithoutQuestion(let key): return L.pick("'\(key):' before any '?' question in this step", "'\(key):' antes de qualquer pergunta '?' neste passo")
        case .expectedWithoutCommand: return L.pick("'=' expected output before any '>' command in this step", "saída esperada '=' antes de qualquer comando '>' neste passo")
        case .secondQuestion: return L.pick("a step has at most one question", "um passo tem no máximo uma pergunta")
        case .badAnswer(let a): return L.pick("'\(a)' is not an answer: give a number, a shape such as 4x4x10, or a choice number", "'\(a)' não é uma resposta: dê um número, um formato como 4x4x10 ou o número de uma opção")
        case .missingAnswer: return L.pick("the question has no 'answer:'", "a pergunta não tem 'answer:'")
        case .badCheck(let q): return L.pick("unknown check '\(q)': use params N, shape N, size N, weights N, bias N, value EXPR, shape-of EXPR or most-params", "verificação desconhecida '\(q)': use params N, shape N, size N, weights N, bias N, value EXPR, shape-of EXPR ou most-params")
        case .missingCheck: return L.pick("a number or shape question needs 'check:' (what the engine computes)", "uma pergunta de número ou formato precisa de 'check:' (o que o motor calcula)")
        case .choiceOutOfRange(let n, let count): return L.pick("answer \(n) is not one of the \(count) choices", "a resposta \(n) não é uma das \(count) opções")
        case .badTolerance(let t): return L.pick("tolerance '\(t)' is not a number ≥ 0", "tolerância '\(t)' não é um número ≥ 0")
        case .commandFailed(let c, let m, let lang): return L.pick("command '\(c)' fails (\(lang.rawValue)): \(m)", "o comando '\(c)' falha (\(lang.rawValue)): \(m)")
        case .outputDiffers(let e, let a, let lang):
            let expected = e.map { "'\($0)'" } ?? L.pick("no more lines", "nenhuma linha a mais")
            let actual = a.map { "'\($0)'" } ?? L.pick("the end of the output", "o fim da saída")
            return L.pick("output (\(lang.rawValue)) differs: expected \(expected), got \(actual)", "a saída (\(lang.rawValue)) difere: esperado \(expected), obtido \(actual)")
        case .answerDisagrees(let a, let c): return L.pick("the accepted answer \(a) disagrees with what cnnlab computes: \(c)", "a resposta aceita \(a) não confere com o que o cnnlab calcula: \(c)")
        case .checkFailed(let m): return L.pick("the check fails: \(m)", "a verificação falha: \(m)")
        case .commandNotAllowed(let c): return L.pick("'\(c)' cannot run inside a lesson", "'\(c)' não pode ser executado dentro de uma lição")
        }
    }
}
