import CNNLabEngine
import Foundation

/// One way of writing a whole set of numbers, chosen from the set so they line up and read
/// like the lecture's slides.
///
/// - Every finite value integral and below 10⁷ (where Float32 still holds every integer):
///   integers, no `.0` (`10  10  0`).
/// - Otherwise fixed-point with one shared number of decimals: the fewest (at most
///   ``maxDecimals``) that print every value exactly as the Float32 it is, so 3.75 and 4 give
///   `3.75` and `4.00`, and 1/3 gives `0.3333`.
/// - Scientific (`1.25e+07`) when a non-integral value reaches 10⁶, an integral one 10⁷, or a
///   non-zero one is below 10⁻⁴ (which fixed-point would show as zero).
///
/// `-0` prints as `0` (as does anything that rounds to zero); non-finite values print as
/// `nan`, `inf`, `-inf` whatever the notation.
struct ValueFormat: Equatable, Sendable {
    enum Notation: Equatable, Sendable {
        case integer
        case fixed(decimals: Int)
        case scientific(decimals: Int)
    }

    /// The most decimals (or mantissa decimals) ever shown.
    static let maxDecimals = 4

    let notation: Notation

    /// A format with a fixed notation (for an explicit `precision`).
    init(notation: Notation) {
        self.notation = notation
    }

    /// The format that writes every value of `values` faithfully.
    init(for values: some Sequence<Float>) {
        var integral = true
        var largest: Float = 0
        var smallestNonZero = Float.infinity
        for value in values where value.isFinite {
            let magnitude = value.magnitude
            largest = max(largest, magnitude)
            if magnitude != 0 { smallestNonZero = min(smallestNonZero, magnitude) }
            if value.rounded() != value { integral = false }
        }
        if integral && largest < 1e7 {
            notation = .integer
        } else if largest >= (integral ? 1e7 : 1e6) || smallestNonZero < 1e-4 {
            notation = .scientific(decimals: Self.decimals(for: values, scientific: true))
        } else {
            notation = .fixed(decimals: Self.decimals(for: values, scientific: false))
        }
    }

    /// `value` in this notation, with `language`'s decimal mark (`3.75`, `3,75` in pt-BR).
    func string(_ value: Float, in language: Language) -> String {
        NumberFormat.decimalMark(plain(value), language)
    }

    /// `value` in this notation with a decimal point.
    private func plain(_ value: Float) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text: String
        switch notation {
        case .integer: text = String(Int(value))
        case .fixed(let decimals): text = String(format: "%.\(decimals)f", Double(value))
        case .scientific(let decimals): text = String(format: "%.\(decimals)e", Double(value))
        }
        return Self.withoutNegativeZero(text)
    }

    /// The widest string this format makes for any of `values`, in terminal columns.
    func width(for values: some Sequence<Float>) -> Int {
        values.reduce(0) { max($0, DisplayWidth.of(plain($1))) }
    }

    /// The fewest decimals (≤ `maxDecimals`) with which every value reads back unchanged.
    private static func decimals(for values: some Sequence<Float>, scientific: Bool) -> Int {
        var needed = 0
        for value in values where value.isFinite && value != 0 {
            while needed < maxDecimals && !roundTrips(value, decimals: needed, scientific: scientific) {
                needed += 1
            }
            if needed == maxDecimals { break }
        }
        return needed
    }

    /// Whether `value` rounded to `decimals` (of its mantissa, if `scientific`) is still `value`.
    private static func roundTrips(_ value: Float, decimals: Int, scientific: Bool) -> Bool {
        let exponent = scientific ? (log10(Double(value.magnitude))).rounded(.down) : 0
        let unit = pow(10, exponent - Double(decimals))
        return Float((Double(value) / unit).rounded() * unit) == value
    }

    /// `-0`, `-0.00`, `-0.00e+00` → without the sign.
    private static func withoutNegativeZero(_ text: String) -> String {
        guard text.hasPrefix("-") else { return text }
        let mantissa = text.dropFirst().prefix { $0 != "e" }
        return mantissa.allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }
}
