"""Compiles a kernel module to assembly for a CPU (default znver5, ConvKernelsSIMD16) and reports,
for each micro-kernel's hottest loop, its FMAs and the spills and reloads between a loop label
and its back edge. A vector spill ("32-byte"/"64-byte" Spill or Reload) in a kernel loop means
the tile is too big for that CPU's schedule (see make_microkernels.py); the exit status is 1 then.

The machine need not have the CPU: this only compiles (about a minute on two cores). The
release build compiles ConvKernelsSIMD16 for skylake-avx512 and ConvKernelsSIMD8 for haswell
(Package.swift): check those too.

    python3 scripts/codegen/check_spills.py                              # znver5, SIMD16
    python3 scripts/codegen/check_spills.py --cpu skylake-avx512 --tune znver4  # as released
    python3 scripts/codegen/check_spills.py --cpu haswell --simd8        # SIMD8, as released
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile


def functions(assembly):
    """Maps each global symbol to the lines of its body."""
    bodies, current = {}, None
    for line in assembly.split("\n"):
        m = re.match(r"^([A-Za-z_$][\w$.]*):", line)
        if m:
            current = m.group(1)
            bodies[current] = []
        elif current:
            bodies[current].append(line)
    return bodies


def demangle(names):
    out = subprocess.run(["swift-demangle", "--simplified"], input="\n".join(names), capture_output=True, text=True)
    return out.stdout.strip().split("\n")


def hottest_loop(body):
    """(fmas, spills, vector spills) of the loop with the most FMAs, or None."""
    labels, best = {}, None
    for i, line in enumerate(body):
        m = re.match(r"^(\.LBB\w+):", line)
        if m:
            labels[m.group(1)] = i
        j = re.match(r"\s+j\w+\s+(\.LBB\w+)", line)
        if j and j.group(1) in labels:
            loop = body[labels[j.group(1)]:i + 1]
            fmas = sum("vfmadd" in x for x in loop)
            if fmas == 0:
                continue
            spills = sum(("Spill" in x or "Reload" in x) for x in loop)
            vector = sum(("Spill" in x or "Reload" in x) and ("32-byte" in x or "64-byte" in x) for x in loop)
            if best is None or fmas > best[0]:
                best = (fmas, spills, vector)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cpu", default="znver5")
    parser.add_argument("--tune", help="a CPU to schedule for (-mtune), as Package.swift does for SIMD16")
    parser.add_argument("--simd8", action="store_true", help="the SIMD8 set instead of SIMD16")
    args = parser.parse_args()
    root = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
    module = "ConvKernelsSIMD8" if args.simd8 else "ConvKernelsSIMD16"
    abi = sorted(glob.glob(os.path.join(root, "Sources", "ConvKernelABI", "*.swift")))
    sources = sorted(glob.glob(os.path.join(root, "Sources", module, "*.swift")))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["swiftc", "-emit-module", "-Ounchecked", "-module-name", "ConvKernelABI", "-parse-as-library",
                        "-wmo", "-emit-module-path", os.path.join(tmp, "ConvKernelABI.swiftmodule")] + abi,
                       check=True, stderr=subprocess.DEVNULL)
        out = os.path.join(tmp, module + ".s")
        command = ["swiftc", "-emit-assembly", "-Ounchecked", "-target-cpu", args.cpu] + (["-Xcc", "-mtune=" + args.tune] if args.tune else []) + ["-module-name", module,
                   "-parse-as-library", "-wmo", "-I", tmp, "-o", out] + sources
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        with open(out) as f:
            bodies = functions(f.read())
    names = [n for n in bodies if "Kernel" in n]
    bad = 0
    for name, readable in sorted(zip(names, demangle(names)), key=lambda p: p[1]):
        m = re.search(r"(Kernel\d+x\d+)\.(run|runStrip[35])\(", readable)
        loop = m and hottest_loop(bodies[name])
        if not loop:
            continue
        fmas, spills, vector = loop
        bad += vector > 0
        flag = "  <- vector spills" if vector else ""
        print(f"{m.group(1) + '.' + m.group(2):24} fmas {fmas:4}  spills/reloads {spills:3} (vector {vector}){flag}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
