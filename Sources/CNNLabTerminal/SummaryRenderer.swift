import CNNLabEngine

/// The `summary` table: one row per layer, then totals like torchinfo's and Keras's footers.
///
/// Beside what those tools show (input and output shapes, kernel shape, parameters, share,
/// mult-adds, trainable totals) it has the receptive field r[l] and the jump j[l] of every
/// layer. When the table is wider than the terminal, the columns least needed for the lecture
/// are left out, in a fixed order, and a line under the table names them.
public enum SummaryRenderer {
    public static func render(_ summary: NetworkSummary, language: Language, style: TextStyle = .plain, width: Int = 100) -> String {
        let L = language
        var columns = Column.allCases
        var table = Self.table(summary, columns: columns, language: L)
        var hidden: [Column] = []
        for column in Column.hiddenFirst where table.width > width {
            columns.removeAll { $0 == column }
            hidden.append(column)
            table = Self.table(summary, columns: columns, language: L)
        }
        var out = table.render(style: style)
        if !hidden.isEmpty {
            out += style.dim(
                L.pick("not shown at this width: ", "não mostradas nesta largura: ") + hidden.map { $0.header(L) }.joined(separator: ", ")
                    + L.pick(" (--json shows all)", " (--json mostra todas)")) + "\n"
        }
        out += L.pick("Total params: ", "Total de parâmetros: ") + style.bold(NumberFormat.grouped(summary.totalParams, L)) + "\n"
        out += L.pick("Trainable params: ", "Parâmetros treináveis: ") + NumberFormat.grouped(summary.trainableParams, L)
            + L.pick(" · Non-trainable params: ", " · Parâmetros não treináveis: ") + NumberFormat.grouped(summary.nonTrainableParams, L) + "\n"
        out += L.pick("Mult-adds per example: ", "Mult-adds por exemplo: ") + NumberFormat.grouped(summary.totalMultiplyAdds, L) + "\n"
        let sizes = L.pick("Input size: ", "Tamanho da entrada: ") + NumberFormat.bytes(summary.inputBytes, L)
            + L.pick(" · Activations (forward): ", " · Ativações (forward): ") + NumberFormat.bytes(summary.activationBytes, L)
        let totals = L.pick("Params: ", "Parâmetros: ") + NumberFormat.bytes(summary.paramBytes, L)
            + " · Total: " + NumberFormat.bytes(summary.totalBytes, L)
        out += DisplayWidth.of(sizes) + 3 + DisplayWidth.of(totals) <= width ? sizes + " · " + totals + "\n" : sizes + "\n" + totals + "\n"
        out += style.dim(L.pick(
            "(Float32, one example; r = receptive field, j = jump: explain derives them)",
            "(Float32, um exemplo; r = campo receptivo, j = salto: explain os deriva)")) + "\n"
        return out
    }

    /// The table with `columns`, in their order.
    private static func table(_ summary: NetworkSummary, columns: [Column], language L: Language) -> Table {
        var table = Table(headers: columns.map { $0.header(L) }, alignments: columns.map(\.alignment))
        for r in summary.layers {
            table.rows.append(columns.map { $0.cell(r, in: summary, language: L) })
        }
        return table
    }

    /// A column of the table.
    enum Column: CaseIterable {
        case index, layer, hyperParameters, input, output, kernel, activations, params, share, multiplyAdds, receptiveField, jump

        /// The order in which columns make way on a narrow terminal (the rest always show).
        static let hiddenFirst: [Column] = [.input, .kernel, .multiplyAdds, .share, .hyperParameters]

        var alignment: Table.Alignment {
            switch self {
            case .layer, .hyperParameters, .kernel: return .left
            default: return .right
            }
        }

        func header(_ L: Language) -> String {
            switch self {
            case .index: return "#"
            case .layer: return L.pick("layer", "camada")
            case .hyperParameters: return L.pick("hyper-parameters", "hiperparâmetros")
            case .input: return L.pick("input", "entrada")
            case .output: return L.pick("output", "saída")
            case .kernel: return L.pick("kernel", "kernel")
            case .activations: return L.pick("activations", "ativações")
            case .params: return L.pick("params", "parâmetros")
            case .share: return "%"
            case .multiplyAdds: return "mult-adds"
            case .receptiveField: return "r"
            case .jump: return "j"
            }
        }

        func cell(_ r: LayerReport, in summary: NetworkSummary, language L: Language) -> String {
            switch self {
            case .index: return String(r.index)
            case .layer: return r.typeName
            case .hyperParameters: return LayerRenderer.hyperParameters(r)
            case .input: return r.input?.description ?? ""
            case .output: return r.output.description
            case .kernel: return SummaryRenderer.kernelShape(r)
            case .activations: return NumberFormat.grouped(r.activations, L)
            case .params: return NumberFormat.grouped(r.params, L)
            case .share: return r.params == 0 ? "" : NumberFormat.percent(summary.paramShare(of: r), L)
            case .multiplyAdds: return r.multiplyAdds == 0 ? "" : NumberFormat.grouped(r.multiplyAdds, L)
            case .receptiveField, .jump:
                switch r.receptiveField {
                case .window(let size, let jump): return NumberFormat.grouped(self == .jump ? jump : size, L)
                case .wholeInput: return self == .jump ? "" : L.pick("all", "tudo")
                case .tooLarge: return "—"
                }
            }
        }
    }

    /// The weights' shape for conv and fc (f×f×n_c[l−1]×n_c[l], n[l−1]×n[l]), the window for pooling.
    static func kernelShape(_ r: LayerReport) -> String {
        if let w = r.weightShape { return w.map(String.init).joined(separator: "×") }
        if case .pool(_, let f, _)? = r.spec { return "\(f)×\(f)" }
        return ""
    }
}
