import CNNLabEngine

/// A ramp of glyphs from "nothing" to "most", one per quantised level.
struct GlyphRamp: Equatable, Sendable {
    let glyphs: [Character]

    /// Unicode shades for a sequential map, or the positive half of a diverging one.
    static let blocks = GlyphRamp(glyphs: Array(" ░▒▓█"))
    /// Dots growing into discs: the negative half of a diverging map, unmistakable next to shades.
    static let dots = GlyphRamp(glyphs: Array(" ·∙•●"))
    /// The classic ten-level ASCII ramp for a sequential map.
    static let ascii = GlyphRamp(glyphs: Array(" .:-=+*#%@"))
    /// ASCII positive half of a diverging map; no glyph shared with ``asciiNegative``.
    static let asciiPositive = GlyphRamp(glyphs: Array(" .+*#"))
    /// ASCII negative half of a diverging map, starting from a minus sign.
    static let asciiNegative = GlyphRamp(glyphs: Array(" -=oO"))

    /// The glyph for a magnitude `t` in 0…1 (0 → first glyph, 1 → last).
    func glyph(at t: Double) -> Character {
        let last = glyphs.count - 1
        return glyphs[min(last, max(0, Int((t * Double(last)).rounded())))]
    }

    /// The glyphs without the leading blank, for the legend.
    var visible: String { String(glyphs.dropFirst()) }
}

/// How each cell is painted, once the requested style has met the terminal's capabilities.
enum CellPainter: Equatable, Sendable {
    /// Glyphs, doubled for square cells; diverging maps take negatives from a second ramp.
    case glyphs(positive: GlyphRamp, negative: GlyphRamp)
    /// Coloured blank cells.
    case color(ColorScale)
    /// The numbers, each on its colour if there is one.
    case numbers(ColorScale?)

    /// The painter for `options` and a map with `scale`, plus a note when the request could
    /// not be met as asked (colour without a colour terminal, blocks without Unicode).
    static func resolve(_ options: HeatmapOptions, scale: ValueScale) -> (CellPainter, note: String?) {
        let colors: ColorScale? = switch options.colorDepth {
        case .none: nil
        case .ansi256: ColorScale(truecolor: false, diverging: scale.isDiverging)
        case .truecolor: ColorScale(truecolor: true, diverging: scale.isDiverging)
        }
        let ascii = CellPainter.glyphs(positive: scale.isDiverging ? .asciiPositive : .ascii, negative: .asciiNegative)
        let glyphs = options.unicode ? CellPainter.glyphs(positive: .blocks, negative: .dots) : ascii
        let fallback: HeatmapOptions.Style = options.unicode ? .blocks : .ascii
        switch options.style {
        case .numbers:
            return (.numbers(colors), nil)
        case .color:
            if let colors { return (.color(colors), nil) }
            return (glyphs, HeatmapText.noColour(drawnAs: fallback, in: options.language))
        case .blocks:
            return (glyphs, options.unicode ? nil : HeatmapText.noUnicode(in: options.language))
        case .ascii:
            return (ascii, nil)
        }
    }

    /// The style actually drawn, named in the header.
    var style: HeatmapOptions.Style {
        switch self {
        case .glyphs(let positive, _): return positive == .blocks ? .blocks : .ascii
        case .color: return .color
        case .numbers: return .numbers
        }
    }

    /// Columns per cell before magnification: two for glyphs and colours (square cells), the
    /// number plus one space of separation (two, around it, when the cell is coloured).
    func cellWidth(numberWidth: Int) -> Int {
        switch self {
        case .glyphs, .color: return 2
        case .numbers(let colors): return numberWidth + (colors == nil ? 1 : 2)
        }
    }

    /// Whether the cells themselves are Unicode (shades); an ASCII map gets an ASCII frame too.
    var usesUnicode: Bool {
        if case .glyphs(let positive, _) = self { return positive == .blocks }
        return true
    }

    /// Whether the map is framed (glyph and colour maps are: blank cells need visible edges).
    var isFramed: Bool {
        if case .numbers = self { return false }
        return true
    }

    /// One cell for `value`, `width` columns wide.
    func cell(_ value: Float, scale: ValueScale, width: Int, format: ValueFormat, language: Language) -> StyledText {
        let position = scale.position(of: value)
        switch self {
        case let .glyphs(positive, negative):
            guard let position else { return StyledText(text: String(repeating: "?", count: width)) }
            let ramp = position < 0 ? negative : positive
            return StyledText(text: String(repeating: ramp.glyph(at: position.magnitude), count: width))
        case .color(let colors):
            guard let position else { return StyledText(text: String(repeating: "?", count: width)) }
            return StyledText(text: String(repeating: " ", count: width), paint: Paint(background: colors.color(at: position)))
        case .numbers(let colors):
            guard let colors else { return StyledText(text: DisplayWidth.padLeft(format.string(value, in: language), to: width)) }
            let text = DisplayWidth.padLeft(format.string(value, in: language), to: width - 1) + " "
            guard let position else { return StyledText(text: text) }
            return StyledText(text: text, paint: .number(on: colors.color(at: position)))
        }
    }

    /// The legend's scale bar between the two end values, or `nil` when there is none
    /// (plain numbers, no finite values).
    func scaleBar(_ scale: ValueScale) -> StyledLine? {
        guard scale.range != nil else { return nil }
        switch self {
        case let .glyphs(positive, negative):
            let doubled = { (ramp: GlyphRamp) in ramp.glyphs.map { String(repeating: $0, count: 2) } }
            let cells = scale.isDiverging ? doubled(negative).dropFirst().reversed() + doubled(positive) : doubled(positive)
            return StyledLine("[" + cells.joined() + "]")
        case .color(let colors), .numbers(let colors?):
            let positions = scale.isDiverging ? (0...10).map { Double($0) / 5 - 1 } : (0...7).map { Double($0) / 7 }
            return StyledLine(positions.map { StyledText(text: "  ", paint: Paint(background: colors.color(at: $0))) })
        case .numbers(nil):
            return nil
        }
    }

    /// What the legend says about a diverging map.
    func divergingNote(in language: Language) -> String {
        switch self {
        case let .glyphs(positive, negative):
            return HeatmapText.divergingGlyphs(negative: negative.visible, positive: positive.visible, in: language)
        case .color, .numbers:
            return HeatmapText.divergingColours(in: language)
        }
    }
}
