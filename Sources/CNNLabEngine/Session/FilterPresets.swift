import ConvCore

/// The preset kernels of `filter NAME`, as the lecture and image-processing texts write them
/// (cross-correlation, so `vertical` responds positively where bright turns to dark from left
/// to right, as in the lecture's edge example).
public enum FilterPresets {
    /// Presets whose size can change (`size=N`); the others are 3×3 only.
    public static let resizable: Set<String> = ["box", "gaussian", "identity"]

    /// The kernel `name` at `size` (default 3).
    static func kernel(_ name: String, size: Int?, at range: SourceRange) throws(Diagnostic) -> Tensor {
        let n = size ?? 3
        if n != 3 && !resizable.contains(name) {
            throw Diagnostic(.invalidOption(name: "size", value: String(n), rule: "\(name) is 3×3; size= works for box, gaussian, identity"), at: range)
        }
        guard (1...15).contains(n) else {
            throw Diagnostic(.invalidOption(name: "size", value: String(n), rule: "1 ≤ size ≤ 15"), at: range)
        }
        if name == "identity" && n % 2 == 0 {
            throw Diagnostic(.invalidOption(name: "size", value: String(n), rule: "identity needs an odd size (a centre)"), at: range)
        }
        let values: [Float]
        switch name {
        case "vertical": values = [1, 0, -1, 1, 0, -1, 1, 0, -1]
        case "horizontal": values = [1, 1, 1, 0, 0, 0, -1, -1, -1]
        case "sobel_x": values = [1, 0, -1, 2, 0, -2, 1, 0, -1]
        case "sobel_y": values = [1, 2, 1, 0, 0, 0, -1, -2, -1]
        case "scharr_x": values = [3, 0, -3, 10, 0, -10, 3, 0, -3]
        case "scharr_y": values = [3, 10, 3, 0, 0, 0, -3, -10, -3]
        case "laplacian": values = [0, 1, 0, 1, -4, 1, 0, 1, 0]
        case "sharpen": values = [0, -1, 0, -1, 5, -1, 0, -1, 0]
        case "box": values = [Float](repeating: 1 / Float(n * n), count: n * n)
        case "gaussian":
            // Outer product of binomial coefficients, normalised to sum 1.
            var row: [Float] = [1]
            for _ in 1..<max(n, 1) { row = zip(row + [0], [0] + row).map { $0 + $1 } }
            let total = row.reduce(0, +) * row.reduce(0, +)
            values = row.flatMap { r in row.map { r * $0 / total } }
        case "identity":
            values = (0..<(n * n)).map { $0 == (n * n) / 2 ? 1 : 0 }
        default:
            throw Diagnostic(.unknownName(name, kind: .preset, suggestion: nil), at: range)
        }
        do {
            return try Tensor(shape: [n, n], storage: values)
        } catch {
            throw Diagnostic(.tensor(operation: "filter", error), at: range)
        }
    }
}
