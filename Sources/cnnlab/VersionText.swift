import CNNLabCurses
import CNNLabEngine
import CNNLabLineEditor

/// What `cnnlab --version` prints: cnnlab's version, then the build (Swift, platform, kernel set)
/// and the C libraries it links, each on its own line, so a bug report can quote it whole.
enum VersionText {
    static var text: String {
        let readline = LineEditor.libraryVersion
        return """
            cnnlab \(CNNLabBuild.version)
            Swift \(CNNLabBuild.swiftVersion) · \(CNNLabBuild.platform) · kernels \(CNNLabBuild.kernelSet) (chosen at build time)
            libpng \(ImageLibraries.pngVersion) · libjpeg \(ImageLibraries.jpegVersion) · readline \(readline >> 8).\(readline & 0xFF) · \(CursesScreen.libraryVersion)
            """
    }
}
