/// The attributes of every kind of thing the TUI draws, in colour or in monochrome.
///
/// Colours are indexes of the 8 basic terminal colours, which every colour terminal has;
/// monochrome uses only bold, dim and reverse, so it reads on a vt100 or with NO_COLOR.
struct TUITheme {
    let border: CellAttributes
    let focusedBorder: CellAttributes
    let title: CellAttributes
    let selection: CellAttributes
    let command: CellAttributes
    let error: CellAttributes
    let info: CellAttributes
    let dim: CellAttributes
    let keyBar: CellAttributes
    let keyName: CellAttributes
    /// The stepper's window over the input.
    let window: CellAttributes
    /// The output cell being filled.
    let currentOutput: CellAttributes
    /// Output cells already computed.
    let filled: CellAttributes
    let padding: CellAttributes
    /// The maximum chosen by a max-pooling window.
    let chosen: CellAttributes

    init(color: Bool) {
        if color {
            border = CellAttributes(foreground: 4)
            focusedBorder = CellAttributes(bold: true, foreground: 6)
            title = CellAttributes(bold: true, foreground: 6)
            selection = CellAttributes(bold: true, foreground: 0, background: 6)
            command = CellAttributes(bold: true, foreground: 2)
            error = CellAttributes(bold: true, foreground: 1)
            info = CellAttributes(foreground: 3)
            dim = CellAttributes(dim: true)
            keyBar = CellAttributes(foreground: 7, background: 4)
            keyName = CellAttributes(bold: true, foreground: 3, background: 4)
            window = CellAttributes(bold: true, foreground: 0, background: 3)
            currentOutput = CellAttributes(bold: true, foreground: 0, background: 2)
            filled = CellAttributes(foreground: 2)
            padding = CellAttributes(dim: true, foreground: 4)
            chosen = CellAttributes(bold: true, underline: true, foreground: 1, background: 3)
        } else {
            border = .plain
            focusedBorder = CellAttributes(bold: true)
            title = CellAttributes(bold: true)
            selection = CellAttributes(reverse: true)
            command = CellAttributes(bold: true)
            error = CellAttributes(bold: true)
            info = .plain
            dim = CellAttributes(dim: true)
            keyBar = CellAttributes(reverse: true)
            keyName = CellAttributes(bold: true, reverse: true)
            window = CellAttributes(reverse: true)
            currentOutput = CellAttributes(bold: true, reverse: true)
            filled = .plain
            padding = CellAttributes(dim: true)
            chosen = CellAttributes(bold: true, reverse: true, underline: true)
        }
    }

    /// The colour pairs the colour theme takes: its distinct foreground/background combinations.
    static let colorPairs: Int = {
        let attributes = Mirror(reflecting: TUITheme(color: true)).children.compactMap { $0.value as? CellAttributes }
        let combinations = attributes.filter { $0.foreground != nil || $0.background != nil }.map { [$0.foreground, $0.background] }
        return Set(combinations).count
    }()
}
