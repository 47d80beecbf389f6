import ConvCore

/// The course assignment's helper functions, with its argument order and semantics, so a
/// student can check each step of the numpy notebook: `zero_pad`, `conv_single_step`,
/// `create_mask_from_window`, `distribute_value`.
///
/// Sums are taken in Double and rounded once to Float32, so results agree with the
/// notebook's float64 values to Float32 precision.
extension Session {
    /// `zero_pad(X, pad)`: `np.pad(X, ((0,0), (pad,pad), (pad,pad), (0,0)))`, zeros around
    /// n_H and n_W only. X is m×n_H×n_W×n_C; n_H×n_W×n_C and n_H×n_W are one example, and
    /// the result keeps X's rank.
    func zeroPad(_ a: CallArguments) throws(Diagnostic) -> Tensor {
        let x = try argumentTensor(a, "X")
        let pad = try argumentInteger(a, "pad", default: 0)
        let op = a.function
        guard pad >= 0 else {
            throw Diagnostic(
                .tensor(operation: op, .invalidParameter(operation: op, name: "pad", value: pad, reason: "cannot be negative")),
                at: argumentRange(a, "pad"))
        }
        // (images, n_H, n_W, channels) of X seen as a batch.
        let m: Int, h: Int, w: Int, c: Int
        switch x.rank {
        case 4: (m, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        case 3: (m, h, w, c) = (1, x.shape[0], x.shape[1], x.shape[2])
        case 2: (m, h, w, c) = (1, x.shape[0], x.shape[1], 1)
        default:
            throw Diagnostic(
                .tensor(operation: op, .rankMismatch(operation: op, expected: "m×n_H×n_W×n_C (or n_H×n_W×n_C, or n_H×n_W)", got: x.shape)),
                at: argumentRange(a, "X"))
        }
        // pad ≤ 2⁵³ (a whole-number argument) and every size ≤ 2²⁸, so these sums cannot overflow;
        // the element count is checked against the tensor limit before anything is allocated.
        let ph = h + 2 * pad, pw = w + 2 * pad
        let shape: [Int]
        switch x.rank {
        case 4: shape = [m, ph, pw, c]
        case 3: shape = [ph, pw, c]
        default: shape = [ph, pw]
        }
        if let count = Tensor.elementCount(shape), count <= Tensor.maxElementCount {
            try reserve(elements: count, for: op, at: a.range)
        }
        var out: [Float]
        do {
            out = [Float](repeating: 0, count: try Tensor.checkedCount(shape))
        } catch {
            throw Diagnostic(.tensor(operation: op, error), at: argumentRange(a, "pad"))
        }
        let row = w * c
        for image in 0..<m {
            for y in 0..<h {
                let from = ((image * h + y) * w) * c
                let to = ((image * ph + y + pad) * pw + pad) * c
                out.replaceSubrange(to..<(to + row), with: x.storage[from..<(from + row)])
            }
        }
        do {
            return try Tensor(shape: shape, storage: out)
        } catch {
            throw Diagnostic(.tensor(operation: op, error), at: a.range)
        }
    }

    /// `conv_single_step(a_slice_prev, W, b)`: `np.sum(a_slice_prev * W) + float(b)`, one
    /// window f×f×n_C_prev against one filter of the same shape; b holds one number (1×1×1).
    /// The result is a number (a rank-0 tensor).
    func convSingleStep(_ a: CallArguments) throws(Diagnostic) -> Tensor {
        let op = a.function
        let slice = try argumentTensor(a, "a_slice_prev")
        let w = try argumentTensor(a, "W")
        let b = try argumentTensor(a, "b")
        guard slice.rank == 2 || slice.rank == 3 else {
            throw Diagnostic(
                .tensor(operation: op, .rankMismatch(operation: op, expected: "a window f×f×n_C_prev (or f×f)", got: slice.shape)),
                at: argumentRange(a, "a_slice_prev"))
        }
        guard w.shape == slice.shape else {
            throw Diagnostic(.tensor(operation: op, .shapeMismatch(operation: op, lhs: slice.shape, rhs: w.shape)), at: argumentRange(a, "W"))
        }
        guard b.count == 1 else {
            throw Diagnostic(.tensor(operation: op, .shapeMismatch(operation: op, lhs: b.shape, rhs: [1, 1, 1])), at: argumentRange(a, "b"))
        }
        var z = 0.0
        for i in 0..<slice.count { z += Double(slice.storage[i]) * Double(w.storage[i]) }
        return Tensor(scalar: Float(z + Double(b.storage[0])))
    }

    /// `create_mask_from_window(x)`: `x == np.max(x)` as 1 and 0, same shape as x (the
    /// assignment's x is f×f). Ties give several ones; a NaN in x makes the maximum NaN and
    /// the mask all zeros, as in numpy.
    func createMask(_ a: CallArguments) throws(Diagnostic) -> Tensor {
        let x = try argumentTensor(a, "x")
        var largest = -Float.infinity
        for v in x.storage {
            if v.isNaN {
                largest = .nan
                break
            }
            largest = Swift.max(largest, v)
        }
        try reserve(elements: x.count, for: a.function, at: a.range)
        return x.map { $0 == largest ? 1 : 0 }
    }

    /// `distribute_value(dz, shape)`: an n_H×n_W matrix filled with dz/(n_H·n_W). The shape is
    /// a list `[n_H, n_W]` (the notebook's tuple `(n_H, n_W)`), or two sizes: `distribute_value(dz, n_H, n_W)`.
    func distributeValue(_ a: CallArguments) throws(Diagnostic) -> Tensor {
        let op = a.function
        let dz = try argumentTensor(a, "dz")
        guard dz.count == 1 else {
            throw Diagnostic(.tensor(operation: op, .rankMismatch(operation: op, expected: "a number dz", got: dz.shape)), at: argumentRange(a, "dz"))
        }
        let sizes: [(value: Int, name: String, range: SourceRange)]
        if let nW = a["n_W"], let nH = a["shape"] {
            sizes = [
                (try integerValue(nH.value, name: "n_H"), "n_H", nH.range),
                (try integerValue(nW.value, name: "n_W"), "n_W", nW.range),
            ]
        } else {
            guard let arg = a["shape"] else {
                throw Diagnostic(.argumentCount(function: op, expected: "2–3", got: 1), at: a.range)
            }
            let s = try evaluateTensor(arg.value)
            guard s.rank == 1, s.count == 2 else {
                throw Diagnostic(
                    .tensor(operation: op, .rankMismatch(operation: op, expected: "a shape [n_H, n_W] (or two sizes n_H, n_W)", got: s.shape)),
                    at: arg.range)
            }
            var found: [(value: Int, name: String, range: SourceRange)] = []
            for (v, name) in zip(s.storage, ["n_H", "n_W"]) {
                found.append((try wholeNumber(v, name: name, at: arg.range), name, arg.range))
            }
            sizes = found
        }
        for size in sizes where size.value < 1 {
            throw Diagnostic(
                .tensor(operation: op, .invalidParameter(operation: op, name: size.name, value: size.value, reason: "must be at least 1")),
                at: size.range)
        }
        let shape = sizes.map(\.value)
        if let count = Tensor.elementCount(shape), count <= Tensor.maxElementCount {
            try reserve(elements: count, for: op, at: a.range)
        }
        do {
            // Both sizes are now ≥ 1 and their product within the tensor limit.
            let count = try Tensor.checkedCount(shape)
            return try Tensor(shape: shape, repeating: Float(Double(dz.storage[0]) / Double(count)))
        } catch {
            throw Diagnostic(.tensor(operation: op, error), at: sizes[0].range.merged(with: sizes[1].range))
        }
    }

    /// Where the argument bound to `name` was written, or the whole call if it was not.
    func argumentRange(_ a: CallArguments, _ name: String) -> SourceRange {
        a[name]?.range ?? a.range
    }
}
