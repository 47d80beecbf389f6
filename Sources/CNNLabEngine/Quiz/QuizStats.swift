import Foundation

/// Quiz results kept between runs: for each topic, one record per session (date, right, total),
/// from which `weights()` asks the topics answered badly more often.
public struct QuizStats: Sendable, Equatable, Codable {
    /// One session's result on one topic.
    public struct Session: Sendable, Equatable, Codable {
        public var date: Date
        public var right: Int
        public var total: Int

        public init(date: Date, right: Int, total: Int) {
            self.date = date
            self.right = right
            self.total = total
        }
    }

    /// The file format's version.
    public var version = 1
    /// Sessions per topic, oldest first (at most `maxSessions` each).
    public var history: [QuizTopic: [Session]] = [:]

    /// Sessions kept per topic.
    public static let maxSessions = 50
    /// Sessions that count as "recent" for the weights.
    public static let recentSessions = 5

    public init() {}

    /// Adds `score`'s per-topic results as sessions on `date` (skipped answers count as not right).
    public mutating func add(_ score: QuizScore, date: Date) {
        for topic in score.topics {
            guard let t = score.perTopic[topic], t.total > 0 else { continue }
            var list = history[topic, default: []]
            list.append(Session(date: date, right: t.right, total: t.total))
            if list.count > Self.maxSessions { list.removeFirst(list.count - Self.maxSessions) }
            history[topic] = list
        }
    }

    /// The success rate of the last `recentSessions` sessions of `topic`, or nil if never asked.
    public func recentRate(_ topic: QuizTopic) -> Double? {
        let recent = (history[topic] ?? []).suffix(Self.recentSessions)
        // Added in Double: counts read from the stats file may be anything, and an Int sum of
        // huge ones wrapped to a negative total (or a rate past 100%).
        let total = recent.reduce(0.0) { $0 + Double(max(0, $1.total)) }
        guard total > 0 else { return nil }
        let right = recent.reduce(0.0) { $0 + Double(min(max(0, $1.right), max(0, $1.total))) }
        return right / total
    }

    /// A weight per topic for `QuizGenerator`: 1 + 3·(1 − recent success rate), so a topic
    /// always answered right keeps weight 1 and one always answered wrong is asked 4 times as often;
    /// topics never asked get 2, to be tried. Every topic is present.
    public func weights() -> [QuizTopic: Double] {
        var w: [QuizTopic: Double] = [:]
        for t in QuizTopic.allCases {
            w[t] = recentRate(t).map { 1 + 3 * (1 - $0) } ?? 2
        }
        return w
    }
}
