/// The quiz's seeded generator: SplitMix64 (Steele, Lea and Flood), chosen because it is a few
/// lines of integer arithmetic, so a seed gives the same questions on every platform and Swift
/// version (Foundation's and the standard library's generators promise neither).
public struct QuizRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (multiply-high; the bias is below 2⁻⁴⁰ for quiz-sized ranges).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(truncatingIfNeeded: range.upperBound &- range.lowerBound) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: next()) }  // the whole Int range
        let high = width.multipliedFullWidth(by: next()).high
        return range.lowerBound &+ Int(truncatingIfNeeded: high)
    }

    /// One of the values given (never empty, so never a trap).
    public mutating func pick<T>(_ first: T, _ rest: T...) -> T {
        let i = int(in: 0...rest.count)
        return i == 0 ? first : rest[i - 1]
    }

    /// A double in [0, 1) from 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }
}
