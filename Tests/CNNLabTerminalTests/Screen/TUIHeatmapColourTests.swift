import ConvCore
import Testing
@testable import CNNLabTerminal

/// A terminal with the xterm 256-colour palette (`TERM=xterm-256color`).
private let xterm256 = ScreenPalette(colors: 256, pairs: 65_536)

/// The background of every cell inside the first heatmap frame of `frame`, row by row.
private func mapBackgrounds(_ frame: CellGrid) -> [[UInt8?]] {
    guard let top = frame.lines.firstIndex(where: { $0.contains("heatmap (") }),
        let left = Array(frame.text(row: top + 1)).firstIndex(of: "┌")
    else { return [] }
    var rows: [[UInt8?]] = []
    for row in top + 2..<frame.height where frame[row, left].character == "│" {
        let cols = (left + 1..<frame.width).prefix { frame[row, $0].character != "│" }
        rows.append(cols.map { frame[row, $0].attributes.background })
    }
    return rows
}

/// The backgrounds of the legend's scale bar: the cells after `prefix` up to the next plain one.
private func scaleBar(_ frame: CellGrid, after prefix: String) -> [UInt8?] {
    guard let row = frame.lines.firstIndex(where: { $0.contains(prefix) }),
        let start = frame.text(row: row).range(of: prefix)
    else { return [] }
    let col = frame.text(row: row).distance(from: frame.text(row: row).startIndex, to: start.upperBound)
    return (col..<frame.width).prefix { frame[row, $0].attributes.background != nil }.map { frame[row, $0].attributes.background }
}

/// `values` with each run of equal neighbours kept once.
private func runs<T: Equatable>(_ values: [T]) -> [T] {
    values.reduce(into: []) { out, value in if out.last != value { out.append(value) } }
}

@Test @MainActor func theEdgeResultIsPaintedInTheGreyRampOnA256ColourTerminal() throws {
    let (screen, _) = runTUI(typed(edgeImage) + typed(edgeKernel) + typed("show A * K"), palette: xterm256)
    let frame = try #require(screen.lastFrame)
    #expect(screenText(screen).contains("result: 4×4 heatmap (color)"))
    // 0 30 30 0 on every row: the darkest grey (232), the lightest (255) twice, the darkest;
    // each cell two columns wide.
    let rows = mapBackgrounds(frame)
    #expect(rows.count == 4)
    for row in rows {
        #expect(row == [232, 232, 255, 255, 255, 255, 232, 232])
    }
    let bar = scaleBar(frame, after: "scale (grey ramp): 0 ")
    #expect(bar == [232, 235, 239, 242, 245, 248, 252, 255].flatMap { [$0, $0] })
    #expect(screenText(screen).contains(String(repeating: " ", count: bar.count) + " 30"))
}

@Test @MainActor func signedDataUsesTheDivergingScale() throws {
    let (screen, _) = runTUI(typed("let D = [[30,-30],[0,15]]") + typed("show D"), palette: xterm256)
    let frame = try #require(screen.lastFrame)
    // +30 deep red (160), −30 deep blue (20); 0 white (231), +15 light red (210).
    let rows = mapBackgrounds(frame)
    #expect(rows.count >= 2 && rows.count % 2 == 0)
    #expect(rows.prefix(rows.count / 2).allSatisfy { runs($0) == [160, 20] })
    #expect(rows.suffix(rows.count / 2).allSatisfy { runs($0) == [231, 210] })
    let bar = scaleBar(frame, after: "scale (blue–white–red): -30 ")
    #expect(runs(bar) == [20, 63, 105, 147, 189, 231, 224, 217, 210, 203, 160])
    #expect(screenText(screen).contains("diverging, centred on 0"))
}

@Test(arguments: [
    (false, xterm256),
    (true, ScreenPalette.basic),
    (true, ScreenPalette(colors: 16, pairs: 256)),
    (true, ScreenPalette(colors: 256, pairs: 16)),
])
@MainActor func withoutA256ColourPaletteTheViewerDrawsBlocks(color: Bool, palette: ScreenPalette) throws {
    let (screen, _) = runTUI(typed(edgeImage) + typed(edgeKernel) + typed("show A * K"), color: color, palette: palette)
    let frame = try #require(screen.lastFrame)
    #expect(screenText(screen).contains("result: 4×4 heatmap (blocks)"))
    #expect(screenText(screen).contains("│  ████  │"))
    #expect(mapBackgrounds(frame).joined().allSatisfy { $0 == nil })
}

@Test func aScaleAndTheThemeMustFitInThePairs() {
    let needed = 1 + TUITheme.colorPairs + ColorScale.indexedColorCount
    #expect(ColorScale.indexedColorCount == 24)
    #expect(ScreenPalette(colors: 256, pairs: needed).heatmapColorDepth == .ansi256)
    #expect(ScreenPalette(colors: 256, pairs: needed - 1).heatmapColorDepth == .none)
    #expect(ScreenPalette(colors: 88, pairs: 65_536).heatmapColorDepth == .none)
    #expect(TUIState(color: false, palette: xterm256).heatmapColorDepth == .none)
}

@Test func cellsShowTheSameLayoutAsTheAnsiText() throws {
    let map = try Tensor(shape: [3, 2], storage: [-2, 1, .nan, 4, 0, -1])
    for options in [
        HeatmapOptions(style: .color, maxWidth: 50, maxHeight: 18, colorDepth: .ansi256),
        HeatmapOptions(style: .numbers, maxWidth: 50, maxHeight: 18, colorDepth: .ansi256),
        HeatmapOptions(style: .color, maxWidth: 50, maxHeight: 18, colorDepth: .ansi256, unicode: false),
    ] {
        var grid = CellGrid(width: 50, height: 18)
        grid.styledLines(Heatmap.lines(map, name: "M", options: options), in: Rect(row: 0, col: 0, width: 50, height: 18))
        let text = Heatmap.render(map, name: "M", options: options)
        let plain = text.replacing(#/\u{1B}\[[0-9;]*m/#, with: "").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(grid.lines.prefix(plain.count)) == plain.map { String($0.reversed().drop { $0 == " " }.reversed()) })
        // Numbers are black on light colours and bright white on dark ones.
        let numberColours = Set((0..<grid.height).flatMap { r in (0..<grid.width).map { grid[r, $0].attributes.foreground } })
        #expect(numberColours == (options.style == .numbers ? [nil, 0, 15] : [nil]))
    }
}

@Test func aStyledLineCutAtTheEdgeOfItsRectangleStopsThere() {
    let red = Paint(background: .indexed(160))
    let line = StyledLine([StyledText(text: "ab"), StyledText(text: "漢", paint: red), StyledText(text: "c")])
    var grid = CellGrid(width: 6, height: 1)
    grid.styledLines([line], in: Rect(row: 0, col: 1, width: 3, height: 1))
    #expect(grid.lines == [" ab"])
    grid.styledLines([line], in: Rect(row: 0, col: 0, width: 6, height: 1))
    #expect(grid.lines == ["ab漢c"])
    #expect(grid[0, 2].attributes.background == 160 && grid[0, 4].attributes == .plain)
}

@Test @MainActor func theSmallestScreenShowsTheWholeDivergingScaleBar() throws {
    let (screen, _) = runTUI(typed("let D = [[30,-30],[0,15]]") + typed("show D"), width: 80, height: 24, palette: xterm256)
    let frame = try #require(screen.lastFrame)
    #expect(scaleBar(frame, after: "scale: -30 ").count == 22)
    #expect(screenText(screen).contains(String(repeating: " ", count: 22) + " +30"))
}
