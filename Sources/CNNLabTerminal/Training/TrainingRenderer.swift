import CNNLabEngine
import Foundation

/// The text of `train`: one line per epoch (loss, train and test accuracy, seconds,
/// examples/s), the final test accuracy, and the confusion matrix. The dataset's name (a
/// folder for `mnist:DIR`) and class names (read from CIFAR-10's `batches.meta.txt`) are shown
/// escaped (``VisibleText``).
public enum TrainingRenderer {
    /// The report of a finished (or stopped) `train`.
    public static func render(_ r: TrainingReport, context: RenderContext) -> String {
        let L = context.language
        let s = context.style
        let dataset = VisibleText.escaped(r.dataset)
        var out = L.pick(
            "train \(dataset): \(r.trainExamples) training and \(r.testExamples) test examples, \(r.optimizer.rawValue)\n",
            "train \(dataset): \(r.trainExamples) exemplos de treino e \(r.testExamples) de teste, \(r.optimizer.rawValue)\n")
        out += s.bold(header(L)) + "\n"
        for e in r.epochs { out += epochLine(e, L) + "\n" }
        let summary = L.pick("test accuracy ", "acurácia de teste ") + percent(r.testAccuracy, L)
            + L.pick(
                " after \(r.epochs.count) \(r.epochs.count == 1 ? "epoch" : "epochs") in ",
                " após \(r.epochs.count) \(r.epochs.count == 1 ? "época" : "épocas") em ") + decimal(r.seconds, 1, L) + " s ("
            + NumberFormat.rate(r.examplesPerSecond, L) + L.pick(" examples/s)", " exemplos/s)")
        out += s.bold(summary) + "\n"
        if r.stopped {
            out += s.yellow(L.pick("stopped by Ctrl-C; the weights learned so far are kept", "interrompido por Ctrl-C; os pesos aprendidos até aqui foram mantidos")) + "\n"
        }
        out += confusion(r, L)
        return out
    }

    /// `epoch  loss  train  test  seconds  examples/s`.
    public static func header(_ L: Language) -> String {
        L.pick("epoch    loss   train    test  seconds  examples/s", "época    perda  treino   teste  segundos exemplos/s")
    }

    /// One epoch as a row under ``header(_:)``.
    public static func epochLine(_ e: EpochReport, _ L: Language) -> String {
        [
            pad(String(e.epoch), 5), pad(decimal(e.loss, 4, L), 7), pad(percent(e.trainAccuracy, L), 7),
            pad(percent(e.testAccuracy, L), 7), pad(decimal(e.seconds, 2, L), 8), pad(NumberFormat.rate(e.examplesPerSecond, L), 11),
        ].joined(separator: " ")
    }

    static func confusion(_ r: TrainingReport, _ L: Language) -> String {
        guard !r.confusion.isEmpty, r.confusion.count <= 20 else { return "" }
        let width = max(3, (r.confusion.flatMap { $0 }.map { String($0).count }.max() ?? 1) + 1)
        let classNames = r.classNames.map(VisibleText.escaped)
        let label = max(2, classNames.map(DisplayWidth.of).max() ?? 1)
        var out = L.pick("confusion matrix (rows: true class, columns: predicted):\n", "matriz de confusão (linhas: classe verdadeira, colunas: prevista):\n")
        out += String(repeating: " ", count: label) + classNames.map { pad(String($0.prefix(width - 1)), width) }.joined() + "\n"
        for (i, row) in r.confusion.enumerated() {
            let name = classNames.indices.contains(i) ? classNames[i] : String(i)
            out += DisplayWidth.padRight(name, to: label) + row.map { pad(String($0), width) }.joined() + "\n"
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String { DisplayWidth.padLeft(text, to: width) }

    /// `97.5%` (`97,5%` in pt-BR).
    public static func percent(_ x: Double, _ L: Language) -> String { decimal(x * 100, 1, L) + "%" }

    /// `x` with `digits` decimals, the decimal mark of `L`.
    static func decimal(_ x: Double, _ digits: Int, _ L: Language) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        let text = String(format: "%.\(digits)f", x)
        return L == .ptBR ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
