import Testing
import ConvCore

@Test func softmaxAndCrossEntropyMatchNumpyIncludingHugeLogits() throws {
    let cases = try FixtureFile.load("layers.json").cases.filter { $0.name.hasPrefix("softmax-") }
    #expect(cases.count == 4)
    for c in cases {
        let z = try c.tensor("z")
        let labels = try c.tensor("labels").storage.map { Int($0) }
        let p = try Softmax.forward(z)
        #expect(p.storage.allSatisfy { $0.isFinite }, "\(c.name)")
        #expect(maxAbsDifference(p, try c.tensor("p")) < 1e-6, "\(c.name) softmax")
        let (loss, dz) = try Softmax.crossEntropy(logits: z, labels: labels)
        let expected = try c.tensor("loss").storage[0]
        #expect(abs(loss - expected) <= 1e-5 * max(1, abs(expected)), "\(c.name) loss \(loss) vs \(expected)")
        #expect(maxAbsDifference(dz, try c.tensor("dz")) < 1e-6, "\(c.name) dLogits")
    }
}

@Test func softmaxRowsSumToOne() throws {
    let z = try Tensor(shape: [2, 3], storage: [1, 2, 3, -1e4, 0, 1e4])
    let p = try Softmax.forward(z)
    #expect(abs(p.storage[0..<3].reduce(0, +) - 1) < 1e-6)
    #expect(p.storage[3..<6] == [0, 0, 1])
}

@Test func crossEntropyRejectsBadLabels() throws {
    let z = try Tensor.zeros([2, 3])
    #expect(throws: TensorError.self) { try Softmax.crossEntropy(logits: z, labels: [0]) }
    #expect(throws: TensorError.self) { try Softmax.crossEntropy(logits: z, labels: [0, 3]) }
    #expect(throws: TensorError.self) { try Softmax.crossEntropy(logits: z, labels: [-1, 0]) }
    #expect(throws: TensorError.self) { try Softmax.forward(try Tensor.zeros([6])) }
    // Uniform logits over 3 classes: loss log 3.
    let (loss, _) = try Softmax.crossEntropy(logits: z, labels: [0, 2])
    #expect(abs(loss - Float(1.0986123)) < 1e-6)
}
