/// A script's lines, split once, so that showing the line of each of many errors (batch mode
/// with `--keep-going`) does not split the whole script again each time.
public struct SourceLines: Sendable {
    private let lines: [Substring]

    public init(_ source: String) {
        lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }  // CRLF is one Character
    }

    /// Line `number` (1 is the first), or nil past either end.
    public subscript(number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
