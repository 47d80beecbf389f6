import Testing
@testable import ConvCore

@Test func elementCountRejectsOverflowAndZero() {
    #expect(Tensor.elementCount([2, 3, 4]) == 24)
    #expect(Tensor.elementCount([0, 3]) == nil)
    #expect(Tensor.elementCount([Int.max, 2]) == nil)
}

@Test func rowMajorOffsets() throws {
    let t = try Tensor(shape: [2, 3], storage: [0, 1, 2, 3, 4, 5])
    #expect(try t.element(at: [1, 2]) == 5)
    #expect(try t.element(at: [-1, 0]) == 3)
    #expect(throws: TensorError.self) { try t.element(at: [2, 0]) }
    #expect(t.strides == [3, 1])
}
