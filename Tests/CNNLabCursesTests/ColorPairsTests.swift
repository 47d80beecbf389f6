import Testing
@testable import CNNLabCurses

private typealias Colors = ColorPairs.Colors

/// `count` background-only combinations from palette index `first` on.
private func backgrounds(_ first: Int, count: Int) -> [Colors] {
    (first..<first + count).map { Colors(foreground: nil, background: UInt8($0)) }
}

@Test func combinationsGetPairsInOrderAndKeepThem() {
    var pairs = ColorPairs(pairs: 64, colors: 256)
    let frame = [Colors(foreground: 4, background: nil), Colors(foreground: 0, background: 6), Colors(foreground: 4, background: nil)]
    #expect(pairs.prepare(frame) == [
        .init(pair: 1, colors: frame[0]), .init(pair: 2, colors: frame[1]),
    ])
    #expect(pairs.prepare(frame).isEmpty)
    #expect(pairs.pair(for: frame[1]) == 2)
    #expect(pairs.pair(for: Colors(foreground: nil, background: nil)) == 0)
}

@Test func aFullTableReusesOnlyPairsTheNewFrameDoesNotShow() {
    var pairs = ColorPairs(pairs: 5, colors: 256)  // pairs 1…4
    let theme = [Colors(foreground: 4, background: nil)]
    #expect(pairs.prepare(theme + backgrounds(232, count: 3)).count == 4)
    // A new map: the theme's pair stays, the old map's three pairs are taken back.
    let next = theme + backgrounds(240, count: 3)
    let definitions = pairs.prepare(next)
    #expect(definitions.map(\.colors) == backgrounds(240, count: 3))
    #expect(Set(definitions.map(\.pair)) == [2, 3, 4])
    #expect(pairs.pair(for: theme[0]) == 1)
    #expect(backgrounds(232, count: 3).allSatisfy { pairs.pair(for: $0) == 0 })
}

@Test func whatDoesNotFitIsDrawnInTheDefaultColours() {
    var pairs = ColorPairs(pairs: 8, colors: 256)  // pairs 1…7
    let frame = backgrounds(232, count: 24)
    #expect(pairs.prepare(frame).map(\.pair) == Array(1...7))
    #expect(frame.prefix(7).allSatisfy { pairs.pair(for: $0) != 0 })
    #expect(frame.dropFirst(7).allSatisfy { pairs.pair(for: $0) == 0 })
}

@Test func coloursPastThePaletteGetNoPair() {
    var pairs = ColorPairs(pairs: 64, colors: 8)
    let grey = Colors(foreground: nil, background: 240)
    let white = Colors(foreground: 15, background: 3)
    #expect(pairs.prepare([grey, white, Colors(foreground: 1, background: 3)]).map(\.pair) == [1])
    #expect(pairs.pair(for: grey) == 0 && pairs.pair(for: white) == 0)
}

@Test func noColoursAndHugeTablesNeverTrap() {
    var none = ColorPairs(pairs: 0, colors: 0)
    #expect(none.prepare(backgrounds(1, count: 3)).isEmpty)
    var huge = ColorPairs(pairs: 65_536, colors: 256)
    #expect(huge.last == Int(Int16.max))
    #expect(huge.prepare(backgrounds(0, count: 256)).count == 256)
}
