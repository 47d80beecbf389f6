import CNNLabEngine

/// The REPL's prompt: the program's name and, once there is a network, the shape its last
/// layer outputs, so students see every layer's effect without asking (`cnnlab [37×37×10]> `).
public enum ReplPrompt {
    /// `cnnlab [37×37×10]> ` when the session has a network, `cnnlab> ` before `input`.
    /// Without Unicode the times sign is written `x`.
    public static func text(for session: Session, unicode: Bool = true) -> String {
        guard let shape = try? session.analyze().last?.output.description else { return "cnnlab> " }
        return "cnnlab [\(unicode ? shape : String(shape.map { $0 == "×" ? "x" : $0 }))]> "
    }
}
