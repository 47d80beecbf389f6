import Testing
import ConvCore

@Test func activationsMatchNumpy() throws {
    let fixture = try FixtureFile.load("layers.json")
    for activation in Activation.allCases {
        let c = try #require(fixture.cases.first { $0.name == "activation-\(activation.rawValue)" })
        let z = try c.tensor("z")
        let a = activation.forward(z)
        #expect(maxAbsDifference(a, try c.tensor("a")) < 1e-6, "\(activation) forward")
        let dz = try activation.backward(try c.tensor("da"), input: z)
        #expect(maxAbsDifference(dz, try c.tensor("dz")) < 1e-6, "\(activation) backward")
    }
}

@Test func activationsStayFiniteAndRejectMismatchedShapes() throws {
    let z = try Tensor(shape: [4], storage: [-1e30, -100, 100, 1e30])
    let s = Activation.sigmoid.forward(z).storage
    #expect(s[0] == 0 && s[2] == 1 && s[3] == 1)
    #expect(s[1] > 0 && s[1] < Float.leastNormalMagnitude) // e^−100 is a Float subnormal, not NaN
    #expect(Activation.relu.forward(z).storage == [0, 0, 100, 1e30])
    #expect(Activation.relu.forward(Tensor(scalar: .nan)).storage[0].isNaN)
    for activation in Activation.allCases {
        #expect(try activation.backward(try Tensor.ones([4]), input: z).storage.allSatisfy { $0.isFinite })
        #expect(throws: TensorError.self) { try activation.backward(try Tensor.ones([2, 2]), input: z) }
    }
}
