"""Write helpers/data/digits.csv.gz, the 8×8 handwritten digits notebook 07 trains on (issue 23).

The 1,797 images are the ones scikit-learn's wheel carries: the test part of UCI's "Optical Recognition of
Handwritten Digits" (helpers/data/README.md cites it). scikit-learn is needed here only, at development time:

    python -m venv /tmp/sk && /tmp/sk/bin/pip install scikit-learn==1.9.1 && /tmp/sk/bin/python tools/make_digits.py

One row per image, in scikit-learn's order: its 64 pixels (row by row, whole numbers 0–16), then its label 0–9.
The file is written byte for byte the same on every run (gzip without a time stamp or a file name), so a re-run
shows no change in git unless the data changed; `--check` only compares.
"""
import argparse
import gzip
import io
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "helpers" / "data" / "digits.csv.gz"


def csv_bytes():
    from sklearn.datasets import load_digits  # development time only

    images, labels = load_digits(return_X_y=True)
    assert images.shape == (1797, 64) and labels.shape == (1797,), (images.shape, labels.shape)
    assert images.min() == 0 and images.max() == 16 and (images == images.round()).all()
    lines = [",".join(str(int(v)) for v in row) + f",{int(label)}" for row, label in zip(images, labels)]
    return ("\n".join(lines) + "\n").encode("ascii")


def compressed(data):
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as f:
        f.write(data)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the stored file instead of writing it")
    args = parser.parse_args()
    data = csv_bytes()
    if args.check:
        same = OUT.exists() and gzip.decompress(OUT.read_bytes()) == data
        print(f"{OUT.name}: {'the same data' if same else 'DIFFERS from scikit-learn'}")
        return 0 if same else 1
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_bytes(compressed(data))
    images = data.count(b"\n")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {images} images)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
