import Testing
@testable import CNNLabCurses

/// The reset strings a signal handler writes come from terminfo, without the padding delays
/// (`$<2>`) that only `tputs` understands.
@Test func terminfoPaddingIsLeftOutOfTheResetBytes() {
    let sgr0 = Array("\u{1B}[m$<2>".utf8)
    #expect(TerminalRestore.withoutPadding(sgr0) == Array("\u{1B}[m".utf8))
    let rmcup = Array("\u{1B}[?1049l$<5/>\u{1B}[23;0;0t".utf8)
    #expect(TerminalRestore.withoutPadding(rmcup) == Array("\u{1B}[?1049l\u{1B}[23;0;0t".utf8))
    let dollar = Array("a$b$<".utf8)  // no closing '>': kept as it is
    #expect(TerminalRestore.withoutPadding(dollar) == dollar)
}
