import ArgumentParser
import CNNLabEngine
import CNNLabTerminal

/// `cnnlab bench`: times conv forward and backward on the standard cases.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time conv forward and backward (use a release build: swift build -c release).")

    @Option(help: "Threads to use.")
    var threads: Int = 1

    @Option(help: "Timed repetitions per case (the median is reported).")
    var repetitions: Int = 7

    @Option(help: "Only these cases (comma-separated names, e.g. b,c1).")
    var cases: String?

    @Flag(help: "Print one JSON object per case and pass.")
    var json = false

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
        guard (1...1000).contains(repetitions) else { throw ValidationError("--repetitions must be between 1 and 1000") }
    }

    func run() throws {
        var selected = ConvBenchmark.standardCases
        if let cases {
            let names = cases.split(separator: ",").map(String.init)
            selected = selected.filter { names.contains($0.name) }
            guard !selected.isEmpty else {
                throw ValidationError("no such case; cases: " + ConvBenchmark.standardCases.map(\.name).joined(separator: ", "))
            }
        }
        let results = try ConvBenchmark.run(cases: selected, threads: threads, repetitions: repetitions)
        print(json ? BenchRenderer.json(results) : BenchRenderer.table(results), terminator: "")
    }
}
