/// `train [dataset=NAME|"KIND:DIR"] [epochs=N] [batch=N] [optimizer=sgd|adam|adadelta] [lr=X]
/// [momentum=X] [decay=X] [seed=S] [augment|augment=on|augment=off]`.
extension Parser {
    mutating func trainingOptions() throws(Diagnostic) -> TrainingOptions {
        var options = TrainingOptions()
        var seen: Set<String> = []
        while let t = peek {
            guard case .identifier(let key) = t.kind, Vocabulary.trainOptions.contains(key) || key == "augment" else {
                throw Diagnostic(.unknownOption(command: "train", option: t.spelling, allowed: Vocabulary.trainOptions.map { $0 + "=" } + ["augment"]), at: t.range)
            }
            guard seen.insert(key).inserted else { throw Diagnostic(.duplicateOption(key), at: t.range) }
            position += 1
            if key == "augment" {
                options.augment = true
                guard case .symbol("=")? = peek?.kind else { continue }
                position += 1
                guard let value = peek, case .identifier(let word) = value.kind, word == "on" || word == "off" else {
                    throw Diagnostic(.invalidOption(name: key, value: peek?.spelling ?? "", rule: "augment=on|off"), at: peek?.range ?? endRange)
                }
                position += 1
                options.augment = word == "on"
                continue
            }
            try expectSymbol("=", .equals)
            guard let value = peek else { throw Diagnostic(.expected(.number, found: nil), at: endRange) }
            position += 1
            func integer(_ range: ClosedRange<Int>) throws(Diagnostic) -> Int {
                guard case .integer(let n) = value.kind, range.contains(n) else {
                    throw Diagnostic(.invalidOption(name: key, value: value.spelling, rule: "\(range.lowerBound) ≤ \(key) ≤ \(range.upperBound)"), at: value.range)
                }
                return n
            }
            func real() throws(Diagnostic) -> Float {
                let number: Double?
                switch value.kind {
                case .integer(let n): number = Double(n)
                case .real(let d): number = d
                default: number = nil
                }
                guard let number, number >= 0, number < 1e6 else {
                    throw Diagnostic(.invalidOption(name: key, value: value.spelling, rule: "\(key) is a number ≥ 0"), at: value.range)
                }
                return Float(number)
            }
            switch key {
            case "dataset":
                switch value.kind {
                case .identifier(let name): options.dataset = name
                case .string(let spec): options.dataset = spec
                default: throw Diagnostic(.expected(.name, found: value.spelling), at: value.range)
                }
            case "epochs": options.epochs = try integer(1...TrainingOptions.maxEpochs)
            case "batch": options.batchSize = try integer(1...4096)
            case "seed": options.seed = UInt64(try integer(0...Int(UInt32.max)))
            case "optimizer":
                guard case .identifier(let name) = value.kind, let choice = OptimizerChoice(rawValue: name) else {
                    throw Diagnostic(.invalidOption(name: key, value: value.spelling, rule: OptimizerChoice.allCases.map(\.rawValue).joined(separator: "|")), at: value.range)
                }
                options.optimizer = choice
            case "lr": options.learningRate = try real()
            case "momentum": options.momentum = try real()
            default: options.weightDecay = try real()
            }
        }
        return options
    }
}
