import CNNLabEngine

/// The output area, the command line, the key bar and the help overlay.
extension TUILayout {
    static func drawOutput(_ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let inner = rect.inner
        let lines = outputLines(state, width: inner.width, theme)
        let end = max(min(lines.count, inner.height), lines.count - state.outputScroll)
        let start = max(0, end - inner.height)
        let scrolled = lines.count - end
        let title = TUIText.outputTitle(below: scrolled, in: state.language)
        grid.box(rect, title: title, border(.output, state, theme), theme.title, unicode: state.unicode)
        grid.lines(Array(lines[start..<end]), in: inner)
    }

    /// The output wrapped to `width`, each line with the attributes of its kind.
    static func outputLines(_ state: TUIState, width: Int, _ theme: TUITheme) -> [(String, CellAttributes)] {
        state.output.flatMap { line -> [(String, CellAttributes)] in
            let (text, attributes): (String, CellAttributes)
            switch line.kind {
            case .command: (text, attributes) = (state.prompt + line.text, theme.command)
            case .result: (text, attributes) = (line.text, .plain)
            case .error: (text, attributes) = (line.text, theme.error)
            case .info: (text, attributes) = (line.text, theme.info)
            }
            return wrapIndented(text, width: width).map { ($0, attributes) }
        }
    }

    static func drawCommandLine(_ state: TUIState, row: Int, _ theme: TUITheme, _ grid: inout CellGrid) {
        let promptWidth = grid.write(state.prompt, row: row, col: 0, theme.command)
        let room = grid.width - promptWidth - 1
        guard state.focus == .commandLine else {
            let hint = state.commandLine.isEmpty ? TUIText.commandHint(in: state.language) : state.commandLine
            grid.write(hint, row: row, col: promptWidth, theme.dim, limit: room)
            return
        }
        let beforeCursor = String(state.commandLine.prefix(state.commandCursor))
        let cursorColumn = DisplayWidth.of(beforeCursor)
        // Scroll sideways so the cursor stays visible on long lines.
        var skip = max(0, cursorColumn - room)
        var visible = Substring(state.commandLine)
        while skip > 0, let first = visible.first {
            skip -= DisplayWidth.of(String(first))
            visible = visible.dropFirst()
        }
        grid.write(String(visible), row: row, col: promptWidth, limit: room)
        if !state.showHelp {
            grid.cursor = CellPosition(row: row, col: promptWidth + min(room, cursorColumn))
        }
    }

    static func drawKeyBar(_ state: TUIState, row: Int, _ theme: TUITheme, _ grid: inout CellGrid) {
        grid.fill(row: row, col: 0, width: grid.width, height: 1, theme.keyBar)
        let arrows = state.unicode ? ("↑↓", "←→") : ("Up/Dn", "Lt/Rt")
        var keys: [(String, TUIText.Action)]
        if state.stepper != nil && state.focus == .viewer {
            let space = TUIText.spaceKey(in: state.language)
            keys = [("\(space)/\(state.unicode ? "→" : "Rt")", .next), (state.unicode ? "←" : "Lt", .back), ("Enter", .finish), ("Esc", .leave)]
        } else if state.focus == .commandLine {
            keys = [("Enter", .run), ("Esc", .panes), ("Tab", .complete), (arrows.0, .history), ("Ctrl-D", .quit)]
        } else {
            keys = [("q", .quit), ("Tab", .pane), (arrows.0, .layer), (arrows.1, .channel), ("PgUp/PgDn", .output), (":", .command), ("?", .help)]
            if state.lesson != nil { keys.insert(contentsOf: [("n", .next), ("p", .back)], at: 1) }
        }
        var col = 1
        for (key, action) in keys {
            col += grid.write(key, row: row, col: col, theme.keyName)
            col += grid.write(" " + TUIText.label(action, in: state.language) + "  ", row: row, col: col, theme.keyBar)
        }
    }

    static func drawHelp(_ state: TUIState, _ theme: TUITheme, _ grid: inout CellGrid) {
        let helpLines = TUIText.helpLines(in: state.language)
        let keyWidth = helpLines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let lines = helpLines.map { DisplayWidth.padRight($0.0, to: keyWidth) + "  " + $0.1 }
        let width = min(grid.width - 2, (lines.map(DisplayWidth.of).max() ?? 0) + 4)
        let height = min(grid.height - 2, lines.count + 2)
        let rect = Rect(row: (grid.height - height) / 2, col: (grid.width - width) / 2, width: width, height: height)
        grid.fill(row: rect.row, col: rect.col, width: rect.width, height: rect.height)
        grid.box(rect, title: TUIText.helpTitle(in: state.language), theme.focusedBorder, theme.title, unicode: state.unicode)
        let inner = Rect(row: rect.row + 1, col: rect.col + 2, width: rect.width - 4, height: rect.height - 2)
        grid.lines(lines.map { ($0, CellAttributes.plain) }, in: inner)
    }
}
