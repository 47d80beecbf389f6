import Foundation
import Testing
import ConvCore

private func vector(_ values: [Float]) throws -> Tensor {
    try Tensor(shape: [values.count], storage: values)
}

@Test func sgdStepIsTheHandFormula() throws {
    var params = [try vector([1, -2, 0.5]), try Tensor(shape: [1, 1], storage: [3])]
    let grads = [try vector([0.5, 0.25, -1]), try Tensor(shape: [1, 1], storage: [-2])]
    var sgd = SGD(learningRate: 0.1)
    try sgd.step(parameters: &params, gradients: grads)
    let lr: Float = 0.1
    let expected: [Float] = [1 - lr * 0.5, -2 - lr * 0.25, 0.5 - lr * -1]
    #expect(params[0].storage == expected)
    #expect(params[1].storage == [3 - lr * -2])
}

@Test func sgdMomentumAndWeightDecayAccumulate() throws {
    var params = [try vector([1])]
    let grads = [try vector([0.5])]
    var sgd = SGD(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
    try sgd.step(parameters: &params, gradients: grads)
    let v1: Float = -0.1 * (0.5 + 0.01 * 1)
    let w1: Float = 1 + v1
    #expect(params[0].storage == [w1])
    try sgd.step(parameters: &params, gradients: grads)
    let v2: Float = 0.9 * v1 - 0.1 * (0.5 + 0.01 * w1)
    #expect(abs(params[0].storage[0] - (w1 + v2)) < 1e-7)
}

@Test func adamFirstStepsMatchAHandComputedReference() throws {
    // Reference in Double: m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², w −= η·m̂/(√v̂ + ε).
    let g: [[Double]] = [[0.3, -1.2], [0.1, -0.4], [-0.5, 2.0]]
    var w = [0.5, -0.25], m = [0.0, 0.0], v = [0.0, 0.0]
    let (lr, b1, b2, eps) = (0.01, 0.9, 0.999, 1e-8)
    var params = [try vector(w.map { Float($0) })]
    var adam = Adam(learningRate: 0.01)
    for (t, gt) in g.enumerated() {
        try adam.step(parameters: &params, gradients: [try vector(gt.map { Float($0) })])
        for i in 0..<2 {
            m[i] = b1 * m[i] + (1 - b1) * gt[i]
            v[i] = b2 * v[i] + (1 - b2) * gt[i] * gt[i]
            let mHat = m[i] / (1 - pow(b1, Double(t + 1)))
            let vHat = v[i] / (1 - pow(b2, Double(t + 1)))
            w[i] -= lr * mHat / (vHat.squareRoot() + eps)
        }
        for i in 0..<2 { #expect(abs(Double(params[0].storage[i]) - w[i]) < 1e-6, "step \(t + 1) weight \(i)") }
    }
    #expect(adam.stepCount == 3)
}

@Test func adadeltaFollowsConvNetJS() throws {
    // ConvNetJS: gsum = ρ·gsum + (1−ρ)g²; dx = −√((xsum+ε)/(gsum+ε))·g; xsum = ρ·xsum + (1−ρ)dx²; w += dx.
    var params = [try vector([1])]
    var adadelta = Adadelta()
    var (w, gsum, xsum) = (1.0, 0.0, 0.0)
    for gt in [0.5, -0.2, 0.8] {
        try adadelta.step(parameters: &params, gradients: [try vector([Float(gt)])])
        gsum = 0.95 * gsum + 0.05 * gt * gt
        let dx = -((xsum + 1e-6) / (gsum + 1e-6)).squareRoot() * gt
        xsum = 0.95 * xsum + 0.05 * dx * dx
        w += dx
        #expect(abs(Double(params[0].storage[0]) - w) < 1e-6)
    }
}

@Test func optimizersRejectMismatchedParameters() throws {
    var params = [try vector([1, 2])]
    var sgd = SGD(learningRate: 0.1)
    #expect(throws: TensorError.self) { try sgd.step(parameters: &params, gradients: []) }
    #expect(throws: TensorError.self) { try sgd.step(parameters: &params, gradients: [try vector([1, 2, 3])]) }
    var adam = Adam()
    try adam.step(parameters: &params, gradients: [try vector([1, 1])])
    var other = [try vector([1, 2, 3])]
    #expect(throws: TensorError.self) { try adam.step(parameters: &other, gradients: [try vector([1, 1, 1])]) }
    var adadelta = Adadelta()
    #expect(throws: TensorError.self) { try adadelta.step(parameters: &params, gradients: [try Tensor.zeros([2, 1])]) }
    #expect(params[0].storage != [1, 2]) // only Adam's valid step changed it
}
