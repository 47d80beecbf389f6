@testable import ConvCore  // sets single elements of `storage`
import Testing
@testable import CNNLabTerminal

@Test func verticalEdgeOutputPrintsAsIntegers() throws {
    let text = TensorGrid.render(try Lecture.edgeOutput(), name: "B")
    #expect(text.contains("  0  30  30   0"))
    #expect(!text.contains(".0"))
    assertSnapshot(text, named: "grid-edge-output")
}

@Test func edgeImageRowsReadLikeTheSlide() throws {
    let text = TensorGrid.render(try Lecture.edgeImage(), name: "X")
    #expect(text.split(separator: "\n").dropFirst().allSatisfy { $0 == "  10  10  10   0   0   0" })
}

@Test func averagePoolSharesTwoDecimals() throws {
    let text = TensorGrid.render(try Lecture.averagePool(), name: "P")
    #expect(text == "P: 2×2\n  3.75  1.25\n  4.00  2.00")
    assertSnapshot(text, named: "grid-average-pool")
}

@Test func rankThreeGridHasOneTitledGridPerChannel() throws {
    let t = try Lecture.channels(3, 3, 3) { r, c, k in Float(k * 100 + r * 3 + c) }
    let text = TensorGrid.render(t, name: "A")
    #expect(text.hasPrefix("A: 3×3×3\nA[:,:,0]\n"))
    #expect(text.contains("A[:,:,2]\n  200  201  202"))
    assertSnapshot(text, named: "grid-rank3-channels")
}

@Test func unnamedSlicesUseBareNumpyLabels() throws {
    let t = try Tensor(shape: [2, 1, 1, 2], storage: [1, 2, 3, 4])
    let text = TensorGrid.render(t, name: nil)
    #expect(text.hasPrefix("2×1×1×2\n[0,:,:,0]\n  1"))
    #expect(text.contains("[1,:,:,1]\n  4"))
}

@Test func fortyByFortyIsElidedToFit() throws {
    let t = try Lecture.matrix(40, 40) { r, c in Float(r * 40 + c) }
    let text = TensorGrid.render(t, name: "G")
    let lines = text.split(separator: "\n")
    #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 100 })
    #expect(lines[1].contains("…"))
    #expect(lines.contains { $0.contains("⋮") && $0.contains("⋱") })
    #expect(lines[1].hasSuffix("1599") == false && lines.last?.hasSuffix("1599") == true)
    assertSnapshot(text, named: "grid-elided-40x40")
}

@Test func manyChannelsAreCappedWithANote() throws {
    let t = try Lecture.channels(2, 2, 20) { _, _, k in Float(k) }
    let text = TensorGrid.render(t, name: "A")
    #expect(text.components(separatedBy: "A[:,:,").count - 1 == TensorGrid.maxGrids)
    #expect(text.hasSuffix("… 12 more channels"))
}

@Test func specialValuesAndNegativeZero() throws {
    let t = try Tensor(shape: [4], storage: [-0.0, .nan, .infinity, -.infinity])
    #expect(TensorGrid.render(t, name: "v") == "v: 4\n     0   nan   inf  -inf")
    let rounded = try Tensor(shape: [2], storage: [-0.00001, 0.5])
    #expect(!TensorGrid.render(rounded, name: nil).contains("-0."))
}

@Test func numberFormatChoosesFewestFaithfulDecimals() {
    #expect(ValueFormat(for: [3.75, 1.25, 4, 2]).notation == .fixed(decimals: 2))
    #expect(ValueFormat(for: [0.1, 0.5]).notation == .fixed(decimals: 1))
    #expect(ValueFormat(for: [1.0 / 3.0]).string(1.0 / 3.0, in: .en) == "0.3333")
    #expect(ValueFormat(for: [1.0 / 3.0]).string(1.0 / 3.0, in: .ptBR) == "0,3333")
    #expect(ValueFormat(for: [10, 0, -30]).notation == .integer)
    #expect(ValueFormat(for: [1.5e7]).string(1.5e7, in: .en) == "1.5e+07")
    #expect(ValueFormat(for: [1.5e7]).string(1.5e7, in: .ptBR) == "1,5e+07")
    #expect(ValueFormat(for: [.greatestFiniteMagnitude]).string(.greatestFiniteMagnitude, in: .en) == "3.4028e+38")
}

@Test func scalarAndExplicitPrecision() throws {
    #expect(TensorGrid.render(Tensor(scalar: 280), name: "n") == "n = 280")
    #expect(TensorGrid.render(Tensor(scalar: 2.5), name: nil) == "2.5")
    #expect(TensorGrid.render(try Lecture.averagePool(), name: nil, precision: 1) == "2×2\n  3.8  1.2\n  4.0  2.0")
}

@Test func neverTrapsOnOddInput() throws {
    var broken = try Lecture.edgeOutput()
    broken.storage.removeLast()
    #expect(TensorGrid.render(broken, name: "B").contains("malformed"))
    let row = try Lecture.matrix(1, 1000) { _, c in Float(c) }
    #expect(TensorGrid.render(row, name: "r", maxWidth: 1).contains("…"))
    #expect(TensorGrid.render(row, name: "r", maxWidth: -5, maxRows: -1, precision: -3).contains("…"))
}
