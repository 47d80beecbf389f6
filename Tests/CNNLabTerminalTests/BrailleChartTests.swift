import CNNLabTerminal
import Testing

@Suite struct BrailleChartTests {
    @Test func aRisingLineGoesFromBottomLeftToTopRight() {
        let lines = BrailleChart.lines([0, 1, 2, 3], width: 2, height: 1)
        #expect(lines.count == 1 && lines[0].count == 2)
        let scalars = lines[0].unicodeScalars.map { $0.value - 0x2800 }
        // Left character: its bottom-left dot (0x40) is set; right character: its top-right (0x08).
        #expect(scalars[0] & 0x40 != 0 && scalars[1] & 0x08 != 0)
        #expect(scalars[0] & 0x08 == 0)
    }

    @Test func aFlatLineSitsOnTheBottomRowAndAsciiUsesStars() {
        let lines = BrailleChart.lines([5, 5, 5], width: 3, height: 2, range: 0...10, unicode: false)
        #expect(lines.count == 2 && lines.allSatisfy { $0.count == 3 })
        #expect(lines[0] == "***" || lines[1] == "***")
    }

    @Test func noValuesIsBlank() {
        #expect(BrailleChart.lines([], width: 4, height: 2) == ["    ", "    "])
        #expect(BrailleChart.lines([.nan], width: 1, height: 1) == [" "])
    }
}
