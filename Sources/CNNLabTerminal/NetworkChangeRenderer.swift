import CNNLabEngine

/// Text for `undo`, `clear`, `net example`, `net load` (commands, or a `.npz` with weights) and `layers`.
enum NetworkChangeRenderer {
    static func render(_ change: NetworkChange, _ reports: [LayerReport], context c: RenderContext) -> String {
        let L = c.language
        switch change {
        case .removedLayer(let text): return L.pick("removed ", "removida ") + text + "\n"
        case .removedInput: return L.pick("removed the input layer\n", "removida a camada de entrada\n")
        case .nothingToUndo: return L.pick("nothing to undo\n", "nada a desfazer\n")
        case .cleared: return L.pick("network cleared\n", "rede apagada\n")
        case .example(let name): return L.pick("example ", "exemplo ") + c.style.bold(name) + ":\n" + layers(reports, context: c)
        case .loaded(let path): return L.pick("loaded ", "carregada ") + path + ":\n" + layers(reports, context: c)
        case .loadedModel(let path):
            return L.pick("loaded the network and its weights from ", "carregados a rede e seus pesos de ") + path + ":\n" + layers(reports, context: c)
        case .loadedWeights(let path):
            return L.pick("loaded the weights of ", "carregados os pesos de ") + path + L.pick(" into the network:\n", " na rede:\n") + layers(reports, context: c)
        }
    }

    /// The network as commands, each with its output shape: what `net save` writes, annotated.
    static func layers(_ reports: [LayerReport], context c: RenderContext) -> String {
        guard let first = reports.first else { return c.language.pick("no network\n", "nenhuma rede\n") }
        let commands = ["input " + first.output.dimensions.map(String.init).joined(separator: "x")] + reports.dropFirst().map { $0.spec?.commandText ?? "" }
        let width = commands.map { DisplayWidth.of($0) }.max() ?? 0
        return zip(commands, reports).map { cmd, r in
            DisplayWidth.padRight(cmd, to: width) + "  " + c.style.dim("# → " + r.output.description)
        }.joined(separator: "\n") + "\n"
    }
}
