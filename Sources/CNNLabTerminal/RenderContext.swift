import CNNLabEngine

/// Everything a renderer needs to know about where its text goes.
public struct RenderContext: Sendable, Equatable {
    public var language: Language
    /// ANSI decoration of plain text (bold, red errors...).
    public var style: TextStyle
    /// Colour depth and Unicode of the terminal (heatmaps).
    public var capabilities: TerminalCapabilities
    /// Columns and rows available.
    public var width: Int
    public var height: Int

    public init(language: Language, style: TextStyle = .plain, capabilities: TerminalCapabilities? = nil, width: Int = 100, height: Int = 40) {
        self.language = language
        self.style = style
        self.capabilities = capabilities ?? TerminalCapabilities(colorDepth: style.ansi ? .ansi256 : .none, unicode: true)
        self.width = max(20, width)
        self.height = max(8, height)
    }
}
