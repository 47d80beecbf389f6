import _CCurses

/// Paints cell grids on a curses screen.
public final class CursesScreen {
    /// The ncurses version string.
    public static var libraryVersion: String { String(cString: curses_version()) }
}
