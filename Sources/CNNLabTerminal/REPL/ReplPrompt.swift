import CNNLabEngine

/// The REPL's prompt: the program's name and, once there is a network, the shape its last
/// layer outputs, so students see every layer's effect without asking (`cnnlab [37×37×10]> `).
/// In a lesson or a quiz it says where the student is, and `?` when an answer is awaited
/// (`cnnlab [lesson 1 · 2/14 ?]> `, `cnnlab [quiz 3/10 ?]> `). A lesson without a number is
/// named by its file, shown escaped (``VisibleText``): readline prints the prompt as it is.
public enum ReplPrompt {
    /// `cnnlab [37×37×10]> ` when the session has a network, `cnnlab> ` before `input`.
    /// Without Unicode the times sign is written `x` and the dot `-`.
    public static func text(for session: Session, unicode: Bool = true) -> String {
        if let quiz = session.quizRun {
            return "cnnlab [quiz \(quiz.index + 1)/\(quiz.items.count) ?]> "
        }
        if let lesson = session.lessonRun {
            let number = lesson.lesson.number.map(String.init) ?? VisibleText.escaped(lesson.lesson.name)
            let waiting = lesson.awaitsAnswer ? " ?" : ""
            return "cnnlab [lesson \(number) \(unicode ? "·" : "-") \(lesson.step + 1)/\(lesson.lesson.steps.count)\(waiting)]> "
        }
        guard let shape = try? session.analyze().last?.output.description else { return "cnnlab> " }
        return "cnnlab [\(unicode ? shape : String(shape.map { $0 == "×" ? "x" : $0 }))]> "
    }
}
