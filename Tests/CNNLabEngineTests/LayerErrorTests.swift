import Testing
import CNNLabEngine

/// Layers that cannot exist are refused with the layer and the numbers named.
@Suite struct LayerErrorTests {
    @Test func filterLargerThanPaddedInput() {
        let d = diagnostic("input 4x4x3; conv 2 f=5")
        #expect(d?.problem == .layer(index: 1, command: "conv 2 f=5 s=1 p=0", reason: .filterTooLarge(f: 5, n: 4, p: 0, axis: "n_H")))
        #expect(d?.message(in: .en).contains("f=5") == true)
        #expect(d?.range?.column == 14)
    }

    @Test func strideZeroIsRejectedWhereItIsWritten() {
        let d = diagnostic("input 8x8x1; conv 2 f=3 s=0")
        #expect(d?.problem == .invalidOption(name: "s", value: "0", rule: "s ≥ 1"))
        #expect(d?.range == SourceRange(line: 1, column: 27, length: 1))
    }

    @Test func negativePadding() {
        let d = diagnostic("input 8x8x1; conv 2 f=3 p=-1")
        #expect(d?.problem == .invalidOption(name: "p", value: "-1", rule: "p ≥ 0 (or p=same)"))
    }

    @Test func poolingOnAFlatVector() {
        let d = diagnostic("input 8x8x1; flatten; pool max f=2")
        #expect(d?.problem == .layer(index: 2, command: "pool max f=2 s=2", reason: .needsSpatialInput(shape: "64")))
    }

    @Test func layerBeforeInput() {
        #expect(diagnostic("conv 10 f=3")?.problem == .noInput)
    }

    @Test func sizesThatOverflowAreAnErrorNotATrap() {
        let d = diagnostic("input 9000000000x9000000000x3")
        #expect(d?.problem == .layer(index: 0, command: "input", reason: .overflow))
        let d2 = diagnostic("input 4000000x4000000x1; conv 1000000 f=1")
        #expect(d2?.problem == .layer(index: 1, command: "conv 1000000 f=1 s=1 p=0", reason: .overflow))
        #expect(diagnostic("input 99999999999999999999999")?.problem == .numberTooLarge("99999999999999999999999"))
    }

    @Test func failedLayerLeavesTheNetworkUnchanged() throws {
        let session = Session()
        try run("input 8x8x1; conv 2 f=3", in: session)
        #expect(diagnostic("conv 2 f=9", in: session) != nil)
        #expect(session.layers.count == 1)
    }

    @Test func explainOutOfRange() {
        #expect(diagnostic("input 8x8x1; explain 3")?.problem == .noSuchLayer(3, count: 1))
    }

    @Test func samePaddingNeedsAnOddFilter() {
        let d = diagnostic("input 8x8x1; conv 2 f=4 p=same")
        #expect(d?.problem == .layer(index: 1, command: "conv 2 f=4 s=1 p=same", reason: .sameNeedsOddFilter(4)))
    }
}
