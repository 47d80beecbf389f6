import Testing
@testable import ConvCore

/// Choosing the kernel set: what this CPU runs, refusing one it cannot, and scoping a set to
/// one piece of work.
struct KernelSetTests {
    /// The portable set runs everywhere and comes last; a set with wider vectors comes first.
    @Test func supportedIsFastestFirstAndEndsPortable() {
        #expect(KernelSet.supported.last == .portable)
        #expect(KernelSet.supported.first == KernelSet.fastest)
        let order = KernelSet.supported.compactMap { KernelSet.allCases.firstIndex(of: $0) }
        #expect(order == order.sorted())
        if KernelSet.supported.contains(.simd16) { #expect(KernelSet.supported.contains(.simd8)) }
    }

    /// A set this CPU lacks is refused with what it runs instead (on this machine every set may
    /// run: then the qemu-user test, `scripts/tests/check_other_cpu.sh`, covers the refusal).
    @Test(arguments: KernelSet.allCases)
    func selectingASetTheCPULacksThrows(_ set: KernelSet) throws {
        if KernelSet.supported.contains(set) {
            let inside = try KernelSet.run(on: set) { KernelSet.current }
            #expect(inside == set)
        } else {
            #expect(throws: KernelSetError(requested: set, supported: KernelSet.supported)) {
                try KernelSet.select(set)
            }
            #expect(throws: KernelSetError.self) { try KernelSet.run(on: set) { 0 } }
        }
    }

    /// `run(on:)` scopes the set to its body: the process's set is back afterwards.
    @Test func runOnScopesTheSet() throws {
        let before = KernelSet.current
        for set in KernelSet.supported {
            let (inside, lanes) = try KernelSet.run(on: set) { (KernelSet.current, KernelSet.current.lanes) }
            #expect(inside == set)
            #expect(lanes == (set == .simd16 ? 16 : 8))
        }
        #expect(KernelSet.current == before)
    }

    /// Every set computes the same convolution (to rounding: the portable set rounds each
    /// product before adding it).
    @Test func everySetComputesTheSameConvolution() throws {
        var r = TestStream(seed: 5)
        let x = try Tensor.generated([2, 9, 9, 3]) { r.next() }
        let w = try Tensor.generated([3, 3, 3, 10]) { r.next() }
        let reference = try KernelSet.run(on: .portable) { () throws in try Conv2D.forward(x, weights: w, bias: nil, stride: 1, padding: 1) }
        for set in KernelSet.supported {
            let z = try KernelSet.run(on: set) { () throws in try Conv2D.forward(x, weights: w, bias: nil, stride: 1, padding: 1) }
            #expect(relativeError(z, reference: reference) < 1e-5, "\(set)")
        }
    }
}
