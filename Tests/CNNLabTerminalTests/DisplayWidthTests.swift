import Testing
@testable import CNNLabTerminal

@Test(arguments: [
    ("abc", 3),
    ("░▒▓█", 4),
    (" ·∙•●…⋮", 7),
    ("4×4", 3),
    ("卷积", 4),
    ("ｆｕｌｌ", 8),
    ("e\u{301}", 1),
    ("🙂", 2),
    ("👩‍🔬", 2),
    ("\u{1B}[48;5;21m  \u{1B}[0m", 2),
    ("\u{1B}[48;2;1;2;3mab", 2),
    ("\u{200B}", 0),
    ("", 0),
])
func displayWidthCountsTerminalColumns(text: String, width: Int) {
    #expect(DisplayWidth.of(text) == width)
}

@Test func paddingUsesDisplayWidth() {
    #expect(DisplayWidth.padLeft("卷", to: 4) == "  卷")
    #expect(DisplayWidth.padRight("\u{1B}[1mx\u{1B}[0m", to: 3) == "\u{1B}[1mx\u{1B}[0m  ")
    #expect(DisplayWidth.padLeft("long", to: 2) == "long")
}

@Test func wrappingBreaksAtSpacesWithinWidth() {
    #expect(DisplayWidth.wrap("downsampled 64×64 → 13×13 (average of 5×5 blocks)", to: 20)
        == ["downsampled 64×64 →", "13×13 (average of", "5×5 blocks)"])
    #expect(DisplayWidth.wrap("unbreakable", to: 3) == ["unbreakable"])
    #expect(DisplayWidth.wrap("", to: 0) == [""])
}
