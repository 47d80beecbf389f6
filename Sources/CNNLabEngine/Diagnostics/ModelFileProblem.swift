/// Why a `.npz` model file (`net save "m.npz"`, `net load "m.npz"`) cannot be written or read.
public enum ModelFileProblem: Sendable, Equatable {
    /// The ZIP archive itself is damaged, unsupported or too large.
    case archive(path: String, ZIPError)
    /// The file lacks an array the network needs: W<l> or b<l> of layer `layer`.
    case missingArray(path: String, key: String, layer: Int, command: String)
    /// An array whose shape is not the one its layer's weights or bias have.
    case wrongShape(path: String, key: String, expected: [Int], found: [Int])
    /// An array of another element type than float32 or float64 (`found` is numpy's `descr`).
    case wrongDataType(path: String, key: String, found: String)
    /// A `W<l>` or `b<l>` for a layer without weights (`layerType`), or past the last layer (nil).
    case unexpectedArray(path: String, key: String, layer: Int, layerType: String?, layerCount: Int)
    /// `cnnlab_network` or `cnnlab_classes` is not a one-dimensional array of UTF-8 bytes.
    case badText(path: String, key: String)
    /// A file of weights alone, loaded with no network to put them in.
    case noNetwork(path: String)
    /// The file's class names are not one per output of the network.
    case classCount(path: String, names: Int, outputs: Int)

    /// The message in `language`.
    public func message(in language: Language) -> String {
        let L = language
        switch self {
        case .archive(let p, let e): return "\(p): " + Self.describe(e, L)
        case .missingArray(let p, let k, let l, let c):
            return L.pick("\(p) has no array \(k) (for layer \(l), \(c))", "\(p) não tem o array \(k) (da camada \(l), \(c))")
        case .wrongShape(let p, let k, let e, let f):
            return L.pick("\(p): \(k) is \(shapeText(f)), the layer needs \(shapeText(e))", "\(p): \(k) é \(shapeText(f)), a camada precisa de \(shapeText(e))")
        case .wrongDataType(let p, let k, let d):
            return L.pick("\(p): \(k) holds '\(d)' values, not float32 or float64", "\(p): \(k) contém valores '\(d)', não float32 nem float64")
        case .unexpectedArray(let p, let k, let l, let t?, _):
            return L.pick("\(p): \(k) fits no layer: layer \(l) is \(t), which has no weights", "\(p): \(k) não corresponde a nenhuma camada: a camada \(l) é \(t), que não tem pesos")
        case .unexpectedArray(let p, let k, _, nil, let n):
            return L.pick("\(p): \(k) fits no layer: the network's layers are 0 to \(n - 1)", "\(p): \(k) não corresponde a nenhuma camada: as camadas da rede vão de 0 a \(n - 1)")
        case .badText(let p, let k):
            return L.pick("\(p): \(k) is not a one-dimensional uint8 array of UTF-8 text", "\(p): \(k) não é um array uint8 unidimensional de texto UTF-8")
        case .noNetwork(let p):
            return L.pick("\(p) holds weights but no network (no cnnlab_network), and there is no network to load them into", "\(p) contém pesos mas não uma rede (não há cnnlab_network), e não há rede para recebê-los")
        case .classCount(let p, let n, let k):
            return L.pick("\(p) names \(n) classes but the network has \(k) outputs", "\(p) nomeia \(n) classes, mas a rede tem \(k) saídas")
        }
    }

    /// What to try, in `language`.
    public func hint(in language: Language) -> String? {
        let L = language
        switch self {
        case .archive(_, .unsupportedMethod), .archive(_, .encrypted), .archive(_, .unsupportedArchive):
            return L.pick("save it with np.savez (or np.savez_compressed), without a password", "grave-o com np.savez (ou np.savez_compressed), sem senha")
        case .archive(_, .archiveTooLarge): return nil
        case .archive:
            return L.pick("the file is damaged: save it again (`net save \"FILE.npz\"`, np.savez)", "o arquivo está danificado: grave-o de novo (`net save \"ARQ.npz\"`, np.savez)")
        case .missingArray, .unexpectedArray:
            return L.pick(
                "a .npz holds W<l> and b<l> for each conv, fc and softmax N layer, numbered as `summary` numbers them (0 is the input)",
                "um .npz contém W<l> e b<l> de cada camada conv, fc e softmax N, numeradas como `summary` as numera (0 é a entrada)")
        case .wrongShape:
            return L.pick(
                "conv: W is f×f×n_c[l−1]×n_c[l], b 1×1×1×n_c[l]; fc and softmax N: W is n[l−1]×n[l], b 1×n[l] (b may also be a vector)",
                "conv: W é f×f×n_c[l−1]×n_c[l], b 1×1×1×n_c[l]; fc e softmax N: W é n[l−1]×n[l], b 1×n[l] (b pode ser também um vetor)")
        case .wrongDataType:
            return L.pick("save the arrays as floats, e.g. W.astype(np.float32)", "grave os arrays como floats, por exemplo W.astype(np.float32)")
        case .badText:
            return L.pick("write text as np.frombuffer(text.encode(), np.uint8)", "grave texto como np.frombuffer(texto.encode(), np.uint8)")
        case .noNetwork:
            return L.pick("build the network first (`input …`, layers), then load its weights", "monte a rede primeiro (`input …`, camadas), depois carregue os pesos")
        case .classCount: return nil
        }
    }

    private static func describe(_ e: ZIPError, _ L: Language) -> String {
        switch e {
        case .notAnArchive:
            return L.pick("not a .npz (ZIP) archive: its end record is missing (cut short, or another kind of file)", "não é um arquivo .npz (ZIP): falta o registro final (cortado, ou outro tipo de arquivo)")
        case .truncated(let entry?): return L.pick("truncated: \(entry) runs past the end of the file", "truncado: \(entry) passa do fim do arquivo")
        case .truncated(nil): return L.pick("truncated: the ZIP directory runs past the end of the file", "truncado: o diretório ZIP passa do fim do arquivo")
        case .corrupt(let entry?): return L.pick("the ZIP record of \(entry) is damaged", "o registro ZIP de \(entry) está danificado")
        case .corrupt(nil): return L.pick("the ZIP directory is damaged", "o diretório ZIP está danificado")
        case .unsupportedArchive: return L.pick("ZIP64 directories and split archives are not supported", "diretórios ZIP64 e arquivos divididos não são suportados")
        case .encrypted(let entry): return L.pick("\(entry) is encrypted", "\(entry) está criptografado")
        case .unsupportedMethod(let entry, let m):
            return L.pick("\(entry) is compressed with method \(m); cnnlab reads STORED and DEFLATE", "\(entry) está comprimido com o método \(m); o cnnlab lê STORED e DEFLATE")
        case .checksumMismatch(let entry): return L.pick("\(entry) is damaged: its CRC-32 does not match", "\(entry) está danificado: o CRC-32 não confere")
        case .sizeMismatch(let entry, let expected, let actual) where actual > expected:
            return L.pick("\(entry) unpacks to more than the \(expected) bytes the directory gives", "\(entry) descomprime para mais que os \(expected) bytes do diretório")
        case .sizeMismatch(let entry, let expected, let actual):
            return L.pick("\(entry) unpacks to \(actual) bytes, not the \(expected) the directory gives", "\(entry) descomprime para \(actual) bytes, não os \(expected) do diretório")
        case .badCompressedData(let entry): return L.pick("the compressed data of \(entry) is invalid", "os dados comprimidos de \(entry) são inválidos")
        case .entryTooLarge(let entry, let size, let limit):
            return L.pick("\(entry) would unpack to \(size) bytes, more than the \(limit) it may hold", "\(entry) descomprimiria para \(size) bytes, mais que os \(limit) permitidos")
        case .duplicateEntry(let entry): return L.pick("the archive has two entries \(entry)", "o arquivo tem duas entradas \(entry)")
        case .archiveTooLarge(let size):
            return L.pick("the model takes \(size) bytes, more than the 4 GiB a ZIP without ZIP64 holds", "o modelo ocupa \(size) bytes, mais que os 4 GiB de um ZIP sem ZIP64")
        }
    }
}
