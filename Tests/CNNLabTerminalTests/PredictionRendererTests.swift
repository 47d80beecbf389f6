import CNNLabEngine
import Testing
@testable import CNNLabTerminal

/// `predict`'s text in both languages and its JSON, whose field names are a contract:
/// `class` and `probabilities` at the top level for one example, under `predictions` for a batch.
@Suite struct PredictionRendererTests {
    static let seven = Prediction(probabilities: [0.001, 0.010, 0.002, 0, 0, 0, 0, 0.983, 0, 0.004])
    static let one = PredictionReport(predictions: [seven], classNames: (0..<10).map(String.init), batched: false)
    static let batch = PredictionReport(
        predictions: [Prediction(probabilities: [0.9, 0.1]), Prediction(probabilities: [0.3, 0.7])], classNames: ["cat", "dog"],
        batched: true)

    @Test func oneExampleShowsItsClassAndTheTopProbabilities() {
        let en = ResultRenderer.render(.predicted(Self.one), language: .en)
        let pt = ResultRenderer.render(.predicted(Self.one), language: .ptBR)
        #expect(en == "class 7 (p = 0.983)\ntop: 7 0.983 · 1 0.010 · 9 0.004\n")
        #expect(pt == "classe 7 (p = 0,983)\nmais prováveis: 7 0,983 · 1 0,010 · 9 0,004\n")
    }

    @Test func aBatchShowsALinePerExampleWithClassNames() {
        let text = ResultRenderer.render(.predicted(Self.batch), language: .en)
        #expect(text == "example 0: class cat (p = 0.900)   top: cat 0.900 · dog 0.100\nexample 1: class dog (p = 0.700)   top: dog 0.700 · cat 0.300\n")
    }

    @Test func aLongBatchIsCutShortInText() {
        let many = PredictionReport(
            predictions: Array(repeating: Prediction(probabilities: [1, 0]), count: 60), classNames: ["0", "1"], batched: true)
        let lines = ResultRenderer.render(.predicted(many), language: .en).split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines.last == "… and 10 more (--json lists them all)")
    }

    @Test func oneExampleHasClassAndProbabilitiesAtTheTop() {
        let json = JSONRenderer.render(.predicted(PredictionReport(predictions: [Prediction(probabilities: [0.25, 0.75])], classNames: ["0", "1"], batched: false)))
        #expect(json == #"{"command":"predict","class":1,"label":"1","probabilities":[0.25,0.75],"classes":["0","1"]}"#)
    }

    @Test func aBatchHasPredictions() {
        let json = JSONRenderer.render(.predicted(Self.batch))
        #expect(json == #"{"command":"predict","predictions":[{"class":0,"label":"cat","probabilities":[0.9,0.1]},{"class":1,"label":"dog","probabilities":[0.3,0.7]}],"classes":["cat","dog"]}"#)
    }

    @Test func savingAModelListsItsArrays() {
        let result = CommandResult.modelSaved(path: "m.npz", arrays: ["cnnlab_network", "W1", "b1"])
        let text = ResultRenderer.render(result, language: .en)
        let json = JSONRenderer.render(result)
        #expect(text == "network and weights saved to m.npz: cnnlab_network W1 b1\n")
        #expect(json == #"{"command":"net save","path":"m.npz","arrays":["cnnlab_network","W1","b1"]}"#)
    }
}
