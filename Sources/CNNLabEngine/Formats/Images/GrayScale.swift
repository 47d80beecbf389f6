/// How a saved gray map's values became pixel levels: the finite range stretched over 0…255,
/// and how many values had no place on it (NaN drawn black, +∞ white, −∞ black).
///
/// The counts let a front end warn that the picture hides values a diverged computation left,
/// instead of writing a plausible-looking image in silence.
public struct GrayScale: Sendable, Equatable {
    /// The smallest and largest finite values (0…0 when none is finite).
    public var range: ClosedRange<Float>
    /// Values that are NaN.
    public var notANumber: Int
    /// Values that are +∞ or −∞.
    public var infinite: Int

    public init(range: ClosedRange<Float>, notANumber: Int = 0, infinite: Int = 0) {
        self.range = range
        self.notANumber = notANumber
        self.infinite = infinite
    }

    /// Values that are NaN or infinite.
    public var nonFinite: Int { notANumber + infinite }

    /// The scale of `values`: their finite range and their non-finite counts.
    static func measuring(_ values: [Float]) -> GrayScale {
        var low = Float.infinity, high = -Float.infinity, nan = 0, infinite = 0
        for v in values {
            if v.isNaN { nan += 1 } else if v.isInfinite { infinite += 1 } else {
                low = min(low, v)
                high = max(high, v)
            }
        }
        if low > high { low = 0; high = 0 }
        return GrayScale(range: low...high, notANumber: nan, infinite: infinite)
    }

    /// The 8-bit level of `v`: finite values scaled so the range's ends are 0 and 255 (128 for a
    /// constant map); NaN and −∞ are 0, +∞ 255. Computed in Double, so a range as wide as
    /// Float's own cannot overflow to ∞ and a level is always in 0…255.
    func level(_ v: Float) -> UInt8 {
        if v.isNaN { return 0 }
        if v.isInfinite { return v > 0 ? 255 : 0 }
        let low = Double(range.lowerBound), span = Double(range.upperBound) - low
        if span == 0 { return 128 }
        return UInt8(min(255, max(0, ((Double(v) - low) / span * 255).rounded())))
    }
}
