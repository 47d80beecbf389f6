import ConvCore

/// One layer as the user wrote it, before shapes are known.
public enum LayerSpec: Sendable, Equatable {
    /// `conv N f=F s=S p=P`: N filters of size F×F×n_c[l−1].
    case conv(filters: Int, f: Int, s: Int, p: Padding)
    /// `pool max|avg f=F s=S`: no parameters, no padding.
    case pool(PoolKind, f: Int, s: Int)
    /// `relu`, `sigmoid`, `tanh`: element-wise, shape unchanged.
    case activation(Activation)
    /// `flatten`: n_H×n_W×n_c → a vector.
    case flatten
    /// `fc N`: fully connected to N units (flattens a spatial input first).
    case fc(units: Int)
    /// `softmax N`: a fully connected layer to N classes followed by softmax.
    /// `softmax` alone normalises the current vector and has no parameters.
    case softmax(units: Int?)

    /// Padding as written: a number or `same`.
    public enum Padding: Sendable, Equatable {
        case explicit(Int)
        case same
    }

    /// The short name used in tables and JSON (`conv`, `pool`, `relu`, ...).
    public var typeName: String {
        switch self {
        case .conv: return "conv"
        case .pool: return "pool"
        case .activation(let a): return a.rawValue
        case .flatten: return "flatten"
        case .fc: return "fc"
        case .softmax: return "softmax"
        }
    }

    /// The layer as a command, e.g. `conv 10 f=3 s=1 p=0` (what `net save` writes).
    public var commandText: String {
        switch self {
        case .conv(let n, let f, let s, let p):
            let pt: String
            switch p {
            case .explicit(let v): pt = String(v)
            case .same: pt = "same"
            }
            return "conv \(n) f=\(f) s=\(s) p=\(pt)"
        case .pool(let k, let f, let s): return "pool \(k == .max ? "max" : "avg") f=\(f) s=\(s)"
        case .activation(let a): return a.rawValue
        case .flatten: return "flatten"
        case .fc(let n): return "fc \(n)"
        case .softmax(let n?): return "softmax \(n)"
        case .softmax(nil): return "softmax"
        }
    }
}
