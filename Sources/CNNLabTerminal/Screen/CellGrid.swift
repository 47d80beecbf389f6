import CNNLabEngine

/// A row/column position on the screen, 0-based from the top-left.
public struct CellPosition: Sendable, Equatable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// A screen's worth of cells: what a layout produces and a driver paints.
///
/// Text is written by display width (``DisplayWidth``), so wide characters take two cells and
/// combining marks none; everything is clipped to the grid, and no size (0×0 included) or
/// position traps.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]
    /// Where the terminal cursor should be shown; nil hides it.
    public var cursor: CellPosition?

    /// A blank grid; negative sizes count as 0.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at `(row, col)`; a blank for positions outside the grid.
    public subscript(row: Int, col: Int) -> Cell {
        get { contains(row, col) ? cells[row * width + col] : .blank }
        set { if contains(row, col) { cells[row * width + col] = newValue } }
    }

    private func contains(_ row: Int, _ col: Int) -> Bool {
        row >= 0 && row < height && col >= 0 && col < width
    }

    /// Writes `text` from `(row, col)` on one line, at most `limit` columns (and never past the
    /// right edge). A wide character that does not fit entirely is left out; zero-width
    /// characters are skipped; a control character is written as its visible escape
    /// (``VisibleText``: `\e`, `\x07`, `\u009b`), so no text reaches the terminal as a control
    /// sequence and nothing is silently dropped. Returns the columns written.
    @discardableResult
    public mutating func write(_ text: String, row: Int, col: Int, _ attributes: CellAttributes = .plain, limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return 0 }
        let end = limit.map { min(width, col + max(0, $0)) } ?? width
        var x = col
        for character in text {
            if Self.isControl(character) {
                for shown in VisibleText.escaped(String(character)) {
                    guard x + 1 <= end else { return max(0, x - col) }
                    if x >= 0 { put(shown, attributes, row: row, col: x, wide: false) }
                    x += 1
                }
                continue
            }
            let w = DisplayWidth.of(String(character))
            if w == 0 { continue }
            if x + w > end { break }
            if x >= 0 { put(character, attributes, row: row, col: x, wide: w == 2) }
            x += w
        }
        return max(0, x - col)
    }

    /// Whether `character` is (or starts with) a C0 or C1 control character or DEL; a tab
    /// counts too (``VisibleText`` writes it as a space).
    private static func isControl(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return value < 0x20 || (0x7F..<0xA0).contains(value)
    }

    /// Sets every cell of a rectangle to a space with `attributes` (clipped).
    public mutating func fill(row: Int, col: Int, width w: Int, height h: Int, _ attributes: CellAttributes = .plain) {
        for r in max(0, row)..<max(max(0, row), min(height, row + h)) {
            for c in max(0, col)..<max(max(0, col), min(width, col + w)) {
                cells[r * width + c] = Cell(" ", attributes)
            }
        }
    }

    /// Changes the attributes of the cells of one line segment, keeping their characters.
    public mutating func restyle(row: Int, col: Int, width w: Int, _ attributes: CellAttributes) {
        guard row >= 0, row < height else { return }
        for c in max(0, col)..<max(max(0, col), min(width, col + w)) {
            cells[row * width + c].attributes = attributes
        }
    }

    /// The characters of one row (continuations skipped), trailing spaces kept.
    public func text(row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var line = ""
        for c in 0..<width where !cells[row * width + c].isContinuation {
            line.append(cells[row * width + c].character)
        }
        return line
    }

    /// Every row as text with trailing spaces removed, as `tmux capture-pane` shows it.
    public var lines: [String] {
        (0..<height).map { r in String(text(row: r).reversed().drop { $0 == " " }.reversed()) }
    }

    /// The whole grid as text, one line per row (for snapshots).
    public var plainText: String { lines.joined(separator: "\n") }

    /// Places a character, blanking the other half of any wide character it overwrites.
    private mutating func put(_ character: Character, _ attributes: CellAttributes, row: Int, col: Int, wide: Bool) {
        let i = row * width + col
        if cells[i].isContinuation, col > 0 { cells[i - 1] = Cell(" ", cells[i - 1].attributes) }
        let lastCol = col + (wide ? 1 : 0)
        if lastCol + 1 < width, cells[i + (wide ? 1 : 0) + 1].isContinuation {
            cells[i + (wide ? 1 : 0) + 1] = Cell(" ", attributes)
        }
        cells[i] = Cell(character, attributes)
        if wide { cells[i + 1] = Cell(" ", attributes, isContinuation: true) }
    }
}
