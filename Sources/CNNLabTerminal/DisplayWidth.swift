/// How many terminal columns a string occupies, so that grids and legends line up.
///
/// Counts cells the way terminals do outside CJK locales: East Asian wide and fullwidth
/// characters and emoji take 2 columns; combining marks, zero-width format characters, control
/// characters and ANSI CSI escape sequences (the colour codes the heatmap emits) take 0; every
/// other character takes 1 — including East Asian *ambiguous* ones such as the shade blocks
/// `░▒▓█`, `·`, `●` and `…`, which the heatmap relies on being one column wide.
public enum DisplayWidth {
    /// The number of terminal columns `text` occupies.
    public static func of(_ text: String) -> Int {
        if let ascii = asciiWidth(text) { return ascii }
        var width = 0
        var escape = EscapeState.none
        for character in text {
            switch escape {
            case .none:
                if character == "\u{1B}" {
                    escape = .sawEscape
                } else {
                    width += columns(of: character)
                }
            case .sawEscape:
                escape = character == "[" ? .controlSequence : .none
            case .controlSequence:
                if let value = character.unicodeScalars.first?.value, (0x40...0x7E).contains(value) {
                    escape = .none
                }
            }
        }
        return width
    }

    /// `text` preceded by spaces up to `width` columns (right-aligned); unchanged if already wider.
    public static func padLeft(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(text))) + text
    }

    /// `text` followed by spaces up to `width` columns (left-aligned); unchanged if already wider.
    public static func padRight(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// `text` broken at spaces into lines of at most `width` columns; a word longer than the
    /// width keeps a line to itself rather than being cut. Meant for plain legend text.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = of(String(word))
            if current.isEmpty {
                current = String(word)
                currentWidth = wordWidth
            } else if currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
            } else {
                lines.append(current)
                current = String(word)
                currentWidth = wordWidth
            }
        }
        return lines + [current]
    }

    /// The width of printable ASCII text without escapes (the common case, counted from its
    /// UTF-8 bytes without Unicode property look-ups); nil when the text needs the full scan.
    private static func asciiWidth(_ text: String) -> Int? {
        var width = 0
        for byte in text.utf8 {
            guard byte < 0x80, byte != 0x1B else { return nil }
            if byte >= 0x20 && byte != 0x7F { width += 1 }
        }
        return width
    }

    /// Where the scanner is inside an `ESC [ … final` control sequence.
    private enum EscapeState {
        case none, sawEscape, controlSequence
    }

    /// Columns of one grapheme cluster: its widest scalar, so a base letter plus combining
    /// marks counts once and an emoji sequence joined by ZWJ counts as one wide glyph.
    private static func columns(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first, let known = knownWidth(only.value) { return known }
        if scalars.contains("\u{FE0F}"), scalars.first?.properties.isEmoji == true {
            return 2
        }
        return scalars.reduce(0) { max($0, columns(of: $1)) }
    }

    /// Widths decided by range alone for the characters cnnlab draws most (Latin, punctuation,
    /// arrows, maths, box drawing, block elements and geometric shapes up to U+25FC — the
    /// first with an emoji presentation is U+25FD), so rendering skips property look-ups.
    private static func knownWidth(_ value: UInt32) -> Int? {
        switch value {
        case 0..<0x20, 0x7F..<0xA0: return 0
        case 0xA0..<0x300, 0x2010...0x2027, 0x2190...0x22FF, 0x2500...0x25FC: return 1
        default: return nil
        }
    }

    private static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, from Unicode's EastAsianWidth.txt.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
