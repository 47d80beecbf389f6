import ConvCore

extension SeededGenerator {
    /// A uniform integer in `0..<bound` (`bound` ≥ 1), unbiased (Lemire's multiply-and-reject),
    /// so a seed gives the same numbers on every platform and Swift version.
    mutating func integer(below bound: Int) -> Int {
        let n = UInt64(bound)
        let threshold = (0 &- n) % n
        while true {
            let (high, low) = next().multipliedFullWidth(by: n)
            if low >= threshold { return Int(high) }
        }
    }

    /// A uniform integer in `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + integer(below: range.count)
    }

    /// Shuffles `values` in place (Fisher–Yates from the end), without allocating.
    mutating func shuffle(_ values: inout [Int]) {
        var i = values.count - 1
        while i > 0 {
            let j = integer(below: i + 1)
            let v = values[i]
            values[i] = values[j]
            values[j] = v
            i -= 1
        }
    }
}
