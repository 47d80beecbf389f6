/// A terminal background colour in one of the two escape dialects.
enum TerminalColor: Equatable, Sendable {
    /// An xterm 256-colour palette index.
    case indexed(Int)
    /// A 24-bit colour.
    case rgb(red: Int, green: Int, blue: Int)

    /// The escape that sets this as the background (`ESC[48;5;Nm` or `ESC[48;2;R;G;Bm`).
    var backgroundEscape: String {
        switch self {
        case .indexed(let n): return "\u{1B}[48;5;\(n)m"
        case let .rgb(r, g, b): return "\u{1B}[48;2;\(r);\(g);\(b)m"
        }
    }

    /// The xterm palette index, as a cell grid holds colours; nil for a 24-bit colour, which
    /// has none.
    var paletteIndex: UInt8? {
        guard case .indexed(let n) = self else { return nil }
        return UInt8(exactly: n)
    }

    /// Whether dark text reads better than light text on this background.
    var isLight: Bool {
        let (r, g, b) = components
        return 0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b) > 140
    }

    /// Approximate sRGB components, from xterm's palette definition for indexed colours.
    private var components: (Int, Int, Int) {
        switch self {
        case let .rgb(r, g, b):
            return (r, g, b)
        case .indexed(let n) where n >= 232:
            let level = 8 + 10 * (n - 232)
            return (level, level, level)
        case .indexed(let n) where n >= 16:
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = n - 16
            return (levels[cube / 36 % 6], levels[cube / 6 % 6], levels[cube % 6])
        case .indexed(let n):
            return n == 7 || n >= 9 ? (255, 255, 255) : (0, 0, 0)
        }
    }
}

/// The colours of a painted run of a heatmap: a scale colour behind it and, on numbers, a text
/// colour that stays readable on that background.
struct Paint: Equatable, Sendable {
    /// The text colours used on a scale colour.
    enum Foreground: Sendable {
        case black, brightWhite
    }

    let background: TerminalColor
    /// Nil on blank colour cells, which have no text to show.
    let foreground: Foreground?

    init(background: TerminalColor, foreground: Foreground? = nil) {
        self.background = background
        self.foreground = foreground
    }

    /// A number on `background`: black text on light colours, bright white on dark ones.
    static func number(on background: TerminalColor) -> Paint {
        Paint(background: background, foreground: background.isLight ? .black : .brightWhite)
    }

    /// The escapes that switch to these colours.
    var escape: String {
        switch foreground {
        case nil: return background.backgroundEscape
        case .black: return background.backgroundEscape + "\u{1B}[30m"
        case .brightWhite: return background.backgroundEscape + "\u{1B}[97m"
        }
    }
}

/// Turns a scale position into a background colour.
///
/// Sequential maps use viridis in truecolor (perceptually even, readable by colour-blind
/// students) and the grey ramp 232–255 in 256 colours (the xterm cube cannot follow viridis
/// smoothly, the grey ramp is monotone). Diverging maps use blue–white–red centred on zero:
/// white at 0, deepening blue below and red above.
struct ColorScale: Equatable, Sendable {
    /// 24-bit escapes rather than the 256-colour palette.
    let truecolor: Bool
    /// Positions run −1…1 around zero.
    let diverging: Bool

    /// The colour at `position` (0…1 sequential, −1…1 diverging).
    func color(at position: Double) -> TerminalColor {
        diverging ? divergingColor(position) : sequentialColor(position)
    }

    private func sequentialColor(_ position: Double) -> TerminalColor {
        let t = min(1, max(0, position))
        guard truecolor else {
            return .indexed(Self.greys256.lowerBound + Int((t * Double(Self.greys256.count - 1)).rounded()))
        }
        return Self.interpolate(Self.viridis, at: t)
    }

    private func divergingColor(_ position: Double) -> TerminalColor {
        let t = min(1, max(-1, position))
        guard truecolor else {
            let ramp = t < 0 ? Self.blues256 : Self.reds256
            return .indexed(ramp[Int((t.magnitude * Double(ramp.count - 1)).rounded())])
        }
        return Self.interpolate([Self.white, t < 0 ? Self.blue : Self.red], at: t.magnitude)
    }

    /// Linear interpolation along evenly spaced colour stops.
    private static func interpolate(_ stops: [(Double, Double, Double)], at t: Double) -> TerminalColor {
        let scaled = t * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(scaled))
        let f = scaled - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return .rgb(red: mix(a.0, b.0), green: mix(a.1, b.1), blue: mix(a.2, b.2))
    }

    /// viridis at 0, ¼, ½, ¾, 1.
    private static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]
    private static let white: (Double, Double, Double) = (247, 247, 247)
    private static let blue: (Double, Double, Double) = (33, 102, 172)
    private static let red: (Double, Double, Double) = (178, 24, 43)
    /// The xterm grey ramp, from near black to near white.
    private static let greys256 = 232...255
    /// xterm cube colours from white (231) to deep blue, and to deep red.
    private static let blues256 = [231, 189, 147, 105, 63, 20]
    private static let reds256 = [231, 224, 217, 210, 203, 160]

    /// The most palette colours one 256-colour map uses, scale bar included: the 24 greys of a
    /// sequential map (a diverging one uses 11). A screen that shows colours in pairs needs
    /// this many pairs for a map.
    static let indexedColorCount = max(greys256.count, Set(blues256 + reds256).count)
}
