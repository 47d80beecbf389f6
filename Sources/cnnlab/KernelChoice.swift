import CNNLabEngine
import CNNLabTerminal
import ConvCore

/// `--kernels` and `CNNLAB_KERNELS`: which micro-kernel set runs. `auto` (the default) is the
/// fastest this CPU runs; a named set is used as asked, or refused with a message when the CPU
/// cannot run it, never left to die of SIGILL.
enum KernelChoice {
    /// Whether the set was named (`CNNLAB_KERNELS` or `--kernels`) rather than chosen by `auto`.
    nonisolated(unsafe) static var forced = false

    /// Makes `value` the process's kernel set; nil or "auto" leaves the fastest. Returns the
    /// message to show, naming `option`, when the value is not a set or the CPU lacks it.
    static func apply(_ value: String?, option: String, language: Language) -> String? {
        guard let value, value != "auto" else { return nil }
        guard let set = KernelSet(rawValue: value) else {
            return KernelSetText.unknown(value, option: option, language: language)
        }
        do {
            try KernelSet.select(set)
            forced = true
            return nil
        } catch {
            return KernelSetText.unsupported(error, option: option, language: language)
        }
    }
}
