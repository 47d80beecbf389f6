"""Checks `net save "m.npz"` and `predict` against numpy.

Builds a small network with every layer kind in the cnnlab binary (batch mode, --json), trains
it for an epoch on the digits dataset, saves it as a .npz and predicts a batch and one
example. Then reads the .npz with numpy (no allow_pickle), runs the forward pass in numpy from
the file's own cnnlab_network commands (NHWC, cross-correlation, W f×f×n_c[l−1]×n_c[l], the
lecture's conventions) and checks that the probabilities agree within 1e-4 and the classes are
the argmax. (The numpy forward pass is numpy_forward.py.) Finally the weights alone, re-saved by numpy as float64 with vector biases (as a
Keras script would), are loaded into the same network and must predict the same.

Usage: python3 scripts/tests/check_npz_predict.py [path/to/cnnlab]   (default .build/debug/cnnlab)
Exits non-zero on any mismatch.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

from numpy_forward import forward

NETWORK = [
    "input 8x8x1",
    "conv 4 f=3 s=1 p=1",
    "relu",
    "pool max f=2 s=2",
    "conv 6 f=3 s=2 p=same",
    "tanh",
    "pool avg f=2 s=1",
    "flatten",
    "fc 12",
    "sigmoid",
    "softmax 10",
]
TOLERANCE = 1e-4


def cnnlab(binary, commands):
    """The JSON results of running `commands` in batch mode."""
    run = subprocess.run([binary, "--json", "-c", "; ".join(commands)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"cnnlab failed ({run.returncode}):\n{run.stderr}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def compare(what, got, expected):
    """The largest difference; exits on a mismatch."""
    got, expected = np.asarray(got, np.float64), np.asarray(expected, np.float64)
    if got.shape != expected.shape:
        sys.exit(f"{what}: shape {got.shape}, numpy's {expected.shape}")
    worst = float(np.abs(got - expected).max())
    if worst > TOLERANCE:
        sys.exit(f"{what}: differs from numpy by {worst:.3g} (> {TOLERANCE})\ncnnlab {got}\nnumpy  {expected}")
    return worst


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/cnnlab"
    if not os.access(binary, os.X_OK):
        sys.exit(f"no cnnlab binary at {binary} (build it, or give its path)")
    with tempfile.TemporaryDirectory() as tmp:
        model, xs, weights = (os.path.join(tmp, n) for n in ("m.npz", "X.npy", "weights.npz"))
        results = cnnlab(binary, NETWORK + [
            "train dataset=digits epochs=1", f'net save "{model}"', "seed 3", "let X = rand(5,8,8,1)",
            f'save X "{xs}"', "predict X", "predict X[1]",
        ])
        batch, one = results[-2], results[-1]
        if batch.get("command") != "predict" or "predictions" not in batch or "class" not in one:
            sys.exit(f"unexpected predict output: {batch} {one}")

        data = np.load(model)  # allow_pickle stays False
        arrays = {k: data[k] for k in data.files}
        commands = arrays["cnnlab_network"].tobytes().decode("utf-8").splitlines()
        if commands != NETWORK:
            sys.exit(f"cnnlab_network does not list the network: {commands}")
        for key, value in arrays.items():
            if key.startswith(("W", "b")) and value.dtype != np.float32:
                sys.exit(f"{key} is {value.dtype}, not float32")
        x = np.load(xs)
        expected = forward(commands, arrays, x)

        got = np.array([p["probabilities"] for p in batch["predictions"]])
        worst = compare("predict X", got, expected)
        classes = [p["class"] for p in batch["predictions"]]
        if classes != list(expected.argmax(axis=1)):
            sys.exit(f"classes {classes}, numpy's argmax {list(expected.argmax(axis=1))}")
        compare("predict X[1]", one["probabilities"], expected[1])
        if one["class"] != int(expected[1].argmax()):
            sys.exit(f"X[1]: class {one['class']}, numpy's {int(expected[1].argmax())}")

        # The weights alone, as a user's script would save them: float64, biases as vectors.
        keras = {k: v.astype(np.float64).reshape(-1) if k.startswith("b") else v.astype(np.float64)
                 for k, v in arrays.items() if k[0] in "Wb"}
        np.savez(weights, **keras)
        reloaded = cnnlab(binary, NETWORK + [f'net load "{weights}"', f'load X "{xs}"', "predict X"])[-1]
        if reloaded.get("command") != "predict":
            sys.exit(f"unexpected output after loading the weights: {reloaded}")
        compare("predict X with numpy-saved weights", [p["probabilities"] for p in reloaded["predictions"]], expected)

    layers = " ".join(sorted((k for k in arrays if k[0] in "Wb"), key=lambda k: (int(k[1:]), k)))
    print(f"check_npz_predict: cnnlab's predictions agree with numpy (max difference {worst:.2g}); arrays {layers}")


if __name__ == "__main__":
    main()
