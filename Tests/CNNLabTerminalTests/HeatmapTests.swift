@testable import ConvCore  // sets single elements of `storage`
import Testing
@testable import CNNLabTerminal

/// The lines inside the map's frame, frame removed.
private func interior(_ text: String, vertical: Character = "│") -> [[Character]] {
    text.split(separator: "\n").filter { $0.first == vertical }.map { Array($0.dropFirst().dropLast()) }
}

/// Asserts that, on every map line, the brightest glyph of `ramp` fills exactly the middle half.
private func expectMiddleColumnsBrightest(_ text: String, ramp: GlyphRamp, vertical: Character = "│") {
    let lines = interior(text, vertical: vertical)
    #expect(!lines.isEmpty)
    for line in lines {
        let levels = line.map { ramp.glyphs.firstIndex(of: $0) ?? -1 }
        let brightest = levels.max() ?? -1
        let quarter = line.count / 4
        #expect(brightest == ramp.glyphs.count - 1)
        #expect(levels.indices.filter { levels[$0] == brightest } == Array(quarter..<3 * quarter))
    }
}

@Test func edgeResultInBlocksHasBrightMiddleColumns() throws {
    let text = Heatmap.render(try Lecture.edgeOutput(), name: "E", options: HeatmapOptions(style: .blocks))
    expectMiddleColumnsBrightest(text, ramp: .blocks)
    #expect(text.contains("scale: 0 [  ░░▒▒▓▓██] 30"))
    assertSnapshot(text, named: "heatmap-edge-blocks")
}

@Test func edgeResultInAscii() throws {
    let text = Heatmap.render(try Lecture.edgeOutput(), name: "E", options: HeatmapOptions(style: .ascii))
    expectMiddleColumnsBrightest(text, ramp: .ascii, vertical: "|")
    #expect(text.split(separator: "\n")[1] == "+------------------------+")
    assertSnapshot(text, named: "heatmap-edge-ascii")
}

@Test func withoutUnicodeEverythingIsAscii() throws {
    let text = Heatmap.render(try Lecture.edgeOutput(), name: "E", options: HeatmapOptions(style: .blocks, unicode: false))
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    expectMiddleColumnsBrightest(text, ramp: .ascii, vertical: "|")
    #expect(text.contains("no Unicode"))
}

@Test(arguments: [HeatmapOptions.ColorDepth.ansi256, .truecolor])
func edgeResultInColour(depth: HeatmapOptions.ColorDepth) throws {
    let text = Heatmap.render(try Lecture.edgeOutput(), name: "E", options: HeatmapOptions(style: .color, colorDepth: depth))
    let brightest = depth == .ansi256 ? "\u{1B}[48;5;255m" : "\u{1B}[48;2;253;231;37m"
    let darkest = depth == .ansi256 ? "\u{1B}[48;5;232m" : "\u{1B}[48;2;68;1;84m"
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("│") }
    #expect(!rows.isEmpty)
    for row in rows {
        #expect(row == "│\(darkest)      \(brightest)            \(darkest)      \u{1B}[0m│")
    }
    #expect(text.split(separator: "\n").allSatisfy { !$0.contains("\u{1B}") || $0.contains("\u{1B}[0m") })
    assertSnapshot(text, named: depth == .ansi256 ? "heatmap-edge-color256" : "heatmap-edge-truecolor")
}

@Test func edgeResultAsNumbers() throws {
    let plain = Heatmap.render(try Lecture.edgeOutput(), name: "E", options: HeatmapOptions(style: .numbers))
    #expect(plain.contains("\n  0 30 30  0\n"))
    assertSnapshot(plain, named: "heatmap-edge-numbers")
    let coloured = Heatmap.render(
        try Lecture.edgeOutput(), name: "E", options: HeatmapOptions(style: .numbers, colorDepth: .ansi256))
    assertSnapshot(coloured, named: "heatmap-edge-numbers-color256")
}

@Test func colourWithoutColourTerminalFallsBackToBlocksAndSaysSo() throws {
    let text = Heatmap.render(try Lecture.edgeOutput(), name: "E", options: HeatmapOptions(style: .color))
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("drawn as blocks"))
    expectMiddleColumnsBrightest(text, ramp: .blocks)
}

@Test(arguments: HeatmapOptions.Style.allCases)
func divergingMapTellsPlusThirtyFromMinusThirty(style: HeatmapOptions.Style) throws {
    let map = try Tensor(shape: [2, 2], storage: [30, -30, 0, 15])
    let text = Heatmap.render(map, name: "D", options: HeatmapOptions(style: style, maxHeight: 12, colorDepth: .ansi256))
    #expect(text.contains("diverging, centred on 0"))
    let row = text.split(separator: "\n")[2]
    let cells = row.components(separatedBy: "\u{1B}[0m").joined()
    // the first map row holds +30 then −30; their halves must differ
    let half = cells.count / 2
    #expect(cells.prefix(half).dropFirst() != cells.suffix(half).dropLast())
    if style == .blocks { #expect(row == "│████●●●●│") }
    if style == .ascii { #expect(row == "|####OOOO|") }
    assertSnapshot(text, named: "heatmap-diverging-\(style.rawValue)")
}

@Test func largeGradientIsDownsampledToFit() throws {
    let gradient = try Lecture.matrix(64, 64) { r, c in Float(r + c) }
    let text = Heatmap.render(gradient, name: "G", options: HeatmapOptions(maxWidth: 40, maxHeight: 20))
    let lines = text.split(separator: "\n")
    #expect(lines.count <= 20)
    #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 40 })
    #expect(lines.joined(separator: " ").contains("downsampled 64×64 → 13×13 (average of 5×5 blocks)"))
    assertSnapshot(text, named: "heatmap-downsampled-64x64")
}

@Test func threeChannelsAreTiledWithOneScale() throws {
    let t = try Lecture.channels(4, 4, 3) { r, c, k in Float((k + 1) * (r + c)) }
    let text = Heatmap.render(t, name: "A", options: HeatmapOptions())
    #expect(text.contains("ch 0") && text.contains("ch 1") && text.contains("ch 2"))
    #expect(text.contains("min 0   max 18"))
    assertSnapshot(text, named: "heatmap-three-channels")
}

@Test func oneChannelOfARankFourTensor() throws {
    let t = try Tensor(shape: [2, 2, 2, 3], storage: (0..<24).map(Float.init))
    let text = Heatmap.render(t, name: "A", options: HeatmapOptions(channel: 2))
    #expect(text.hasPrefix("A[0,:,:,2]: 2×2 heatmap (blocks)"))
    #expect(text.contains("example 0 of 2"))
    #expect(text.contains("min 2   max 11"))
    let outOfRange = Heatmap.render(t, name: "A", options: HeatmapOptions(channel: 3))
    #expect(outOfRange.contains("ch=3 is out of range"))
}

@Test func manyChannelsEndWithACountOfTheRest() throws {
    let t = try Lecture.channels(10, 10, 40) { r, c, k in Float((r + c + k) % 10) }
    let text = Heatmap.render(t, name: "A", options: HeatmapOptions())
    let lines = text.split(separator: "\n")
    #expect(lines.count <= 24)
    #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    #expect(text.contains("more channels (heatmap with ch=k shows one)"))
    assertSnapshot(text, named: "heatmap-many-channels")
}

@Test func constantMapDoesNotDivideByZero() throws {
    let t = try Tensor(shape: [3, 3], repeating: 5)
    let text = Heatmap.render(t, name: "C", options: HeatmapOptions())
    #expect(text.contains("constant map: every value is 5"))
    #expect(interior(text).allSatisfy { $0.allSatisfy { $0 == "▒" } })
    assertSnapshot(text, named: "heatmap-constant")
}

@Test func nanAndInfinityAreDrawnAsQuestionMarks() throws {
    let t = try Tensor(shape: [2, 3], storage: [0, .nan, 2, .infinity, 4, 5])
    let text = Heatmap.render(t, name: "N", options: HeatmapOptions())
    #expect(text.contains("2 cells are NaN or ±inf, drawn as ?"))
    #expect(interior(text).first?.contains("?") == true)
    #expect(text.contains("min 0   max 5"))
    assertSnapshot(text, named: "heatmap-nan")
    let allNaN = try Tensor(shape: [2, 2], repeating: .nan)
    #expect(Heatmap.render(allNaN, name: nil, options: HeatmapOptions(style: .color, colorDepth: .truecolor)).contains("no finite values"))
}

@Test func neverTrapsOnOddInputOrRoom() throws {
    let odd: [Tensor] = [
        Tensor(scalar: 3),
        try Lecture.matrix(1, 1960) { _, c in Float(c) },
        try Tensor(shape: [1, 1, 1, 1, 2], storage: [1, -1]),
        try Tensor(shape: [2, 2], storage: [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0, 1]),
        try Tensor(shape: [3, 3], storage: [Float](repeating: .infinity, count: 9)),
    ]
    for t in odd {
        for style in HeatmapOptions.Style.allCases {
            for (width, height) in [(1, 1), (0, 0), (-3, 5), (80, 24), (7, 200)] {
                let options = HeatmapOptions(style: style, channel: 0, maxWidth: width, maxHeight: height, colorDepth: .truecolor)
                #expect(!Heatmap.render(t, name: "T", options: options).isEmpty)
            }
        }
    }
    var broken = try Lecture.edgeOutput()
    broken.storage = []
    #expect(Heatmap.render(broken, name: "B", options: HeatmapOptions()).contains("malformed"))
}

@Test func aNarrowScreenDropsThePaletteNameFromTheScaleLine() throws {
    let map = try Tensor(shape: [2, 2], storage: [30, -30, 0, 15])
    let narrow = Heatmap.render(map, name: "D", options: HeatmapOptions(style: .color, maxWidth: 40, colorDepth: .ansi256))
    #expect(narrow.contains("scale: -30 \u{1B}[48;5;20m"))
    #expect(narrow.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 40 })
    let wide = Heatmap.render(map, name: "D", options: HeatmapOptions(style: .color, maxWidth: 60, colorDepth: .ansi256))
    #expect(wide.contains("scale (blue–white–red): -30 "))
}
