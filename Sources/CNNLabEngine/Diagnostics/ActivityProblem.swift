/// Why a lesson or quiz command cannot run now.
public enum ActivityProblem: Sendable, Equatable {
    /// `next`, `back`, `hint`, `skip` with no lesson open.
    case noLesson
    /// `lesson NAME` names no lesson; `suggestion` is the closest name.
    case lessonNotFound(String, suggestion: String?)
    /// No folder of lessons was found.
    case noLessons
    /// The lesson file exists but cannot be read.
    case lessonUnreadable(String)
    /// `answer` (or a bare answer) with no question open.
    case noQuestion
    /// The answer cannot be read as a number, a shape or a choice.
    case unreadableAnswer(String)
    /// `next` while the step's question is unanswered.
    case questionPending
    /// `back` at the first step.
    case atFirstStep
    /// A lesson's own commands may not open lessons or quizzes, nor move between steps.
    case notInsideLesson(String)
    /// `quiz stop` with no quiz.
    case noQuiz
    /// `hint` during a quiz.
    case noHintInQuiz
    /// `quiz from FILE` with a file that has no questions.
    case noQuestionsInFile(String)
    /// `quiz topic=NAME` names no topic.
    case unknownTopic(String, suggestion: String?)
    /// `train` on a network whose input is not the data's images or whose last layer is not
    /// `softmax` over its classes.
    case networkDoesNotFitData(input: [Int], data: [Int], classes: Int)

    /// The message in `language`.
    public func message(in language: Language) -> String {
        let L = language
        switch self {
        case .noLesson: return L.pick("no lesson is open", "nenhuma lição está aberta")
        case .lessonNotFound(let n, _): return L.pick("no lesson '\(n)'", "não há lição '\(n)'")
        case .noLessons: return L.pick("no lessons found", "nenhuma lição encontrada")
        case .lessonUnreadable(let p): return L.pick("cannot read the lesson \(p)", "não foi possível ler a lição \(p)")
        case .noQuestion: return L.pick("there is no question to answer", "não há pergunta a responder")
        case .unreadableAnswer(let a): return L.pick("'\(a)' is not an answer I can read", "'\(a)' não é uma resposta que eu consiga ler")
        case .questionPending: return L.pick("answer the question first", "responda à pergunta primeiro")
        case .atFirstStep: return L.pick("this is the first step", "este é o primeiro passo")
        case .notInsideLesson(let c): return L.pick("'\(c)' cannot run inside a lesson's commands", "'\(c)' não pode ser executado nos comandos de uma lição")
        case .noQuiz: return L.pick("no quiz is running", "nenhum quiz está em andamento")
        case .noHintInQuiz: return L.pick("the quiz gives no hints", "o quiz não dá dicas")
        case .noQuestionsInFile(let f): return L.pick("\(f) has no questions ('?' lines with 'answer:')", "\(f) não tem perguntas (linhas '?' com 'answer:')")
        case .unknownTopic(let t, _): return L.pick("no quiz topic '\(t)'", "não há tópico de quiz '\(t)'")
        case .networkDoesNotFitData(let input, let data, let k):
            let i = input.map(String.init).joined(separator: "×"), d = data.map(String.init).joined(separator: "×")
            return L.pick(
                "the network (input \(i)) does not fit the data: it needs input \(d) and a last layer softmax \(k)",
                "a rede (entrada \(i)) não serve para os dados: ela precisa de entrada \(d) e de uma última camada softmax \(k)")
        }
    }

    /// What to try, in `language`.
    public func hint(in language: Language) -> String? {
        let L = language
        switch self {
        case .noLesson: return L.pick("`lesson` lists the lessons, `lesson 1` opens the first", "`lesson` lista as lições, `lesson 1` abre a primeira")
        case .lessonNotFound(_, let s?): return L.pick("did you mean '\(s)'? `lesson` lists them", "você quis dizer '\(s)'? `lesson` lista as lições")
        case .lessonNotFound: return L.pick("`lesson` lists the lessons by number and name", "`lesson` lista as lições por número e nome")
        case .noLessons: return L.pick("give a folder of .lesson files with --lessons DIR", "indique uma pasta de arquivos .lesson com --lessons DIR")
        case .lessonUnreadable: return nil
        case .noQuestion: return L.pick("`next` goes on to the next step", "`next` vai para o próximo passo")
        case .unreadableAnswer: return L.pick("type a number (280), a shape (4x4x10) or a choice number (2); `skip` shows the answer", "digite um número (280), um formato (4x4x10) ou o número de uma opção (2); `skip` mostra a resposta")
        case .questionPending: return L.pick("type your answer, `hint` for a hint, or `skip` to see it", "digite sua resposta, `hint` para uma dica, ou `skip` para vê-la")
        case .atFirstStep: return L.pick("`next` goes forward", "`next` avança")
        case .notInsideLesson: return nil
        case .noQuiz: return L.pick("`quiz` starts one", "`quiz` começa um")
        case .noHintInQuiz: return L.pick("answer, or `skip`; a wrong answer shows the derivation", "responda, ou `skip`; uma resposta errada mostra a dedução")
        case .noQuestionsInFile: return L.pick("Lessons/README.md describes the question format", "Lessons/README.md descreve o formato das perguntas")
        case .unknownTopic(_, let s?): return L.pick("did you mean '\(s)'? `quiz topics` lists them", "você quis dizer '\(s)'? `quiz topics` lista os tópicos")
        case .unknownTopic: return L.pick("`quiz topics` lists them", "`quiz topics` lista os tópicos")
        case .networkDoesNotFitData: return L.pick("`clear` first and `train` builds a small CNN for the data", "faça `clear` antes e `train` monta uma CNN pequena para os dados")
        }
    }
}
