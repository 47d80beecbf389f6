/// The current network as PyTorch or Keras code, with a shape comment per layer, so students
/// can cross-check cnnlab's numbers in a framework; then `save_cnnlab_weights(model, path)`,
/// which writes a model's weights as the `.npz` that `net load` reads into this network
/// (``NetworkWeightsFile``'s `W<l>`, `b<l>`, numbered and shaped as cnnlab's), and
/// `load_cnnlab_weights(model, path)`, which copies a `net save` file's weights into the model.
public enum NetworkExporter {
    /// Code for `framework` ("pytorch" or "keras") building the network of `reports`.
    public static func code(_ reports: [LayerReport], framework: String) -> String {
        framework == "keras" ? keras(reports) : pytorch(reports)
    }

    /// The line that checks the parameter count, or a comment when the total is too large to
    /// count (past `Int.max`).
    static func parameterCheck(_ reports: [LayerReport], _ assertion: (Int) -> String) -> String {
        guard let total = CheckedCount.sum(reports.lazy.map(\.params)) else {
            return "# the total parameter count is too large to count (over 2**63 - 1), so it is not checked"
        }
        return assertion(total)
    }

    /// The `def` line and docstring of `save_cnnlab_weights`, the same for both frameworks.
    static let saveHeader = [
        "def save_cnnlab_weights(model, path):",
        "    \"\"\"Writes the model's weights as the .npz that cnnlab's `net load \"path\"` reads into this",
        "    network: W<l>, b<l> numbered as cnnlab's `summary` numbers the layers, in its shapes.\"\"\"",
    ]

    /// The `def` line and docstring of `load_cnnlab_weights`, the same for both frameworks.
    static let loadHeader = [
        "def load_cnnlab_weights(model, path):",
        "    \"\"\"Copies the weights of a cnnlab .npz (`net save \"path\"`, or save_cnnlab_weights) into",
        "    the model (the inverse of save_cnnlab_weights).\"\"\"",
    ]

    /// `statements` as the body of a `with` block in a function (`pass` when there are none).
    static func withBody(_ statements: [String]) -> [String] {
        (statements.isEmpty ? ["pass"] : statements).map { "        " + $0 }
    }

    /// The shape comment of a cnnlab layer: `→ 24×24×8, 208 params`.
    static func shapeComment(_ report: LayerReport) -> String {
        "→ \(report.output.description), \(report.params) params"
    }

    /// `dimensions` as Python arguments: `1, 1, 1, 8`.
    static func arguments(_ dimensions: [Int]) -> String {
        dimensions.map(String.init).joined(separator: ", ")
    }

    /// `dimensions` as the lecture writes a shape: `5×5×1×8`.
    static func shape(_ dimensions: [Int]) -> String {
        dimensions.map(String.init).joined(separator: "×")
    }
}
