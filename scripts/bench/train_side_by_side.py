#!/usr/bin/env python3
"""Time to accuracy: `cnnlab train` next to the same training in PyTorch (CPU), on this machine.

For each case (a dataset and the network cnnlab trains on it) and each thread count T, every
round runs `cnnlab train ... --threads T --json` and the same training in PyTorch with
torch.set_num_threads(T) (a separate process: this script in --worker mode, under the Python
that has torch), alternating which goes first, both pinned to the same CPUs when T is fewer
than the machine's CPUs (taskset, as side_by_side.py does). It prints, per case, thread count
and side, the median over the rounds of:
  * seconds     the whole training of E epochs, each epoch's test evaluation included, as
                cnnlab's `seconds` (process start-up, data loading and `import torch` are not);
  * examples/s  training examples per second of training time (evaluation left out);
  * accuracy    the final test accuracy on the held-out split;
  * to target   the first epoch whose test accuracy reaches --target (default 0.95) and the
                seconds until then (the sum of the epochs' seconds, evaluation included);
  * wall        the whole process from outside, start-up and loading included;
  * others busy the most CPUs other processes kept busy during one of the row's runs (from
                /proc/stat less the runs' own CPU time): on a shared machine, PyTorch's
                two-thread runs slow down by 10-50x while another process takes a CPU.
Before each run it waits (at most --wait seconds) until other processes use at most
--max-busy CPUs.

The cases
  mnist5k  `--net convnetjs-mnist` (ConvNetJS's MNIST demo net, 24×24 input): conv 8 f=5 p=2,
           relu, pool max 2, conv 16 f=5 p=2, relu, pool max f=3 s=3, softmax 10 (a dense
           layer then softmax). Training images are random 24×24 crops of the 28×28 images,
           test images the centre crop (cnnlab's default for MNIST).
  digits   cnnlab's default network for 8×8 input (DefaultNetwork.swift): conv 16 f=3 p=same,
           relu, pool max 2, flatten, fc 64, relu, softmax 10. No augmentation (cnnlab's
           default for digits; --augment: shifts of up to 2 pixels, zeros filling in).

What is the same on both sides
  * The data: Data/NAME-images.npy scaled to 0…1 (÷255 for mnist5k, ÷16 for digits).
  * The split, the order of every epoch's batches and every random crop: this script
    re-implements cnnlab's SeededGenerator (xoshiro256** seeded by SplitMix64), DatasetSplit
    (shuffle, first 20% held out) and MiniBatches (a reshuffle of the previous order each epoch,
    then a crop window per example), so PyTorch sees exactly the batches cnnlab sees. Each run
    checks it: the held-out split's class counts must equal the row sums of cnnlab's confusion
    matrix. The crop positions are drawn before the timed part (a pure-Python generator would be
    slow); the crops themselves are cut inside each epoch's timed training.
  * The starting weights, with --init cnnlab (the default): He-normal weights drawn from the
    same generator and seed as NetworkModel (one generator per layer, seeded seed·0x9E3779B9 +
    layer index), zero biases. `--check` verifies this by comparing a forward pass of both.
  * The optimizer: Adam (lr 0.001, β 0.9/0.999, ε 1e-8), SGD with momentum (lr 0.01, μ 0.9;
    PyTorch's v ← μv + g, w ← w − ηv is cnnlab's v ← μv − ηg, w ← w + v for a constant η),
    or Adadelta (ρ 0.95, ε 1e-6, no learning rate: PyTorch lr = 1); L2 decay added to the
    gradient on both sides. The loss is the batch's mean cross-entropy on both sides; the last
    batch of an epoch holds the remainder (not dropped).
  * Evaluation after every epoch, in batches of 100, as cnnlab's Trainer does.

What differs (fine for a speed comparison)
  * Layout: PyTorch is NCHW, cnnlab NHWC. Conv weights are (Cout, Cin, f, f) in PyTorch and
    (f, f, Cin, Cout) in cnnlab; a dense layer after a conv block flattens C·H·W in PyTorch and
    H·W·C in cnnlab, so --init cnnlab permutes the weights to match.
  * --init he draws He-normal weights with PyTorch's own generator (the same scale, other
    numbers); --init torch keeps PyTorch's default (Kaiming-uniform with a=√5, i.e. uniform on
    ±1/√fan_in, and uniform biases), which starts smaller: expect other accuracy curves.
  * Arithmetic: PyTorch's kernels (oneDNN/MKL) sum in other orders, so the curves agree only to
    rounding and drift apart over the epochs.

How to run (from the repository root, after a release build):
    swift build -c release --product cnnlab
    python3 scripts/bench/train_side_by_side.py [--cases mnist5k,digits] [--threads 1,2]
        [--rounds 3] [--epochs 10] [--batch 20] [--optimizer adam|sgd|adadelta]
        [--python /path/to/venv/bin/python] [--json-out FILE] [--check]

PyTorch is not part of cnnlab's setup. The worker runs under --python, or $CNNLAB_TORCH_PYTHON,
or the virtualenv reference.py uses (${CNNLAB_REF_VENV:-~/.cache/cnnlab-ref-venv}) when torch
is in it, or this Python when it imports torch. Otherwise --install-torch creates that
virtualenv and installs numpy and a CPU-only torch into it (reference.py's way:
CNNLAB_REF_TORCH=REQUIREMENT overrides the torch requirement, e.g. a wheel path). By hand:
    python3 -m venv ~/venv-torch
    ~/venv-torch/bin/pip install torch --index-url https://download.pytorch.org/whl/cpu
    ~/venv-torch/bin/pip install numpy
    python3 scripts/bench/train_side_by_side.py --python ~/venv-torch/bin/python
The orchestrating part needs only the standard library. Run it while nothing else heavy runs:
the figures are for this machine only.
"""

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CNNLAB = os.path.join(ROOT, ".build", "release", "cnnlab")
DATA = os.path.join(ROOT, "Data")
sys.path.insert(0, HERE)

MASK = (1 << 64) - 1
CHECK_MARK = "CNNLAB_TRAIN_SIDE_BY_SIDE_CHECK"

# ---------------------------------------------------------------------------------------
# The cases: a dataset, the network cnnlab trains on it (as layers both sides build from)
# ---------------------------------------------------------------------------------------

# (image side, largest pixel value) of the committed datasets, as DatasetLibrary.committed.
DATASETS = {"digits": (8, 16.0), "mnist5k": (28, 255.0)}

# Layers: ("input", h, w, c), ("conv", filters, f, pad), ("relu",), ("pool", f, s),
# ("flatten",), ("fc", units), ("softmax", classes). The first layer is index 0, as in
# cnnlab's summary, which is what seeds each layer's weights.
NETS = {
    "convnetjs-mnist": [("input", 24, 24, 1), ("conv", 8, 5, 2), ("relu",), ("pool", 2, 2),
                        ("conv", 16, 5, 2), ("relu",), ("pool", 3, 3), ("softmax", 10)],
    "default-8x8": [("input", 8, 8, 1), ("conv", 16, 3, 1), ("relu",), ("pool", 2, 2),
                    ("flatten",), ("fc", 64), ("relu",), ("softmax", 10)],
}

# case -> (dataset, NETS key, the `--net` cnnlab is given, or None for its default network)
CASES = {
    "mnist5k": ("mnist5k", "convnetjs-mnist", "convnetjs-mnist"),
    "digits": ("digits", "default-8x8", None),
}


def cnnlab_script(layers):
    """The network as cnnlab commands (for --check's forward pass)."""
    out = []
    for layer in layers:
        kind = layer[0]
        if kind == "input":
            out.append(f"input {layer[1]}x{layer[2]}x{layer[3]}")
        elif kind == "conv":
            out.append(f"conv {layer[1]} f={layer[2]} s=1 p={layer[3]}")
        elif kind == "pool":
            out.append(f"pool max f={layer[1]} s={layer[2]}")
        elif kind in ("relu", "flatten"):
            out.append(kind)
        else:
            out.append(f"{kind} {layer[1]}")
    return out


def shapes(layers):
    """Each layer's output shape, (h, w, c) or (n,), as cnnlab's analyzer gives it."""
    out = []
    for layer in layers:
        kind = layer[0]
        prev = out[-1] if out else None
        if kind == "input":
            out.append(layer[1:4])
        elif kind == "conv":
            h, w, _ = prev
            n, f, p = layer[1:4]
            out.append((h + 2 * p - f + 1, w + 2 * p - f + 1, n))
        elif kind == "pool":
            h, w, c = prev
            f, s = layer[1:3]
            out.append(((h - f) // s + 1, (w - f) // s + 1, c))
        elif kind == "relu":
            out.append(prev)
        elif kind == "flatten":
            out.append((math.prod(prev),))
        else:  # fc, softmax
            out.append((layer[1],))
    return out


# ---------------------------------------------------------------------------------------
# cnnlab's randomness, replayed (ConvCore/SeededGenerator.swift and its users)
# ---------------------------------------------------------------------------------------

class SeededGenerator:
    """xoshiro256** seeded through SplitMix64, bit for bit as ConvCore's SeededGenerator."""

    def __init__(self, seed):
        sm = seed & MASK
        state = []
        for _ in range(4):
            sm = (sm + 0x9E3779B97F4A7C15) & MASK
            z = sm
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            state.append(z ^ (z >> 31))
        self.s = state

    def next(self):
        s0, s1, s2, s3 = self.s
        x = (s1 * 5) & MASK
        result = ((((x << 7) | (x >> 57)) & MASK) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & MASK
        self.s = [s0, s1, s2, s3]
        return result

    def integer_below(self, bound):
        """Lemire's multiply-and-reject, as SeededGenerator.integer(below:)."""
        threshold = ((1 << 64) - bound) % bound
        while True:
            product = self.next() * bound
            if product & MASK >= threshold:
                return product >> 64

    def shuffle(self, values):
        """Fisher–Yates from the end, in place, as SeededGenerator.shuffle."""
        for i in range(len(values) - 1, 0, -1):
            j = self.integer_below(i + 1)
            values[i], values[j] = values[j], values[i]

    def gaussian(self):
        """Box–Muller in double, as nextGaussian (two draws, nothing cached); a Python float
        that the caller rounds to float32."""
        u1 = ((self.next() >> 11) + 1) * 2.0 ** -53
        u2 = (self.next() >> 11) * 2.0 ** -53
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def split_indices(count, seed, test_fraction=0.2):
    """DatasetSplit's (train, test) indices for a dataset without its own test examples."""
    order = list(range(count))
    SeededGenerator(seed).shuffle(order)
    # Swift's .rounded() rounds half away from zero (Python's round() would round half to even).
    test_count = min(count - 1, max(1, math.floor(count * test_fraction + 0.5)))
    return order[test_count:], order[:test_count]


def epoch_plans(count, seed, epochs, image_hw, crop_hw, augment, max_shift=0):
    """Per epoch, MiniBatches' (order, tops, lefts): the examples in the order they are batched
    and where each one's crop window starts (it may start outside the image by up to `max_shift`
    pixels, whose pixels are then 0). Without augmentation the window is centred."""
    h, w = image_hw
    ch, cw = crop_hw
    rng = SeededGenerator(seed)
    order = list(range(count))
    plans = []
    for _ in range(epochs):
        rng.shuffle(order)
        tops, lefts = [], []
        for _ in range(count):
            if augment:
                top = rng.integer_below(h - ch + 1)
                left = rng.integer_below(w - cw + 1)
                if max_shift > 0:
                    top += rng.integer_below(2 * max_shift + 1) - max_shift
                    left += rng.integer_below(2 * max_shift + 1) - max_shift
                tops.append(top)
                lefts.append(left)
            else:
                tops.append((h - ch) // 2)
                lefts.append((w - cw) // 2)
        plans.append((list(order), tops, lefts))
    return plans


def cnnlab_weights(layers, seed):
    """NetworkModel's starting weights, laid out for PyTorch: per layer with parameters, its
    index and (weight, bias) as float32 numpy arrays (conv: Cout×Cin×f×f; dense: out×in with the
    inputs in PyTorch's C·H·W flattening order)."""
    import numpy as np
    outs = shapes(layers)
    result = []
    for index, layer in enumerate(layers):
        kind = layer[0]
        if kind not in ("conv", "fc", "softmax"):
            continue
        prev = outs[index - 1]
        if kind == "conv":
            shape = (layer[2], layer[2], prev[2], layer[1])  # f, f, Cin, Cout
            fan_in = layer[2] * layer[2] * prev[2]
        else:
            shape = (math.prod(prev), layer[1])               # nIn, nOut
            fan_in = math.prod(prev)
        rng = SeededGenerator((seed * 0x9E3779B9 + index) & MASK)
        std = np.float32(math.sqrt(2.0 / fan_in))
        draws = np.array([rng.gaussian() for _ in range(math.prod(shape))], dtype=np.float64)
        weights = (std * draws.astype(np.float32)).reshape(shape)
        # The image the dense layer's inputs were flattened from (through flatten and
        # activations), if any: cnnlab flattens it H·W·C, PyTorch C·H·W.
        source = index - 1
        while len(outs[source]) == 1 and layers[source][0] in ("flatten", "relu"):
            source -= 1
        if kind == "conv":
            weights = weights.transpose(3, 2, 0, 1)
        elif len(outs[source]) == 3:  # HWC rows -> CHW columns
            h, w, c = outs[source]
            weights = weights.reshape(h, w, c, shape[1]).transpose(3, 2, 0, 1).reshape(shape[1], -1)
        else:
            weights = weights.T
        result.append((index, np.ascontiguousarray(weights, dtype=np.float32),
                       np.zeros(layer[1], dtype=np.float32)))
    return result


# ---------------------------------------------------------------------------------------
# The PyTorch side (runs under the Python that has torch: --worker)
# ---------------------------------------------------------------------------------------

def load_dataset(name):
    import numpy as np
    side, maximum = DATASETS[name]
    images = np.load(os.path.join(DATA, f"{name}-images.npy"))
    labels = np.load(os.path.join(DATA, f"{name}-labels.npy"))
    assert images.shape[1:] == (side, side), images.shape
    return (images.astype(np.float32) / np.float32(maximum)), labels.astype(np.int64)


def torch_model(layers, init, seed):
    import torch
    import torch.nn as nn
    outs = shapes(layers)
    modules, by_index = [], {}
    for index, layer in enumerate(layers):
        kind, prev = layer[0], (outs[index - 1] if index else None)
        if kind == "input":
            continue
        if kind == "conv":
            m = nn.Conv2d(prev[2], layer[1], layer[2], padding=layer[3])
        elif kind == "relu":
            m = nn.ReLU()
        elif kind == "pool":
            m = nn.MaxPool2d(layer[1], layer[2])
        elif kind == "flatten":
            m = nn.Flatten()
        else:  # fc, or softmax N: a dense layer whose softmax is in the loss
            if len(prev) == 3:
                modules.append(nn.Flatten())
            m = nn.Linear(math.prod(prev), layer[1])
        modules.append(m)
        by_index[index] = m
    model = nn.Sequential(*modules)
    if init == "cnnlab":
        with torch.no_grad():
            for index, w, b in cnnlab_weights(layers, seed):
                by_index[index].weight.copy_(torch.from_numpy(w))
                by_index[index].bias.copy_(torch.from_numpy(b))
    elif init == "he":
        with torch.no_grad():
            for m in model.modules():
                if isinstance(m, (nn.Conv2d, nn.Linear)):
                    nn.init.kaiming_normal_(m.weight, mode="fan_in", nonlinearity="relu")
                    nn.init.zeros_(m.bias)
    return model


def torch_optimizer(args, params):
    import torch
    if args.optimizer == "adam":
        return torch.optim.Adam(params, lr=args.lr or 0.001, betas=(0.9, 0.999), eps=1e-8,
                                weight_decay=args.decay)
    if args.optimizer == "sgd":
        return torch.optim.SGD(params, lr=args.lr or 0.01, momentum=args.momentum, weight_decay=args.decay)
    return torch.optim.Adadelta(params, lr=1.0, rho=0.95, eps=1e-6, weight_decay=args.decay)


def worker(args):
    """One PyTorch training, printed as one JSON object shaped like `cnnlab train --json`'s."""
    import numpy as np
    import torch
    import torch.nn as nn
    setup_start = time.perf_counter()
    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(args.seed)
    dataset, net_key, _ = CASES[args.case]
    layers = NETS[net_key]
    images, labels = load_dataset(dataset)
    n, h, w = images.shape
    ch, cw = layers[0][1], layers[0][2]
    train_idx, test_idx = split_indices(n, args.seed)
    # cnnlab's augmentation for the data (DatasetLibrary.augmentation): random crops of MNIST
    # without shifts; shifts of up to 2 pixels for digits (off unless --augment).
    augment = args.augment if args.augment is not None else dataset == "mnist5k"
    shift = 2 if dataset == "digits" else 0
    # Zeros around the training images, so a shifted window reads 0 outside the image.
    padded = np.pad(images[train_idx], ((0, 0), (shift, shift), (shift, shift)))
    train_images = torch.from_numpy(np.ascontiguousarray(padded)).reshape(len(train_idx), -1)
    train_labels = torch.from_numpy(labels[train_idx])
    t0, l0 = (h - ch) // 2, (w - cw) // 2
    test_images = torch.from_numpy(np.ascontiguousarray(
        images[test_idx][:, t0:t0 + ch, l0:l0 + cw])).unsqueeze(1)
    test_labels = torch.from_numpy(labels[test_idx])
    ph, pw = h + 2 * shift, w + 2 * shift
    # The window grid of one crop, offsets into a flattened padded image.
    window = (torch.arange(ch).unsqueeze(1) * pw + torch.arange(cw).unsqueeze(0)).unsqueeze(0)
    plans = []
    for order, tops, lefts in epoch_plans(len(train_idx), args.seed, args.epochs, (h, w), (ch, cw),
                                          augment, shift):
        order_t = torch.tensor(order)
        base = order_t * (ph * pw) + (torch.tensor(tops) + shift) * pw + (torch.tensor(lefts) + shift)
        plans.append((order_t, base))
    model = torch_model(layers, args.init, args.seed)
    opt = torch_optimizer(args, model.parameters())
    loss_fn = nn.CrossEntropyLoss()
    setup_seconds = time.perf_counter() - setup_start

    def evaluate():
        model.eval()
        right = 0
        with torch.no_grad():
            for first in range(0, len(test_labels), 100):
                out = model(test_images[first:first + 100])
                right += (out.argmax(1) == test_labels[first:first + 100]).sum().item()
        model.train()
        return right / len(test_labels)

    history = []
    trained, train_ns = 0, 0
    start = time.perf_counter_ns()
    for epoch, (order_t, base) in enumerate(plans, 1):
        epoch_start = time.perf_counter_ns()
        # This epoch's crops, cut in one gather (MiniBatches cuts them batch by batch).
        x_all = train_images.reshape(-1)[base.view(-1, 1, 1) + window].unsqueeze(1)
        y_all = train_labels[order_t]
        loss_sum, right, done = 0.0, 0, 0
        for first in range(0, len(order_t), args.batch):
            x, y = x_all[first:first + args.batch], y_all[first:first + args.batch]
            opt.zero_grad(set_to_none=True)
            out = model(x)
            loss = loss_fn(out, y)
            loss.backward()
            opt.step()
            m = len(y)
            loss_sum += loss.item() * m
            right += (out.argmax(1) == y).sum().item()
            done += m
        trained_for = time.perf_counter_ns() - epoch_start
        train_ns += trained_for
        trained += done
        accuracy = evaluate()
        history.append({
            "epoch": epoch, "loss": loss_sum / done, "train_accuracy": right / done, "test_accuracy": accuracy,
            "seconds": (time.perf_counter_ns() - epoch_start) / 1e9, "examples_per_s": done / (trained_for / 1e9)})
    accuracy = evaluate()
    seconds = (time.perf_counter_ns() - start) / 1e9
    counts = [int((test_labels == k).sum()) for k in range(10)]
    print(json.dumps({
        "command": "train", "side": "torch", "dataset": dataset, "optimizer": args.optimizer,
        "test_accuracy": accuracy, "epochs": len(history), "seconds": seconds,
        "examples_per_s": trained / (train_ns / 1e9), "train_examples": len(train_idx),
        "test_examples": len(test_idx), "test_class_counts": counts, "history": history,
        "setup_seconds": setup_seconds, "threads": args.threads, "init": args.init,
        "source": f"torch {torch.__version__}"}))


def check(args):
    """Compares PyTorch's first forward pass, weights from --init cnnlab, with cnnlab's own
    `forward` of the same network and seed on a few held-out images."""
    import tempfile
    import numpy as np
    import torch
    ok = True
    first = SeededGenerator(0).next()
    print(f"SeededGenerator(seed: 0).next() = {first:#x} (ConvCore's test expects 0x99ec5f36cb75f2b4)")
    ok &= first == 0x99EC5F36CB75F2B4
    for case in args.cases:
        dataset, net_key, _ = CASES[case]
        layers = NETS[net_key]
        images, _ = load_dataset(dataset)
        _, h, w = images.shape
        ch, cw = layers[0][1], layers[0][2]
        _, test_idx = split_indices(len(images), args.seed)
        t0, l0 = (h - ch) // 2, (w - cw) // 2
        x = np.ascontiguousarray(images[test_idx[:8]][:, t0:t0 + ch, l0:l0 + cw, None])  # m×H×W×1
        model = torch_model(layers, "cnnlab", args.seed)
        with torch.no_grad():
            ours = torch.softmax(model(torch.from_numpy(x).permute(0, 3, 1, 2)), 1).numpy()
        with tempfile.TemporaryDirectory() as d:
            xin, yout = os.path.join(d, "x.npy"), os.path.join(d, "y.npy")
            np.save(xin, x)
            script = "; ".join(cnnlab_script(layers) + [
                f"seed {args.seed}", f'load X "{xin}"', "forward X", f'save a[{len(layers) - 1}] "{yout}"'])
            subprocess.run([CNNLAB, "-c", script], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            theirs = np.load(yout)
        diff = float(np.abs(ours - theirs).max())
        same = diff < 1e-5
        ok &= same
        print(f"{case}: softmax outputs of 8 test images, PyTorch (--init cnnlab) vs cnnlab forward: "
              f"max |difference| {diff:.2e} ({'same starting weights' if same else 'DIFFERENT'})")
    sys.exit(0 if ok else 1)


# ---------------------------------------------------------------------------------------
# The orchestrator (standard library only)
# ---------------------------------------------------------------------------------------

def torch_python(args):
    """The Python interpreter that has torch, installing it on request."""
    import reference  # its virtualenv and its way of installing a CPU-only torch
    candidates = [args.python, os.environ.get("CNNLAB_TORCH_PYTHON"), reference.venv_python(), sys.executable]
    probe = "import torch, numpy"
    for python in candidates:
        if python and os.path.exists(python) and subprocess.call(
                [python, "-c", probe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
            return python
    if not args.install_torch:
        sys.exit("no Python with torch and numpy found: pass --python PATH (see --help), or --install-torch "
                 f"to install a CPU-only torch into {reference.VENV}")
    if not os.path.exists(reference.venv_python()):
        subprocess.check_call([sys.executable, "-m", "venv", reference.VENV], stdout=sys.stderr.fileno())
    override = os.environ.get("CNNLAB_REF_TORCH")
    ok = reference.pip(override) if override else reference.pip(
        "torch", "--index-url", reference.TORCH_CPU_INDEX, "--retries", "1")
    if not ok and not override:
        version = reference.newest_cpu_torch()
        ok = version is not None and reference.pip(f"torch=={version}")
    if not ok or not reference.pip("numpy"):
        sys.exit("installing torch failed: set CNNLAB_REF_TORCH to a torch requirement or wheel path")
    return reference.venv_python()


def loadavg():
    """The 1-minute load average, for the table's heading."""
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "?"


def busy_cpu_seconds():
    """CPU seconds the whole machine has spent busy since boot (/proc/stat), or None."""
    try:
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    busy = sum(fields[:8]) - idle                             # guest time is inside user time
    return busy / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    """CPU seconds of this process and its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def others_busy(seconds):
    """How many CPUs other processes keep busy, measured over `seconds`."""
    b0, o0, t0 = busy_cpu_seconds(), own_cpu_seconds(), time.perf_counter()
    time.sleep(seconds)
    b1, o1, t1 = busy_cpu_seconds(), own_cpu_seconds(), time.perf_counter()
    if b0 is None or b1 is None:
        return 0.0
    return max(0.0, (b1 - b0) - (o1 - o0)) / (t1 - t0)


def wait_until_quiet(args):
    """Waits (at most --wait seconds) until other processes use less than --max-busy CPUs;
    returns what they used in the last second looked at."""
    deadline = time.monotonic() + args.wait
    while True:
        busy = others_busy(1.0)
        if args.max_busy is None or busy <= args.max_busy or time.monotonic() >= deadline:
            return busy
        print(f"  waiting: other processes use {busy:.1f} CPUs", file=sys.stderr, flush=True)
        time.sleep(4)


def common_flags(args):
    flags = ["--epochs", str(args.epochs), "--batch", str(args.batch), "--optimizer", args.optimizer,
             "--seed", str(args.seed), "--momentum", str(args.momentum), "--decay", str(args.decay)]
    if args.lr is not None:
        flags += ["--lr", str(args.lr)]
    if args.augment is not None:
        flags += ["--augment" if args.augment else "--no-augment"]
    return flags


def run_json(cmd, cpus):
    """Runs `cmd`, returning its `train` JSON object with the process's wall seconds and how
    many CPUs other processes kept busy meanwhile (the machine's busy time less this run's)."""
    from side_by_side import pinned
    b0, o0 = busy_cpu_seconds(), own_cpu_seconds()
    start = time.perf_counter()
    out = subprocess.run(pinned(cmd, cpus), check=True, capture_output=True, text=True, cwd=ROOT).stdout
    wall = time.perf_counter() - start
    b1, o1 = busy_cpu_seconds(), own_cpu_seconds()
    objs = [json.loads(line) for line in out.splitlines() if line.strip().startswith("{")]
    result = [o for o in objs if o.get("command") == "train"][-1]
    result["wall_seconds"] = wall
    result["cpu_seconds"] = o1 - o0
    result["others_busy_cpus"] = None if b0 is None or b1 is None else max(0.0, (b1 - b0) - (o1 - o0)) / wall
    return result


def run_cnnlab(args, case, threads, cpus):
    dataset, _, net = CASES[case]
    cmd = [CNNLAB, "train", "--dataset", dataset] + (["--net", net] if net else []) + common_flags(args) + [
        "--threads", str(threads), "--json"]
    return run_json(cmd, cpus)


def run_torch(args, python, case, threads, cpus):
    cmd = [python, os.path.abspath(__file__), "--worker", "--cases", case, "--threads", str(threads),
           "--init", args.init] + common_flags(args)
    return run_json(cmd, cpus)


def time_to(result, target):
    """(epoch, seconds) of the first epoch whose test accuracy reaches `target`, or None."""
    total = 0.0
    for epoch in result["history"]:
        total += epoch["seconds"]
        if epoch["test_accuracy"] >= target:
            return epoch["epoch"], total
    return None


def check_split(ours, theirs, case):
    """cnnlab's confusion rows add up to its held-out class counts; the replayed split must match."""
    counts = [sum(row) for row in ours["confusion"]]
    if counts != theirs["test_class_counts"] or ours["train_examples"] != theirs["train_examples"]:
        print(f"warning: {case}: the PyTorch split differs from cnnlab's (class counts {theirs['test_class_counts']} "
              f"vs {counts})", file=sys.stderr)
        return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[1:]))
    parser.add_argument("--cases", default="mnist5k,digits", help="comma-separated: " + ", ".join(CASES))
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per case and thread count")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--optimizer", choices=["adam", "sgd", "adadelta"], default="adam")
    parser.add_argument("--lr", type=float, help="learning rate (default: adam 0.001, sgd 0.01; adadelta has none)")
    parser.add_argument("--momentum", type=float, default=0.9, help="SGD's momentum (default 0.9)")
    parser.add_argument("--decay", type=float, default=0.0, help="L2 weight decay (default 0)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--augment", dest="augment", action="store_true", default=None,
                        help="random crops on (default: cnnlab's choice, on for mnist5k)")
    parser.add_argument("--no-augment", dest="augment", action="store_false")
    parser.add_argument("--target", type=float, default=0.95, help="test accuracy for time-to-accuracy (0.95)")
    parser.add_argument("--init", choices=["cnnlab", "he", "torch"], default="cnnlab",
                        help="PyTorch's starting weights: cnnlab's own (default), He-normal from torch's "
                             "generator, or torch's default init")
    parser.add_argument("--python", help="the Python with torch and numpy for the PyTorch side")
    parser.add_argument("--install-torch", action="store_true",
                        help="install CPU-only torch into reference.py's virtualenv if no Python has it")
    parser.add_argument("--json-out", help="write every run's JSON, one per line, to FILE")
    parser.add_argument("--no-pin", dest="pin", action="store_false",
                        help="do not pin runs of fewer threads than CPUs to the same CPUs")
    parser.add_argument("--max-busy", type=float, default=0.3,
                        help="before each run, wait until other processes use at most this many CPUs (default "
                             "0.3; a negative value: never wait)")
    parser.add_argument("--wait", type=float, default=600,
                        help="the longest wait for that, in seconds, before running anyway (default 600)")
    parser.add_argument("--check", action="store_true",
                        help="only check that PyTorch starts from cnnlab's weights (a forward pass of each case)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.cases = [c for c in args.cases.split(",") if c]
    if args.max_busy is not None and args.max_busy < 0:
        args.max_busy = None
    for c in args.cases:
        if c not in CASES:
            parser.error(f"unknown case {c!r}: one of {', '.join(CASES)}")
    if args.worker:
        args.case, args.threads = args.cases[0], int(args.threads)
        return worker(args)
    threads = [int(t) for t in args.threads.split(",") if t]
    if not os.path.exists(CNNLAB):
        sys.exit("build first: swift build -c release --product cnnlab")
    if args.check and os.environ.get(CHECK_MARK):
        return check(args)
    python = torch_python(args)
    if args.check:
        # The check needs torch and numpy: run it again under the Python that has them.
        env = dict(os.environ, **{CHECK_MARK: "1"})
        os.execve(python, [python, os.path.abspath(__file__), *sys.argv[1:]], env)
    from side_by_side import cpus_for

    print(f"PyTorch side: {python}", file=sys.stderr)
    load_before = loadavg()
    results = {}
    raw = []
    split_ok = True
    for case in args.cases:
        for t in threads:
            for r in range(args.rounds):
                cpus = cpus_for(t, r, args.pin)
                order = ["cnnlab", "torch"] if r % 2 == 0 else ["torch", "cnnlab"]
                got = {}
                for side in order:
                    quiet = wait_until_quiet(args)
                    got[side] = run_cnnlab(args, case, t, cpus) if side == "cnnlab" else run_torch(args, python, case, t, cpus)
                    got[side].update(case=case, side=side, threads=t, round=r + 1, cpus=cpus, others_before=quiet)
                    hit = time_to(got[side], args.target)
                    print(f"{case} t{t} round {r + 1} {side:6}: {got[side]['seconds']:7.2f} s, "
                          f"{got[side]['examples_per_s']:9.0f} ex/s, acc {got[side]['test_accuracy']:.4f}, "
                          f"to {args.target:.0%}: {'—' if hit is None else f'{hit[1]:.2f} s (epoch {hit[0]})'}, "
                          f"wall {got[side]['wall_seconds']:.2f} s, others busy {quiet:.1f} before, "
                          f"{got[side]['others_busy_cpus'] or 0:.1f} during", file=sys.stderr, flush=True)
                split_ok &= check_split(got["cnnlab"], got["torch"], case)
                for side in ("cnnlab", "torch"):
                    results.setdefault((case, t, side), []).append(got[side])
                    raw.append(got[side])
    if args.json_out:
        with open(args.json_out, "w") as f:
            f.writelines(json.dumps(o) + "\n" for o in raw)

    torch_version = next((o["source"] for o in raw if o["side"] == "torch"), "torch")
    pinning = "fewer threads than CPUs pinned, both sides alike" if args.pin else "no pinning"
    print(f"{args.epochs} epochs, batch {args.batch}, {args.optimizer}, seed {args.seed}; medians of {args.rounds} "
          f"alternating rounds ({pinning}); {torch_version}, --init {args.init}; "
          f"split {'identical' if split_ok else 'NOT identical'} on both sides; load average {load_before} "
          f"before, {loadavg()} after.")
    print()
    target = f"to {args.target:.0%}"
    print(f"| case | threads | side | seconds | examples/s | final accuracy | {target} (epoch) | wall s | others busy |")
    print("|---|---|---|---|---|---|---|---|---|")
    for case in args.cases:
        for t in threads:
            for side in ("cnnlab", "torch"):
                runs = results.get((case, t, side), [])
                if not runs:
                    continue
                med = lambda key: statistics.median(o[key] for o in runs)
                hits = [time_to(o, args.target) for o in runs]
                reached = [h for h in hits if h is not None]
                if len(reached) * 2 > len(runs):
                    # The median over all rounds, a round that never reached it counting as slowest.
                    secs = statistics.median([h[1] if h else math.inf for h in hits])
                    epochs = statistics.median([h[0] if h else math.inf for h in hits])
                    to_target = f"{secs:.2f} s ({epochs:g})"
                else:
                    to_target = f"— ({len(reached)}/{len(runs)} rounds reached it)"
                accs = sorted(o["test_accuracy"] for o in runs)
                acc = f"{statistics.median(accs):.4f}" + (f" ({accs[0]:.4f}–{accs[-1]:.4f})" if accs[0] != accs[-1] else "")
                name = "cnnlab" if side == "cnnlab" else "PyTorch"
                others = max(o["others_busy_cpus"] or 0 for o in runs)
                print(f"| {case} | {t} | {name} | {med('seconds'):.2f} | {med('examples_per_s'):,.0f} | {acc} | "
                      f"{to_target} | {med('wall_seconds'):.2f} | ≤ {others:.1f} CPUs |")


if __name__ == "__main__":
    main()
