import Foundation

/// Compares a bench run with an earlier one saved with `cnnlab bench --json > FILE`, so a
/// regression shows as a ratio below 1.
public enum BenchComparison {
    /// One figure of a run: GFLOP/s for conv cases, examples/s for training cases.
    public struct Figure: Sendable, Equatable {
        public var key: String
        public var value: Double
        public var unit: String

        public init(key: String, value: Double, unit: String) {
            self.key = key
            self.value = value
            self.unit = unit
        }
    }

    /// A current figure next to the saved one.
    public struct Row: Sendable, Equatable {
        public var key: String
        public var current: Double
        public var previous: Double?
        public var unit: String
        /// current / previous (higher is faster); nil when the saved run lacks this case.
        public var ratio: Double? { previous.map { $0 > 0 ? current / $0 : .nan } }
    }

    /// Why a saved run could not be read.
    public enum ReadError: Error, Equatable {
        case malformedLine(Int)
    }

    /// The figures of a `--json` bench output (one object per line; blank lines skipped).
    public static func figures(fromJSONLines text: String) throws(ReadError) -> [Figure] {
        var figures: [Figure] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let name = object["case"] as? String, let threads = object["threads"] as? Int
            else { throw .malformedLine(i + 1) }
            if let gflops = object["gflops"] as? Double, let pass = object["pass"] as? String {
                figures.append(Figure(key: "\(name) \(pass) t\(threads)", value: gflops, unit: "GFLOP/s"))
            } else if let rate = object["examples_per_s"] as? Double {
                figures.append(Figure(key: "\(name) t\(threads)", value: rate, unit: "examples/s"))
            } else if name == "redraw", let ms = object["ms"] as? Double {
                // Lower is better: stored as frames per second so ratios read like the others.
                figures.append(Figure(key: "redraw", value: ms > 0 ? 1000 / ms : 0, unit: "frames/s"))
            } else {
                throw .malformedLine(i + 1)
            }
        }
        return figures
    }

    /// Pairs every current figure with the saved figure of the same case, pass and threads.
    public static func compare(_ current: [Figure], with previous: [Figure]) -> [Row] {
        current.map { c in
            Row(key: c.key, current: c.value, previous: previous.first { $0.key == c.key }?.value, unit: c.unit)
        }
    }
}
