import Foundation
import Testing
import CNNLabEngine

/// Scores tallied, kept between runs, and turned into topic weights.
@Suite struct QuizStatsStoreTests {
    private func grade(_ right: Bool, skipped: Bool = false, mistake: QuizMistake? = nil) -> QuizGrade {
        QuizGrade(isCorrect: right, given: skipped ? nil : .number(1), skipped: skipped, mistake: mistake, expected: .number(1))
    }

    private func sampleScore() -> QuizScore {
        var score = QuizScore()
        score.record(grade(true), topic: .convParams)
        score.record(grade(false, mistake: .inputChannelsForgotten), topic: .convParams)
        score.record(grade(false, skipped: true), topic: .fcParams)
        score.record(grade(false), topic: .fcParams)
        return score
    }

    @Test func scoreTalliesRightWrongAndSkippedPerTopic() throws {
        let score = sampleScore()
        #expect(score.overall == QuizScore.Tally(right: 1, wrong: 2, skipped: 1))
        #expect(score.perTopic[.convParams] == QuizScore.Tally(right: 1, wrong: 1, skipped: 0))
        #expect(score.perTopic[.fcParams]?.total == 2)
        #expect(score.mistakes == [.inputChannelsForgotten: 1])
        #expect(score.topics == [.convParams, .fcParams])
        let data = try JSONEncoder().encode(score)
        #expect(try JSONDecoder().decode(QuizScore.self, from: data) == score)
        #expect(String(decoding: data, as: UTF8.self).contains("\"conv-params\""))
    }

    @Test func statsRoundTripThroughTheFile() throws {
        try withTemporaryDirectory { dir in
            let store = QuizStatsStore(path: dir.appendingPathComponent("cnnlab/quiz-stats.json").path)
            let empty = store.load()
            #expect(empty.stats == QuizStats() && empty.problem == nil)
            var stats = QuizStats()
            stats.add(sampleScore(), date: Date(timeIntervalSince1970: 1_700_000_000))
            try store.save(stats)
            let loaded = store.load()
            #expect(loaded.problem == nil)
            #expect(loaded.stats == stats)
            #expect(loaded.stats.history[.convParams] == [QuizStats.Session(date: Date(timeIntervalSince1970: 1_700_000_000), right: 1, total: 2)])
        }
    }

    @Test func corruptFileIsSetAsideAndReported() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("quiz-stats.json").path
            try Data("{ not json".utf8).write(to: URL(fileURLWithPath: path))
            let store = QuizStatsStore(path: path)
            let r = store.load(language: .ptBR, now: Date(timeIntervalSince1970: 1_234_567))
            #expect(r.stats == QuizStats())
            let problem = try #require(r.problem)
            #expect(problem.contains("corrompido") && problem.contains("quiz-stats.json.corrupt-1234567"))
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(FileManager.default.contents(atPath: path + ".corrupt-1234567") == Data("{ not json".utf8))
            #expect(store.load().problem == nil)  // and the quiz goes on with no history
        }
    }

    @Test func atomicSaveLeavesNoTemporaryFileAndKeepsPermissions() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("quiz-stats.json").path
            let store = QuizStatsStore(path: path)
            try store.save(QuizStats())
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            var stats = QuizStats()
            stats.add(sampleScore(), date: Date(timeIntervalSince1970: 0))
            try store.save(stats)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["quiz-stats.json"])
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            #expect(store.load().stats == stats)
        }
    }

    @Test func saveIntoAnUnwritablePlaceThrows() {
        let store = QuizStatsStore(path: "/proc/cnnlab-quiz-test/quiz-stats.json")
        #expect(throws: QuizStatsStore.SaveError.self) { try store.save(QuizStats()) }
    }

    @Test func topicsAnsweredBadlyWeighMore() {
        var stats = QuizStats()
        var score = QuizScore()
        for _ in 0..<4 { score.record(grade(false), topic: .fcParams) }
        for _ in 0..<4 { score.record(grade(true), topic: .convParams) }
        stats.add(score, date: Date(timeIntervalSince1970: 0))
        let w = stats.weights()
        #expect(w[.fcParams] == 4 && w[.convParams] == 1 && w[.poolParams] == 2)
        #expect(w.count == QuizTopic.allCases.count)
        for i in 0..<60 { stats.add(score, date: Date(timeIntervalSince1970: Double(i))) }
        #expect(stats.history[.fcParams]?.count == QuizStats.maxSessions)
    }
}
