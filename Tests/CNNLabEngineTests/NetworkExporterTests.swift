import Testing
@testable import CNNLabEngine

/// The weight functions `net export` prints after the model: `W<l>`, `b<l>` numbered as
/// `summary` numbers the layers, found at the framework's own index of each layer, converted
/// to and from the lecture's shapes. (The PyTorch code is also run, in PyTorch, by
/// `scripts/fixtures/make_pytorch_fixtures.py`, and `PyTorchRoundTripTests` checks what it
/// saved; no TensorFlow is at hand, so the Keras code is checked here as text only.)
@Suite struct NetworkExporterTests {
    func code(_ network: String, _ framework: String) throws -> String {
        guard case .exported(_, let code)? = try run("\(network); net export \(framework)").last else { return "" }
        return code
    }

    /// The lines of `code` that contain `text`.
    func lines(_ code: String, containing text: String) -> [Substring] {
        code.split(separator: "\n").filter { $0.contains(text) }
    }

    /// The lines of `expected` that are not lines of `code`.
    func missing(_ expected: [String], in code: String) -> [String] {
        let all = Set(code.split(separator: "\n").map(String.init))
        return expected.filter { !all.contains($0) }
    }

    @Test func pyTorchPermutesTheKernelsAndReordersTheFlattenedVolume() throws {
        let torch = try code("net example convnetjs-mnist", "pytorch")
        let expected = [
            "def save_cnnlab_weights(model, path):",
            "        \"W1\": as_array(model[0].weight.permute(2, 3, 1, 0)),  # (out, in, kh, kw) → 5×5×1×8",
            "        \"b1\": as_array(model[0].bias.reshape(1, 1, 1, 8)),",
            "        \"W4\": as_array(model[3].weight.permute(2, 3, 1, 0)),  # (out, in, kh, kw) → 5×5×8×16",
            // softmax 10 after the 4×4×16 volume: Flatten (model[6]), Linear (model[7]), Softmax.
            "        \"W7\": as_array(model[7].weight.reshape(10, 16, 4, 4).permute(2, 3, 1, 0).reshape(256, 10)),  # (out, C·H·W) → 256×10",
            "        \"b7\": as_array(model[7].bias.reshape(1, 10)),",
            "    np.savez(path, **arrays)",
            "def load_cnnlab_weights(model, path):",
            "        model[0].weight.copy_(torch.as_tensor(d[\"W1\"]).permute(3, 2, 0, 1))",
            "        model[0].bias.copy_(torch.as_tensor(d[\"b1\"]).reshape(8))",
            "        model[7].weight.copy_(torch.as_tensor(d[\"W7\"]).reshape(4, 4, 16, 10).permute(3, 2, 0, 1).reshape(10, 256))",
            "        model[7].bias.copy_(torch.as_tensor(d[\"b7\"]).reshape(10))",
        ]
        let absent = missing(expected, in: torch)
        #expect(absent == [])
        let starts = torch.hasPrefix("import numpy as np\nimport torch\n")
        #expect(starts)
    }

    /// LeNet-5: only the first Linear after the Flatten is reordered, the others transposed,
    /// and the Softmax after the last Linear holds no weights.
    @Test func pyTorchTransposesTheOtherLinearsAndSkipsTheSoftmax() throws {
        let torch = try code("net example lenet5", "pytorch")
        let weightLines = lines(torch, containing: "\": as_array(model[").filter { $0.contains(".weight") }
        let expected = [
            "        \"W1\": as_array(model[0].weight.permute(2, 3, 1, 0)),  # (out, in, kh, kw) → 5×5×3×8",
            "        \"W3\": as_array(model[2].weight.permute(2, 3, 1, 0)),  # (out, in, kh, kw) → 5×5×8×16",
            "        \"W6\": as_array(model[5].weight.reshape(120, 16, 5, 5).permute(2, 3, 1, 0).reshape(400, 120)),  # (out, C·H·W) → 400×120",
            "        \"W7\": as_array(model[6].weight.T),  # (out, in) → 120×84",
            "        \"W8\": as_array(model[7].weight.T),  # (out, in) → 84×10",
        ]
        let weights = weightLines.map(String.init)
        #expect(weights == expected)
        let softmaxLines = lines(torch, containing: "model[8]").count
        #expect(softmaxLines == 0)
        let loads = lines(torch, containing: ".copy_(").count
        #expect(loads == 10)
        let transposedBack = lines(torch, containing: "model[6].weight.copy_(torch.as_tensor(d[\"W7\"]).T)").count
        #expect(transposedBack == 1)
    }

    /// A bare softmax keeps PyTorch's C×H×W order, so the Linear after it is the one reordered;
    /// an output left in that order is said so.
    @Test func pyTorchFollowsTheFlattenedOrderThroughABareSoftmax() throws {
        let reordered = try code("input 4x4x2; conv 2 f=3; softmax; fc 3", "pytorch")
        let w3 = lines(reordered, containing: "\"W3\": as_array(model[3].weight.reshape(3, 2, 2, 2).permute(2, 3, 1, 0).reshape(8, 3))").count
        #expect(w3 == 1)
        let note = "# The output is a volume flattened in C×H×W order; cnnlab's is in H×W×C order."
        let noted = try code("input 4x4x2; conv 2 f=3; softmax", "pytorch")
        let (notedHasNote, reorderedHasNote) = (noted.contains(note), reordered.contains(note))
        #expect(notedHasNote)
        #expect(!reorderedHasNote)
    }

    @Test func aDenseNetworkIsTransposedAndANetworkWithoutWeightsSavesNothing() throws {
        let dense = try code("input 12; fc 3", "pytorch")
        let w1 = lines(dense, containing: "\"W1\": as_array(model[0].weight.T),  # (out, in) → 12×3").count
        #expect(w1 == 1)
        for framework in ["pytorch", "keras"] {
            let none = try code("input 4x4x1; relu; pool max f=2", framework)
            let empty = none.contains("def load_cnnlab_weights(model, path):") && none.hasSuffix(":\n        pass\n")
            #expect(empty, "\(framework)")
            let arrays = lines(none, containing: "\"W1\"").count
            #expect(arrays == 0, "\(framework)")
        }
    }

    /// Keras: kernels as they are, biases reshaped; a ZeroPadding2D (no weights) takes an index
    /// in `model.layers`, and the `keras.Input` none.
    @Test func kerasFindsEachLayerPastItsZeroPadding() throws {
        let keras = try code("net example convnetjs-mnist", "keras")
        let expected = [
            "    arrays[\"W1\"], arrays[\"b1\"] = weights(1, (1, 1, 1, 8))  # Conv2D kernel (kh, kw, in, out): 5×5×1×8 as it is",
            "    arrays[\"W4\"], arrays[\"b4\"] = weights(5, (1, 1, 1, 16))  # Conv2D kernel (kh, kw, in, out): 5×5×8×16 as it is",
            "    arrays[\"W7\"], arrays[\"b7\"] = weights(9, (1, 10))  # Dense kernel (in, out): 256×10 as it is",
            "        model.layers[1].set_weights([d[\"W1\"], d[\"b1\"].reshape(-1)])",
            "        model.layers[5].set_weights([d[\"W4\"], d[\"b4\"].reshape(-1)])",
            "        model.layers[9].set_weights([d[\"W7\"], d[\"b7\"].reshape(-1)])",
        ]
        let absent = missing(expected, in: keras)
        #expect(absent == [])
        let all = keras.split(separator: "\n").map(String.init)
        // model.layers: ZeroPadding2D, Conv2D, ReLU, MaxPooling2D, ZeroPadding2D, Conv2D, ReLU,
        // MaxPooling2D, Flatten, Dense: index 9 is the 10th layer after the keras.Input line.
        let definition = all.drop { !$0.hasPrefix("    keras.Input") }.dropFirst().prefix { $0 != "])" }
        let dense = definition.firstIndex { $0.hasPrefix("    layers.Dense(10") }.map { $0 - definition.startIndex }
        #expect(dense == 9)
    }

    @Test func kerasNumbersLeNet5sDenseLayersAfterItsFlatten() throws {
        let keras = try code("net example lenet5", "keras")
        let saves = lines(keras, containing: "= weights(").map { $0.split(separator: "#").first.map(String.init) ?? "" }
        let expected = [
            "    arrays[\"W1\"], arrays[\"b1\"] = weights(0, (1, 1, 1, 8))  ",
            "    arrays[\"W3\"], arrays[\"b3\"] = weights(2, (1, 1, 1, 16))  ",
            "    arrays[\"W6\"], arrays[\"b6\"] = weights(5, (1, 120))  ",
            "    arrays[\"W7\"], arrays[\"b7\"] = weights(6, (1, 84))  ",
            "    arrays[\"W8\"], arrays[\"b8\"] = weights(7, (1, 10))  ",
        ]
        #expect(saves == expected)
    }
}
