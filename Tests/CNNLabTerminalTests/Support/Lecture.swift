import ConvCore

/// The lecture's tensors, built the way the slides state them.
enum Lecture {
    /// The vertical-edge result: the 6×6 image `10 10 10 0 0 0` convolved with
    /// `[[1,0,-1],[1,0,-1],[1,0,-1]]`, rows `0 30 30 0`.
    static func edgeOutput() throws -> Tensor {
        try Tensor(shape: [4, 4], storage: (0..<4).flatMap { _ in [0, 30, 30, 0] as [Float] })
    }

    /// The 6×6 input of the vertical-edge example.
    static func edgeImage() throws -> Tensor {
        try Tensor(shape: [6, 6], storage: (0..<6).flatMap { _ in [10, 10, 10, 0, 0, 0] as [Float] })
    }

    /// Average pool f=2 s=2 of `[[1,3,2,1],[2,9,1,1],[1,4,2,3],[5,6,1,2]]`.
    static func averagePool() throws -> Tensor {
        try Tensor(shape: [2, 2], storage: [3.75, 1.25, 4, 2])
    }

    /// A 2-D tensor whose element (r, c) is `value(r, c)`.
    static func matrix(_ rows: Int, _ cols: Int, _ value: (Int, Int) -> Float) throws -> Tensor {
        try Tensor(shape: [rows, cols], storage: (0..<rows).flatMap { r in (0..<cols).map { c in value(r, c) } })
    }

    /// A rank-3 NHWC tensor `rows × cols × channels` whose element (r, c, k) is `value(r, c, k)`.
    static func channels(_ rows: Int, _ cols: Int, _ count: Int, _ value: (Int, Int, Int) -> Float) throws -> Tensor {
        var storage: [Float] = []
        for r in 0..<rows { for c in 0..<cols { for k in 0..<count { storage.append(value(r, c, k)) } } }
        return try Tensor(shape: [rows, cols, count], storage: storage)
    }
}
