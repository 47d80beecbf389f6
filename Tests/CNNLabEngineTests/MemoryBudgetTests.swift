import CNNLabEngine
import ConvCore
import Foundation
import Testing

/// The session's memory budget (issue 14): an operation whose result would take the session's
/// tensors past ``Session/memoryLimit`` is refused before it runs, saying how much it needs and
/// what holds the memory, and the session goes on as it was.
@Suite struct MemoryBudgetTests {
    /// A session that may hold 40 MiB: two 16 MiB tensors (2048×2048 floats) fit, three do not.
    func session() -> Session {
        let s = Session()
        s.memoryLimit = 40 << 20
        return s
    }

    @Test func aLetPastTheLimitIsRefusedAndTheSessionKeepsItsVariables() throws {
        let s = session()
        try run("let A = zeros(2048, 2048); let B = A + 1", in: s)
        let d = diagnostic("let C = B + 1", in: s)
        guard case .outOfMemory(let operation, let needed, let inUse, let limit, let biggest)? = d?.problem else {
            Issue.record("\(String(describing: d?.problem))")
            return
        }
        #expect(operation == "+")
        #expect(needed == 16 << 20)
        #expect(inUse == 32 << 20)
        #expect(limit == 40 << 20)
        let names = biggest.map(\.name)
        #expect(names == ["A", "B"])
        #expect(d?.range != nil)
        let kept = s.variables.keys.sorted()
        #expect(kept == ["A", "B"])
        // Freeing a variable makes room again.
        try run("let A = 0; let C = B + 1", in: s)
        #expect(s.variables["C"]?.count == 2048 * 2048)
    }

    @Test func nineLargeLetsAreRefusedOneByOneInsteadOfAborting() {
        let s = session()
        var refused = 0
        for i in 1...9 {
            let source = i == 1 ? "let X1 = ones(2048, 2048)" : "let X\(i) = X1 + \(i)"
            if case .outOfMemory? = diagnostic(source, in: s)?.problem { refused += 1 }
        }
        #expect(refused == 7)
        let inUse = s.memoryInUse
        #expect(inUse <= s.memoryLimit)
    }

    @Test(arguments: [
        "zeros(4096, 4096)", "randn(2048, 2048)", "ones(2048, 2048) · ones(2048, 2048) · ones(2048, 2048)", "relu(relu(ones(2500, 2500)))",
        "conv(ones(2048, 2048), ones(3, 3), p=1)", "zero_pad(ones(2048, 2048), 1000)", "range(20000000)", "maxpool(ones(2048, 2900), 1)",
    ])
    func anOperationTooLargeForTheBudgetIsRefusedBeforeItRuns(_ expression: String) {
        let d = diagnostic("show " + expression, in: session())
        guard case .outOfMemory? = d?.problem else {
            Issue.record("\(expression): \(String(describing: d?.problem))")
            return
        }
    }

    @Test func temporariesFreedAlongAChainDoNotCount() throws {
        // A + 1 + 1 + 1 holds at most two 16 MiB tensors at a time (plus A's own): 32 MiB new.
        let s = session()
        s.memoryLimit = 50 << 20
        try run("let A = zeros(2048, 2048); shape A + 1 + 1 + 1", in: s)
    }

    @Test func forwardChecksItsActivationsAgainstTheBudget() throws {
        let s = session()
        try run("input 1024x1024x1; conv 8 f=3 p=same", in: s)
        let d = diagnostic("forward ones(1024, 1024)", in: s)
        guard case .outOfMemory(let operation, _, _, _, _)? = d?.problem else {
            Issue.record("\(String(describing: d?.problem))")
            return
        }
        #expect(operation == "forward")
    }

    @Test func loadingAFileLargerThanTheRoomLeftIsRefused() throws {
        try withTemporaryDirectory { dir in
            let s = Session(workingDirectory: dir.path)
            try run("save zeros(2048, 2048) \"big.npy\"", in: s)
            s.memoryLimit = 8 << 20
            let d = diagnostic("load A \"big.npy\"", in: s)
            #expect(d != nil)
            #expect(s.variables["A"] == nil)
        }
    }

    @Test func varsCarriesEachVariablesSize() throws {
        let results = try run("let A = zeros(1024, 256); let b = 3; vars")
        guard case .variables(let vars)? = results.last else { Issue.record("no vars"); return }
        let sizes = vars.map(\.bytes)
        #expect(sizes == [1 << 20, 4])
    }

    @Test(arguments: [
        ("512M", 512 << 20), ("2G", 2 << 30), ("2g", 2 << 30), ("1.5G", 3 << 29), ("64KiB", 64 << 10), ("3MB", 3 << 20),
        ("4096", 4096), (" 1T ", 1 << 40),
    ])
    func memorySizesAreReadAsPowersOf1024(_ text: String, _ bytes: Int) {
        let size = MemorySize(parsing: text)
        #expect(size?.bytes == bytes)
    }

    @Test(arguments: ["", "G", "-1G", "0", "1.2.3M", "12X", "9999999999T", "1e3M", "nan"])
    func whatIsNotASizeIsRefused(_ text: String) {
        let size = MemorySize(parsing: text)
        #expect(size == nil)
    }

    @Test func sizesAreShownInTheUnitsTheyAreGivenIn() {
        let shown = [MemorySize(bytes: 512 << 20), MemorySize(bytes: 3 << 29), MemorySize(bytes: 900), MemorySize(bytes: 16 << 20)].map(\.description)
        #expect(shown == ["512 MiB", "1.50 GiB", "900 B", "16.0 MiB"])
        let portuguese = MemorySize(bytes: 3 << 29).text(in: .ptBR)
        #expect(portuguese == "1,50 GiB")
    }

    @Test func theDefaultLimitIsHalfThePhysicalMemory() {
        let physical = PhysicalMemory.bytes
        #expect(physical != nil)
        let limit = Session().memoryLimit
        #expect(limit == (physical ?? 0) / 2)
    }
}
