/// Where each value of a map sits between the scale's ends, shared by every style.
///
/// Sequential (min…max) when the map has one sign; **diverging**, symmetric ±max|v| and
/// centred on 0, when it has both, so +30 and −30 never look alike. NaN and ±inf are left off
/// the scale (the renderers draw them as `?`). A constant map puts every cell in the middle
/// instead of dividing by zero.
struct ValueScale: Equatable, Sendable {
    /// The smallest and largest finite values, `nil` when there are none.
    let range: ClosedRange<Float>?

    /// The scale of `values`, ignoring non-finite ones.
    init(values: some Sequence<Float>) {
        var low = Float.infinity
        var high = -Float.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        range = low <= high ? low...high : nil
    }

    /// Both signs present: positions run −1…1 around zero.
    var isDiverging: Bool {
        guard let range else { return false }
        return range.lowerBound < 0 && range.upperBound > 0
    }

    /// Every finite value is the same.
    var isConstant: Bool {
        guard let range else { return false }
        return range.lowerBound == range.upperBound
    }

    /// The values at the two ends of the drawn scale: min and max, or ∓max|v| if diverging.
    var ends: (low: Float, high: Float)? {
        guard let range else { return nil }
        guard isDiverging else { return (range.lowerBound, range.upperBound) }
        let bound = max(range.lowerBound.magnitude, range.upperBound.magnitude)
        return (-bound, bound)
    }

    /// `value`'s place on the scale: 0…1 when sequential (0.5 for a constant map), −1…1 when
    /// diverging (the sign is the value's sign); `nil` for NaN and ±inf.
    func position(of value: Float) -> Double? {
        guard value.isFinite, let ends else { return nil }
        if isDiverging { return min(1, max(-1, Double(value) / Double(ends.high))) }
        let span = Double(ends.high) - Double(ends.low)
        guard span > 0 else { return 0.5 }
        return min(1, max(0, (Double(value) - Double(ends.low)) / span))
    }
}
