/// The curses colour pairs of the colour combinations on screen, kept within the terminal's
/// `COLOR_PAIRS` and `COLORS` however many combinations a session draws.
///
/// A combination gets a pair when a frame first shows it and keeps it while frames show it.
/// When a frame brings more new combinations than there are unused pairs, the pairs of
/// combinations that frame no longer shows are taken back first: redefining a pair recolours
/// every cell still showing it, so only pairs that are off the screen once the frame is
/// painted are reused. Combinations that still find no pair, and colours past the palette,
/// are drawn in the default colours (pair 0) rather than in wrong ones.
struct ColorPairs {
    /// A foreground/background combination (palette indexes; nil: the default colour).
    struct Colors: Hashable {
        var foreground: UInt8?
        var background: UInt8?
    }

    /// A pair to define with `init_pair` before painting.
    struct Definition: Equatable {
        var pair: Int16
        var colors: Colors
    }

    /// The highest pair number that may be defined; pairs run 1…last (0 is the default colours).
    let last: Int
    /// Colours in the palette; combinations using an index past it get no pair.
    let paletteSize: Int
    private var assigned: [Colors: Int16] = [:]
    /// Pairs taken back from combinations no longer shown, the lowest last.
    private var released: [Int16] = []
    /// The lowest pair never handed out.
    private var nextUnused = 1

    /// The pairs of a terminal with `pairs` colour pairs (`COLOR_PAIRS`, at most what curses'
    /// short pair numbers reach) and `colors` palette entries (`COLORS`).
    init(pairs: Int, colors: Int) {
        last = min(Int(Int16.max), max(0, pairs - 1))
        paletteSize = max(0, colors)
    }

    /// Gives pairs to the combinations `frame` shows that have none yet (in the order given),
    /// taking back pairs of combinations it does not show when needed; returns the pairs
    /// to define before painting it.
    mutating func prepare(_ frame: [Colors]) -> [Definition] {
        var seen = Set<Colors>()
        let new = frame.filter { seen.insert($0).inserted && assigned[$0] == nil && isDrawable($0) }
        if new.count > available {
            for (colors, pair) in assigned where !seen.contains(colors) {
                assigned[colors] = nil
                released.append(pair)
            }
            released.sort(by: >)
        }
        var definitions: [Definition] = []
        for colors in new {
            guard let pair = takePair() else { break }
            assigned[colors] = pair
            definitions.append(Definition(pair: pair, colors: colors))
        }
        return definitions
    }

    /// The pair showing `colors`: 0 (the default colours) for plain cells and for
    /// combinations that got no pair.
    func pair(for colors: Colors) -> Int16 {
        assigned[colors] ?? 0
    }

    /// Pairs that can be handed out without taking any back.
    private var available: Int {
        released.count + max(0, last - nextUnused + 1)
    }

    private mutating func takePair() -> Int16? {
        if let pair = released.popLast() { return pair }
        guard nextUnused <= last else { return nil }
        defer { nextUnused += 1 }
        return Int16(nextUnused)
    }

    /// Whether `colors` needs a pair and the palette has both of its colours.
    private func isDrawable(_ colors: Colors) -> Bool {
        let indexes = [colors.foreground, colors.background].compactMap { $0 }
        return !indexes.isEmpty && indexes.allSatisfy { Int($0) < paletteSize }
    }
}
