#!/usr/bin/env python3
"""cnnlab next to onnxruntime and PyTorch on this machine, in one run: the table for the README.

Alternates `cnnlab bench --json` with `scripts/bench/reference.py` for --rounds rounds (so a
noisy moment on a shared machine hits both sides), then prints, per case, pass and thread
count, the median of each side over the rounds and the median of the rounds' ratios
cnnlab / reference (above 1 means cnnlab is faster). Conv figures are GFLOP/s (onnxruntime for
forward, PyTorch for backward, which onnxruntime does not train); training figures are
examples/s against PyTorch.

Runs with fewer threads than the machine has CPUs are pinned (taskset), both sides of a round
to the same CPUs, moving to the next CPUs each round: on a VM whose vCPUs change speed
independently for minutes at a time, an unpinned one-thread run measures whichever vCPU the
scheduler picked, and the two sides could sit on different ones (--no-pin turns this off).

Run from the repository root after a release build:
    swift build -c release --product cnnlab
    python3 scripts/bench/side_by_side.py [--rounds 3] [--threads 1,2] [--json-out DIR]
reference.py sets up its own virtualenv with onnxruntime and CPU-only torch on first use.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CNNLAB = os.path.join(ROOT, ".build", "release", "cnnlab")
CONV_CASES = ["b", "c1", "c2", "d", "lecture"]
TRAIN_CASES = ["train-mnist", "train-cifar"]


def lines(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def key(obj):
    return (obj["case"], obj.get("pass", "train"), obj["threads"])


def figure(obj):
    return obj["gflops"] if "gflops" in obj else obj["examples_per_s"]


def pinned(cmd, cpus):
    """`cmd` run on the CPUs `cpus` only (a list), or as it is for None."""
    return cmd if cpus is None else ["taskset", "-c", ",".join(map(str, cpus))] + cmd


def cpus_for(threads, round_index, pin):
    """The CPUs a run of `threads` threads uses in round `round_index`: all of them (None) when
    it needs every CPU or pinning is off, otherwise `threads` CPUs starting at the round's."""
    count = os.cpu_count() or 1
    if not pin or threads >= count:
        return None
    return [(round_index + i) % count for i in range(threads)]


def run_cnnlab(t, cpus):
    cmd = [CNNLAB, "bench", "--json", "--threads", str(t), "--repetitions", "21",
           "--cases", ",".join(CONV_CASES + TRAIN_CASES)]
    return lines(subprocess.run(pinned(cmd, cpus), check=True, capture_output=True, text=True).stdout)


def run_reference(t, cpus):
    with tempfile.TemporaryDirectory() as d:
        cmd = [sys.executable, os.path.join(ROOT, "scripts", "bench", "reference.py"),
               "--out-dir", d, "--threads", str(t)]
        subprocess.run(pinned(cmd, cpus), check=True, stderr=subprocess.DEVNULL)
        result = {}
        for name in ["onnxruntime", "torch"]:
            with open(os.path.join(d, name + ".jsonl")) as f:
                result[name] = lines(f.read())
        return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--json-out", help="also write the last round's raw outputs to DIR")
    parser.add_argument("--no-pin", dest="pin", action="store_false",
                        help="do not pin runs of fewer threads than CPUs to the same CPUs")
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    if not os.path.exists(CNNLAB):
        sys.exit("build first: swift build -c release --product cnnlab")
    if args.pin and shutil.which("taskset") is None:
        sys.exit("taskset (util-linux) is needed to pin the runs; or pass --no-pin")

    samples = {"cnnlab": {}, "onnxruntime": {}, "torch": {}}
    sources = {}
    for r in range(args.rounds):
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr, flush=True)
        ours, refs = [], {}
        for t in threads:
            cpus = cpus_for(t, r, args.pin)
            ours += run_cnnlab(t, cpus)
            for name, objs in run_reference(t, cpus).items():
                refs.setdefault(name, []).extend(objs)
        for obj in ours:
            samples["cnnlab"].setdefault(key(obj), []).append(figure(obj))
        for name, objs in refs.items():
            for obj in objs:
                samples[name].setdefault(key(obj), []).append(figure(obj))
                sources[name] = obj.get("source", name)
        if args.json_out:
            os.makedirs(args.json_out, exist_ok=True)
            with open(os.path.join(args.json_out, "cnnlab.jsonl"), "w") as f:
                f.writelines(json.dumps(o) + "\n" for o in ours)
            for name, objs in refs.items():
                with open(os.path.join(args.json_out, name + ".jsonl"), "w") as f:
                    f.writelines(json.dumps(o) + "\n" for o in objs)

    def median(name, k):
        values = samples[name].get(k)
        return statistics.median(values) if values else None

    pinning = "fewer threads than CPUs pinned, both sides alike" if args.pin else "no pinning"
    print(f"Medians of {args.rounds} alternating rounds ({pinning}); ratio: the median of the rounds' "
          "ratios; references: " + ", ".join(sources.get(n, n) for n in ["onnxruntime", "torch"]) + ".")
    print()
    print("| case | pass | threads | cnnlab | reference | ratio |")
    print("|---|---|---|---|---|---|")
    for case in CONV_CASES + TRAIN_CASES:
        for p in (["train"] if case in TRAIN_CASES else ["forward", "backward"]):
            for t in threads:
                k = (case, p, t)
                ours = median("cnnlab", k)
                ref_name = "onnxruntime" if p == "forward" else "torch"
                ref = median(ref_name, k)
                if ours is None or ref is None:
                    continue
                unit = "ex/s" if p == "train" else "GFLOP/s"
                fmt = (lambda v: f"{v:,.0f}") if p == "train" else (lambda v: f"{v:.1f}")
                ratio = statistics.median(
                    x / y for x, y in zip(samples["cnnlab"][k], samples[ref_name][k]))
                print(f"| {case} | {p} | {t} | {fmt(ours)} {unit} | {fmt(ref)} ({ref_name}) | {ratio:.2f}× |")

    if len(threads) > 1:
        # Scaling per round (the same moment for both thread counts), then the median and best
        # over the rounds: the VM's second vCPU is not always a full core.
        first, last = threads[0], threads[-1]
        print()
        print(f"Scaling {last} threads / {first}, median and best of the rounds:")
        print()
        print("| case | pass | cnnlab | reference |")
        print("|---|---|---|---|")
        for case in CONV_CASES + TRAIN_CASES:
            for p in (["train"] if case in TRAIN_CASES else ["forward", "backward"]):
                cells = []
                for name in ["cnnlab", "onnxruntime" if p == "forward" else "torch"]:
                    a, b = samples[name].get((case, p, first)), samples[name].get((case, p, last))
                    if not a or not b:
                        cells.append("—")
                        continue
                    ratios = [y / x for x, y in zip(a, b)]
                    cells.append(f"{statistics.median(ratios):.2f}× (best {max(ratios):.2f}×)")
                print(f"| {case} | {p} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
