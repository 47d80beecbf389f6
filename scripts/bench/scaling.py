#!/usr/bin/env python3
"""How cnnlab scales from one thread to several on this machine, measured so that vCPUs of
different speeds do not decide the answer.

On a VM whose vCPUs each switch between speeds for minutes at a time (the development VM: about
40 or 86 GFLOP/s on case d, each vCPU on its own), "the single-thread figure" depends on which
vCPU the thread ran on, and a T-thread run is the sum of what its T vCPUs give at that moment.
So each round runs `cnnlab bench` with one thread pinned to each of the CPUs 0..T−1 in turn and
then with T threads on those CPUs, all within seconds, and divides the T-thread figure by the
mean of the one-thread figures: the speed-up over one thread on an average one of those vCPUs.
The order inside a round alternates (T threads first in every other round). Prints, per case and
pass, the median of the one- and T-thread figures and the median, lowest and highest speed-up
over the rounds.

Run from the repository root after a release build:
    swift build -c release --product cnnlab
    python3 scripts/bench/scaling.py [--rounds 9] [--threads 2] [--cases c2,d]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CNNLAB = os.path.join(ROOT, ".build", "release", "cnnlab")


def bench(cases, threads, cpus, repetitions):
    """{(case, pass): GFLOP/s} of one `cnnlab bench` run on the CPUs `cpus`."""
    cmd = ["taskset", "-c", ",".join(map(str, cpus)), CNNLAB, "bench", "--json",
           "--threads", str(threads), "--repetitions", str(repetitions), "--cases", cases]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return {(o["case"], o["pass"]): o["gflops"] for o in map(json.loads, out.splitlines()) if "gflops" in o}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--threads", type=int, default=2, help="the thread count to compare with one")
    parser.add_argument("--cases", default="c2,d", help="conv cases of `cnnlab bench` (default c2,d)")
    parser.add_argument("--repetitions", type=int, default=9)
    args = parser.parse_args()
    if not os.path.exists(CNNLAB):
        sys.exit("build first: swift build -c release --product cnnlab")
    if shutil.which("taskset") is None:
        sys.exit("taskset (util-linux) is needed to pin the runs")
    if not 2 <= args.threads <= (os.cpu_count() or 1):
        sys.exit(f"--threads must be between 2 and the {os.cpu_count()} CPUs here")

    cpus = list(range(args.threads))
    one, many, speedups = {}, {}, {}
    for r in range(args.rounds):
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr, flush=True)
        if r % 2:
            parallel = bench(args.cases, args.threads, cpus, args.repetitions)
        singles = [bench(args.cases, 1, [cpu], args.repetitions) for cpu in cpus]
        if not r % 2:
            parallel = bench(args.cases, args.threads, cpus, args.repetitions)
        for k, value in parallel.items():
            mean_one = statistics.mean(s[k] for s in singles)
            one.setdefault(k, []).append(mean_one)
            many.setdefault(k, []).append(value)
            speedups.setdefault(k, []).append(value / mean_one)

    t = args.threads
    print(f"{args.rounds} rounds; one thread = the mean over CPUs {cpus[0]}–{cpus[-1]}, each pinned, "
          f"seconds from the {t}-thread run.")
    print()
    print(f"| case | pass | 1 thread | {t} threads | speed-up, median | lowest | highest |")
    print("|---|---|---|---|---|---|---|")
    for k in sorted(speedups):
        s = speedups[k]
        print(f"| {k[0]} | {k[1]} | {statistics.median(one[k]):.1f} GFLOP/s | "
              f"{statistics.median(many[k]):.1f} GFLOP/s | {statistics.median(s):.2f}× | "
              f"{min(s):.2f}× | {max(s):.2f}× |")


if __name__ == "__main__":
    main()
