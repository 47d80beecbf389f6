import Testing
import CNNLabEngine

/// The lecture's own numbers (LECTURE.md), exactly.
@Suite struct LectureNetworkTests {
    @Test func oneLayerHas280Parameters() throws {
        let r = try reports("input 6x6x3; conv 10 f=3 s=1 p=0; relu")
        #expect(r[1].output == .spatial(h: 4, w: 4, c: 10))
        #expect(r[1].params == 280)
        #expect(r[1].weightShape == [3, 3, 3, 10])
        #expect(r[1].biasShape == [1, 1, 1, 10])
        #expect(r[2].output == .spatial(h: 4, w: 4, c: 10))
    }

    @Test func oneLayerParametersDoNotDependOnInputSize() throws {
        let small = try reports("input 6x6x3; conv 10 f=3")
        let large = try reports("input 1000x700x3; conv 10 f=3")
        #expect(small[1].params == large[1].params)
    }

    @Test func simpleConvNetShrinks37_17_7() throws {
        let r = try reports("input 39x39x3; conv 10 f=3 s=1 p=0; conv 20 f=5 s=2 p=0; conv 40 f=5 s=2 p=0; flatten; softmax 10")
        #expect(r.map(\.output) == [
            .spatial(h: 39, w: 39, c: 3), .spatial(h: 37, w: 37, c: 10), .spatial(h: 17, w: 17, c: 20),
            .spatial(h: 7, w: 7, c: 40), .flat(1960), .flat(10),
        ])
        #expect(r.map(\.params) == [0, 280, 5020, 20040, 0, 19610])
    }

    @Test func leNetTableWithEightFilters() throws {
        let r = try reports("""
            input 32x32x3
            conv 8 f=5 s=1
            pool max f=2 s=2
            conv 16 f=5 s=1
            pool max f=2 s=2
            flatten
            fc 120
            fc 84
            softmax 10
            """)
        #expect(r.map(\.activations) == [3072, 6272, 1568, 1600, 400, 400, 120, 84, 10])
        #expect(r.map(\.params) == [0, 608, 0, 3216, 0, 0, 48120, 10164, 850])
        #expect(NetworkSummary(layers: r).totalParams == 62958)
    }

    @Test func leNetWithSixFilters() throws {
        let r = try reports("input 32x32x3; conv 6 f=5; pool max f=2; conv 16 f=5; pool max f=2; fc 120; fc 84; softmax 10")
        #expect(r[1].params == 456)
        #expect(r[3].params == 2416)
        #expect(NetworkSummary(layers: r).totalParams == 62006)
    }

    @Test func whyConvolutionsSizeArgument() throws {
        let r = try reports("input 32x32x3; conv 6 f=5")
        #expect(r[0].activations == 3072)
        #expect(r[1].activations == 4704)
        #expect(r[1].params == 456)
        #expect(r[0].activations * r[1].activations == 14_450_688)
    }

    @Test func poolingThreeDimensionalKeepsChannels() throws {
        let r = try reports("input 4x4x10; pool max f=2 s=2")
        #expect(r[1].output == .spatial(h: 2, w: 2, c: 10))
        #expect(r[1].params == 0)
    }

    @Test func derivationSubstitutesTheLayersNumbers() throws {
        let r = try reports("input 39x39x3; conv 10 f=3; conv 20 f=5 s=2")
        let lines = r[2].derivation.map(\.equation)
        #expect(lines.contains("n_H[2] = ⌊(n_H[1] + 2p − f)/s⌋ + 1 = ⌊(37 + 0 − 5)/2⌋ + 1 = 17"))
        #expect(lines.contains("params = (f·f·n_c[1] + 1)·n_c[2] = (5·5·10 + 1)·20 = 5020"))
    }

    @Test func derivationSaysWhenTheFloorDropsARemainder() throws {
        let r = try reports("input 8x7x1; conv 1 f=3 s=2")
        let nH = try #require(r[1].derivation.first { $0.quantity == "n_H[1]" })
        let nW = try #require(r[1].derivation.first { $0.quantity == "n_W[1]" })
        #expect(nH.value == "3")
        #expect(nH.note == .floorDropsRemainder(numerator: 5, stride: 2, remainder: 1))
        #expect(nW.value == "3")
        #expect(nW.note == nil)
        #expect(nH.note?.text(in: .en).contains("remainder 1") == true)
        #expect(nH.note?.text(in: .ptBR).contains("resto 1") == true)
    }

    @Test func samePaddingKeepsTheSizeAtStrideOne() throws {
        let r = try reports("input 28x28x1; conv 8 f=5 p=same")
        #expect(r[1].output == .spatial(h: 28, w: 28, c: 8))
        #expect(r[1].padding == 2)
    }

    @Test func nonSquareInputs() throws {
        let r = try reports("input 5x7x4; conv 8 f=3 s=2 p=1; pool avg f=2")
        #expect(r[1].output == .spatial(h: 3, w: 4, c: 8))
        #expect(r[2].output == .spatial(h: 1, w: 2, c: 8))
    }

    @Test func inputForms() throws {
        #expect(try reports("input 39 39 3")[0].output == .spatial(h: 39, w: 39, c: 3))
        #expect(try reports("input 28x28")[0].output == .spatial(h: 28, w: 28, c: 1))
        #expect(try reports("input 400; fc 120")[1].params == 48120)
    }

    @Test func multiplyAddsOfAConvLayer() throws {
        // 37·37·10 outputs, each 3·3·3 multiply-adds.
        #expect(try reports("input 39x39x3; conv 10 f=3")[1].multiplyAdds == 37 * 37 * 10 * 27)
    }
}
