#if canImport(Glibc)
import Glibc  // libm: exp, log, tanh, pow
#elseif canImport(Darwin)
import Darwin  // libm: exp, log, tanh, pow
#endif

/// numpy's legacy global generator, bit for bit: `np.random.seed(S)` followed by any sequence of
/// `np.random.randn(...)` and `np.random.rand(...)` calls.
///
/// The course's programming assignment builds every input with this generator
/// (`np.random.seed(1); A_prev = np.random.randn(2, 5, 7, 4)`), so reproducing it lets a student
/// check each step of the assignment against cnnlab. Values are generated in Double exactly as
/// numpy does; the Tensor-returning forms cast to Float afterwards.
///
/// - MT19937 seeded with `init_genrand(seed)`, which is what numpy's `RandomState` does for an
///   integer seed (`mt19937_seed`; arrays would go through `init_by_array`, which is not needed here).
/// - `rand` is `random_sample`: two 32-bit draws `a >> 5`, `b >> 6` → `(a·2^26 + b) / 2^53`.
/// - `randn` is `legacy_gauss`: the polar Box–Muller method; it returns `f·x2` and caches `f·x1`
///   for the next normal draw, and that cached value survives intervening `rand` calls.
public struct NumpyRandom: Sendable {
    private static let n = 624
    private static let m = 397
    private var mt: [UInt32]
    private var index: Int
    private var cachedGauss: Double?

    /// The state `np.random.seed(seed)` leaves (any seed in 0...2³²−1, as numpy accepts).
    public init(seed: UInt32) {
        var state = [UInt32](repeating: 0, count: NumpyRandom.n)
        state[0] = seed
        for i in 1..<NumpyRandom.n {
            let prev = state[i - 1]
            state[i] = 1_812_433_253 &* (prev ^ (prev >> 30)) &+ UInt32(i)
        }
        mt = state
        index = NumpyRandom.n
        cachedGauss = nil
    }

    /// Regenerates all 624 words (the MT19937 "twist").
    private mutating func twist() {
        let n = NumpyRandom.n, m = NumpyRandom.m
        mt.withUnsafeMutableBufferPointer { s in
            for k in 0..<n {
                let y = (s[k] & 0x8000_0000) | (s[(k &+ 1) % n] & 0x7FFF_FFFF)
                let mag: UInt32 = (y & 1) == 0 ? 0 : 0x9908_B0DF
                s[k] = s[(k &+ m) % n] ^ (y >> 1) ^ mag
            }
        }
        index = 0
    }

    /// The next tempered 32-bit MT19937 output.
    private mutating func nextUInt32() -> UInt32 {
        if index >= NumpyRandom.n { twist() }
        var y = mt[index]
        index &+= 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// numpy's `random_sample` / `legacy_double`: 53 random bits in [0, 1).
    private mutating func nextDouble() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// numpy's `legacy_gauss` (polar method with one cached value).
    private mutating func nextGauss() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1: Double, x2: Double, r2: Double
        repeat {
            x1 = 2.0 * nextDouble() - 1.0
            x2 = 2.0 * nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }

    /// `np.random.randn(count)`: `count` standard normals (a negative count gives none).
    public mutating func randn(count: Int) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) { out.append(nextGauss()) }
        return out
    }

    /// `np.random.rand(count)`: `count` uniforms in [0, 1) (a negative count gives none).
    public mutating func rand(count: Int) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) { out.append(nextDouble()) }
        return out
    }

    /// `np.random.randn(*shape)` as a Float tensor (generated in Double, row-major, then cast).
    /// - Throws: `TensorError.invalidShape` for an empty-extent or overflowing shape.
    public mutating func randn(_ shape: [Int]) throws(TensorError) -> Tensor {
        let count = try Tensor.checkedCount(shape)
        return Tensor(validShape: shape, storage: randn(count: count).map { Float($0) })
    }

    /// `np.random.rand(*shape)` as a Float tensor (generated in Double, row-major, then cast).
    /// - Throws: `TensorError.invalidShape` for an empty-extent or overflowing shape.
    public mutating func rand(_ shape: [Int]) throws(TensorError) -> Tensor {
        let count = try Tensor.checkedCount(shape)
        return Tensor(validShape: shape, storage: rand(count: count).map { Float($0) })
    }
}
