#!/usr/bin/env python3
"""Reference figures for `cnnlab bench`: the same convolutions and training loops in
onnxruntime and PyTorch, timed on the machine this script runs on.

What it measures
  * Conv forward in onnxruntime: a one-node ONNX model (Conv, NCHW float32, with bias;
    weights and bias are initializers), intra_op_num_threads = T, inter_op_num_threads = 1,
    graph optimisation ORT_ENABLE_ALL, sequential execution.
  * Conv forward and backward in PyTorch (torch.set_num_threads(T)). Backward is the
    gradient with respect to the input and the weights (aten.convolution_backward with
    output_mask = [input, weight]), counted as 2x the forward FLOPs, as cnnlab does.
  * Training in PyTorch: the ConvNetJS MNIST and CIFAR-10 nets (cnnlab's `train-mnist` and
    `train-cifar` bench cases), SGD lr 0.01 momentum 0.9, batch 20, random inputs and
    labels; 10 warm-up batches, then at least 50 batches and at least 1 s; examples/s.

  Conv cases (batch n, H x W x Cin -> Cout, f x f filters, stride 1, padding p), the same as
  `ConvBenchmark.standardCases`:
      b       = 64, 32x32x3  -> 6,  f5 p0      c1 = 64, 28x28x1 -> 8,  f5 p2
      c2      = 64, 14x14x8  -> 16, f5 p2      d  = 32, 32x32x16 -> 32, f3 p1
      lecture = 1,  6x6x3    -> 10, f3 p0
  FLOPs (forward) = 2 * n * H' * W' * Cout * f * f * Cin. Each case is warmed up, then each
  timed sample repeats the pass until it lasts >= 2 ms; `ms` is the median per pass over
  --samples samples (default 21, at least 15).

Output
  One JSON object per line, in the shapes `cnnlab bench --json` prints, plus "source":
    {"case":"b","pass":"forward","n":64,...,"threads":1,"ms":1.23,"gflops":45.6,"source":"onnxruntime 1.x"}
    {"case":"train-mnist","threads":1,"examples_per_s":12345.6,"source":"torch 2.x"}
  With --out-dir DIR: DIR/onnxruntime.jsonl (onnxruntime conv lines) and DIR/torch.jsonl
  (torch conv forward/backward and training lines), so each file has one line per
  case/pass/threads and works with `cnnlab bench --compare DIR/onnxruntime.jsonl`.
  Without --out-dir everything goes to stdout. Progress goes to stderr only.

How to run
  python3 scripts/bench/reference.py --out-dir bench/reference [--threads 1,2] [--samples 21]

  The script creates (once) a virtualenv at ${CNNLAB_REF_VENV:-$HOME/.cache/cnnlab-ref-venv},
  installs onnxruntime, onnx and CPU-only torch into it (torch from
  https://download.pytorch.org/whl/cpu; if that index cannot be reached, the newest "+cpu"
  torch that pip can see through its own configuration, e.g. a find-links folder), and
  re-runs itself inside it. CNNLAB_REF_TORCH=REQUIREMENT overrides the torch requirement
  (a version spec or a wheel path). Run it while nothing else heavy runs.

The timings are for the machine the script runs on: compare them with a `cnnlab bench` run
on the same machine only.
"""

import argparse
import json
import os
import subprocess
import sys
import time

VENV = os.environ.get("CNNLAB_REF_VENV") or os.path.join(os.path.expanduser("~"), ".cache", "cnnlab-ref-venv")
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
REEXEC_MARK = "CNNLAB_REF_IN_VENV"


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------
# Virtualenv bootstrap
# ---------------------------------------------------------------------------------------

def venv_python():
    return os.path.join(VENV, "bin", "python")


def in_venv():
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def venv_has_packages():
    probe = "import torch, onnxruntime, onnx, numpy"
    return subprocess.call([venv_python(), "-c", probe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0


def pip(*args):
    """Runs the venv's pip with its output on stderr; returns True on success."""
    cmd = [venv_python(), "-m", "pip", "install", "--disable-pip-version-check", *args]
    log("$ " + " ".join(cmd))
    return subprocess.call(cmd, stdout=sys.stderr.fileno()) == 0


def newest_cpu_torch():
    """The newest torch version with a "+cpu" local label that pip can see, or None."""
    out = subprocess.run(
        [venv_python(), "-m", "pip", "index", "versions", "torch", "--disable-pip-version-check"],
        capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if line.startswith("Available versions:"):
            for v in line.split(":", 1)[1].split(","):  # newest first
                if v.strip().endswith("+cpu"):
                    return v.strip()
    return None


def install_packages():
    override = os.environ.get("CNNLAB_REF_TORCH")
    if override:
        ok = pip(override)
    else:
        ok = pip("torch", "--index-url", TORCH_CPU_INDEX, "--retries", "1")
        if not ok:
            log(f"could not install torch from {TORCH_CPU_INDEX}; looking for a +cpu torch pip can see")
            version = newest_cpu_torch()
            if version is None:
                sys.exit("no CPU-only torch found: set CNNLAB_REF_TORCH to a torch requirement or wheel path")
            ok = pip(f"torch=={version}")
    if not ok:
        sys.exit("installing torch failed")
    if not pip("onnxruntime", "onnx", "numpy"):
        sys.exit("installing onnxruntime/onnx failed")


def ensure_venv_and_reexec():
    if in_venv():
        return
    if os.environ.get(REEXEC_MARK):
        sys.exit(f"re-exec into {VENV} did not land in it (sys.prefix = {sys.prefix})")
    if not os.path.exists(venv_python()):
        log(f"creating virtualenv {VENV}")
        os.makedirs(os.path.dirname(VENV), exist_ok=True)
        subprocess.check_call([sys.executable, "-m", "venv", VENV], stdout=sys.stderr.fileno())
    if not venv_has_packages():
        install_packages()
    env = dict(os.environ, **{REEXEC_MARK: "1"})
    os.execve(venv_python(), [venv_python(), os.path.abspath(__file__), *sys.argv[1:]], env)


# ---------------------------------------------------------------------------------------
# Measurements (run inside the venv)
# ---------------------------------------------------------------------------------------

CASES = [
    # name, n, h, w, c_in, c_out, f, s, p
    ("b", 64, 32, 32, 3, 6, 5, 1, 0),
    ("c1", 64, 28, 28, 1, 8, 5, 1, 2),
    ("c2", 64, 14, 14, 8, 16, 5, 1, 2),
    ("d", 32, 32, 32, 16, 32, 3, 1, 1),
    ("lecture", 1, 6, 6, 3, 10, 3, 1, 0),
]

MIN_SAMPLE_NS = 2_000_000


def out_size(h, f, s, p):
    return (h + 2 * p - f) // s + 1


def conv_flops(n, h, w, c_in, c_out, f, s, p):
    return 2.0 * n * out_size(h, f, s, p) * out_size(w, f, s, p) * c_out * f * f * c_in


def median_ms(body, samples):
    """Median milliseconds per call: warm up, pick calls per sample so a sample lasts >= 2 ms."""
    for _ in range(3):
        body()
    start = time.perf_counter_ns()
    body()
    once = max(time.perf_counter_ns() - start, 1)
    calls = max(1, -(-MIN_SAMPLE_NS // once))
    # Re-check with the chosen count: the first single call may be unrepresentative.
    while True:
        start = time.perf_counter_ns()
        for _ in range(calls):
            body()
        elapsed = time.perf_counter_ns() - start
        if elapsed >= MIN_SAMPLE_NS:
            break
        calls = max(calls + 1, int(calls * MIN_SAMPLE_NS / max(elapsed, 1) * 1.1))
    times = []
    for _ in range(samples):
        start = time.perf_counter_ns()
        for _ in range(calls):
            body()
        times.append((time.perf_counter_ns() - start) / 1e6 / calls)
    times.sort()
    mid = len(times) // 2
    return times[mid] if len(times) % 2 else (times[mid - 1] + times[mid]) / 2


def sig(x, digits=6):
    """A float rounded to `digits` significant digits (always written with a point or exponent)."""
    return float(f"{x:.{digits}g}")


def conv_line(case, pass_, threads, ms, flops, source):
    name, n, h, w, c_in, c_out, f, s, p = case
    return {
        "case": name, "pass": pass_, "n": n, "h": h, "w": w, "c_in": c_in, "c_out": c_out, "f": f,
        "s": s, "p": p, "threads": threads, "ms": sig(ms), "gflops": sig(flops / (ms * 1e6), 5),
        "source": source,
    }


def case_arrays(case):
    import numpy as np
    name, n, h, w, c_in, c_out, f, s, p = case
    rng = np.random.default_rng(0x5EEDC0DE)
    x = rng.uniform(-1, 1, (n, c_in, h, w)).astype(np.float32)
    wt = rng.uniform(-1, 1, (c_out, c_in, f, f)).astype(np.float32)
    b = rng.uniform(-1, 1, (c_out,)).astype(np.float32)
    dz = rng.uniform(-1, 1, (n, c_out, out_size(h, f, s, p), out_size(w, f, s, p))).astype(np.float32)
    return x, wt, b, dz


def onnx_conv_model(case, wt, b):
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    name, n, h, w, c_in, c_out, f, s, p = case
    node = helper.make_node("Conv", ["X", "W", "B"], ["Y"], kernel_shape=[f, f], strides=[s, s], pads=[p, p, p, p])
    graph = helper.make_graph(
        [node], f"conv_{name}",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [n, c_in, h, w])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [n, c_out, out_size(h, f, s, p), out_size(w, f, s, p)])],
        initializer=[numpy_helper.from_array(wt, "W"), numpy_helper.from_array(b, "B")])
    # Opset 17 / IR 8: old enough for any recent onnxruntime, whatever onnx writes by default.
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model.SerializeToString()


def bench_onnxruntime(threads_list, samples):
    import numpy as np
    import onnxruntime as ort
    source = f"onnxruntime {ort.__version__}"
    lines = []
    for t in threads_list:
        for case in CASES:
            x, wt, b, _ = case_arrays(case)
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = t
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            sess = ort.InferenceSession(onnx_conv_model(case, wt, b), opts, providers=["CPUExecutionProvider"])
            # Check it computes the convolution before timing it.
            y = sess.run(None, {"X": x})[0]
            ref = reference_conv(x, wt, b, case)
            if not np.allclose(y, ref, rtol=1e-3, atol=1e-3):
                sys.exit(f"onnxruntime conv {case[0]} disagrees with the reference")
            feed = {"X": x}
            ms = median_ms(lambda: sess.run(None, feed), samples)
            line = conv_line(case, "forward", t, ms, conv_flops(*case[1:]), source)
            log(f"  onnxruntime {case[0]:8} forward  t{t}: {ms:9.4f} ms  {line['gflops']:8.2f} GFLOP/s")
            lines.append(line)
    return lines


def reference_conv(x, wt, b, case):
    """A plain numpy convolution (float64) to check the libraries against."""
    import numpy as np
    name, n, h, w, c_in, c_out, f, s, p = case
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (p, p), (p, p)))
    ho, wo = out_size(h, f, s, p), out_size(w, f, s, p)
    y = np.zeros((n, c_out, ho, wo))
    for i in range(f):
        for j in range(f):
            patch = xp[:, :, i:i + s * ho:s, j:j + s * wo:s]  # n, c_in, ho, wo
            y += np.einsum("nchw,oc->nohw", patch, wt[:, :, i, j].astype(np.float64))
    return y + b.reshape(1, -1, 1, 1)


def bench_torch_conv(threads_list, samples):
    import numpy as np
    import torch
    import torch.nn.functional as F
    source = f"torch {torch.__version__}"
    lines = []
    for t in threads_list:
        torch.set_num_threads(t)
        for case in CASES:
            name, n, h, w, c_in, c_out, f, s, p = case
            xn, wn, bn, dzn = case_arrays(case)
            x, wt, b, dz = (torch.from_numpy(a) for a in (xn, wn, bn, dzn))
            with torch.no_grad():
                y = F.conv2d(x, wt, b, stride=s, padding=p)
                if not np.allclose(y.numpy(), reference_conv(xn, wn, bn, case), rtol=1e-3, atol=1e-3):
                    sys.exit(f"torch conv {name} disagrees with the reference")

                def forward():
                    F.conv2d(x, wt, b, stride=s, padding=p)

                def backward():
                    torch.ops.aten.convolution_backward(
                        dz, x, wt, None, [s, s], [p, p], [1, 1], False, [0, 0], 1, [True, True, False])

                flops = conv_flops(n, h, w, c_in, c_out, f, s, p)
                for pass_, body, work in (("forward", forward, flops), ("backward", backward, 2 * flops)):
                    ms = median_ms(body, samples)
                    line = conv_line(case, pass_, t, ms, work, source)
                    log(f"  torch       {name:8} {pass_:8} t{t}: {ms:9.4f} ms  {line['gflops']:8.2f} GFLOP/s")
                    lines.append(line)
    return lines


def mnist_net():
    import torch.nn as nn
    return nn.Sequential(
        nn.Conv2d(1, 8, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),    # 24 -> 12
        nn.Conv2d(8, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 3),   # 12 -> 4
        nn.Flatten(), nn.Linear(16 * 4 * 4, 10))


def cifar_net():
    import torch.nn as nn
    return nn.Sequential(
        nn.Conv2d(3, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),   # 32 -> 16
        nn.Conv2d(16, 20, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),  # 16 -> 8
        nn.Conv2d(20, 20, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),  # 8 -> 4
        nn.Flatten(), nn.Linear(20 * 4 * 4, 10))


def bench_torch_training(threads_list, batch=20, warmup=10, min_batches=50, min_seconds=1.0):
    import torch
    import torch.nn as nn
    source = f"torch {torch.__version__}"
    lines = []
    for t in threads_list:
        torch.set_num_threads(t)
        for name, make, shape in (("train-mnist", mnist_net, (1, 24, 24)), ("train-cifar", cifar_net, (3, 32, 32))):
            torch.manual_seed(0)
            model = make()
            opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
            loss_fn = nn.CrossEntropyLoss()
            pool = [(torch.randn(batch, *shape), torch.randint(0, 10, (batch,))) for _ in range(16)]

            def step(i):
                x, y = pool[i % len(pool)]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(model(x), y)
                loss.backward()
                opt.step()
                return loss

            for i in range(warmup):
                step(i)
            batches = 0
            start = time.perf_counter()
            while batches < min_batches or time.perf_counter() - start < min_seconds:
                loss = step(batches)
                batches += 1
            elapsed = time.perf_counter() - start
            rate = batches * batch / elapsed
            log(f"  torch       {name:11} t{t}: {batches} batches in {elapsed:.2f} s, {rate:9.1f} examples/s, "
                f"last loss {loss.item():.4f}")
            lines.append({"case": name, "threads": t, "examples_per_s": sig(rate), "source": source})
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", help="write DIR/onnxruntime.jsonl and DIR/torch.jsonl instead of stdout")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    parser.add_argument("--samples", type=int, default=21, help="timed samples per conv case (>= 15, default 21)")
    args = parser.parse_args()
    threads = [int(v) for v in args.threads.split(",") if v.strip()]
    if not threads or min(threads) < 1:
        parser.error("--threads needs positive integers")
    if args.samples < 15:
        parser.error("--samples must be at least 15")

    ensure_venv_and_reexec()

    import onnxruntime
    import torch
    torch.set_num_interop_threads(1)
    log(f"python {sys.version.split()[0]}, onnxruntime {onnxruntime.__version__}, torch {torch.__version__}, "
        f"threads {threads}, {args.samples} samples, venv {VENV}")
    started = time.perf_counter()
    log("onnxruntime conv forward")
    ort_lines = bench_onnxruntime(threads, args.samples)
    log("torch conv forward/backward")
    torch_lines = bench_torch_conv(threads, args.samples)
    log("torch training")
    torch_lines += bench_torch_training(threads)
    log(f"done in {time.perf_counter() - started:.1f} s")

    def text(lines):
        return "".join(json.dumps(line, separators=(",", ":")) + "\n" for line in lines)

    if args.out_dir:
        os.makedirs(args.out_dir, exist_ok=True)
        for file, lines in (("onnxruntime.jsonl", ort_lines), ("torch.jsonl", torch_lines)):
            path = os.path.join(args.out_dir, file)
            with open(path, "w") as fh:
                fh.write(text(lines))
            log(f"wrote {path} ({len(lines)} lines)")
    else:
        sys.stdout.write(text(ort_lines + torch_lines))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
