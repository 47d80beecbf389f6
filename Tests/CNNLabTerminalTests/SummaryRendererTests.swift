import CNNLabEngine
import Testing
@testable import CNNLabTerminal

/// The `summary` table's columns (torchinfo's and Keras's, plus r[l] and j[l]), which make way
/// on narrow terminals in a fixed order, and their JSON fields.
@Suite struct SummaryRendererTests {
    /// 32×32×3 → conv 8 f=5 → relu → pool max f=2 → flatten → fc 10.
    static func summary() throws -> NetworkSummary {
        var reports = [try LayerAnalyzer.input([32, 32, 3])]
        for spec: LayerSpec in [.conv(filters: 8, f: 5, s: 1, p: .explicit(0)), .activation(.relu), .pool(.max, f: 2, s: 2), .flatten, .fc(units: 10)] {
            reports.append(try LayerAnalyzer.analyze(spec, after: reports[reports.count - 1]))
        }
        return NetworkSummary(layers: reports)
    }

    @Test func aWideTerminalShowsEveryColumn() throws {
        let lines = SummaryRenderer.render(try Self.summary(), language: .en, width: 200).split(separator: "\n").map(String.init)
        #expect(lines[0] == "#  layer    hyper-parameters    input   output  kernel   activations  params      %  mult-adds    r  j")
        #expect(lines[2] == "0  input                               32×32×3                 3,072       0                      1  1")
        #expect(lines[3] == "1  conv     8 f=5 s=1 p=0     32×32×3  28×28×8  5×5×3×8        6,272     608   3.7%    470,400    5  1")
        #expect(lines[4] == "2  relu                       28×28×8  28×28×8                 6,272       0                      5  1")
        #expect(lines[5] == "3  pool     max f=2 s=2       28×28×8  14×14×8  2×2            1,568       0                      6  2")
        #expect(lines[7] == "5  fc       10                   1568       10  1568×10           10  15,690  96.3%     15,680  all")
        #expect(lines.contains("Trainable params: 16,298 · Non-trainable params: 0"))
        #expect(!lines.contains { $0.hasPrefix("not shown") })
    }

    @Test func narrowTerminalsDropColumnsInOrderAndSaySo() throws {
        let s = try Self.summary()
        let full = SummaryRenderer.render(s, language: .en, width: 200).split(separator: "\n")[0].count
        var hiddenBefore = 0
        for width in stride(from: full, through: 40, by: -1) {
            let lines = SummaryRenderer.render(s, language: .ptBR, width: width).split(separator: "\n").map(String.init)
            let table = lines.prefix { !$0.hasPrefix("não mostradas") && !$0.hasPrefix("Total") }
            let note = lines.first { $0.hasPrefix("não mostradas nesta largura: ") }
            let hidden = note.map { $0.dropFirst("não mostradas nesta largura: ".count).split(separator: " (")[0].components(separatedBy: ", ") } ?? []
            // What is hidden is a prefix of the fixed order, growing as the width shrinks, and the
            // table fits unless every column that may go has gone.
            #expect(hidden == Array(["entrada", "kernel", "mult-adds", "%", "hiperparâmetros"].prefix(hidden.count)))
            #expect(hidden.count >= hiddenBefore)
            hiddenBefore = hidden.count
            if hidden.count < 5 { #expect(table.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)") }
            #expect(table[0].hasSuffix("r  j"))
        }
        #expect(hiddenBefore == 5)
    }

    @Test func theLecturesTableFitsEightyColumns() throws {
        let text = SummaryRenderer.render(try Self.summary(), language: .en, width: 80)
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(text.contains("not shown at this width: input, kernel, mult-adds (--json shows all)\n"))
    }

    @Test func jsonHasKernelShapeReceptiveFieldJumpAndTrainableTotals() throws {
        let json = JSONRenderer.render(.summary(try Self.summary()))
        #expect(json.contains(#""total_params":16298,"trainable_params":16298,"non_trainable_params":0,"#))
        #expect(json.contains(#""kernel_shape":[5,5,3,8],"receptive_field":5,"jump":1,"sees_whole_input":false,"#))
        #expect(json.contains(#""kernel_shape":[2,2],"receptive_field":6,"jump":2,"sees_whole_input":false,"#))
        #expect(json.contains(#""kernel_shape":[1568,10],"receptive_field":null,"jump":null,"sees_whole_input":true,"#))
    }
}
