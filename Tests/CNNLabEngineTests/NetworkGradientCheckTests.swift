@testable import ConvCore  // sets single elements of `storage`
import Testing
@testable import CNNLabEngine

/// Back-propagation through whole networks, checked by finite differences of the loss.
@Suite struct NetworkGradientCheckTests {
    private func model(_ script: String, seed: UInt64 = 5) throws -> NetworkModel {
        try NetworkModel(reports: try reports(script), seed: seed)
    }

    /// Mean cross-entropy of the model on (x, labels), in Double for the difference quotient.
    private func loss(_ m: NetworkModel, _ x: Tensor, _ labels: [Int]) throws -> Double {
        Double(try m.backward(try m.forward(x), labels: labels).loss)
    }

    @Test(arguments: [
        "input 6x5x2; conv 3 f=3 s=1 p=1; relu; pool max f=2 s=2; fc 4; tanh; softmax 3",
        "input 7x7x1; conv 2 f=3 s=2 p=0; sigmoid; pool avg f=2 s=1; flatten; softmax 3",
    ])
    func gradientsMatchFiniteDifferences(_ script: String) throws {
        let m = try model(script)
        var rng = SeededGenerator(seed: 11)
        let x = try Tensor.generated([2] + m.inputShape) { rng.nextGaussian() }
        let labels = [0, 2]
        let (_, gradients) = try m.backward(try m.forward(x), labels: labels)
        #expect(gradients.layers.count == m.parameters.count)
        for layer in gradients.layers {
            let g = try #require(gradients[layer: layer])
            for which in 0..<2 {
                let grad = which == 0 ? g.weights : g.bias
                // A few entries of each parameter tensor, central differences.
                for k in Set([0, grad.count / 2, grad.count - 1]) {
                    var plus = m, minus = m
                    let eps: Float = 1e-2
                    guard var pp = plus.parameters[layer], var pm = minus.parameters[layer] else { continue }
                    if which == 0 {
                        pp.weights.storage[k] += eps
                        pm.weights.storage[k] -= eps
                    } else {
                        pp.bias.storage[k] += eps
                        pm.bias.storage[k] -= eps
                    }
                    plus.parameters[layer] = pp
                    minus.parameters[layer] = pm
                    let numeric = (try loss(plus, x, labels) - loss(minus, x, labels)) / Double(2 * eps)
                    let analytic = Double(grad.storage[k])
                    #expect(abs(numeric - analytic) <= 2e-3 + 2e-2 * abs(numeric), "layer \(layer) \(which == 0 ? "W" : "b")[\(k)]: \(analytic) vs \(numeric)")
                }
            }
        }
    }
}
