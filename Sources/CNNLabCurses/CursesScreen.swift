import CNNLabTerminal
import _CCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paints cell grids on a curses screen and reads keys: the only code that calls curses.
///
/// Only the cells that changed since the previous frame are painted. Colours are used when
/// asked for and the terminal has them (`has_colors()`); pairs are allocated as needed, within
/// the terminal's `COLOR_PAIRS` (see ``ColorPairs``). The terminal is always restored: see
/// ``TerminalRestore``.
public final class CursesScreen: ScreenDriver {
    /// Why the screen could not start.
    public enum StartError: Error {
        case noTerminal
    }

    /// The ncurses version string.
    public static var libraryVersion: String { String(cString: curses_version()) }

    public private(set) var size: ScreenSize
    /// Whether colours are in use.
    public let hasColors: Bool
    /// The palette and pairs of the terminal (`COLORS`, `COLOR_PAIRS`); nothing without colours.
    public let palette: ScreenPalette
    private var previous: CellGrid?
    private var pairs: ColorPairs

    /// Starts curses on the terminal (locale from the environment, cbreak, no echo, keypad).
    /// - Parameter color: whether colours may be used (false for NO_COLOR or `--color never`).
    public init(color: Bool) throws(StartError) {
        // A locale the system lacks (pt_BR.UTF-8 on a minimal image) makes setlocale fail and
        // wide characters draw as nothing: fall back to C.UTF-8 for the character set.
        if setlocale(LC_ALL, "") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        TerminalRestore.install()
        guard initscr() != nil, let screen = cnn_stdscr() else { throw .noTerminal }
        TerminalRestore.started()
        cbreak()
        noecho()
        nonl()
        keypad(screen, true)
        set_escdelay(25)
        if color && has_colors() {
            start_color()
            use_default_colors()
            hasColors = true
            palette = ScreenPalette(colors: Int(cnn_colors()), pairs: Int(cnn_color_pairs()))
        } else {
            hasColors = false
            palette = ScreenPalette(colors: 0, pairs: 0)
        }
        pairs = ColorPairs(pairs: palette.pairs, colors: palette.colors)
        size = ScreenSize(width: Int(cnn_cols()), height: Int(cnn_lines()))
    }

    /// Ends curses and restores the terminal.
    public func close() {
        TerminalRestore.restore()
    }

    public func draw(_ grid: CellGrid) {
        guard let screen = cnn_stdscr() else { return }
        let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if old == nil { wclear(screen) }
        if hasColors { definePairs(for: grid) }
        for row in 0..<grid.height {
            for col in 0..<grid.width {
                let cell = grid[row, col]
                if cell.isContinuation { continue }
                if let old, old[row, col] == cell { continue }
                paint(cell, row: row, col: col, on: screen)
            }
        }
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(screen, Int32(cursor.row), Int32(cursor.col))
        } else {
            curs_set(0)
        }
        wrefresh(screen)
        previous = grid
    }

    private func paint(_ cell: Cell, row: Int, col: Int, on screen: UnsafeMutablePointer<WINDOW>) {
        var attributes: attr_t = 0
        if cell.attributes.bold { attributes |= cnn_A_BOLD }
        if cell.attributes.reverse { attributes |= cnn_A_REVERSE }
        if cell.attributes.dim { attributes |= cnn_A_DIM }
        if cell.attributes.underline { attributes |= cnn_A_UNDERLINE }
        let pair = colorPair(cell.attributes)
        var characters: [wchar_t] = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        var complex = cchar_t()
        setcchar(&complex, &characters, attributes, pair, nil)
        mvwadd_wch(screen, Int32(row), Int32(col), &complex)
    }

    /// Gives the colour combinations of `grid` their pairs before any cell is painted.
    private func definePairs(for grid: CellGrid) {
        var frame: [ColorPairs.Colors] = []
        for row in 0..<grid.height {
            for col in 0..<grid.width {
                let a = grid[row, col].attributes
                if a.foreground != nil || a.background != nil {
                    frame.append(ColorPairs.Colors(foreground: a.foreground, background: a.background))
                }
            }
        }
        for definition in pairs.prepare(frame) {
            let colors = definition.colors
            init_pair(definition.pair, colors.foreground.map(Int16.init) ?? -1, colors.background.map(Int16.init) ?? -1)
        }
    }

    /// The pair for a cell's colours (0: the default colours).
    private func colorPair(_ a: CellAttributes) -> Int16 {
        guard hasColors else { return 0 }
        return pairs.pair(for: ColorPairs.Colors(foreground: a.foreground, background: a.background))
    }

    /// The next key, resize or Ctrl-C. Waits in steps of at most 100 ms (so Ctrl-C is seen
    /// promptly); a zero `timeout` only takes what the terminal has already sent.
    public func nextEvent(timeout: Duration?) -> ScreenEvent? {
        guard let screen = cnn_stdscr() else { return nil }
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        while true {
            if TerminalRestore.takeInterrupt() { return .interrupt }
            wtimeout(screen, deadline.map { Self.milliseconds(clock.now.duration(to: $0)) } ?? 100)
            var character: wint_t = 0
            let status = wget_wch(screen, &character)
            if status == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    size = ScreenSize(width: Int(cnn_cols()), height: Int(cnn_lines()))
                    return .resize(width: size.width, height: size.height)
                }
                if let key = Self.key(forCode: Int32(character)) { return .key(key) }
            } else if status == OK {
                if let key = Self.key(forCharacter: UInt32(character)) { return .key(key) }
            } else if let deadline, clock.now >= deadline {
                return nil
            }
        }
    }

    /// `wait` in whole milliseconds for `wtimeout`, within 0…100.
    private static func milliseconds(_ wait: Duration) -> Int32 {
        let (seconds, attoseconds) = wait.components
        guard seconds == 0 else { return seconds > 0 ? 100 : 0 }
        return Int32(max(0, min(100, attoseconds / 1_000_000_000_000_000)))
    }
}
