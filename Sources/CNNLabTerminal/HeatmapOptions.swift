import CNNLabEngine

/// How `heatmap X` draws a map: the style, which channel, the room available, what the
/// terminal can show (see ``TerminalCapabilities``) and the language of its words.
public struct HeatmapOptions: Sendable, Equatable {
    /// The way each cell is drawn.
    public enum Style: String, Sendable, CaseIterable {
        /// Shade glyphs ` ░▒▓█`, two columns per cell so cells look square.
        case blocks
        /// ASCII glyphs ` .:-=+*#%@`, for terminals without Unicode.
        case ascii
        /// Coloured backgrounds; needs a ``ColorDepth`` other than `.none`.
        case color
        /// The values themselves, aligned; coloured backgrounds when colour is available.
        case numbers
    }

    /// Which colour escapes may be used.
    public enum ColorDepth: Sendable {
        /// None: plain text only.
        case none
        /// The xterm 256-colour palette, `ESC[48;5;Nm`.
        case ansi256
        /// 24-bit colour, `ESC[48;2;R;G;Bm`.
        case truecolor
    }

    /// The way each cell is drawn.
    public var style: Style
    /// The channel `k` to draw for rank 3/4 (rank 4: of example 0); `nil` draws every channel
    /// side by side.
    public var channel: Int?
    /// Terminal columns available.
    public var maxWidth: Int
    /// Terminal rows available, legend included.
    public var maxHeight: Int
    /// Colour escapes the terminal understands; `.color` without colour falls back to glyphs.
    public var colorDepth: ColorDepth
    /// Whether Unicode glyphs may be used; without it blocks fall back to ASCII.
    public var unicode: Bool
    /// The language of the header, legend and notes.
    public var language: Language = .en

    /// Options for an 80×24 terminal with Unicode, no colour and English words unless stated.
    public init(
        style: Style = .blocks, channel: Int? = nil, maxWidth: Int = 80, maxHeight: Int = 24,
        colorDepth: ColorDepth = .none, unicode: Bool = true, language: Language = .en
    ) {
        self.style = style
        self.channel = channel
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
        self.colorDepth = colorDepth
        self.unicode = unicode
        self.language = language
    }
}
