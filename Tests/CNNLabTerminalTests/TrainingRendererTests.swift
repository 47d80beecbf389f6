import Foundation
import Testing
@testable import CNNLabEngine
@testable import CNNLabTerminal

/// The text, JSON and progress bar of `train`.
@Suite struct TrainingRendererTests {
    static let epoch = EpochReport(epoch: 1, loss: 0.5, trainAccuracy: 0.75, testAccuracy: 0.5, seconds: 1.25, examplesPerSecond: 1234.4)
    static let report = TrainingReport(
        dataset: "halves", optimizer: .sgd, epochs: [epoch], testAccuracy: 0.5, seconds: 1.5, examplesPerSecond: 1234.4,
        confusion: [[3, 1], [2, 2]], classNames: ["left", "right"], stopped: true, trainExamples: 16, testExamples: 8)

    @Test func theReportHasEveryEpochTheAccuracyAndTheConfusionMatrix() {
        let text = TrainingRenderer.render(Self.report, context: RenderContext(language: .en, style: .plain, width: 80))
        #expect(text.contains("train halves: 16 training and 8 test examples, sgd"))
        #expect(text.contains("    1  0.5000   75.0%   50.0%     1.25       1,234"))
        #expect(text.contains("test accuracy 50.0% after 1 epoch in 1.5 s (1,234 examples/s)"))
        #expect(text.contains("stopped by Ctrl-C"))
        #expect(text.contains("left") && text.contains("right"))
        let pt = TrainingRenderer.render(Self.report, context: RenderContext(language: .ptBR, style: .plain, width: 80))
        #expect(pt.contains("acurácia de teste 50,0% após 1 época em 1,5 s (1.234 exemplos/s)"))
        #expect(pt.contains("interrompido por Ctrl-C"))
    }

    @Test func theJSONEndsWithTheFieldsScriptsReadByName() throws {
        let text = JSONRenderer.render(CommandResult.trained(Self.report))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["command"] as? String == "train")
        #expect(object["test_accuracy"] as? Double == 0.5)
        #expect(object["epochs"] as? Int == 1)
        #expect(object["seconds"] as? Double == 1.5)
        #expect(object["examples_per_s"] as? Double == 1234.4)
        #expect((object["history"] as? [[String: Any]])?.first?["train_accuracy"] as? Double == 0.75)
        #expect((object["confusion"] as? [[Int]]) == [[3, 1], [2, 2]])
    }

    @Test func theBarShowsTheShareDoneTheTimeLeftAndTheSpeed() {
        let p = TrainingProgress(epoch: 2, epochs: 4, done: 50, examples: 100, loss: 0.25, seconds: 3, finished: nil, examplesPerSecond: 9302)
        let line = TrainingProgressBar.line(p, language: .en, width: 8)
        // 1.5 of 4 epochs: 37%, three of eight cells, 3 s so far and 5 s to go.
        #expect(line == TrainingProgressBar.clear + "epoch 2/4 [███░░░░░] 37% loss 0.2500 · 3.0 s, 5.0 s left · 9,302 ex/s")
    }

    @Test func theReporterPrintsEpochLinesOnlyWhenTheReportGoesElsewhere() {
        var written: [String] = []
        let batch = TrainingProgress(epoch: 1, epochs: 1, done: 8, examples: 16, loss: 0.7, seconds: 0.5, finished: nil)
        var end = batch
        end.finished = Self.epoch
        let quiet = TrainingProgressBar.reporter(language: .en, epochLines: false) { written.append($0) }
        quiet(batch)
        quiet(end)
        #expect(written.count == 2 && written[0].contains("[") && written[1] == TrainingProgressBar.clear)
        written = []
        let verbose = TrainingProgressBar.reporter(language: .en, epochLines: true) { written.append($0) }
        verbose(batch)
        verbose(end)
        #expect(written.count == 3)
        #expect(written.last?.hasSuffix("1,234\n") == true)
    }
}
