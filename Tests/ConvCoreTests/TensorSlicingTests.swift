import Testing
@testable import ConvCore

/// numpy: a = np.arange(24).reshape(2, 3, 4)
@Suite struct TensorSlicingTests {
    let a: Tensor

    init() throws {
        a = try Tensor(shape: [2, 3, 4], storage: (0..<24).map(Float.init))
    }

    @Test func elementAccessDropsEveryDimension() throws {
        let e = try a.sliced([.at(1), .at(2), .at(3)])
        #expect(e.shape == [])
        #expect(e.storage == [23])
        #expect(try a.sliced([.at(-1), .at(0), .at(-2)]).storage == [14])  // a[-1,0,-2] == 14
    }

    @Test func channelSliceLikeNumpy() throws {
        // a[:, :, 3] == [[3, 7, 11], [15, 19, 23]]
        let c = try a.sliced([.range(nil, nil), .range(nil, nil), .at(3)])
        #expect(c.shape == [2, 3])
        #expect(c.storage == [3, 7, 11, 15, 19, 23])
    }

    @Test func rangesClampAndCountFromTheEnd() throws {
        // a[0, 1:] == [[4..7], [8..11]]; a[1, -1:, 1:99] == [[21, 22, 23]]
        #expect(try a.sliced([.at(0), .range(1, nil)]).storage == (4..<12).map(Float.init))
        let r = try a.sliced([.at(1), .range(-1, nil), .range(1, 99)])
        #expect(r.shape == [1, 3])
        #expect(r.storage == [21, 22, 23])
    }

    @Test func badIndicesThrow() {
        #expect(throws: TensorError.self) { try a.sliced([.at(2)]) }
        #expect(throws: TensorError.self) { try a.sliced([.at(0), .at(0), .at(0), .at(0)]) }
        #expect(throws: TensorError.self) { try a.sliced([.range(1, 1)]) }
    }
}
