import CNNLabEngine

/// The words shared by every view of a tensor (grids, heatmaps, shapes), in English and
/// Portuguese.
enum TensorText {
    /// The shape written the way the slides do: `4×4×10`, or `scalar` / `escalar`.
    static func shape(_ shape: [Int], in language: Language) -> String {
        shape.isEmpty ? language.pick("scalar", "escalar") : shape.map(String.init).joined(separator: "×")
    }

    /// Why a tensor whose storage does not match its shape cannot be drawn.
    static func malformed(shape: [Int], expected: Int?, storage: Int, in language: Language) -> String {
        let shapeText = shape.map(String.init).joined(separator: "×")
        switch language {
        case .en:
            return "malformed tensor: shape \(shapeText) needs \(expected.map(String.init) ?? "too many") values, storage has \(storage)"
        case .ptBR:
            let needed = expected.map { "\($0) valores" } ?? "valores demais"
            return "tensor malformado: a forma \(shapeText) precisa de \(needed), o armazenamento tem \(storage)"
        }
    }

    /// The note under the grids that were shown: how many channels (rank 3) or slices
    /// (rank 4 and more) were left out.
    static func moreGrids(_ count: Int, channels: Bool, in language: Language) -> String {
        switch language {
        case .en:
            return "… \(count) more \(channels ? "channels" : "slices")"
        case .ptBR:
            let noun = channels ? (count == 1 ? "canal" : "canais") : (count == 1 ? "fatia" : "fatias")
            return "… mais \(count) \(noun)"
        }
    }
}
