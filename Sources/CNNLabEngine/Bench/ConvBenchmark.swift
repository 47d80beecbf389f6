import ConvCore
import Dispatch

/// One convolution shape to time: batch `n` of `h × w × cIn` images, `cOut` filters `f × f`,
/// stride `s`, padding `p`.
public struct ConvBenchCase: Sendable {
    public var name: String
    public var n, h, w, cIn, cOut, f, s, p: Int

    public init(name: String, n: Int, h: Int, w: Int, cIn: Int, cOut: Int, f: Int, s: Int, p: Int) {
        self.name = name
        self.n = n
        self.h = h
        self.w = w
        self.cIn = cIn
        self.cOut = cOut
        self.f = f
        self.s = s
        self.p = p
    }
}

/// The timing of one pass of one case. Field names are the JSON keys the CLI prints.
public struct ConvBenchResult: Sendable, Codable, Equatable {
    public var `case`: String
    /// `"forward"` or `"backward"`.
    public var pass: String
    public var n, h, w, c_in, c_out, f, s, p, threads: Int
    /// Median wall time of one pass, in milliseconds.
    public var ms: Double
    /// Useful floating-point work per second, in 10⁹ (FLOPs as documented on `ConvBenchmark.run`).
    public var gflops: Double
    /// Floats per vector of the micro-kernel set that ran (16: simd16, 8: simd8 and portable).
    public var simd_lanes: Int
    /// The micro-kernel set that ran: `simd16`, `simd8` or `portable` (``KernelSet``).
    public var kernels: String
    /// The FMA peak of `threads` threads on this machine (``PeakProbe``), nil when not measured.
    public var peak_gflops: Double?
    /// `gflops` as a percentage of `peak_gflops`.
    public var percent_of_peak: Double? { PeakProbe.percent(gflops, of: peak_gflops) }

    /// Memberwise, so renderers and their tests can build results without timing anything.
    public init(
        case name: String, pass: String, n: Int, h: Int, w: Int, c_in: Int, c_out: Int, f: Int, s: Int, p: Int,
        threads: Int, ms: Double, gflops: Double, simd_lanes: Int, kernels: String = KernelSet.current.rawValue,
        peak_gflops: Double? = nil
    ) {
        self.case = name
        self.pass = pass
        self.n = n
        self.h = h
        self.w = w
        self.c_in = c_in
        self.c_out = c_out
        self.f = f
        self.s = s
        self.p = p
        self.threads = threads
        self.ms = ms
        self.gflops = gflops
        self.simd_lanes = simd_lanes
        self.kernels = kernels
        self.peak_gflops = peak_gflops
    }
}

/// Times `Conv2D.forward` and `Conv2D.backward` on fixed shapes, to compare with other libraries
/// (onnxruntime, numpy) and to see what threads buy. Returns numbers; never prints.
public enum ConvBenchmark {
    /// The standard cases: b = 64, 32×32×3 → 6, f=5, p=0; c1 = 64, 28×28×1 → 8, f=5, p=2;
    /// c2 = 64, 14×14×8 → 16, f=5, p=2; d = 32, 32×32×16 → 32, f=3, p=1;
    /// "lecture" = 1, 6×6×3 → 10, f=3, p=0; all s=1.
    public static let standardCases: [ConvBenchCase] = [
        ConvBenchCase(name: "b", n: 64, h: 32, w: 32, cIn: 3, cOut: 6, f: 5, s: 1, p: 0),
        ConvBenchCase(name: "c1", n: 64, h: 28, w: 28, cIn: 1, cOut: 8, f: 5, s: 1, p: 2),
        ConvBenchCase(name: "c2", n: 64, h: 14, w: 14, cIn: 8, cOut: 16, f: 5, s: 1, p: 2),
        ConvBenchCase(name: "d", n: 32, h: 32, w: 32, cIn: 16, cOut: 32, f: 3, s: 1, p: 1),
        ConvBenchCase(name: "lecture", n: 1, h: 6, w: 6, cIn: 3, cOut: 10, f: 3, s: 1, p: 0),
    ]

    /// Each timed sample lasts at least this long: tiny cases repeat the pass inside one sample
    /// so clock resolution and call overhead do not dominate.
    static let minimumSampleNanoseconds: UInt64 = 2_000_000

    /// Times forward and backward of each case: a warm-up, then `repetitions` timed samples;
    /// `ms` is the median per pass. The passes write into tensors kept from call to call (the
    /// `into:` forms a training loop uses), so allocating the outputs is not timed. FLOPs = 2·m·n_H'·n_W'·n_c'·f·f·n_c for forward; backward
    /// counts twice that (dA and dW). Inputs are random with a fixed seed.
    /// - Throws: `TensorError` for an impossible case, or `ConvBenchmarkError` for
    ///   `repetitions < 1` (threads < 1 is the convolution's own `TensorError`).
    /// `peakGFLOPS`, when given, is kept in each result so it reports its share of the peak.
    public static func run(
        cases: [ConvBenchCase], threads: Int, repetitions: Int, peakGFLOPS: Double? = nil
    ) throws -> [ConvBenchResult] {
        guard repetitions >= 1 else { throw ConvBenchmarkError.invalidRepetitions(repetitions) }
        var results: [ConvBenchResult] = []
        for c in cases {
            var random = SeededGenerator(seed: 0x5EED_C0DE)
            let x = try Tensor.generated([c.n, c.h, c.w, c.cIn]) { 2 * random.nextUniform() - 1 }
            let weights = try Tensor.generated([c.f, c.f, c.cIn, c.cOut]) { 2 * random.nextUniform() - 1 }
            let bias = try Tensor.generated([1, 1, 1, c.cOut]) { 2 * random.nextUniform() - 1 }
            let z = try Conv2D.forward(x, weights: weights, bias: bias, stride: c.s, padding: c.p, threads: threads)
            let dZ = try Tensor.generated(z.shape) { 2 * random.nextUniform() - 1 }
            let flops = 2.0 * Double(z.count) * Double(c.f * c.f * c.cIn)

            // The into: forms, as a training loop calls them: outputs are reused, not reallocated.
            var out = z
            let forwardMs = try medianMilliseconds(repetitions: repetitions) { () throws(TensorError) in
                try Conv2D.forward(x, weights: weights, bias: bias, stride: c.s, padding: c.p, threads: threads, into: &out)
            }
            var dA = x, dW = weights, db = bias
            let backwardMs = try medianMilliseconds(repetitions: repetitions) { () throws(TensorError) in
                try Conv2D.backward(
                    dZ, input: x, weights: weights, stride: c.s, padding: c.p, threads: threads, dA: &dA, dW: &dW, db: &db)
            }
            results.append(result(c, pass: "forward", threads: threads, ms: forwardMs, flops: flops, peak: peakGFLOPS))
            results.append(result(c, pass: "backward", threads: threads, ms: backwardMs, flops: 2 * flops, peak: peakGFLOPS))
        }
        return results
    }

    private static func result(
        _ c: ConvBenchCase, pass: String, threads: Int, ms: Double, flops: Double, peak: Double?
    ) -> ConvBenchResult {
        ConvBenchResult(
            case: c.name, pass: pass, n: c.n, h: c.h, w: c.w, c_in: c.cIn, c_out: c.cOut, f: c.f, s: c.s, p: c.p,
            threads: threads, ms: ms, gflops: flops / (ms * 1e6),
            simd_lanes: KernelSet.current.lanes, kernels: KernelSet.current.rawValue, peak_gflops: peak)
    }

    /// Median milliseconds per call of `body` over `repetitions` samples. One untimed call
    /// warms caches and picks how many calls make a sample of at least `minimumSampleNanoseconds`.
    private static func medianMilliseconds(repetitions: Int, _ body: () throws(TensorError) -> Void) throws(TensorError) -> Double {
        let warmStart = DispatchTime.now().uptimeNanoseconds
        try body()
        let once = max(DispatchTime.now().uptimeNanoseconds - warmStart, 1)
        let callsPerSample = max(1, Int(minimumSampleNanoseconds / once))
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<callsPerSample { try body() }
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            samples.append(Double(elapsed) / 1e6 / Double(callsPerSample))
        }
        samples.sort()
        let mid = samples.count / 2
        return samples.count % 2 == 1 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2
    }
}

/// Why `ConvBenchmark.run` refused its arguments.
public enum ConvBenchmarkError: Error, Equatable, Sendable {
    case invalidRepetitions(Int)
}
