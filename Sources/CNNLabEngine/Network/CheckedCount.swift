/// Sums and products of counts (parameters, activations, mult-adds, bytes) that give nil for a
/// result past `Int.max` instead of wrapping to a wrong number or trapping.
///
/// Every layer's own figures are checked by ``LayerAnalyzer``; what adds them up or turns them
/// into bytes goes through here, and a nil is shown as too large to count.
public enum CheckedCount {
    /// `values` added up, or nil if the sum does not fit in `Int`.
    public static func sum(_ values: some Sequence<Int>) -> Int? {
        var total = 0
        for value in values {
            let (s, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = s
        }
        return total
    }

    /// `values` multiplied together, or nil if the product does not fit in `Int`.
    public static func product(_ values: some Sequence<Int>) -> Int? {
        var total = 1
        for value in values {
            let (p, overflow) = total.multipliedReportingOverflow(by: value)
            if overflow { return nil }
            total = p
        }
        return total
    }

    /// `a · b`, or nil if the product does not fit in `Int`.
    public static func product(_ a: Int, _ b: Int) -> Int? {
        product([a, b])
    }

    /// The bytes of `count` Float32 values, or nil if they do not fit in `Int`.
    public static func float32Bytes(_ count: Int) -> Int? {
        product(count, MemoryLayout<Float>.size)
    }
}
