import CNNLabEngine
import ConvCore
import Testing

/// Whole numbers in the language are exact Ints up to 2⁵³, never rounded through Float32
/// (issue 14): sizes, indices and counts read from literals, integer arithmetic and
/// variables bound to them.
@Suite struct ExactIntegerTests {
    func shape(_ source: String) throws -> [Int]? {
        guard case .shape(let s)? = try run(source).last else { return nil }
        return s.shape
    }

    @Test func aSizeOfTwoToTheTwentyFourPlusOneIsExact() throws {
        let dims = try shape("shape zeros(16777217)")
        #expect(dims == [16_777_217])
    }

    @Test func integerArithmeticOnSizesIsExact() throws {
        let sum = try shape("shape zeros(16777216 + 1)")
        #expect(sum == [16_777_217])
        let product = try shape("shape zeros(2 * 8388609 - 1)")
        #expect(product == [16_777_217])
    }

    @Test func aVariableBoundToAWholeNumberKeepsItExact() throws {
        let dims = try shape("let n = 16777217; shape zeros(n)")
        #expect(dims == [16_777_217])
        let derived = try shape("let n = 8388608; let m = n * 2 + 1; shape zeros(m)")
        #expect(derived == [16_777_217])
    }

    @Test func anIntegralRealLiteralIsExactToo() throws {
        let dims = try shape("shape zeros(16777217.0)")
        #expect(dims == [16_777_217])
        let exponent = try shape("shape zeros(1.6777217e7)")
        #expect(exponent == [16_777_217])
    }

    @Test func aHugeSizeIsTooLargeNotAFraction() {
        let d = diagnostic("show zeros(1999999999)")
        guard case .tensor(operation: "zeros", .tooLarge)? = d?.problem else {
            Issue.record("\(String(describing: d?.problem))")
            return
        }
    }

    @Test func aFloatThatMayHaveBeenRoundedIsNotTakenAsAWholeNumber() {
        // 16777216 + 1.5 is 16777217.5, which Float32 rounds to the whole 16777218.
        let d = diagnostic("show zeros(16777216 + 1.5)")
        #expect(d != nil)
        guard case .shape? = try? run("shape zeros(16777216 + 1.5)").last else { return }
        Issue.record("a rounded Float32 was taken as a size")
    }

    @Test func aWholeNumberPastTwoToTheFiftyThreeIsRefused() {
        #expect(diagnostic("show zeros(9007199254740993)") != nil)
        #expect(diagnostic("show ones(3)[9007199254740993]") != nil)
    }

    @Test func tensorValuesAreStillFloat32() throws {
        guard case .shown(let n)? = try run("show 16777217").last else { Issue.record("no result"); return }
        #expect(n.tensor.storage == [16_777_216])
        guard case .shown(let m)? = try run("show 16777217 + 1").last else { Issue.record("no result"); return }
        #expect(m.tensor.storage == [16_777_218])
        guard case .shown(let z)? = try run("show 1/-0").last else { Issue.record("no result"); return }
        #expect(z.tensor.storage == [-Float.infinity])
    }

    /// Each ends in a result or a diagnostic; a trap (an overflow, an allocation of exabytes —
    /// `conv` with s=2⁵³ once sized a scratch buffer by the stride) would stop the test run.
    @Test(arguments: [
        "zero_pad(ones(2, 2), N)", "conv(ones(3, 3), ones(2, 2), s=N)", "conv(ones(3, 3), ones(2, 2), p=N)",
        "maxpool(ones(4, 4), N)", "avgpool(ones(4, 4), 2, N)", "ones(4)[N]", "ones(4)[-N]", "ones(4)[-N:N]",
        "ones(4)[N:-N]", "distribute_value(1, N, N)", "distribute_value(1, [N, N])", "reshape(ones(4), N, N)",
        "range(N)", "range(-N, N, N)", "zeros(N, N, N, N)", "conv_backward(ones(2, 2), ones(3, 3), ones(2, 2), s=N)",
        "maxpool_backward(ones(2, 2), ones(4, 4), N)", "a[N]", "z[-N]", "step conv(ones(3, 3), ones(2, 2), s=N)",
    ])
    func hugeWholeNumbersInEveryIntegerArgumentAreNotTraps(_ template: String) {
        for n in ["9007199254740992", "9007199254740991", "4503599627370497", "9223372036854775807", "3037000500"] {
            let statement = template.hasPrefix("step") ? template : "show " + template
            _ = diagnostic(statement.replacingOccurrences(of: "N", with: n))
        }
    }

    @Test func aConvolutionWithAStridePastTheInputHasOneWindow() throws {
        guard case .shown(let n)? = try run("show conv(ones(3, 3), ones(2, 2), s=9007199254740992)").last else {
            Issue.record("no result")
            return
        }
        #expect(n.tensor.shape == [1, 1])
        #expect(n.tensor.storage == [4])
    }
}
