import Foundation

/// Files a hostile user could hand a student, for the end-to-end tests of issue 14.
public enum HostileFiles {
    /// Clears the screen, sets the window title to `pwned` and writes `hi` to the clipboard
    /// (OSC 52) when it reaches a terminal unescaped.
    public static let controlSequences = "\u{1B}[2J\u{1B}]0;pwned\u{07}\u{1B}]52;c;aGk=\u{07}"

    /// A version 1.0 `.npy` file of one float32 whose header is `header` (padded as numpy pads).
    public static func npy(header: String) -> Data {
        var text = Array(header.utf8)
        while (10 + text.count + 1) % 64 != 0 { text.append(UInt8(ascii: " ")) }
        text.append(UInt8(ascii: "\n"))
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)]
        bytes += text + [0, 0, 0x80, 0x3F]
        return Data(bytes)
    }

    /// An `.npy` file whose dtype is ``controlSequences``: loading it is an error quoting it.
    public static var npyWithControlSequences: Data {
        npy(header: "{'descr': '\(controlSequences)', 'fortran_order': False, 'shape': (1,), }")
    }
}
