import CNNLabEngine
import ConvCore
import Testing
@testable import CNNLabTerminal

/// What `save X "x.png"` says: the scale it used, and a warning when values had no gray level.
@Suite struct SavedImageRendererTests {
    static func map() throws -> NamedTensor { NamedTensor(name: "N", tensor: try Tensor(shape: [2, 2])) }

    @Test func aFiniteMapSaysItsScaleAndNoWarning() throws {
        let text = ResultRenderer.render(.saved(try Self.map(), path: "n.png", scale: GrayScale(range: -1...3)), language: .en)
        #expect(text == "saved N (2×2) to n.png as a gray PNG: -1 → 0, 3 → 255\n")
    }

    @Test func nanAndInfinityAreAWarningInBothLanguages() throws {
        let result = CommandResult.saved(try Self.map(), path: "n.png", scale: GrayScale(range: 0...1, notANumber: 2, infinite: 1))
        let en = ResultRenderer.render(result, language: .en).split(separator: "\n")
        let pt = ResultRenderer.render(result, language: .ptBR).split(separator: "\n")
        #expect(en.count == 2 && pt.count == 2)
        #expect(en.last == "warning: not every value is a number: 2 NaN drawn black, 1 infinite drawn white (+inf) or black (-inf); the gray scale uses the finite values only")
        #expect(pt.last == "aviso: nem todo valor é um número: 2 NaN em preto, 1 infinitos em branco (+inf) ou preto (-inf); a escala de cinza usa só os valores finitos")
    }

    @Test func jsonCountsTheValuesWithoutAGrayLevel() throws {
        let json = JSONRenderer.render(.saved(try Self.map(), path: "n.png", scale: GrayScale(range: 0...1, notANumber: 3)))
        #expect(json == #"{"command":"save","name":"N","shape":[2,2],"path":"n.png","min":0,"max":1,"nan_count":3,"inf_count":0}"#)
    }
}
