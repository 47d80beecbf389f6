import _CReadline

/// Reads lines with GNU readline: editing, history, completion.
public final class LineEditor {
    public init() {}

    /// The readline library's version, e.g. 0x0802 for 8.2.
    public static var libraryVersion: Int { Int(RL_READLINE_VERSION) }
}
