import CNNLabCurses
import CNNLabEngine
import CNNLabTerminal
import CNNLabLineEditor

/// What `cnnlab --version` prints: cnnlab's version, then the build (Swift, platform, kernel set)
/// and the C libraries it links, each on its own line, so a bug report can quote it whole.
enum VersionText {
    static var text: String {
        let language = CommandLineLanguage.current
        let set = KernelSetText.describe(CNNLabBuild.kernelSet, language: language)
        let kernels = set + (KernelChoice.forced
            ? language.pick(", as CNNLAB_KERNELS asks", ", como CNNLAB_KERNELS pede")
            : language.pick(", the fastest this CPU runs", ", o mais rápido que esta CPU executa"))
        let readline = LineEditor.libraryVersion
        return """
            cnnlab \(CNNLabBuild.version)
            Swift \(CNNLabBuild.swiftVersion) · \(CNNLabBuild.platform) · kernels \(kernels)
            libpng \(ImageLibraries.pngVersion) · libjpeg \(ImageLibraries.jpegVersion) · readline \(readline >> 8).\(readline & 0xFF) · \(CursesScreen.libraryVersion)
            """
    }
}
