/// Why a dataset cannot be loaded, split or batched.
public enum DatasetProblem: Sendable, Equatable {
    /// The spec names no dataset; `suggestion` is the closest name.
    case unknownDataset(String, suggestion: String?)
    /// The committed datasets' `Data/` folder was not found.
    case noDataFolder
    /// `shapes:SIZE` with a size outside 8...64.
    case invalidShapesSize(String)
    /// None of the files a format expects is in `directory`.
    case noFilesFound(directory: String, expected: [String])
    /// A file's first four bytes are not the format's magic number.
    case wrongMagic(path: String, found: UInt32, expected: UInt32)
    /// A file's size is not the one its header (or its format) implies.
    case wrongLength(path: String, expected: Int, actual: Int)
    /// A header claims more data than cnnlab will hold (`claimed` as the lecture writes shapes).
    case tooLarge(path: String, claimed: String, limit: Int)
    /// A header's dimensions are zero or implausible for images.
    case invalidDimensions(path: String, dimensions: [Int])
    /// A `.npy` file is not the unsigned-byte array of the rank expected.
    case unexpectedArray(path: String, found: String, expected: String)
    /// The images and labels files disagree on the number of examples.
    case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    /// A label outside `0..<classes`, at example `index`.
    case labelOutOfRange(path: String, index: Int, label: Int, classes: Int)
    /// A CIFAR-10 batch whose size is not a whole number of records.
    case partialRecord(path: String, size: Int, recordSize: Int)
    /// A test fraction outside the open interval (0, 1).
    case invalidTestFraction(Double)
    /// Too few examples to split or batch.
    case tooFewExamples(Int)
    /// A batch size below 1.
    case invalidBatchSize(Int)
    /// An augmentation that does not fit the images (a crop larger than them, a negative shift).
    case invalidAugmentation(String)

    /// The message in `language`.
    public func message(in language: Language) -> String {
        let L = language
        switch self {
        case .unknownDataset(let n, _): return L.pick("no dataset '\(n)'", "não há conjunto de dados '\(n)'")
        case .noDataFolder: return L.pick("the Data folder of cnnlab's datasets was not found", "a pasta Data com os conjuntos de dados do cnnlab não foi encontrada")
        case .invalidShapesSize(let s): return L.pick("'\(s)' is not a size for shapes (8 to 64)", "'\(s)' não é um tamanho para shapes (8 a 64)")
        case .noFilesFound(let d, let e):
            return L.pick("\(d) has none of the files \(e.joined(separator: ", "))", "\(d) não tem nenhum dos arquivos \(e.joined(separator: ", "))")
        case .wrongMagic(let p, let f, let e):
            return L.pick("\(p) starts with \(hex(f)), not the magic number \(hex(e))", "\(p) começa com \(hex(f)), não com o número mágico \(hex(e))")
        case .wrongLength(let p, let e, let a) where a < e:
            return L.pick("\(p) is truncated: it has \(a) bytes, its header needs \(e)", "\(p) está truncado: tem \(a) bytes, o cabeçalho exige \(e)")
        case .wrongLength(let p, let e, let a):
            return L.pick("\(p) has \(a - e) bytes after the \(e) its header describes", "\(p) tem \(a - e) bytes além dos \(e) que o cabeçalho descreve")
        case .tooLarge(let p, let c, let l):
            return L.pick("\(p) claims \(c) values, more than the \(l) cnnlab holds", "\(p) declara \(c) valores, mais que os \(l) que o cnnlab comporta")
        case .invalidDimensions(let p, let d):
            return L.pick("\(p) has invalid dimensions \(shapeText(d))", "\(p) tem dimensões inválidas \(shapeText(d))")
        case .unexpectedArray(let p, let f, let e):
            return L.pick("\(p) holds \(f), not \(e)", "\(p) contém \(f), não \(e)")
        case .countMismatch(let i, let ic, let l, let lc):
            return L.pick("\(i) has \(ic) images but \(l) has \(lc) labels", "\(i) tem \(ic) imagens, mas \(l) tem \(lc) rótulos")
        case .labelOutOfRange(let p, let i, let l, let c):
            return L.pick("\(p): label \(l) of example \(i) is not a class 0–\(c - 1)", "\(p): o rótulo \(l) do exemplo \(i) não é uma classe de 0 a \(c - 1)")
        case .partialRecord(let p, let s, let r):
            return L.pick("\(p) has \(s) bytes, not a whole number of \(r)-byte records", "\(p) tem \(s) bytes, não um número inteiro de registros de \(r) bytes")
        case .invalidTestFraction(let f):
            return L.pick("the test fraction \(f) is not between 0 and 1", "a fração de teste \(f) não está entre 0 e 1")
        case .tooFewExamples(let n): return L.pick("\(n) example(s) are too few", "\(n) exemplo(s) são poucos demais")
        case .invalidBatchSize(let n): return L.pick("batch size \(n) must be at least 1", "o tamanho do lote \(n) deve ser pelo menos 1")
        case .invalidAugmentation(let d): return L.pick("augmentation does not fit the images: \(d)", "o aumento de dados não cabe nas imagens: \(d)")
        }
    }

    /// What to try, in `language`.
    public func hint(in language: Language) -> String? {
        let L = language
        switch self {
        case .unknownDataset(_, let s?): return L.pick("did you mean '\(s)'? datasets: \(DatasetLibrary.specs.joined(separator: " "))", "você quis dizer '\(s)'? conjuntos: \(DatasetLibrary.specs.joined(separator: " "))")
        case .unknownDataset: return L.pick("datasets: \(DatasetLibrary.specs.joined(separator: " "))", "conjuntos: \(DatasetLibrary.specs.joined(separator: " "))")
        case .noDataFolder: return L.pick("run cnnlab from its source tree, or install Data/ beside the binary", "execute o cnnlab na sua árvore de código, ou instale Data/ ao lado do binário")
        case .invalidShapesSize: return L.pick("e.g. shapes:16", "por exemplo shapes:16")
        case .noFilesFound: return L.pick("give the folder holding the files unpacked from the official archives", "indique a pasta com os arquivos extraídos dos arquivos oficiais")
        case .wrongMagic, .wrongLength, .partialRecord:
            return L.pick("the file is damaged or of another format; unpack the official archive again", "o arquivo está danificado ou é de outro formato; extraia o arquivo oficial de novo")
        case .invalidTestFraction: return L.pick("e.g. 0.2 keeps a fifth of the examples for testing", "por exemplo 0.2 reserva um quinto dos exemplos para teste")
        default: return nil
        }
    }

    private func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
