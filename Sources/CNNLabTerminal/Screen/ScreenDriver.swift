/// A key the TUI reacts to, decoded by the driver from the terminal's bytes or key codes.
public enum Key: Sendable, Equatable {
    /// A printable character.
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("d")` for Ctrl-D.
    case control(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1…F12.
    case function(Int)
}

/// Something that happened at the terminal.
public enum ScreenEvent: Sendable, Equatable {
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Ctrl-C (SIGINT): cancels the command line; never ends the TUI by itself.
    case interrupt
}

/// Columns and rows of a screen.
public struct ScreenSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// What the TUI needs from a terminal: its size, a way to show a grid, and its events.
/// The curses driver implements it for real terminals, ``MemoryScreen`` for tests.
public protocol ScreenDriver: AnyObject {
    /// The current size.
    var size: ScreenSize { get }
    /// Shows `grid` (a driver may repaint only what changed since the last call).
    func draw(_ grid: CellGrid)
    /// The next event, waiting at most `timeout` (nil: until one comes); nil on timeout.
    func nextEvent(timeout: Duration?) -> ScreenEvent?
}
