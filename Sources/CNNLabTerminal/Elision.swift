/// Which of `count` indices a view shows when only `budget` fit: the first and the last
/// ones with an ellipsis between them, as numpy prints large arrays.
struct Elision: Equatable, Sendable {
    /// Indices shown before the ellipsis (all of them when nothing is elided).
    let head: Range<Int>
    /// Indices shown after the ellipsis (empty when nothing is elided).
    let tail: Range<Int>

    /// Keeps everything if `count ≤ budget`, else `budget` indices (at least one), the extra one
    /// going to the head.
    init(count: Int, budget: Int) {
        guard count > budget else {
            head = 0..<max(0, count)
            tail = count..<count
            return
        }
        let kept = max(1, budget)
        head = 0..<(kept + 1) / 2
        tail = (count - kept / 2)..<count
    }

    /// Whether some indices are hidden.
    var isElided: Bool { head.count + tail.count < tail.upperBound }

    /// The shown slots in order: an index, or `nil` for the ellipsis.
    var slots: [Int?] {
        isElided ? head.map { $0 } + [nil] + tail.map { $0 } : head.map { $0 }
    }
}
