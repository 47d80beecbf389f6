import CNNLabEngine

/// Every word a heatmap shows, in English and Portuguese: headers, tile titles, the legend
/// and its notes. Notation (`ch=k`, `×`, `NaN`, `±inf`) and the legend's `min`/`max` read the
/// same in both languages, as in the rest of cnnlab.
enum HeatmapText {
    /// `E: 4×4 heatmap (blocks)` / `E: 4×4 mapa de calor (blocos)`.
    static func header(_ title: String, style: HeatmapOptions.Style, in language: Language) -> String {
        language.pick("\(title) heatmap (\(style.rawValue))", "\(title) mapa de calor (\(styleName(style, in: language)))")
    }

    /// The header of the tiled view: one tile per channel.
    static func tiledHeader(_ title: String, style: HeatmapOptions.Style, in language: Language) -> String {
        header(title, style: style, in: language) + language.pick(", one tile per channel", ", um quadro por canal")
    }

    /// A style as the legend names it: `blocks`, `blocos`.
    static func styleName(_ style: HeatmapOptions.Style, in language: Language) -> String {
        switch style {
        case .blocks: return language.pick("blocks", "blocos")
        case .ascii: return "ascii"
        case .color: return language.pick("color", "cor")
        case .numbers: return language.pick("numbers", "números")
        }
    }

    /// The title of channel `k`'s tile.
    static func tileTitle(_ k: Int, in language: Language) -> String {
        language.pick("ch \(k)", "canal \(k)")
    }

    /// Rank 4: only the first example is drawn.
    static func firstExample(of count: Int, in language: Language) -> String {
        language.pick("example 0 of \(count)", "exemplo 0 de \(count)")
    }

    /// Rank 5 and more: only index 0 of the leading dimensions is drawn.
    static func leadingIndices(in language: Language) -> String {
        language.pick("leading indices 0", "índices iniciais 0")
    }

    /// `ch=` given for a tensor without channels.
    static func channelIgnored(_ channel: Int, rank: Int, in language: Language) -> String {
        language.pick(
            "ch=\(channel) ignored: a rank-\(rank) tensor has no channels",
            "ch=\(channel) ignorado: um tensor de posto \(rank) não tem canais")
    }

    /// `ch=` past the last channel.
    static func channelOutOfRange(_ channel: Int, channels: Int, in language: Language) -> String {
        language.pick(
            "ch=\(channel) is out of range: there are \(channels) channels (0…\(channels - 1))",
            "ch=\(channel) fora do intervalo: há \(channels) canais (0…\(channels - 1))")
    }

    /// Tiles that did not fit.
    static func moreChannels(_ count: Int, in language: Language) -> String {
        language.pick(
            "+\(count) more channels (heatmap with ch=k shows one)",
            "+\(count) canais a mais (heatmap com ch=k mostra um)")
    }

    /// Every value is the same one.
    static func constant(_ value: String, in language: Language) -> String {
        language.pick("constant map: every value is \(value)", "mapa constante: todos os valores são \(value)")
    }

    /// `count` cells hold NaN or ±inf; `asNumbers` when they are printed rather than drawn.
    static func nonFinite(_ count: Int, asNumbers: Bool, in language: Language) -> String {
        switch language {
        case .en:
            let drawn = asNumbers ? "shown as nan/inf" : "drawn as ?"
            return "\(count) \(count == 1 ? "cell is" : "cells are") NaN or ±inf, \(drawn)"
        case .ptBR:
            let (verb, shown, drawn) = count == 1
                ? ("célula é", "mostrada como nan/inf", "desenhada como ?")
                : ("células são", "mostradas como nan/inf", "desenhadas como ?")
            return "\(count) \(verb) NaN ou ±inf, \(asNumbers ? shown : drawn)"
        }
    }

    /// The legend when nothing finite is left to scale.
    static func noFiniteValues(in language: Language) -> String {
        language.pick("no finite values", "nenhum valor finito")
    }

    /// The word before the scale bar.
    static func scale(in language: Language) -> String {
        language.pick("scale", "escala")
    }

    /// A colour palette's name for the legend.
    static func paletteName(_ colors: ColorScale, in language: Language) -> String {
        if colors.diverging { return language.pick("blue–white–red", "azul–branco–vermelho") }
        return colors.truecolor ? "viridis" : language.pick("grey ramp", "tons de cinza")
    }

    /// `downsampled 64×64 → 13×13 (average of 5×5 blocks)`.
    static func downsampled(
        from source: (rows: Int, cols: Int), to shrunk: (rows: Int, cols: Int), factor f: Int, in language: Language
    ) -> String {
        let sizes = "\(source.rows)×\(source.cols) → \(shrunk.rows)×\(shrunk.cols)"
        return language.pick("downsampled \(sizes) (average of \(f)×\(f) blocks)", "reduzido \(sizes) (média de blocos \(f)×\(f))")
    }

    /// A diverging map drawn with glyphs: which ramp is below 0 and which above.
    static func divergingGlyphs(negative: String, positive: String, in language: Language) -> String {
        language.pick(
            "diverging, centred on 0: \(negative) below 0, \(positive) above 0",
            "escala divergente, centrada em 0: \(negative) abaixo de 0, \(positive) acima de 0")
    }

    /// A diverging map drawn in colour.
    static func divergingColours(in language: Language) -> String {
        language.pick(
            "diverging, centred on 0: blue below 0, white at 0, red above 0",
            "escala divergente, centrada em 0: azul abaixo de 0, branco em 0, vermelho acima de 0")
    }

    /// Colour asked for on a terminal without it.
    static func noColour(drawnAs fallback: HeatmapOptions.Style, in language: Language) -> String {
        let name = styleName(fallback, in: language)
        return language.pick(
            "no colour available (colour off or not a colour terminal): drawn as \(name)",
            "sem cor disponível (cor desligada ou terminal sem cores): desenhado como \(name)")
    }

    /// Blocks asked for on a terminal without Unicode.
    static func noUnicode(in language: Language) -> String {
        language.pick("no Unicode: blocks drawn as ascii", "sem Unicode: blocos desenhados como ascii")
    }
}
