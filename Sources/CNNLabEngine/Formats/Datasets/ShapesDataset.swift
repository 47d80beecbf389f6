import ConvCore
import Foundation

/// A generated dataset of simple strokes on which a first conv layer's filters become edge and
/// line detectors: 7 classes — lines in four orientations (—, |, \, /), square outlines, circle
/// outlines and crosses (+) — each drawn at a random position, size and thickness with soft
/// (anti-aliased) edges and a little Gaussian noise, white on black, values in 0…1.
///
/// Everything comes from one ``SeededGenerator``, so a seed and a size always give the same
/// images; examples alternate class by class (0, 1, …, 6, 0, 1, …).
public enum ShapesDataset {
    /// The class names, in label order.
    public static let classNames = ["horizontal", "vertical", "diagonal", "antidiagonal", "square", "circle", "cross"]
    /// The default image side.
    public static let defaultSize = 16
    /// The image sides accepted.
    public static let sizes = 8...64

    /// `perClass` images of each class, `size × size × 1`, drawn with randomness from `seed`.
    public static func make(size: Int = defaultSize, perClass: Int = 200, seed: UInt64 = 1) throws(Diagnostic) -> Dataset {
        guard sizes.contains(size) else { throw Diagnostic(.dataset(.invalidShapesSize(String(size)))) }
        guard perClass >= 1 else { throw Diagnostic(.dataset(.tooFewExamples(perClass))) }
        let classes = classNames.count
        let count = perClass * classes
        _ = try DatasetFile.checkedCount([count, size, size, 1], path: "shapes")
        var rng = SeededGenerator(seed: seed)
        var values = [Float](repeating: 0, count: count * size * size)
        var labels = [Int](repeating: 0, count: count)
        for n in 0..<count {
            let label = n % classes
            labels[n] = label
            draw(label, size: size, into: &values, at: n * size * size, using: &rng)
        }
        let images: Tensor
        do {
            images = try Tensor(shape: [count, size, size, 1], storage: values)
        } catch {
            throw Diagnostic(.tensor(operation: "shapes", error))
        }
        return try Dataset(name: size == defaultSize ? "shapes" : "shapes:\(size)", images: images, labels: labels, classNames: classNames)
    }

    /// Draws one shape of class `label` into `values[offset...]`.
    private static func draw(_ label: Int, size: Int, into values: inout [Float], at offset: Int, using rng: inout SeededGenerator) {
        let s = Float(size)
        // Half the shape's extent, then a centre that keeps it inside the image.
        let radius = s * (0.2 + 0.18 * rng.nextUniform())
        let margin = radius + 1
        let cx = margin + (s - 2 * margin) * rng.nextUniform()
        let cy = margin + (s - 2 * margin) * rng.nextUniform()
        let thickness = 1 + 1.2 * rng.nextUniform()
        let brightness = 0.7 + 0.3 * rng.nextUniform()
        for y in 0..<size {
            for x in 0..<size {
                let dx = Float(x) + 0.5 - cx
                let dy = Float(y) + 0.5 - cy
                let distance: Float
                switch label {
                case 0: distance = segment(along: dx, across: dy, half: radius)
                case 1: distance = segment(along: dy, across: dx, half: radius)
                case 2: distance = segment(along: (dx + dy) * 0.7071068, across: (dx - dy) * 0.7071068, half: radius)
                case 3: distance = segment(along: (dx - dy) * 0.7071068, across: (dx + dy) * 0.7071068, half: radius)
                case 4: distance = abs(max(abs(dx), abs(dy)) - radius)
                case 5: distance = abs((dx * dx + dy * dy).squareRoot() - radius)
                default: distance = min(segment(along: dx, across: dy, half: radius), segment(along: dy, across: dx, half: radius))
                }
                // Full intensity within half the thickness, fading to 0 over one pixel.
                let ink = min(1, max(0, thickness / 2 + 0.5 - distance)) * brightness
                let noisy = ink + 0.05 * rng.nextGaussian()
                values[offset + y * size + x] = min(1, max(0, noisy))
            }
        }
    }

    /// The distance from a point at (`along`, `across`) to a segment from −`half` to `half`
    /// along the first axis.
    private static func segment(along: Float, across: Float, half: Float) -> Float {
        let beyond = max(0, abs(along) - half)
        return (beyond * beyond + across * across).squareRoot()
    }
}
