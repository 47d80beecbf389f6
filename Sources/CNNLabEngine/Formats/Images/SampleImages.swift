/// Deterministic built-in images, so every example works offline and every run sees the
/// same numbers. All are gray, 0 (black) to 1 (white):
///
/// - `edges`: 16×16, black with a white 8×8 square in rows 4–11 and columns 4–11, so it has
///   two vertical edges (columns 3|4 and 11|12) and two horizontal ones (rows 3|4 and 11|12)
///   for the lecture's vertical and horizontal edge filters to find.
/// - `checker`: 16×16 checkerboard of 4×4 squares, the top-left square white.
/// - `circle`: 16×16, a white disc of radius 6 centred between pixels 7 and 8 (a pixel is
///   white when its centre is inside), on black.
/// - `digit` 0…9: 28×28 like an MNIST digit: a 5×7 font glyph scaled ×3 (15×21), centred at
///   columns 6–20, rows 3–23, then softened with a [1 2 1]/4 blur on each axis so strokes
///   have grey borders and white cores, as handwriting scans do.
public enum SampleImages {
    /// The names `image(named:digit:)` accepts.
    public static let names = ["edges", "checker", "circle", "digit"]

    /// The sample called `name`; `digit` is required for "digit" (0…9) and refused otherwise.
    public static func image(named name: String, digit: Int?) throws(ImageError) -> Image {
        if name == "digit" {
            guard let digit, (0...9).contains(digit) else {
                throw .unsupported("sample digit needs a number from 0 to 9")
            }
            return digitImage(digit)
        }
        guard digit == nil else { throw .unsupported("only the digit sample takes a number") }
        switch name {
        case "edges": return square(16) { y, x in (4..<12).contains(y) && (4..<12).contains(x) }
        case "checker": return square(16) { y, x in (y / 4 + x / 4) % 2 == 0 }
        case "circle":
            return square(16) { y, x in
                let dy = Double(y) - 7.5, dx = Double(x) - 7.5
                return dy * dy + dx * dx <= 36
            }
        default:
            throw .unsupported("no sample image \"\(name)\"; try \(names.joined(separator: ", "))")
        }
    }

    /// A `size × size` gray image, white where `isWhite(y, x)`.
    private static func square(_ size: Int, _ isWhite: (Int, Int) -> Bool) -> Image {
        var pixels = [Float](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size where isWhite(y, x) { pixels[y * size + x] = 1 }
        }
        return Image(validWidth: size, height: size, channels: 1, pixels: pixels)
    }

    private static func digitImage(_ digit: Int) -> Image {
        let size = 28, scale = 3, left = 6, top = 3
        let glyph = DigitFont.glyphs[digit]
        let sharp = square(size) { y, x in
            let row = (y - top) / scale, column = (x - left) / scale
            guard y >= top, x >= left, row < glyph.count, column < 5 else { return false }
            return Array(glyph[row])[column] == "#"
        }
        return blurred(sharp)
    }

    /// A separable [1 2 1]/4 blur, edges clamped.
    private static func blurred(_ image: Image) -> Image {
        let w = image.width, h = image.height
        func at(_ p: [Float], _ y: Int, _ x: Int) -> Float { p[min(max(y, 0), h - 1) * w + min(max(x, 0), w - 1)] }
        var across = image.pixels
        for y in 0..<h {
            for x in 0..<w { across[y * w + x] = (at(image.pixels, y, x - 1) + 2 * at(image.pixels, y, x) + at(image.pixels, y, x + 1)) / 4 }
        }
        var down = across
        for y in 0..<h {
            for x in 0..<w { down[y * w + x] = (at(across, y - 1, x) + 2 * at(across, y, x) + at(across, y + 1, x)) / 4 }
        }
        return Image(validWidth: w, height: h, channels: 1, pixels: down)
    }
}

/// A 5×7 pixel font for the digits, one string per row, `#` for ink.
private enum DigitFont {
    static let glyphs: [[String]] = [
        [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
        [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
        ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
        ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
        ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
        ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
        ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
        [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
        [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
    ]
}
