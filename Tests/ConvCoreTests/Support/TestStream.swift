/// A small linear congruential stream of floats in [-1, 1), fixed by its seed so a failing test
/// reproduces; the kernel and gradient tests draw their inputs from it.
struct TestStream {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> Float {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(state >> 40) / Float(1 << 23) - 1
    }
}
