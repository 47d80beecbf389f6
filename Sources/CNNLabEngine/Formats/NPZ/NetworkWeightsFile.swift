import ConvCore

/// A network and its weights as one NumPy `.npz` (what `net save "m.npz"` writes and
/// `net load "m.npz"` reads), so that numpy, PyTorch or Keras code can use a model trained here
/// and cnnlab can run weights trained there.
///
/// The arrays, every one readable by `numpy.load` without `allow_pickle`:
/// - `W<l>` and `b<l>` (float32) for each layer l that has parameters, numbered as `summary`
///   numbers the layers (0 is the input), in the lecture's shapes: conv `W` f×f×n_c[l−1]×n_c[l]
///   and `b` 1×1×1×n_c[l]; fc and `softmax N` (a dense layer to N units, then softmax) `W`
///   n[l−1]×n[l] and `b` 1×n[l]. A dense layer after a volume reads it flattened in NHWC order
///   (numpy's `A.reshape(m, -1)`).
/// - `cnnlab_network`: the commands that build the network (`Session.networkScript`) as a
///   one-dimensional uint8 array of UTF-8 bytes: `d['cnnlab_network'].tobytes().decode()`.
/// - `cnnlab_classes` (when the session knows them from `train`): the class names, one per
///   line, stored the same way.
///
/// Reading accepts float32 and float64 (rounded to float32), C or Fortran order, STORED or
/// DEFLATE entries (`np.savez`, `np.savez_compressed`), and a bias given as a plain vector of n
/// (Keras's shape). Without `cnnlab_network` the weights are for the network already built.
/// Every array's presence, element type and shape is checked against the network before any
/// is used, and a `W<l>` or `b<l>` that fits no layer is an error (a numbering slip).
struct NetworkWeightsFile {
    static let networkKey = "cnnlab_network"
    static let classesKey = "cnnlab_classes"
    /// The most a text entry may unpack to (a network's commands take a few hundred bytes).
    static let textLimit = 1 << 20
    /// Room for a `.npy` header on top of an array's data, when bounding what an entry may unpack to.
    static let headerAllowance = 1 << 16

    /// The file's name as the user gave it, for messages.
    let path: String
    let range: SourceRange
    private let archive: NPZArchive
    /// The network's commands; nil when the file holds weights alone.
    let script: String?
    /// The class names, when the file has them.
    let classNames: [String]?

    /// Reads the archive's directory and its text entries.
    init(_ bytes: [UInt8], path: String, at range: SourceRange) throws(Diagnostic) {
        self.path = path
        self.range = range
        do {
            archive = try NPZArchive(bytes)
        } catch {
            throw Diagnostic(.modelFile(.archive(path: path, error)), at: range)
        }
        script = try Self.text(Self.networkKey, in: archive, path: path, at: range)
        classNames = try Self.text(Self.classesKey, in: archive, path: path, at: range).map { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The model of the network `reports` describe with the file's weights, every array checked.
    func model(for reports: [LayerReport], threads: Int) throws(Diagnostic) -> NetworkModel {
        try checkEveryLayerKeyFits(reports)
        if let names = classNames, let outputs = reports.last?.output.count, names.count != outputs {
            throw Diagnostic(.modelFile(.classCount(path: path, names: names.count, outputs: outputs)), at: range)
        }
        var parameters: [Int: NetworkModel.Parameters] = [:]
        for r in reports {
            guard let wShape = r.weightShape, let bShape = r.biasShape else { continue }
            let weights = try array(Self.weightKey(r.index), shape: wShape, layer: r)
            let bias = try array(Self.biasKey(r.index), shape: bShape, layer: r, vectorAllowed: true)
            parameters[r.index] = NetworkModel.Parameters(weights: weights, bias: bias)
        }
        do {
            return try NetworkModel(reports: reports, parameters: parameters, threads: threads)
        } catch {
            throw Diagnostic(.tensor(operation: "net load", error), at: range)
        }
    }

    /// The arrays of `model`, built by `script`, with `classNames` when known, as `.npy` files
    /// in the order they are stored (``NPZArchive/encode(_:)`` makes the `.npz`).
    static func arrays(script: String, model: NetworkModel, classNames: [String]?) -> [(key: String, npy: [UInt8])] {
        var arrays: [(key: String, npy: [UInt8])] = [(networkKey, NPYFormat.encode(bytes: Array(script.utf8)))]
        if let classNames {
            arrays.append((classesKey, NPYFormat.encode(bytes: Array(classNames.joined(separator: "\n").utf8))))
        }
        for (l, p) in model.parameters.sorted(by: { $0.key < $1.key }) {
            arrays.append((weightKey(l), NPYFormat.encode(p.weights)))
            arrays.append((biasKey(l), NPYFormat.encode(p.bias)))
        }
        return arrays
    }

    static func weightKey(_ layer: Int) -> String { "W\(layer)" }
    static func biasKey(_ layer: Int) -> String { "b\(layer)" }

    /// The layer a key such as `W3` or `b12` names, or nil for any other key.
    static func layerNumber(_ key: String) -> Int? {
        guard let first = key.first, first == "W" || first == "b", key.count > 1, key.dropFirst().allSatisfy(\.isASCII) else { return nil }
        return Int(key.dropFirst())
    }

    /// Every `W<l>` and `b<l>` names a layer that has weights.
    private func checkEveryLayerKeyFits(_ reports: [LayerReport]) throws(Diagnostic) {
        for key in archive.keys {
            guard let l = Self.layerNumber(key) else { continue }
            let report = reports.indices.contains(l) ? reports[l] : nil
            guard report?.weightShape == nil else { continue }
            throw Diagnostic(
                .modelFile(.unexpectedArray(path: path, key: key, layer: l, layerType: report?.typeName, layerCount: reports.count)), at: range)
        }
    }

    /// The array `key` as a float tensor of `shape` (a vector of the last dimension's length too,
    /// when `vectorAllowed`).
    private func array(_ key: String, shape: [Int], layer: LayerReport, vectorAllowed: Bool = false) throws(Diagnostic) -> Tensor {
        let limit = (Tensor.elementCount(shape) ?? 0) * 8 + Self.headerAllowance
        guard let npy = try Self.npy(key, in: archive, limit: limit, path: path, at: range) else {
            throw Diagnostic(.modelFile(.missingArray(path: path, key: key, layer: layer.index, command: layer.spec?.commandText ?? "")), at: range)
        }
        let origin = "\(path) (\(key))"
        let header: NPYHeader
        do {
            (header, _) = try NPYFormat.header(of: npy)
        } catch {
            throw error.diagnostic(path: origin, at: range)
        }
        guard let dtype = try? NPYDataType(descr: header.descr), dtype.kind == .float, dtype.size >= 4 else {
            throw Diagnostic(.modelFile(.wrongDataType(path: path, key: key, found: header.descr)), at: range)
        }
        guard header.shape == shape || (vectorAllowed && header.shape == [shape.last ?? 0]) else {
            throw Diagnostic(.modelFile(.wrongShape(path: path, key: key, expected: shape, found: header.shape)), at: range)
        }
        let tensor: Tensor
        do {
            tensor = try NPYFormat.decode(npy)
        } catch {
            throw error.diagnostic(path: origin, at: range)
        }
        do {
            return try tensor.reshaped(shape)
        } catch {
            throw Diagnostic(.modelFile(.wrongShape(path: path, key: key, expected: shape, found: tensor.shape)), at: range)
        }
    }

    /// The text stored as `key` (a one-dimensional uint8 array of UTF-8), nil when absent.
    private static func text(_ key: String, in archive: NPZArchive, path: String, at range: SourceRange) throws(Diagnostic) -> String? {
        guard let npy = try npy(key, in: archive, limit: textLimit + headerAllowance, path: path, at: range) else { return nil }
        let header: NPYHeader, start: Int
        do {
            (header, start) = try NPYFormat.header(of: npy)
        } catch {
            throw error.diagnostic(path: "\(path) (\(key))", at: range)
        }
        guard header.descr == "|u1" || header.descr == "<u1", header.shape == [npy.count - start],
              let text = String(validating: npy[start...], as: UTF8.self) else {
            throw Diagnostic(.modelFile(.badText(path: path, key: key)), at: range)
        }
        return text
    }

    /// The `.npy` bytes of `key`, nil when absent.
    private static func npy(_ key: String, in archive: NPZArchive, limit: Int, path: String, at range: SourceRange) throws(Diagnostic) -> [UInt8]? {
        do {
            return try archive.npy(key, limit: limit)
        } catch {
            throw Diagnostic(.modelFile(.archive(path: path, error)), at: range)
        }
    }
}
