import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads and saves `QuizStats` as JSON (the caller passes `$XDG_DATA_HOME/cnnlab/quiz-stats.json`).
///
/// A corrupt file never stops the quiz: it is renamed aside to `NAME.corrupt-<unix time>` and
/// reported. Saving writes a temporary file in the same directory and renames it over the old one,
/// so a crash leaves the old file or the new one, never half of either; the old file's
/// permissions are kept.
public struct QuizStatsStore: Sendable {
    public let path: String

    /// Why saving failed.
    public struct SaveError: Error, Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public init(path: String) {
        self.path = path
    }

    /// The stats on disk; empty when there is no file yet. `problem` says, in `language`, why the
    /// file could not be used (it was set aside, or could not be read).
    public func load(language: Language = .en, now: Date = Date()) -> (stats: QuizStats, problem: String?) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return (QuizStats(), nil) }
        guard let data = fm.contents(atPath: path) else {
            return (QuizStats(), language.pick("could not read \(path); the quiz starts without history",
                                               "não foi possível ler \(path); o quiz começa sem histórico"))
        }
        if let stats = try? JSONDecoder().decode(QuizStats.self, from: data) { return (stats, nil) }
        let aside = path + ".corrupt-\(Int(now.timeIntervalSince1970))"
        guard rename(path, aside) == 0 else {
            return (QuizStats(), language.pick("\(path) is corrupt and could not be moved aside; it will be replaced",
                                               "\(path) está corrompido e não pôde ser movido; será substituído"))
        }
        return (QuizStats(), language.pick("\(path) was corrupt; it was set aside as \(aside)",
                                           "\(path) estava corrompido; foi guardado à parte como \(aside)"))
    }

    /// Writes `stats` atomically, creating the directory if needed.
    public func save(_ stats: QuizStats) throws(SaveError) {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            data = try encoder.encode(stats)
        } catch {
            throw SaveError(path: path, reason: String(describing: error))
        }
        let temp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let permissions = (try? fm.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber
        guard fm.createFile(atPath: temp, contents: data) else {
            throw SaveError(path: path, reason: "could not write \(temp)")
        }
        if let permissions { _ = chmod(temp, mode_t(permissions.uint16Value)) }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = unlink(temp)
            throw SaveError(path: path, reason: reason)
        }
    }
}
