#if canImport(Glibc)
import Glibc  // libm: exp, log, tanh, pow
#elseif canImport(Darwin)
import Darwin  // libm: exp, log, tanh, pow
#endif

/// A small, fast, reproducible random number generator: xoshiro256** seeded through SplitMix64.
///
/// The whole product seeds its own randomness (weight initialisation, shuffling, augmentation)
/// from this type, so a lesson or a training run replays identically from one seed on every
/// platform. It is not numpy's generator; `NumpyRandom` reproduces that one.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose stream depends only on `seed`. The 256-bit state is filled from
    /// SplitMix64, as the xoshiro authors recommend, so nearby seeds give unrelated streams
    /// and the all-zero state (which xoshiro cannot leave) never occurs.
    public init(seed: UInt64) {
        var sm = seed
        s0 = SeededGenerator.splitMix64(&sm)
        s1 = SeededGenerator.splitMix64(&sm)
        s2 = SeededGenerator.splitMix64(&sm)
        s3 = SeededGenerator.splitMix64(&sm)
    }

    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    /// A uniform Float in [0, 1): the top 24 bits of `next()`, so every value is exactly
    /// representable and 1 is never returned.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A standard normal Float (mean 0, variance 1), by the Box–Muller transform computed in
    /// Double. Each call consumes two `next()` values; no second value is cached, so the
    /// generator's state is just its four words.
    public mutating func nextGaussian() -> Float {
        // u1 in (0, 1] so the logarithm is finite; u2 in [0, 1).
        let u1 = Double((next() >> 11) &+ 1) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }
}
