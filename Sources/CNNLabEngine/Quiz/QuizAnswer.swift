/// The right answer to a quiz question, or the answer a known mistake gives. It is the same value
/// as a parsed student answer (`.number`, `.shape`, or `.matrix` for a whole pooling result), so
/// the grader compares like with like through `AnswerParser.matches`.
public typealias QuizAnswer = ParsedAnswer
