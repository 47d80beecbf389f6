/// How text output may be decorated: plain, or with ANSI SGR attributes.
public struct TextStyle: Sendable, Equatable {
    /// Whether ANSI escape sequences may be used.
    public var ansi: Bool

    public init(ansi: Bool) {
        self.ansi = ansi
    }

    /// Plain text, for files, pipes and `NO_COLOR`.
    public static let plain = TextStyle(ansi: false)

    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func red(_ s: String) -> String { wrap(s, "1;31") }
    public func cyan(_ s: String) -> String { wrap(s, "36") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }

    private func wrap(_ s: String, _ code: String) -> String {
        ansi ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
