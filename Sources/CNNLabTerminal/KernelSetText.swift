import CNNLabEngine
import ConvCore

/// How the micro-kernel sets are named to the user: in the bench's footer, `--version`, and the
/// error for a set this CPU cannot run.
public enum KernelSetText {
    /// "micro-kernels: simd16 (AVX-512)", from a set's name as `ConvBenchResult.kernels` keeps it.
    public static func line(_ name: String, language: Language) -> String {
        language.pick("micro-kernels: ", "micro-kernels: ") + describe(name, language: language)
    }

    /// "simd16 (AVX-512)", "simd8 (AVX2 and FMA)", "portable (baseline x86-64, no FMA)".
    public static func describe(_ name: String, language: Language) -> String {
        switch KernelSet(rawValue: name) {
        case .simd16: return language.pick("simd16 (AVX-512)", "simd16 (AVX-512)")
        case .simd8: return language.pick("simd8 (AVX2 and FMA)", "simd8 (AVX2 e FMA)")
        case .portable: return language.pick("portable (any CPU, no FMA)", "portable (qualquer CPU, sem FMA)")
        case nil: return name
        }
    }

    /// What to say when `--kernels` (or `CNNLAB_KERNELS`) names a set this CPU cannot run.
    public static func unsupported(_ error: KernelSetError, option: String, language: Language) -> String {
        let lacks = error.requested.requirement.map { language.pick(" (it lacks \($0))", " (falta \($0))") } ?? ""
        let others = error.supported.map(\.rawValue).joined(separator: ", ")
        return language.pick(
            "\(option) \(error.requested.rawValue): this CPU cannot run that kernel set\(lacks); use auto or one it runs: \(others)",
            "\(option) \(error.requested.rawValue): esta CPU não executa esse conjunto de kernels\(lacks); use auto ou um que ela executa: \(others)")
    }

    /// What to say when the value is not a set's name.
    public static func unknown(_ value: String, option: String, language: Language) -> String {
        let names = (["auto"] + KernelSet.allCases.map(\.rawValue)).joined(separator: ", ")
        return language.pick(
            "\(option) '\(value)' is not a kernel set: use \(names)",
            "\(option) '\(value)' não é um conjunto de kernels: use \(names)")
    }
}
