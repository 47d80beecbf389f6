import CNNLabEngine
import ConvCore

/// One 2-D slice of a tensor, `rows × cols` in row-major order: what both renderers draw.
struct Plane: Equatable, Sendable {
    let rows: Int
    let cols: Int
    let values: [Float]

    /// The element at row `r`, column `c` (both in range).
    subscript(r: Int, c: Int) -> Float {
        values[r * cols + c]
    }
}

/// How a tensor of any rank is cut into 2-D planes, following the lecture's NHWC layout.
///
/// Rank 0 is one 1×1 plane, rank 1 one row, rank 2 itself. From rank 3 on, the last three
/// dimensions are `n_H × n_W × n_c` and each plane is one channel of one leading index:
/// `B[:,:,k]` for rank 3, `B[i,:,:,k]` for rank 4, channel varying fastest.
struct PlaneSlicing: Sendable {
    let shape: [Int]
    let name: String?

    init(_ tensor: Tensor, name: String?) {
        self.shape = tensor.shape
        self.name = name
    }

    /// Rows and columns of every plane.
    var planeSize: (rows: Int, cols: Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (1, shape[0])
        case 2: return (shape[0], shape[1])
        default: return (shape[shape.count - 3], shape[shape.count - 2])
        }
    }

    /// Channels per leading index (1 below rank 3).
    var channels: Int { shape.count >= 3 ? shape[shape.count - 1] : 1 }

    /// How many planes the tensor has.
    var count: Int {
        shape.count >= 3 ? shape.dropLast(3).reduce(channels, *) : 1
    }

    /// Whether planes are channels (rank ≥ 3) rather than the whole tensor.
    var isChanneled: Bool { shape.count >= 3 }

    /// Plane number `index` (`0 ..< count`) of `tensor`, whose storage must match `shape`.
    func plane(_ index: Int, of tensor: Tensor) -> Plane {
        let (rows, cols) = planeSize
        guard isChanneled else { return Plane(rows: rows, cols: cols, values: tensor.storage) }
        let channel = index % channels
        let base = (index / channels) * rows * cols * channels + channel
        let values = (0..<rows * cols).map { tensor.storage[base + $0 * channels] }
        return Plane(rows: rows, cols: cols, values: values)
    }

    /// The numpy-style label of plane `index`: `B[:,:,0]`, `B[1,:,:,2]`, or `[:,:,0]` unnamed;
    /// below rank 3 just the name.
    func label(_ index: Int) -> String {
        guard isChanneled else { return name ?? "" }
        var leading: [String] = []
        var rest = index / channels
        for extent in shape.dropLast(3).reversed() {
            leading.insert(String(rest % extent), at: 0)
            rest /= extent
        }
        let parts = leading + [":", ":", String(index % channels)]
        return (name ?? "") + "[" + parts.joined(separator: ",") + "]"
    }

    /// The shape written the way the slides do: `4×4×10`, or `scalar`.
    func shapeText(in language: Language) -> String {
        TensorText.shape(shape, in: language)
    }

    /// Why `tensor` cannot be drawn, if its storage does not match its shape (the storage is
    /// publicly mutable, so this can happen), else `nil`.
    static func problem(with tensor: Tensor, in language: Language) -> String? {
        let expected = Tensor.elementCount(tensor.shape)
        guard expected != tensor.storage.count else { return nil }
        return TensorText.malformed(shape: tensor.shape, expected: expected, storage: tensor.storage.count, in: language)
    }
}
