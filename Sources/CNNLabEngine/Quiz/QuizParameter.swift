/// One named number of a question (`n_H`, `f`, `s`, `matrix`, ...), so a front end or a test can
/// recompute the answer without reading the text.
public struct QuizParameter: Sendable, Equatable {
    /// A plain name: `n_H`, `n_W`, `n_c_prev`, `input`, `f`, `s`, `p`, `n_c`, `units`, `bias`,
    /// `kind`, `asked`, `matrix`, `filter`, `row`, `col`, `layers`.
    public var name: String
    public var value: Value

    /// A parameter's value.
    public enum Value: Sendable, Equatable {
        case int(Int)
        case shape([Int])
        case string(String)
        case bool(Bool)
        case matrix([[Double]])
        case strings([String])
    }

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}
