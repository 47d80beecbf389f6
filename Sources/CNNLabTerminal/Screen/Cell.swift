/// How one cell is drawn: weight, inversion and the colours (indexes into the terminal's
/// palette; `nil` is the terminal's default). Drivers map these to their own attributes.
public struct CellAttributes: Sendable, Hashable {
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false
    public var foreground: UInt8?
    public var background: UInt8?

    public init(
        bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false,
        foreground: UInt8? = nil, background: UInt8? = nil
    ) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.foreground = foreground
        self.background = background
    }

    /// The terminal's default look.
    public static let plain = CellAttributes()
}

/// One terminal cell: a character and its attributes.
///
/// A wide character (CJK, emoji) occupies its cell and the next; the next one is a
/// *continuation* that drivers skip, so columns of the grid are terminal columns.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var attributes: CellAttributes
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(_ character: Character, _ attributes: CellAttributes = .plain, isContinuation: Bool = false) {
        self.character = character
        self.attributes = attributes
        self.isContinuation = isContinuation
    }

    /// A space with default attributes.
    public static let blank = Cell(" ")
}
