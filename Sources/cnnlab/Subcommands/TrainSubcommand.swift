import ArgumentParser
import CNNLabEngine
import CNNLabTerminal
import Foundation

/// `cnnlab train`: trains a network on a dataset and reports each epoch, the test accuracy and
/// the confusion matrix (`--json`: one object at the end).
struct TrainSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: CommandLineLanguage.pick(
            "Train a CNN on real data (digits, mnist5k, shapes, mnist:DIR, cifar10:DIR).",
            "Treina uma CNN com dados reais (digits, mnist5k, shapes, mnist:DIR, cifar10:DIR)."))

    @Option(help: CommandLineLanguage.help(
        "digits, mnist5k, shapes, mnist:DIR or cifar10:DIR.", "digits, mnist5k, shapes, mnist:DIR ou cifar10:DIR."))
    var dataset = "digits"

    @Option(help: CommandLineLanguage.help(
        "An example network (e.g. convnetjs-mnist) or a saved network file (default: a small CNN for the data).",
        "Uma rede de exemplo (p.ex. convnetjs-mnist) ou um arquivo de rede salvo (padrão: uma CNN pequena para os dados)."))
    var net: String?

    @Option(help: CommandLineLanguage.help("Passes over the training data.", "Passadas sobre os dados de treino."))
    var epochs = 10

    @Option(name: .customLong("batch"), help: CommandLineLanguage.help("Examples per batch.", "Exemplos por lote."))
    var batchSize = 20

    @Option(help: CommandLineLanguage.help("sgd, adam or adadelta.", "sgd, adam ou adadelta."))
    var optimizer = "adam"

    @Option(name: .customLong("lr"), help: CommandLineLanguage.help("The learning rate.", "A taxa de aprendizado."))
    var learningRate: Float?

    @Option(help: CommandLineLanguage.help("SGD's momentum.", "O momento do SGD."))
    var momentum: Float = 0.9

    @Option(name: .customLong("decay"), help: CommandLineLanguage.help("L2 weight decay.", "Decaimento L2 dos pesos."))
    var weightDecay: Float = 0

    @Option(help: CommandLineLanguage.help(
        "Weights, shuffles and augmentation from this seed (one thread: the same run twice).",
        "Pesos, embaralhamentos e aumento de dados a partir desta semente (uma thread: a mesma execução duas vezes)."))
    var seed: UInt64 = 1

    @Flag(inversion: .prefixedNo, help: CommandLineLanguage.help(
        "Random crops, shifts of up to 2 pixels and flips as the ConvNetJS demos (default: on for MNIST and CIFAR-10).",
        "Recortes aleatórios, deslocamentos de até 2 pixels e inversões como as demos do ConvNetJS (padrão: ligado para MNIST e CIFAR-10)."))
    var augment: Bool?

    @OptionGroup var options: FrontEndOptions

    func validate() throws {
        let L = options.language
        guard OptimizerChoice(rawValue: optimizer) != nil else {
            throw ValidationError(L.pick("unknown optimizer '\(optimizer)': use sgd, adam or adadelta", "otimizador desconhecido '\(optimizer)': use sgd, adam ou adadelta"))
        }
        guard (1...TrainingOptions.maxEpochs).contains(epochs) else {
            throw ValidationError(L.pick("--epochs must be between 1 and \(TrainingOptions.maxEpochs)", "--epochs deve estar entre 1 e \(TrainingOptions.maxEpochs)"))
        }
        guard (1...4096).contains(batchSize) else {
            throw ValidationError(L.pick("--batch must be between 1 and 4096", "--batch deve estar entre 1 e 4096"))
        }
        for (name, value) in [("lr", learningRate ?? 0), ("momentum", momentum), ("decay", weightDecay)] where !(value >= 0 && value < 1e6) {
            throw ValidationError(L.pick("--\(name) must be a number ≥ 0", "--\(name) deve ser um número ≥ 0"))
        }
    }

    func run() throws {
        let session = options.makeSession()
        let L = options.language
        let context = options.renderContext
        if let net {
            let command: Command = Vocabulary.examples.contains(net) ? .net(.example(net)) : .net(.load(path: net))
            do {
                _ = try session.run(Statement(command: command, range: SourceRange(line: 1, column: 1, length: net.count)))
            } catch {
                writeError(DiagnosticRenderer.render(error, source: net, language: L))
                throw ExitCode(1)
            }
        }
        let training = TrainingOptions(
            dataset: dataset, epochs: epochs, batchSize: batchSize, optimizer: OptimizerChoice(rawValue: optimizer) ?? .adam,
            learningRate: learningRate, momentum: momentum, weightDecay: weightDecay, seed: seed, augment: augment)
        let bar = isatty(2) != 0 && !options.json
        let statement = Statement(command: .train(training), range: SourceRange(line: 1, column: 1, length: 1))
        let outcome = interruptible { Result { () throws(Diagnostic) -> CommandResult in try session.run(statement) } }
        let result: CommandResult
        switch outcome {
        case .success(let r): result = r
        case .failure(var error):
            if bar { writeError(TrainingProgressBar.clear) }
            error.range = nil  // the options are not a line of source to point into
            if options.json {
                writeError(JSONRenderer.render(error, language: L) + "\n")
            } else {
                writeError(DiagnosticRenderer.render(error, source: "", language: L))
            }
            throw ExitCode(1)
        }
        if bar { writeError(TrainingProgressBar.clear) }
        writeOutput(options.json ? JSONRenderer.render(result) + "\n" : ResultRenderer.render(result, context: context))
    }
}
