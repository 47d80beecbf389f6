import ConvCore
import Testing
import CNNLabEngine

/// Bad calls of the assignment's helpers and of the cost functions are located errors with a
/// hint in both languages, never traps.
@Suite struct AssignmentFunctionErrorTests {
    /// The diagnostic of `source`, which must have a place and a hint in English and Portuguese.
    private func located(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let d = diagnostic(source)
        #expect(d != nil, "\(source) should fail", sourceLocation: sourceLocation)
        #expect(d?.range != nil, "\(source): no location", sourceLocation: sourceLocation)
        #expect(d?.hint(in: .en) != nil, "\(source): no English hint", sourceLocation: sourceLocation)
        #expect(d?.hint(in: .ptBR) != nil, "\(source): no Portuguese hint", sourceLocation: sourceLocation)
        return d
    }

    @Test func negativePadIsRefusedAtThePad() {
        let d = located("let X = ones(2, 3, 3, 1); show zero_pad(X, -1)")
        #expect(d?.problem == .tensor(operation: "zero_pad", .invalidParameter(operation: "zero_pad", name: "pad", value: -1, reason: "cannot be negative")))
        #expect(d?.range == SourceRange(line: 1, column: 44, length: 2))
    }

    @Test func hugePadIsTooLargeNotAnOverflow() {
        let d = located("show zero_pad(ones(2, 2), 100000000)")
        #expect(d?.problem == .tensor(operation: "zero_pad", .tooLarge(shape: [200_000_002, 200_000_002], limit: Tensor.maxElementCount)))
        #expect(d?.range?.column == 27)
        // Beyond 2⁵³ the pad is no longer a whole number cnnlab accepts.
        #expect(located("show zero_pad(ones(2, 2), 9223372036854775807)")?.problem == .integerTooLarge("pad"))
        #expect(located("show zero_pad(ones(2, 2), 1.5)")?.problem == .notAnInteger("pad"))
    }

    @Test func zeroPadNeedsAnImageAndAPad() {
        let d = located("show zero_pad(ones(3), 1)")
        #expect(d?.range?.column == 15)
        if case .tensor(operation: "zero_pad", .rankMismatch)? = d?.problem {} else { Issue.record("expected a rank error, got \(String(describing: d))") }
        #expect(located("show zero_pad(ones(2, 2))")?.problem == .argumentCount(function: "zero_pad", expected: "2", got: 1))
        #expect(located("show zero_pad(ones(2, 2), 1, 2)")?.problem == .argumentCount(function: "zero_pad", expected: "2", got: 3))
    }

    @Test func convSingleStepNeedsMatchingWindowAndFilter() {
        let w = located("show conv_single_step(ones(4, 4, 3), ones(4, 4, 2), 1)")
        #expect(w?.problem == .tensor(operation: "conv_single_step", .shapeMismatch(operation: "conv_single_step", lhs: [4, 4, 3], rhs: [4, 4, 2])))
        #expect(w?.range?.column == 38)
        let b = located("show conv_single_step(ones(2, 2), ones(2, 2), ones(1, 1, 1, 2))")
        #expect(b?.problem == .tensor(operation: "conv_single_step", .shapeMismatch(operation: "conv_single_step", lhs: [1, 1, 1, 2], rhs: [1, 1, 1])))
        #expect(b?.range?.column == 47)
        let r = located("show conv_single_step(ones(2), ones(2), 0)")
        if case .tensor(operation: "conv_single_step", .rankMismatch)? = r?.problem {} else { Issue.record("expected a rank error, got \(String(describing: r))") }
        #expect(located("show conv_single_step(ones(2, 2), ones(2, 2))")?.problem == .argumentCount(function: "conv_single_step", expected: "3", got: 2))
    }

    @Test func maskNeedsOneArgument() {
        #expect(located("show create_mask_from_window()")?.problem == .argumentCount(function: "create_mask_from_window", expected: "1", got: 0))
        #expect(located("show create_mask_from_window(ones(2, 2), 1)")?.problem == .argumentCount(function: "create_mask_from_window", expected: "1", got: 2))
    }

    @Test func distributeValueNeedsANumberAndAShape() {
        let dz = located("show distribute_value(ones(2), [2, 2])")
        if case .tensor(operation: "distribute_value", .rankMismatch)? = dz?.problem {} else { Issue.record("expected a rank error, got \(String(describing: dz))") }
        #expect(dz?.range?.column == 23)
        let three = located("show distribute_value(2, [2, 2, 2])")
        if case .tensor(operation: "distribute_value", .rankMismatch)? = three?.problem {} else { Issue.record("expected a shape error, got \(String(describing: three))") }
        #expect(three?.range?.column == 26)
        #expect(located("show distribute_value(2, 2)") != nil)
        #expect(located("show distribute_value(2, [2.5, 2])")?.problem == .notAnInteger("n_H"))
        let zero = located("show distribute_value(2, 2, 0)")
        #expect(zero?.problem == .tensor(operation: "distribute_value", .invalidParameter(operation: "distribute_value", name: "n_W", value: 0, reason: "must be at least 1")))
        #expect(zero?.range == SourceRange(line: 1, column: 29, length: 1))
        #expect(located("show distribute_value(2, [-1, 2])") != nil)
        if case .tensor(operation: "distribute_value", .tooLarge)? = located("show distribute_value(2, 100000, 100000)")?.problem {} else {
            Issue.record("expected a size error")
        }
        // The notebook's tuple does not parse; the hint shows the list to write instead.
        let tuple = located("show distribute_value(2, (2, 2))")
        #expect(tuple?.problem == .expected(.closingParen, found: ","))
        #expect(tuple?.hint(in: .en) == "a tuple such as (2, 2) is written as a list: [2, 2]")
        #expect(located("show distribute_value(2)")?.problem == .argumentCount(function: "distribute_value", expected: "2–3", got: 1))
    }

    @Test func crossEntropyNeedsTwoTablesOfTheSameShape() {
        let d = located("let Yhat = softmax(randn(4, 3)); show cross_entropy(Yhat, ones(3, 4))")
        #expect(d?.problem == .tensor(operation: "cross_entropy", .shapeMismatch(operation: "cross_entropy", lhs: [4, 3], rhs: [3, 4])))
        #expect(d?.range == SourceRange(line: 1, column: 59, length: 10))
        let r = located("show cross_entropy(ones(1, 2, 3), ones(1, 2, 3))")
        if case .tensor(operation: "cross_entropy", .rankMismatch)? = r?.problem {} else { Issue.record("expected a rank error, got \(String(describing: r))") }
        #expect(located("show cross_entropy(ones(2, 3))")?.problem == .argumentCount(function: "cross_entropy", expected: "2", got: 1))
    }

    @Test func reductionsAndLogTakeOneTensor() {
        #expect(located("show sum(1, 2)")?.problem == .argumentCount(function: "sum", expected: "1", got: 2))
        #expect(located("show mean()")?.problem == .argumentCount(function: "mean", expected: "1", got: 0))
        #expect(located("show log(X=1, Y=2)") != nil)
        #expect(located("show exp(conv_backward(ones(3, 3), ones(3, 3), ones(1, 1)))")?.problem == .tupleNotAllowed)
    }

    @Test func logAndExpFollowIEEELikeNumpy() throws {
        let s = Session()
        try run("let L = log([0, -1, 1]); let E = exp([100, -200])", in: s)
        let l = try #require(s.variables["L"])
        #expect(l.storage[0] == -.infinity && l.storage[1].isNaN && l.storage[2] == 0)
        #expect(s.variables["E"]?.storage == [.infinity, 0])
        #expect(try run("let M = create_mask_from_window(log([[1, -1], [2, 3]]))", in: s).isEmpty == false)
        #expect(s.variables["M"]?.storage == [0, 0, 0, 0])  // a NaN maximum, as np.max gives
    }

    @Test func everyFunctionHasAHelpPage() {
        for f in Vocabulary.functions {
            #expect(HelpCatalog.page(for: f) != nil, "help \(f)")
        }
    }
}
