#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora under Fuzz/Corpus/TARGET/ from files in the repo.

Seeds are small valid (and a few nearly valid) inputs the fuzzer mutates from: the lessons'
commands and the example networks for the language, the lessons themselves, the .npy and
image test fixtures, and tiny IDX and CIFAR-10 files made here. Run it again after adding
fixtures; the output is deterministic. Needs only the standard library.
"""
import glob
import hashlib
import os
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")


def put(target, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def lesson_commands():
    """Every `> command` line of the lessons, and each lesson's commands as one script."""
    scripts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Lessons", "*.lesson"))):
        lines = [l[1:].strip() for l in open(path, encoding="utf-8") if l.startswith(">")]
        scripts.append("\n".join(lines))
        scripts.extend(lines)
    return scripts


def main():
    extra = [
        "input 39x39x3; conv 10 f=3 s=1 p=0; conv 20 f=5 s=2; conv 40 f=5 s=2; flatten; softmax 10; summary",
        "input 32x32x3; conv 6 f=5; pool max f=2 s=2; conv 16 f=5; pool max f=2; fc 120; fc 84; softmax 10; explain 3",
        "let A = [[10,10,10,0,0,0],[10,10,10,0,0,0]]; let K = [[1,0,-1],[1,0,-1],[1,0,-1]]; show A * K; heatmap A",
        "seed 1; let X = randn(3,9,9,5); stats conv(X, randn(3,3,5,2), s=2, p=1); shape X[0, :, 1:3]",
        "net example lenet5; forward zeros(1,32,32,1); a[3]; quiz count=2 seed=3; 280; skip; quiz stop",
        "lesson demo; next; answer 4x4; back; lesson stop; help conv; vars; undo; clear all",
    ]
    for script in lesson_commands() + extra:
        put("language", script.encode())
    for path in sorted(glob.glob(os.path.join(ROOT, "Lessons", "*.lesson"))):
        put("lesson", open(path, "rb").read())
    networks = [
        "input 24x24x1\nconv 8 f=5 s=1 p=2\nrelu\npool max f=2 s=2\nconv 16 f=5 s=1 p=2\nrelu\npool max f=3 s=3\nsoftmax 10\n",
        "input 32x32x3\nconv 6 f=5\ntanh\npool avg f=2 s=2\nflatten\nfc 84\nsigmoid\nsoftmax 10\n",
        "input 8x8x1\nconv 4 f=3 p=same\nrelu\nflatten\nsoftmax\n",
        "input 8x8x1\nnet save \"x.cnn\"\n",
    ]
    for text in networks:
        put("network-file", text.encode())
    fixtures = os.path.join(ROOT, "Tests", "CNNLabEngineTests", "Fixtures")
    for path in sorted(glob.glob(os.path.join(fixtures, "npy", "*.npy"))):
        put("npy", open(path, "rb").read())
    for ext, target in [("png", "png"), ("jpg", "jpeg"), ("pgm", "pnm"), ("ppm", "pnm"), ("pbm", "pnm")]:
        for path in sorted(glob.glob(os.path.join(fixtures, "images", "*." + ext))):
            data = open(path, "rb").read()
            if len(data) <= 16384:
                put(target, data)
    put("pnm", b"P2\n3 2\n255\n0 128 255\n1 2 3\n")
    put("pnm", b"P5\n2 2\n255\n\x00\x40\x80\xff")
    put("pnm", b"P6\n1 1\n255\n\x10\x20\x30")
    # IDX: the first byte says where the images file ends and the labels file starts.
    images = struct.pack(">IIII", 0x803, 2, 3, 3) + bytes(range(18))
    labels = struct.pack(">II", 0x801, 2) + bytes([3, 7])
    cut = round(len(images) * 255 / (len(images) + len(labels)))
    put("idx", bytes([cut]) + images + labels)
    put("cifar10", bytes([3]) + bytes(i % 256 for i in range(3072)) + bytes([9]) + bytes(3072))


if __name__ == "__main__":
    main()
