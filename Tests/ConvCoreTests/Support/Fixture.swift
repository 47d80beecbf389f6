import ConvCore
import Foundation

/// Golden values made by numpy (`scripts/fixtures/*.py`) and committed beside the tests.
///
/// File format (written by `scripts/fixtures/fixturelib.py`):
/// `{"cases": [{"name": "...", "params": {"stride": 1, ...}, "tensors": {"x": {"shape": [...], "data": [...]}}}]}`.
/// Float32 values are stored exactly (as float64 JSON numbers).
struct FixtureFile: Decodable {
    struct StoredTensor: Decodable {
        var shape: [Int]
        var data: [Double]
    }

    struct Case: Decodable {
        var name: String
        var params: [String: Double]
        var tensors: [String: StoredTensor]

        /// The tensor stored under `key`, or a test failure's worth of error.
        func tensor(_ key: String) throws -> Tensor {
            guard let t = tensors[key] else { throw FixtureError.missing(key, in: name) }
            return try Tensor(shape: t.shape, storage: t.data.map { Float($0) })
        }

        /// An integer hyper-parameter.
        func int(_ key: String) throws -> Int {
            guard let v = params[key] else { throw FixtureError.missing(key, in: name) }
            return Int(v)
        }

        /// A real hyper-parameter, stored as a float32 value (so the conversion is exact).
        func float(_ key: String) throws -> Float {
            guard let v = params[key] else { throw FixtureError.missing(key, in: name) }
            return Float(v)
        }
    }

    var cases: [Case]

    /// Loads `Tests/ConvCoreTests/Fixtures/<name>`.
    static func load(_ name: String) throws -> FixtureFile {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try JSONDecoder().decode(FixtureFile.self, from: Data(contentsOf: url))
    }
}

enum FixtureError: Error {
    case missing(String, in: String)
}

/// The largest absolute difference between two same-shaped tensors (∞ if shapes differ).
func maxAbsDifference(_ a: Tensor, _ b: Tensor) -> Float {
    guard a.shape == b.shape else { return .infinity }
    var m: Float = 0
    for i in 0..<a.count { m = max(m, abs(a.storage[i] - b.storage[i])) }
    return m
}

/// Relative error scaled by the magnitude of the reference: `max|a-b| / max(1, max|b|)`.
func relativeError(_ a: Tensor, reference b: Tensor) -> Float {
    let scale = max(1, b.storage.map { abs($0) }.max() ?? 0)
    return maxAbsDifference(a, b) / scale
}
