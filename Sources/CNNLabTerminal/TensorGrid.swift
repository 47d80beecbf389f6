import CNNLabEngine
import ConvCore

/// The aligned number grid of `show X`: a tensor written the way the lecture's slides write
/// matrices, with right-aligned columns and one number format for the whole tensor.
///
/// ```
/// B: 4×4
///     0  30  30   0
///     0  30  30   0
/// ```
/// Rank 3 and 4 tensors become one titled grid per channel (`B[:,:,0]`, `B[i,:,:,k]`), at most
/// ``maxGrids`` of them; rows and columns that do not fit are elided numpy-style with `…`/`⋮`.
public enum TensorGrid {
    /// At most this many channel grids are printed; a note counts the rest.
    public static let maxGrids = 8
    /// Columns between numbers.
    static let gap = 2
    /// Indentation of grid rows under their title.
    static let indent = 2

    /// `t` as text, headed by `name: shape`.
    ///
    /// - Parameters:
    ///   - name: the tensor's name in the session, used in the header and slice titles.
    ///   - maxWidth: terminal columns available; wider grids elide middle columns (at least one
    ///     column is always shown, so a tiny width still gives a readable, if wide, line).
    ///   - maxRows: rows per grid before middle rows are elided.
    ///   - precision: decimals to use instead of the automatic choice (clamped to 0…8).
    ///   - language: the language of the words around the numbers.
    public static func render(
        _ t: Tensor, name: String?, maxWidth: Int = 100, maxRows: Int = 20, precision: Int? = nil,
        language: Language = .en
    ) -> String {
        let slicing = PlaneSlicing(t, name: name)
        let header = (name.map { "\($0): " } ?? "") + slicing.shapeText(in: language)
        if let problem = PlaneSlicing.problem(with: t, in: language) { return header + "\n" + problem }

        let format = precision.map { ValueFormat(notation: .fixed(decimals: min(max($0, 0), 8))) }
            ?? ValueFormat(for: t.storage)
        if t.rank == 0 {
            return (name.map { "\($0) = " } ?? "") + format.string(t.storage.first ?? .nan, in: language)
        }

        let shown = min(slicing.count, maxGrids)
        let cellWidth = format.width(for: t.storage)
        var blocks: [String] = []
        for index in 0..<shown {
            let rows = gridRows(
                slicing.plane(index, of: t), format: format, cellWidth: cellWidth,
                maxWidth: maxWidth, maxRows: maxRows, language: language)
            let title = slicing.isChanneled ? [slicing.label(index)] : []
            blocks.append((title + rows).joined(separator: "\n"))
        }
        var text = header + "\n" + blocks.joined(separator: "\n\n")
        if slicing.count > shown {
            text += "\n\n" + TensorText.moreGrids(slicing.count - shown, channels: t.rank == 3, in: language)
        }
        return text
    }

    /// The lines of one plane, columns and rows elided to fit.
    private static func gridRows(
        _ plane: Plane, format: ValueFormat, cellWidth: Int, maxWidth: Int, maxRows: Int, language: Language
    ) -> [String] {
        let columnBudget = (maxWidth - indent - cellWidth) / (cellWidth + gap)
        let fitsWhole = indent + plane.cols * (cellWidth + gap) - gap <= maxWidth
        let columns = Elision(count: plane.cols, budget: fitsWhole ? plane.cols : columnBudget)
        let rows = Elision(count: plane.rows, budget: max(1, maxRows))
        let pad = String(repeating: " ", count: indent)
        let separator = String(repeating: " ", count: gap)
        return rows.slots.map { row in
            pad + columns.slots.map { column in
                let cell: String
                switch (row, column) {
                case let (r?, c?): cell = format.string(plane[r, c], in: language)
                case (nil, nil): cell = "⋱"
                case (nil, _?): cell = "⋮"
                case (_?, nil): cell = "…"
                }
                return DisplayWidth.padLeft(cell, to: cellWidth)
            }.joined(separator: separator)
        }
    }
}
