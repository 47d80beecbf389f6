"""A cnnlab network's forward pass in numpy, from its commands (what `layers` and a .npz's
cnnlab_network list) and its weights W<l>, b<l>: NHWC, cross-correlation, W f×f×n_c[l−1]×n_c[l]
for conv and n[l−1]×n[l] for fc and softmax N, a volume flattened as A.reshape(m, -1). Computed
in float64. Used by check_npz_predict.py and scripts/fixtures/make_npz_fixtures.py.
"""
import numpy as np


def windows(a, f, s):
    """Every f×f window of the NHWC batch a at stride s, as (i, j, window over all examples)."""
    for i in range((a.shape[1] - f) // s + 1):
        for j in range((a.shape[2] - f) // s + 1):
            yield i, j, a[:, i * s:i * s + f, j * s:j * s + f, :]


def sliding(a, f, s, reduce, channels):
    """The map whose (i, j) is reduce(window i, j): an output of `channels` per position."""
    out = np.zeros((a.shape[0], (a.shape[1] - f) // s + 1, (a.shape[2] - f) // s + 1, channels))
    for i, j, window in windows(a, f, s):
        out[:, i, j, :] = reduce(window)
    return out


def conv(a, w, b, s, p):
    a = np.pad(a, ((0, 0), (p, p), (p, p), (0, 0)))
    z = sliding(a, w.shape[0], s, lambda window: np.tensordot(window, w, axes=([1, 2, 3], [0, 1, 2])), w.shape[3])
    return z + b.reshape(1, 1, 1, -1)


def pool(a, kind, f, s):
    statistic = np.max if kind == "max" else np.mean
    return sliding(a, f, s, lambda window: statistic(window, axis=(1, 2)), a.shape[3])


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def options(words):
    return dict(w.split("=", 1) for w in words if "=" in w)


def forward(commands, arrays, x):
    """The network `commands` with the weights `arrays` (by key) on the batch x: a[L]."""
    a = np.asarray(x, np.float64)
    for l, command in enumerate(commands):
        words = command.split()
        kind, opts = words[0], options(words[1:])
        W, b = arrays.get(f"W{l}"), arrays.get(f"b{l}")
        if W is not None:
            W, b = np.asarray(W, np.float64), np.asarray(b, np.float64)
        if kind == "input":
            dims = [int(d) for d in words[1].split("x")]
            a = a.reshape([a.shape[0]] + dims + ([1] if len(dims) == 2 else []))
        elif kind == "conv":
            f, s = int(opts["f"]), int(opts.get("s", 1))
            p = (f - 1) // 2 if opts.get("p") == "same" else int(opts.get("p", 0))
            a = conv(a, W, b, s, p)
        elif kind == "pool":
            f = int(opts["f"])
            a = pool(a, words[1], f, int(opts.get("s", f)))
        elif kind == "relu":
            a = np.maximum(a, 0)
        elif kind == "sigmoid":
            a = 1 / (1 + np.exp(-a))
        elif kind == "tanh":
            a = np.tanh(a)
        elif kind == "flatten":
            a = a.reshape(a.shape[0], -1)
        elif kind in ("fc", "softmax"):
            a = a.reshape(a.shape[0], -1)
            if W is not None:
                a = a @ W + b.reshape(1, -1)
            if kind == "softmax":
                a = softmax(a)
        else:
            raise ValueError(f"unknown layer command {command!r}")
    return a
