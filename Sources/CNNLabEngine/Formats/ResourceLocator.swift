import Foundation

/// Finds a folder cnnlab ships beside its binary (`Lessons/`, `Data/`), the same way for each.
enum ResourceLocator {
    /// The first folder called `name` that `accepts`, for a cnnlab started as `executable` in
    /// `currentDirectory`: beside the binary, in `../share/cnnlab/` from it, in a folder above it
    /// (a build inside the source tree), or in the current directory.
    static func locate(_ name: String, executable: String, currentDirectory: String, accepts: (String) -> Bool) -> String? {
        candidates(name, executable: executable, currentDirectory: currentDirectory).first(where: accepts)
    }

    /// The places `locate` tries, in order.
    static func candidates(_ name: String, executable: String, currentDirectory: String) -> [String] {
        let binary = (executable as NSString).resolvingSymlinksInPath
        var folder = (binary as NSString).deletingLastPathComponent
        var candidates = [
            (folder as NSString).appendingPathComponent(name),
            ((folder as NSString).appendingPathComponent("../share/cnnlab/" + name) as NSString).standardizingPath,
        ]
        while folder != "/" && !folder.isEmpty {
            folder = (folder as NSString).deletingLastPathComponent
            candidates.append((folder as NSString).appendingPathComponent(name))
        }
        candidates.append((currentDirectory as NSString).appendingPathComponent(name))
        return candidates
    }
}
