/// How far a student got in each lesson, kept between runs in the XDG data directory
/// (`lesson-progress.json`, see ``StateFile``).
public struct LessonProgress: Codable, Sendable, Equatable {
    /// One lesson's progress.
    public struct Entry: Codable, Sendable, Equatable {
        /// The furthest step reached, from 1.
        public var lastStep: Int
        /// The lesson's number of steps when last opened.
        public var steps: Int
        /// Steps (from 1) whose question was answered right.
        public var answeredRight: [Int]

        public init(lastStep: Int = 0, steps: Int = 0, answeredRight: [Int] = []) {
            self.lastStep = lastStep
            self.steps = steps
            self.answeredRight = answeredRight
        }
    }

    /// By lesson name (`one-layer`).
    public var lessons: [String: Entry] = [:]

    public init(lessons: [String: Entry] = [:]) {
        self.lessons = lessons
    }

    /// Records that step `step` (from 1) of `lesson` with `steps` steps was reached.
    mutating func reached(_ step: Int, of steps: Int, in lesson: String) {
        var entry = lessons[lesson] ?? Entry()
        entry.lastStep = max(entry.lastStep, step)
        entry.steps = steps
        lessons[lesson] = entry
    }

    /// Records a right answer at step `step` (from 1).
    mutating func answeredRight(_ step: Int, in lesson: String) {
        var entry = lessons[lesson] ?? Entry()
        if !entry.answeredRight.contains(step) { entry.answeredRight = (entry.answeredRight + [step]).sorted() }
        lessons[lesson] = entry
    }
}
