import CNNLabEngine
import CNNLabLineEditor

/// The one warning the REPL (on standard error, before its banner) and the TUI (in its output
/// pane) give when the history file cannot be used, in English and Portuguese. The path comes
/// from the environment and is shown escaped (``VisibleText``).
enum HistoryWarning {
    static func text(_ problem: HistoryProblem, in language: Language) -> String {
        let path = VisibleText.escaped(problem.path)
        switch problem {
        case .symbolicLink:
            return language.pick(
                "warning: the history file \(path) is a symbolic link, which cnnlab does not follow: history is kept for this session only",
                "aviso: o arquivo de histórico \(path) é um link simbólico, que o cnnlab não segue: o histórico fica só nesta sessão")
        case .notAPrivateFile:
            return language.pick(
                "warning: the history file \(path) is not a regular file of yours: history is kept for this session only",
                "aviso: o arquivo de histórico \(path) não é um arquivo comum seu: o histórico fica só nesta sessão")
        case .unavailable(_, let reason):
            let why = VisibleText.escaped(reason)
            return language.pick(
                "warning: history cannot be kept in \(path) (\(why)): it is kept for this session only",
                "aviso: não é possível guardar o histórico em \(path) (\(why)): ele fica só nesta sessão")
        }
    }
}
