/// NumPy's `.npz`: a ZIP archive holding one `.npy` file per array, named `KEY.npy`, as
/// `np.savez` writes it and `numpy.load` reads it (its `files` are the keys).
struct NPZArchive {
    private let zip: ZIPArchive

    /// Reads the archive's directory (nothing is unpacked yet).
    init(_ bytes: [UInt8]) throws(ZIPError) {
        zip = try ZIPArchive(bytes)
    }

    /// The arrays' names, in the archive's order (entry names without `.npy`, as numpy's).
    var keys: [String] {
        zip.entries.map { $0.name.hasSuffix(".npy") ? String($0.name.dropLast(4)) : $0.name }
    }

    /// The `.npy` file of `key`, or nil when the archive has none. A compressed entry may unpack
    /// to at most `limit` bytes.
    func npy(_ key: String, limit: Int) throws(ZIPError) -> [UInt8]? {
        guard let entry = zip.entry(named: key + ".npy") ?? zip.entry(named: key) else { return nil }
        return try zip.contents(of: entry, limit: limit)
    }

    /// An archive of `arrays`, each an encoded `.npy` file stored (uncompressed) as `KEY.npy`,
    /// in the order given, as `np.savez` writes.
    static func encode(_ arrays: [(key: String, npy: [UInt8])]) throws(ZIPError) -> [UInt8] {
        var writer = ZIPWriter()
        for array in arrays { writer.add(array.key + ".npy", array.npy) }
        return try writer.finished()
    }
}
