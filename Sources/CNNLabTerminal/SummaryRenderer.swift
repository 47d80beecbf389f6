import CNNLabEngine

/// The `summary` table: one row per layer, then totals like torchinfo's footer.
public enum SummaryRenderer {
    public static func render(_ summary: NetworkSummary, language: Language, style: TextStyle = .plain) -> String {
        let L = language
        var table = Table(
            headers: ["#", L.pick("layer", "camada"), L.pick("hyper-parameters", "hiperparâmetros"),
                      L.pick("output", "saída"), L.pick("activations", "ativações"), L.pick("params", "parâmetros"),
                      "%", L.pick("mult-adds", "mult-adds")],
            alignments: [.right, .left, .left, .right, .right, .right, .right, .right])
        for r in summary.layers {
            table.rows.append([
                String(r.index), r.typeName, LayerRenderer.hyperParameters(r),
                r.output.description, NumberFormat.grouped(r.activations, L), NumberFormat.grouped(r.params, L),
                r.params == 0 ? "" : NumberFormat.percent(summary.paramShare(of: r), L),
                r.multiplyAdds == 0 ? "" : NumberFormat.grouped(r.multiplyAdds, L),
            ])
        }
        var out = table.render(style: style)
        out += L.pick("Total params: ", "Total de parâmetros: ") + style.bold(NumberFormat.grouped(summary.totalParams, L)) + "\n"
        out += L.pick("Mult-adds per example: ", "Mult-adds por exemplo: ") + NumberFormat.grouped(summary.totalMultiplyAdds, L) + "\n"
        out += L.pick("Input size: ", "Tamanho da entrada: ") + NumberFormat.bytes(summary.inputBytes, L)
            + L.pick(" · Activations (forward): ", " · Ativações (forward): ") + NumberFormat.bytes(summary.activationBytes, L)
            + L.pick(" · Params: ", " · Parâmetros: ") + NumberFormat.bytes(summary.paramBytes, L)
            + " · Total: " + NumberFormat.bytes(summary.totalBytes, L) + "\n"
        out += style.dim(L.pick("(Float32, one example)", "(Float32, um exemplo)")) + "\n"
        return out
    }
}
