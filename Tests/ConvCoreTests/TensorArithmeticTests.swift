import Testing
@testable import ConvCore

@Test func broadcastShapesFollowNumpy() {
    #expect(Tensor.broadcastShape([4, 4, 10], [10]) == [4, 4, 10])
    #expect(Tensor.broadcastShape([2, 1, 3], [5, 1]) == [2, 5, 3])
    #expect(Tensor.broadcastShape([], [2, 2]) == [2, 2])
    #expect(Tensor.broadcastShape([3], [4]) == nil)
}

@Test func addsBiasAcrossChannels() throws {
    let z = try Tensor(shape: [1, 2, 2], storage: [1, 2, 3, 4])
    let b = try Tensor(shape: [2], storage: [10, 20])
    let r = try z.combined(with: b, .add)
    #expect(r.shape == [1, 2, 2])
    #expect(r.storage == [11, 22, 13, 24])
}

@Test func outerBroadcastMatchesHandComputation() throws {
    // numpy: np.arange(3).reshape(3,1) - np.arange(2).reshape(1,2) == [[0,-1],[1,0],[2,1]]
    let a = try Tensor(shape: [3, 1], storage: [0, 1, 2])
    let b = try Tensor(shape: [1, 2], storage: [0, 1])
    let r = try a.combined(with: b, .subtract)
    #expect(r.shape == [3, 2])
    #expect(r.storage == [0, -1, 1, 0, 2, 1])
}

@Test func mismatchedShapesThrow() throws {
    let a = try Tensor.zeros([3])
    let b = try Tensor.zeros([4])
    #expect(throws: TensorError.self) { try a.combined(with: b, .add) }
}
