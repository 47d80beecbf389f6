import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// `.npy` files written by numpy (scripts/fixtures/make_npy_fixtures.py) and malformed ones.
@Suite struct NPYFormatTests {
    private func decodeFixture(_ name: String) throws -> Tensor {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("npy/\(name).npy")))
        return try NPYFormat.decode([UInt8](data))
    }

    private func arange(_ shape: [Int], scale: Float) -> [Float] {
        (0..<shape.reduce(1, *)).map { Float($0) * scale }
    }

    @Test(arguments: [
        ("f4_2x3", [2, 3], Float(0.5)), ("f8_2x5x7x4", [2, 5, 7, 4], 0.25), ("i8_3x4", [3, 4], 1),
        ("i2_neg_4", [4], -3), ("u1_4x4", [4, 4], 1), ("f4_fortran_3x4x2", [3, 4, 2], 1),
        ("f4_big_endian_2x2", [2, 2], 1.5), ("f2_2x2", [2, 2], 0.5),
    ])
    func readsWhatNumpyWrote(name: String, shape: [Int], scale: Float) throws {
        let t = try decodeFixture(name)
        #expect(t.shape == shape)
        #expect(t.storage == arange(shape, scale: scale))
    }

    @Test func readsScalarsAndBooleans() throws {
        #expect(try decodeFixture("f4_scalar") == Tensor(scalar: 0))
        #expect(try decodeFixture("bool_2x2").storage == [0, 1, 0, 1])
    }

    @Test func roundTripsThroughTheEncoder() throws {
        let t = try Tensor(shape: [2, 1, 3], storage: [1.5, -2, 0, 3.25, .pi, -0.0])
        let bytes = NPYFormat.encode(t)
        #expect((bytes.count - t.count * 4) % 64 == 0)
        #expect(try NPYFormat.decode(bytes) == t)
    }

    @Test func truncatedDataIsAnError() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("npy/f8_2x5x7x4.npy")))
        let bytes = [UInt8](data).dropLast(9)
        #expect(throws: NPYFormat.DecodeError.self) { try NPYFormat.decode(Array(bytes)) }
    }

    @Test func everyPrefixOfAValidFileFailsCleanly() throws {
        let bytes = NPYFormat.encode(try Tensor(shape: [3, 2], storage: [1, 2, 3, 4, 5, 6]))
        for n in 0..<bytes.count {
            #expect(throws: NPYFormat.DecodeError.self) { try NPYFormat.decode(Array(bytes.prefix(n))) }
        }
    }

    @Test func badHeadersAreErrors() {
        func file(_ header: String) -> [UInt8] {
            let h = Array(header.utf8)
            return NPYFormat.magic + [1, 0, UInt8(h.count & 0xFF), UInt8(h.count >> 8)] + h + [UInt8](repeating: 0, count: 64)
        }
        #expect(throws: NPYFormat.DecodeError.unsupported("dtype '<c8' (cnnlab reads float16/32/64, integers and booleans)")) {
            try NPYFormat.decode(file("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }"))
        }
        #expect(throws: NPYFormat.DecodeError.self) { try NPYFormat.decode(file("{'descr': '<f4', 'shape': (2,), }")) }
        #expect(throws: NPYFormat.DecodeError.self) { try NPYFormat.decode(file("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999, 99999999999), }")) }
        #expect(throws: NPYFormat.DecodeError.self) { try NPYFormat.decode(file("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 3), }")) }
        #expect(throws: NPYFormat.DecodeError.self) { try NPYFormat.decode(Array("not numpy at all".utf8)) }
    }

    @Test func loadAndSaveThroughTheLanguage() throws {
        try withTemporaryDirectory { dir in
            let session = Session(workingDirectory: dir.path)
            try run("let A = [[1, 2], [3, 4.5]]; save A \"a.npy\"; load B \"a.npy\"", in: session)
            #expect(session.variables["B"] == session.variables["A"])
            #expect(diagnostic("load C \"missing.npy\"", in: session)?.problem == .fileNotFound("missing.npy"))
            try Data("garbage".utf8).write(to: dir.appendingPathComponent("bad.npy"))
            if case .npyMalformed("bad.npy", _)? = diagnostic("load C \"bad.npy\"", in: session)?.problem {
            } else {
                Issue.record("a garbage file must be reported as malformed")
            }
            #expect(diagnostic("save A \"no/such/dir/a.npy\"", in: session) != nil)
        }
    }
}
