import CNNLabEngine
import ConvCore
import Testing

/// The lecture's vertical-edge image and filter, as `let` statements.
private let edgeScript = """
    let A = [[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0]]
    let K = [[1,0,-1],[1,0,-1],[1,0,-1]]
    """

/// The stepper of the last statement of `source`.
private func stepper(_ source: String) throws -> ConvolutionStepper {
    guard case .stepper(let s)? = try run(source).last else {
        Issue.record("no stepper result for \(source)")
        throw TensorError.invalidShape([])
    }
    return s
}

@Test func verticalEdgeFirstWindowGivesZeroAndSecondThirty() throws {
    let s = try stepper(edgeScript + "\nstep A * K")
    #expect(s.outputRows == 4 && s.outputCols == 4 && s.stepCount == 16)
    let first = s.step(0)
    #expect(first.top == 0 && first.left == 0 && first.value == 0)
    #expect(first.terms.map(\.value) == [10, 10, 10, 10, 10, 10, 10, 10, 10])
    #expect(first.terms.map(\.weight) == [1, 0, -1, 1, 0, -1, 1, 0, -1])
    let second = s.step(1)
    #expect(second.top == 0 && second.left == 1 && second.outputCol == 1 && second.value == 30)
    #expect(second.terms.map(\.value) == [10, 10, 0, 10, 10, 0, 10, 10, 0])
    #expect(s.output == Array(repeating: [0, 30, 30, 0] as [Float], count: 4).flatMap { $0 })
}

@Test func paddingCellsAreFlaggedAndZero() throws {
    let s = try stepper(edgeScript + "\nstep conv(A, K, s=2, p=1)")
    #expect(s.paddedRows == 8 && s.paddedCols == 8)
    // ⌊(6 + 2 − 3)/2⌋ + 1 = 3
    #expect(s.outputRows == 3 && s.outputCols == 3)
    let first = s.step(0)
    #expect(first.terms.filter(\.isPadding).count == 5)
    // Window at the padded corner: 0·1 0·0 0·(−1) / 0·1 10·0 10·(−1) / 0·1 10·0 10·(−1) = −20
    #expect(first.value == -20)
    let last = s.step(8)
    #expect(last.top == 4 && last.left == 4 && last.outputRow == 2 && last.outputCol == 2)
    // Rows 3–5 of the image, columns 3–5 and padding: all zeros.
    #expect(last.value == 0)
}

@Test func maxPoolStepsTheLectureMatrix() throws {
    let s = try stepper("step maxpool([[1,3,2,1],[2,9,1,1],[1,3,2,3],[5,6,1,2]], f=2, s=2)")
    #expect(s.output == [9, 2, 6, 3])
    let first = s.step(0)
    #expect(first.chosen == 3 && first.value == 9)
    #expect(s.step(1).left == 2)
}

@Test func averagePoolStepsTheLectureMatrix() throws {
    let s = try stepper("step avgpool([[1,3,2,1],[2,9,1,1],[1,4,2,3],[5,6,1,2]], f=2)")
    #expect(s.output == [3.75, 1.25, 4, 2])
}

@Test func maxPoolWithStrideOneOverlaps() throws {
    let s = try stepper("step maxpool([[1,3,2,1,3],[2,9,1,1,5],[1,3,2,3,2],[8,3,5,1,0],[5,6,1,2,9]], f=3, s=1)")
    #expect(s.output == [9, 9, 5, 9, 9, 5, 8, 6, 9])
}

@Test func stepIndexIsClamped() throws {
    let s = try stepper(edgeScript + "\nstep A * K")
    #expect(s.step(-3).index == 0)
    #expect(s.step(99).index == 15)
}

@Test func biasIsAddedToEveryWindow() throws {
    let s = try stepper(edgeScript + "\nstep conv(A, K, 2)")
    #expect(s.output.prefix(4) == [2, 32, 32, 2])
}

@Test func stepRefusesSeveralChannelsAndTooLargeWindows() {
    #expect(diagnostic("step zeros(4,4,3) * ones(3,3)") != nil)
    #expect(diagnostic("step ones(2,2) * ones(3,3)") != nil)
    #expect(diagnostic("step maxpool(ones(4,4), f=2, s=0)") != nil)
    #expect(diagnostic("step ones(4,4)") != nil)
    #expect(diagnostic("step relu(ones(4,4))") != nil)
    #expect(diagnostic("step conv(ones(4,4), ones(3,3), p=-1)") != nil)
}

/// A deterministic random 2-D literal, written as the language's nested list.
private func randomLiteral(_ rows: Int, _ cols: Int, _ g: inout SeededGenerator) -> (text: String, values: [Float]) {
    var values: [Float] = []
    let text = "[" + (0..<rows).map { _ in
        "[" + (0..<cols).map { _ in
            let v = Float(Int.random(in: -20...20, using: &g)) / 4
            values.append(v)
            return String(v)
        }.joined(separator: ",") + "]"
    }.joined(separator: ",") + "]"
    return (text, values)
}

@Test(arguments: 1...3, 0...2)
func stepperOutputEqualsConvForRandomInputs(stride: Int, padding: Int) throws {
    var g = SeededGenerator(seed: UInt64(10 * stride + padding))
    for f in [1, 2, 3] {
        let (a, _) = randomLiteral(7, 6, &g)
        let (k, _) = randomLiteral(f, f, &g)
        let session = Session()
        try run("let A = \(a)\nlet K = \(k)", in: session)
        let call = "conv(A, K, s=\(stride), p=\(padding))"
        guard case .shown(let expected)? = try run("show \(call)", in: session).last,
            case .stepper(let s)? = try run("step \(call)", in: session).last
        else {
            Issue.record("missing results for \(call)")
            continue
        }
        #expect(expected.tensor.shape == [s.outputRows, s.outputCols])
        for (x, y) in zip(s.output, expected.tensor.storage) {
            #expect(abs(x - y) <= 1e-4 * max(1, abs(y)), "\(call) f=\(f)")
        }
    }
}

@Test(arguments: ["maxpool", "avgpool"], 1...3)
func stepperOutputEqualsPoolingForRandomInputs(function: String, stride: Int) throws {
    var g = SeededGenerator(seed: UInt64(stride))
    for f in [1, 2, 3] {
        let (a, _) = randomLiteral(7, 8, &g)
        let session = Session()
        try run("let A = \(a)", in: session)
        let call = "\(function)(A, f=\(f), s=\(stride))"
        guard case .shown(let expected)? = try run("show \(call)", in: session).last,
            case .stepper(let s)? = try run("step \(call)", in: session).last
        else {
            Issue.record("missing results for \(call)")
            continue
        }
        #expect(expected.tensor.shape == [s.outputRows, s.outputCols])
        for (x, y) in zip(s.output, expected.tensor.storage) {
            #expect(abs(x - y) <= 1e-5 * max(1, abs(y)), "\(call)")
        }
    }
}
