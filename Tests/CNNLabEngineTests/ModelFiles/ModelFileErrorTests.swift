import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// Damaged and mismatched `.npz` files, made here in a temporary folder: each is a located error
/// in both languages, and none changes the session.
@Suite struct ModelFileErrorTests {
    static let script = "input 4x4x1\nconv 2 f=3 s=1 p=0\nflatten\nsoftmax 3\n"

    static func zeros(_ shape: [Int]) -> [UInt8] {
        NPYFormat.encode((try? Tensor.zeros(shape)) ?? Tensor(scalar: 0))
    }

    /// A valid file for `script`.
    static let good: [(String, [UInt8])] = [
        ("cnnlab_network", NPYFormat.encode(bytes: Array(script.utf8))),
        ("W1", zeros([3, 3, 1, 2])), ("b1", zeros([1, 1, 1, 2])), ("W3", zeros([8, 3])), ("b3", zeros([1, 3])),
    ]

    /// `good` with the array `key` replaced by `npy` (removed when nil).
    func replacing(_ key: String, with npy: [UInt8]?) -> [(String, [UInt8])] {
        Self.good.compactMap { $0.0 == key ? npy.map { (key, $0) } : $0 }
    }

    /// The diagnostic of `net load` on `bytes`, written to a temporary file, in `session`.
    func loading(_ bytes: [UInt8], into session: Session = Session()) throws -> (Diagnostic?, path: String) {
        var result: (Diagnostic?, String) = (nil, "")
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.npz").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            result = (diagnostic("net load \"\(path)\"", in: session), path)
        }
        return result
    }

    func problem(_ arrays: [(String, [UInt8])]) throws -> (ModelFileProblem?, path: String) {
        let (d, path) = try loading(try npzFile(arrays))
        guard case .modelFile(let m)? = d?.problem else { return (nil, path) }
        return (m, path)
    }

    @Test func theGoodFileLoads() throws {
        let (d, _) = try loading(try npzFile(Self.good))
        #expect(d == nil)
    }

    @Test func aMissingArrayIsNamedWithItsLayer() throws {
        let (p, path) = try problem(replacing("W3", with: nil))
        #expect(p == .missingArray(path: path, key: "W3", layer: 3, command: "softmax 3"))
    }

    @Test func aWrongShapeIsNamedWithTheExpectedOne() throws {
        let (p, path) = try problem(replacing("W1", with: Self.zeros([3, 3, 2, 2])))
        let (q, qPath) = try problem(replacing("b3", with: Self.zeros([3, 1])))
        #expect(p == .wrongShape(path: path, key: "W1", expected: [3, 3, 1, 2], found: [3, 3, 2, 2]))
        #expect(q == .wrongShape(path: qPath, key: "b3", expected: [1, 3], found: [3, 1]))
    }

    @Test func aBiasMayBeAVector() throws {
        let (d, _) = try loading(try npzFile(replacing("b1", with: Self.zeros([2]))))
        #expect(d == nil)
    }

    @Test func onlyFloat32AndFloat64Load() throws {
        let doubles = npyFile(descr: "<f8", shape: [3, 3, 1, 2], data: [UInt8](repeating: 0, count: 18 * 8))
        let integers = npyFile(descr: "<i8", shape: [3, 3, 1, 2], data: [UInt8](repeating: 0, count: 18 * 8))
        let halves = npyFile(descr: "<f2", shape: [3, 3, 1, 2], data: [UInt8](repeating: 0, count: 18 * 2))
        let (d, _) = try loading(try npzFile(replacing("W1", with: doubles)))
        let (p, path) = try problem(replacing("W1", with: integers))
        let (q, qPath) = try problem(replacing("W1", with: halves))
        #expect(d == nil)
        #expect(p == .wrongDataType(path: path, key: "W1", found: "<i8"))
        #expect(q == .wrongDataType(path: qPath, key: "W1", found: "<f2"))
    }

    @Test func aWeightForALayerWithoutWeightsIsANumberingSlip() throws {
        let (p, path) = try problem(Self.good + [("W2", Self.zeros([8, 3]))])
        let (q, qPath) = try problem(Self.good + [("b9", Self.zeros([1, 3]))])
        #expect(p == .unexpectedArray(path: path, key: "W2", layer: 2, layerType: "flatten", layerCount: 4))
        #expect(q == .unexpectedArray(path: qPath, key: "b9", layer: 9, layerType: nil, layerCount: 4))
    }

    @Test func theCommandsMustBeUTF8Bytes() throws {
        let (p, path) = try problem(replacing("cnnlab_network", with: Self.zeros([4])))
        #expect(p == .badText(path: path, key: "cnnlab_network"))
    }

    /// The commands are checked as a network file's are: only `input` and layers.
    @Test func theCommandsMayOnlyBuildANetwork() throws {
        let sneaky = NPYFormat.encode(bytes: Array("input 4x4x1\nsave ones(2) \"/tmp/owned.npy\"\n".utf8))
        let (d, path) = try loading(try npzFile(replacing("cnnlab_network", with: sneaky)))
        #expect(d?.problem == .notANetworkFile("\(path) (cnnlab_network)", line: 2))
    }

    @Test func classNamesMustBeOnePerOutput() throws {
        let (p, path) = try problem(Self.good + [("cnnlab_classes", NPYFormat.encode(bytes: Array("cat\ndog".utf8)))])
        #expect(p == .classCount(path: path, names: 2, outputs: 3))
    }

    @Test func damagedArchivesAreNamedAsSuch() throws {
        let bytes = try npzFile(Self.good)
        let d = directoryOffset(bytes)
        let (cut, cutPath) = try loading(Array(bytes.dropLast(7)))
        let (badCRC, crcPath) = try loading(patched(bytes, at: d + 16, width: 4, to: 1234))
        let (bzip2, bzip2Path) = try loading(patched(bytes, at: d + 10, width: 2, to: 12))
        let (huge, hugePath) = try loading(patched(bytes, at: d + 20, width: 4, to: 0x7FFF_FFF0))
        #expect(cut?.problem == .modelFile(.archive(path: cutPath, .notAnArchive)))
        #expect(badCRC?.problem == .modelFile(.archive(path: crcPath, .checksumMismatch(entry: "cnnlab_network.npy"))))
        #expect(bzip2?.problem == .modelFile(.archive(path: bzip2Path, .unsupportedMethod(entry: "cnnlab_network.npy", method: 12))))
        #expect(huge?.problem == .modelFile(.archive(path: hugePath, .truncated(entry: "cnnlab_network.npy"))))
        let hint = bzip2?.hint(in: .en) ?? ""
        #expect(hint.contains("np.savez"))
    }

    /// A compressed entry that claims more than its layer's weights can take is refused before
    /// it is unpacked.
    @Test func aCompressedEntryCannotClaimMoreThanItsLayerNeeds() throws {
        let bytes = try fixtureBytes("npz/model_compressed.npz")
        let zip = try ZIPArchive(bytes)
        let index = try #require(zip.entries.firstIndex { $0.name == "W1.npy" })
        var record = directoryOffset(bytes)
        for _ in 0..<index {
            record += 46 + littleEndian(bytes, at: record + 28, width: 2) + littleEndian(bytes, at: record + 30, width: 2)
                + littleEndian(bytes, at: record + 32, width: 2)
        }
        let (d, path) = try loading(patched(bytes, at: record + 24, width: 4, to: 0x7FFF_FFF0))
        let limit = 36 * 8 + NetworkWeightsFile.headerAllowance
        #expect(d?.problem == .modelFile(.archive(path: path, .entryTooLarge(entry: "W1.npy", size: 0x7FFF_FFF0, limit: limit))))
    }

    @Test func aFailedLoadLeavesTheSessionAsItWas() throws {
        let session = Session()
        try run("input 8x8x1; flatten; softmax 2; seed 3; let X = randn(8,8,1)", in: session)
        let before = try run("predict X", in: session).last
        let (d, _) = try loading(try npzFile(replacing("W3", with: Self.zeros([8, 4]))), into: session)
        let after = try run("predict X", in: session).last
        #expect(d != nil && d?.range != nil)
        #expect(before == after)
        #expect(session.layers == [.flatten, .softmax(units: 2)])
    }

    @Test func everyProblemHasBothLanguages() {
        let problems: [ModelFileProblem] = [
            .archive(path: "m.npz", .notAnArchive), .archive(path: "m.npz", .truncated(entry: nil)),
            .archive(path: "m.npz", .truncated(entry: "W1.npy")), .archive(path: "m.npz", .corrupt(entry: nil)),
            .archive(path: "m.npz", .corrupt(entry: "W1.npy")), .archive(path: "m.npz", .unsupportedArchive),
            .archive(path: "m.npz", .encrypted(entry: "W1.npy")), .archive(path: "m.npz", .unsupportedMethod(entry: "W1.npy", method: 12)),
            .archive(path: "m.npz", .checksumMismatch(entry: "W1.npy")),
            .archive(path: "m.npz", .sizeMismatch(entry: "W1.npy", expected: 4, actual: 5)),
            .archive(path: "m.npz", .sizeMismatch(entry: "W1.npy", expected: 4, actual: 3)),
            .archive(path: "m.npz", .badCompressedData(entry: "W1.npy")),
            .archive(path: "m.npz", .entryTooLarge(entry: "W1.npy", size: 9, limit: 8)), .archive(path: "m.npz", .duplicateEntry("W1.npy")),
            .archive(path: "m.npz", .archiveTooLarge(size: 1 << 33)),
            .missingArray(path: "m.npz", key: "W1", layer: 1, command: "conv 2 f=3 s=1 p=0"),
            .wrongShape(path: "m.npz", key: "W1", expected: [3], found: [4]), .wrongDataType(path: "m.npz", key: "W1", found: "<i8"),
            .unexpectedArray(path: "m.npz", key: "W2", layer: 2, layerType: "relu", layerCount: 4),
            .unexpectedArray(path: "m.npz", key: "W9", layer: 9, layerType: nil, layerCount: 4),
            .badText(path: "m.npz", key: "cnnlab_network"), .noNetwork(path: "m.npz"), .classCount(path: "m.npz", names: 2, outputs: 3),
        ]
        for p in problems {
            let english = p.message(in: .en)
            let portuguese = p.message(in: .ptBR)
            #expect(english != portuguese, "\(p)")
            #expect(english.hasPrefix("m.npz"), "\(p)")
        }
    }
}
