import Foundation

/// Loads and saves `QuizStats` as JSON (the caller passes `$XDG_DATA_HOME/cnnlab/quiz-stats.json`)
/// through a ``StateFile``: atomic saves that keep the old file's permissions, and a corrupt file
/// renamed aside to `NAME.corrupt-<unix time>` and reported, never a stop.
public struct QuizStatsStore: Sendable {
    public let path: String

    /// Why saving failed.
    public typealias SaveError = StateFile<QuizStats>.SaveError

    public init(path: String) {
        self.path = path
    }

    /// The stats on disk; empty when there is no file yet. `problem` says, in `language`, why the
    /// file could not be used (it was set aside, or could not be read).
    public func load(language: Language = .en, now: Date = Date()) -> (stats: QuizStats, problem: String?) {
        let loaded = StateFile<QuizStats>(path: path).load(now: now)
        if let aside = loaded.setAside {
            return (QuizStats(), language.pick("\(path) was corrupt; it was set aside as \(aside)",
                                               "\(path) estava corrompido; foi guardado à parte como \(aside)"))
        }
        if loaded.unusable {
            return (QuizStats(), language.pick("could not use \(path); the quiz starts without history",
                                               "não foi possível usar \(path); o quiz começa sem histórico"))
        }
        return (loaded.value ?? QuizStats(), nil)
    }

    /// Writes `stats` atomically, creating the directory if needed.
    public func save(_ stats: QuizStats) throws(SaveError) {
        try StateFile<QuizStats>(path: path).save(stats)
    }
}
