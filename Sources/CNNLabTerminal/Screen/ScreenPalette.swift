/// The colours a screen offers once colour is on: the size of its palette and how many
/// foreground/background pairs it can show (curses' `COLORS` and `COLOR_PAIRS`).
///
/// The TUI's theme needs only the 8 basic colours; the viewer draws heatmaps in colour only
/// where the 256-colour palette is there and the pairs hold the theme and a whole scale at once.
public struct ScreenPalette: Sendable, Equatable {
    /// Colours in the palette (8, 16, 256, …).
    public var colors: Int
    /// Colour pairs, pair 0 (the default colours) included.
    public var pairs: Int

    public init(colors: Int, pairs: Int) {
        self.colors = colors
        self.pairs = pairs
    }

    /// The 8 basic colours and 64 pairs that every colour terminal has (`TERM=xterm`).
    public static let basic = ScreenPalette(colors: 8, pairs: 64)

    /// How the viewer may colour heatmaps: the 256-colour scale, or none (blocks).
    var heatmapColorDepth: HeatmapOptions.ColorDepth {
        let needed = 1 + TUITheme.colorPairs + ColorScale.indexedColorCount
        return colors >= 256 && pairs >= needed ? .ansi256 : .none
    }
}
