import ConvCore
import Testing

/// The FMA peak probe `cnnlab bench` divides by: a positive, finite rate (its size is a
/// measurement, reported by the bench, never asserted).
@Suite struct FMAPeakTests {
    @Test(arguments: KernelSet.supported)
    func theProbeMeasuresAPositiveFiniteRate(set: KernelSet) throws {
        let rate = try KernelSet.run(on: set) { FMAPeak.measure(milliseconds: 1, samples: 2) }
        #expect(rate.isFinite && rate > 0)
    }
}
