/// Text that did not come from cnnlab itself (lesson files, file names), made safe to print:
/// control characters are shown as visible escapes (`\e`, `\x07`, `\u009b`) so a file can
/// never clear the screen, set the title or write the clipboard.
public enum VisibleText {
    /// `text` with every C0 and C1 control character, and DEL, escaped (tabs become a space).
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x1B: out += "\\e"
            case 0x00..<0x20, 0x7F: out += "\\x" + hex(scalar.value, digits: 2)
            case 0x80..<0xA0: out += "\\u" + hex(scalar.value, digits: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` escaped line by line: its line breaks (`\n`) are kept, every other control
    /// character is escaped as ``escaped(_:)`` does. For a message of several lines that may
    /// quote what the user gave (the argument parser's usage errors).
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
