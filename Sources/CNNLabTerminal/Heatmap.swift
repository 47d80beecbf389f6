import CNNLabEngine
import ConvCore

/// The heatmap of `heatmap X`: a feature map drawn in the terminal so students see where a
/// filter fires, e.g. the two bright middle columns of the lecture's vertical-edge result.
///
/// Draws one 2-D map (rank 2, or channel `ch` of a rank 3/4 tensor) or, for rank 3/4 without a
/// channel, every channel as a small titled tile with one shared scale. Large maps are
/// downsampled by block averages and small ones magnified, keeping cells square. A legend
/// gives min, max, the scale with its end values, and notes (diverging scale, downsampling,
/// NaN/inf cells, fallbacks). See ``HeatmapOptions`` for styles and colour.
public enum Heatmap {
    /// Largest magnification of a small map (a cell becomes at most 3 rows × 6 columns).
    static let maxScale = 3
    /// Columns between tiles.
    static let tileGap = 2

    /// `t` drawn as a heatmap headed by its name, as text with ANSI colour escapes when the
    /// options allow colour; never traps, whatever the tensor or room.
    public static func render(_ t: Tensor, name: String?, options: HeatmapOptions) -> String {
        lines(t, name: name, options: options).map(\.ansi).joined(separator: "\n")
    }

    /// `t` drawn as a heatmap, line by line, as runs of text with their colours: the one layout
    /// behind ``render(_:name:options:)`` and the TUI's viewer, which writes it into cells.
    static func lines(_ t: Tensor, name: String?, options: HeatmapOptions) -> [StyledLine] {
        let lines = draw(t, name: name, options: options)
        return options.unicode ? lines : lines.map { $0.mapText(asciiOnly) }
    }

    /// The legend's few non-ASCII signs, and the accented letters of its Portuguese words,
    /// spelled in ASCII for terminals without Unicode (the maps themselves already use ASCII
    /// glyphs and frames there).
    static func asciiOnly(_ text: String) -> String {
        text.reduce(into: "") { out, character in out += asciiSpellings[character] ?? String(character) }
    }

    private static let asciiSpellings: [Character: String] = {
        var spellings: [Character: String] = ["×": "x", "→": "->", "…": "...", "±": "+-", "–": "-"]
        let accented: [(String, Character)] = [
            ("áàâã", "a"), ("éê", "e"), ("í", "i"), ("óôõ", "o"), ("ú", "u"), ("ç", "c"),
            ("ÁÀÂÃ", "A"), ("ÉÊ", "E"), ("Í", "I"), ("ÓÔÕ", "O"), ("Ú", "U"), ("Ç", "C"),
        ]
        for (letters, plain) in accented {
            for letter in letters { spellings[letter] = String(plain) }
        }
        return spellings
    }()

    private static func draw(_ t: Tensor, name: String?, options: HeatmapOptions) -> [StyledLine] {
        let language = options.language
        let slicing = PlaneSlicing(t, name: name)
        let title = (name.map { "\($0): " } ?? "") + slicing.shapeText(in: language)
        if let problem = PlaneSlicing.problem(with: t, in: language) { return StyledLine.lines(of: title + "\n" + problem) }
        var notes: [String] = []
        if t.rank > 3 {
            notes.append(t.rank == 4 ? HeatmapText.firstExample(of: t.shape[0], in: language) : HeatmapText.leadingIndices(in: language))
        }
        guard slicing.isChanneled else {
            if let channel = options.channel {
                notes.append(HeatmapText.channelIgnored(channel, rank: t.rank, in: language))
            }
            return single(slicing.plane(0, of: t), title: title, notes: notes, options: options)
        }
        guard let channel = options.channel else {
            let planes = (0..<slicing.channels).map { slicing.plane($0, of: t) }
            return tiles(planes, title: title, notes: notes, options: options)
        }
        guard (0..<slicing.channels).contains(channel) else {
            return StyledLine.lines(of: title + "\n" + HeatmapText.channelOutOfRange(channel, channels: slicing.channels, in: language))
        }
        let (rows, cols) = slicing.planeSize
        return single(
            slicing.plane(channel, of: t), title: "\(slicing.label(channel)): \(rows)×\(cols)", notes: notes,
            options: options)
    }

    /// One framed map with its legend.
    private static func single(_ plane: Plane, title: String, notes: [String], options: HeatmapOptions) -> [StyledLine] {
        let setup = Setup(planes: [plane], notes: notes, options: options, tiled: false)
        let unicode = options.unicode && setup.painter.usesUnicode
        let frame = setup.painter.isFramed ? 2 : 0
        let fitted = setup.fit(width: options.maxWidth - frame, height: options.maxHeight - setup.reservedLines - frame)
        let lines = fitted.mapLines(fitted.planes[0], unicode: unicode, language: options.language)
        let header = HeatmapText.header(title, style: setup.painter.style, in: options.language)
        return [StyledLine(header)] + lines + setup.legend(extra: fitted.downsamplingNote(plane, in: options.language).map { [$0] } ?? [])
    }

    /// Every channel as a titled tile, as many as fit, sharing one scale.
    private static func tiles(_ planes: [Plane], title: String, notes: [String], options: HeatmapOptions) -> [StyledLine] {
        let setup = Setup(planes: planes, notes: notes, options: options, tiled: true)
        let unicode = options.unicode && setup.painter.usesUnicode
        let frame = setup.painter.isFramed ? 2 : 0
        let room = options.maxHeight - setup.reservedLines
        let fitted = setup.fit(width: options.maxWidth - frame, height: room - frame - 1, maxScale: 1)
        let tileLines = fitted.planes.enumerated().map { index, plane in
            [StyledLine(HeatmapText.tileTitle(index, in: options.language))] + fitted.mapLines(plane, unicode: unicode, language: options.language)
        }
        let tileHeight = tileLines.first?.count ?? 1
        let tileWidth = tileLines.flatMap { $0 }.reduce(1) { max($0, $1.width) }
        let perRow = max(1, (options.maxWidth + tileGap) / (tileWidth + tileGap))
        let shown = min(planes.count, perRow * max(1, room / tileHeight))

        var lines = [StyledLine(HeatmapText.tiledHeader(title, style: setup.painter.style, in: options.language))]
        let gap = StyledLine(String(repeating: " ", count: tileGap))
        for rowStart in stride(from: 0, to: shown, by: perRow) {
            let row = tileLines[rowStart..<min(shown, rowStart + perRow)]
            for lineIndex in 0..<tileHeight {
                let parts = row.map { $0[lineIndex].padded(to: tileWidth) }
                let joined = parts.dropFirst().reduce(parts[parts.startIndex]) { $0 + gap + $1 }
                lines.append(joined.trimmingTrailingSpaces())
            }
        }
        var extra = fitted.downsamplingNote(planes[0], in: options.language).map { [$0] } ?? []
        if shown < planes.count {
            extra.append(HeatmapText.moreChannels(planes.count - shown, in: options.language))
        }
        return lines + setup.legend(extra: extra)
    }
}

extension Heatmap {
    /// What every map of one render shares: the scale, the painter, the fixed notes.
    fileprivate struct Setup {
        let planes: [Plane]
        let scale: ValueScale
        let painter: CellPainter
        let notes: [String]
        let tiled: Bool
        /// Terminal columns; legend notes are wrapped to it.
        let width: Int
        /// The language of the legend.
        let language: Language

        init(planes: [Plane], notes: [String], options: HeatmapOptions, tiled: Bool) {
            self.planes = planes
            self.tiled = tiled
            self.width = options.maxWidth
            self.language = options.language
            scale = ValueScale(values: planes.lazy.flatMap(\.values))
            let (painter, fallback) = CellPainter.resolve(options, scale: scale)
            self.painter = painter
            var all = fallback.map { [$0] } ?? []
            all += notes
            if scale.isDiverging { all.append(painter.divergingNote(in: language)) }
            if scale.isConstant, let range = scale.range {
                all.append(HeatmapText.constant(ValueFormat(for: [range.lowerBound]).string(range.lowerBound, in: language), in: language))
            }
            let nonFinite = planes.reduce(0) { $0 + $1.values.count { !$0.isFinite } }
            if nonFinite > 0 {
                let asNumbers = if case .numbers = painter { true } else { false }
                all.append(HeatmapText.nonFinite(nonFinite, asNumbers: asNumbers, in: language))
            }
            self.notes = all
        }

        /// Lines kept free for the header and legend when fitting the map: the notes known
        /// now, and room for a downsampling note (and, tiled, a "+N more" one) as wrapped.
        var reservedLines: Int {
            let later = HeatmapText.downsampled(from: (999, 999), to: (99, 99), factor: 10, in: language)
            let laterLines = wrapped([later]).count * (tiled ? 2 : 1)
            return 1 + 2 + wrapped(notes).count + laterLines
        }

        /// `lines` wrapped to the terminal width.
        private func wrapped(_ lines: [String]) -> [String] {
            lines.flatMap { DisplayWidth.wrap($0, to: width) }
        }

        /// The planes fitted into `width × height`; numbers are refitted until their (possibly
        /// longer) averaged values fit too.
        func fit(width: Int, height: Int, maxScale: Int = Heatmap.maxScale) -> Fitted {
            let rows = planes[0].rows
            let cols = planes[0].cols
            let showsNumbers = if case .numbers = painter { true } else { false }
            let magnify = showsNumbers ? 1 : maxScale
            // Only the numbers style prints values in its cells; the others need no format,
            // and formatting every value of a large map is most of the time of a redraw.
            func formatFor(_ planes: [Plane]) -> ValueFormat {
                showsNumbers ? ValueFormat(for: planes.lazy.flatMap(\.values)) : ValueFormat(notation: .integer)
            }
            func cellWidthFor(_ planes: [Plane], _ format: ValueFormat) -> Int {
                painter.cellWidth(numberWidth: showsNumbers ? format.width(for: planes.lazy.flatMap(\.values)) : 0)
            }
            var format = formatFor(planes)
            var cellWidth = cellWidthFor(planes, format)
            var geometry = MapGeometry.fit(
                rows: rows, cols: cols, cellWidth: cellWidth, width: width, height: height, maxScale: magnify)
            while true {
                let shrunk = planes.map { $0.downsampled(by: geometry.factor) }
                format = formatFor(shrunk)
                cellWidth = cellWidthFor(shrunk, format)
                let fits = MapGeometry.ceilDiv(cols, geometry.factor) * cellWidth <= width
                if fits || geometry.factor >= max(rows, cols) {
                    return Fitted(
                        planes: shrunk, geometry: geometry, painter: painter, scale: scale,
                        format: format, cellWidth: cellWidth)
                }
                geometry = MapGeometry(factor: geometry.factor + 1, scale: 1)
            }
        }

        /// Min, max, the scale bar with its end values, then the notes and `extra`.
        func legend(extra: [String]) -> [StyledLine] {
            let noteLines = wrapped(notes + extra).map(StyledLine.init)
            guard let range = scale.range, let ends = scale.ends else {
                return [StyledLine(HeatmapText.noFiniteValues(in: language))] + noteLines
            }
            let format = ValueFormat(for: [range.lowerBound, range.upperBound, ends.low, ends.high])
            var lines = [StyledLine("min \(format.string(range.lowerBound, in: language))   max \(format.string(range.upperBound, in: language))")]
            if let bar = painter.scaleBar(scale) {
                let high = (scale.isDiverging ? "+" : "") + format.string(ends.high, in: language)
                func scaleLine(palette: String) -> StyledLine {
                    StyledLine("\(HeatmapText.scale(in: language))\(palette): \(format.string(ends.low, in: language)) ") + bar + StyledLine(" \(high)")
                }
                let named = scaleLine(palette: paletteName.map { " (\($0))" } ?? "")
                // On a narrow screen the palette's name gives way to the bar (the diverging
                // note names its colours too).
                lines.append(named.width <= width ? named : scaleLine(palette: ""))
            }
            return lines + noteLines
        }

        /// The colour palette's name, when the map is coloured.
        private var paletteName: String? {
            switch painter {
            case .color(let colors), .numbers(let colors?): return HeatmapText.paletteName(colors, in: language)
            case .glyphs, .numbers(nil): return nil
            }
        }
    }

    /// Planes after fitting, and how to draw their lines.
    fileprivate struct Fitted {
        let planes: [Plane]
        let geometry: MapGeometry
        let painter: CellPainter
        let scale: ValueScale
        let format: ValueFormat
        let cellWidth: Int

        /// The map's lines, each cell `scale` rows by `cellWidth × scale` columns, framed
        /// with box lines (or `+-|` without Unicode) when the painter wants a frame.
        func mapLines(_ plane: Plane, unicode: Bool, language: Language) -> [StyledLine] {
            let width = cellWidth * geometry.scale
            var lines: [StyledLine] = []
            for r in 0..<plane.rows {
                let line = StyledLine((0..<plane.cols).map { painter.cell(plane[r, $0], scale: scale, width: width, format: format, language: language) })
                lines += Array(repeating: line, count: geometry.scale)
            }
            guard painter.isFramed else { return lines }
            let (corners, horizontal, vertical) = unicode ? (Array("┌┐└┘"), "─", "│") : (Array("++++"), "-", "|")
            let bar = String(repeating: horizontal, count: plane.cols * width)
            let side = StyledLine(vertical)
            return [StyledLine("\(corners[0])\(bar)\(corners[1])")] + lines.map { side + $0 + side }
                + [StyledLine("\(corners[2])\(bar)\(corners[3])")]
        }

        /// "downsampled 64×64 → 13×13 (average of 5×5 blocks)", when it was.
        func downsamplingNote(_ source: Plane, in language: Language) -> String? {
            guard geometry.factor > 1, let first = planes.first else { return nil }
            return HeatmapText.downsampled(
                from: (source.rows, source.cols), to: (first.rows, first.cols), factor: geometry.factor, in: language)
        }
    }
}
