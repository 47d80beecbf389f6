import CNNLabTerminal
import Testing

@Test func wideCharactersTakeTwoCellsAndClipWhole() {
    var grid = CellGrid(width: 5, height: 1)
    #expect(grid.write("a漢b", row: 0, col: 0) == 4)
    #expect(grid[0, 2].isContinuation)
    #expect(grid.lines == ["a漢b"])
    var narrow = CellGrid(width: 2, height: 1)
    #expect(narrow.write("a漢", row: 0, col: 0) == 1)
}

@Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var grid = CellGrid(width: 4, height: 1)
    grid.write("漢字", row: 0, col: 0)
    grid.write("x", row: 0, col: 1)
    #expect(grid.lines == [" x字"])
}

@Test func writesOutsideTheGridAreIgnored() {
    var grid = CellGrid(width: 0, height: 0)
    #expect(grid.write("abc", row: 0, col: 0) == 0)
    var small = CellGrid(width: 3, height: 2)
    small.write("abcdef", row: 1, col: -2)
    small.write("zz", row: 5, col: 0)
    small.fill(row: -1, col: -1, width: 10, height: 1)
    #expect(small.lines == ["", "cde"])
}

@Test func lineEditorEditsAndRemembersHistory() {
    let editor = SimpleLineEditor()
    var lines: [LineInput] = []
    editor.beginCallback(prompt: "> ") { lines.append($0) }
    for b in Array("conv 10".utf8) + [0x1B, 0x5B, 0x44, 0x7F] + Array("2".utf8) { editor.feed(b) }
    #expect(editor.buffer == "conv 20")
    #expect(editor.cursor == 6)
    editor.feed(0x0D)
    #expect(lines == [.line("conv 20")])
    for b in [0x1B, 0x5B, 0x41] as [UInt8] { editor.feed(b) }
    #expect(editor.buffer == "conv 20")
    editor.feed(0x03)
    editor.feed(0x04)
    #expect(lines == [.line("conv 20"), .interrupted, .endOfFile])
}

@Test func lineEditorCompletesFromTheVocabulary() {
    let completer = ReplCompleter(variables: ["Alpha"], workingDirectory: "/")
    let editor = SimpleLineEditor(completer: { completer.candidates(line: $0, wordStart: $1, word: $2) })
    editor.beginCallback(prompt: "") { _ in }
    for b in Array("summ\tsho".utf8) { editor.feed(b) }
    #expect(editor.buffer == "summary sho")
    editor.feed(0x15)
    for b in Array("show Al\t".utf8) { editor.feed(b) }
    #expect(editor.buffer == "show Alpha")
    editor.feed(0x15)
    for b in Array("é漢".utf8) { editor.feed(b) }
    #expect(editor.buffer == "é漢" && editor.cursor == 2)
}

