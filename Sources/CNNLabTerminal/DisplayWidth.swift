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
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        return lines + [current]
    }

    /// Where the scanner is inside an `ESC [ … final` control sequence.
    private enum EscapeState {
        case none, sawEscape, controlSequence
    }

    /// Columns of one grapheme cluster: its widest scalar, so a base letter plus combining
    /// marks counts once and an emoji sequence joined by ZWJ counts as one wide glyph.
    private static func columns(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.contains("\u{FE0F}"), scalars.first?.properties.isEmoji == true {
            return 2
        }
        return scalars.reduce(0) { max($0, columns(of: $1)) }
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
