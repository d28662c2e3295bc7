"""Real data for notebook 07: 1,797 handwritten digits, 8 × 8 pixels, shipped with the course (no download).

The images are the test part of UCI's "Optical Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak, 1998), as
scikit-learn's wheel carries them; helpers/data/README.md says where they come from and how tools/make_digits.py
wrote the file. Each pixel counts the ink in a 4 × 4 block of a 32 × 32 scan: a whole number from 0 to 16.
"""
import gzip
from pathlib import Path

import numpy as np

DIGITS_FILE = Path(__file__).resolve().parent.parent / "data" / "digits.csv.gz"
TEST_EVERY = 5  # every 5th image of each digit (in the file's order) is held out: 355 test images, 1,442 training


def _read():
    with gzip.open(DIGITS_FILE, "rt", encoding="ascii") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.int64)
    return table[:, :64], table[:, 64]


def load_digits():
    """The digits, split once and for all: (X_train, y_train, X_test, y_test).

    X is (64, m), one image per column (its 8 rows of 8 pixels, top row first), scaled to [0, 1] (pixel / 16);
    y is (1, m), the digit 0–9 as whole numbers (`one_hot(y, 10)` gives the (10, m) Y of a softmax network). The
    split is fixed, not random: of each digit's images, in the file's order, every 5th is in the test set, so both
    sets hold every digit in the same proportions and every machine gets the same split.
    """
    pixels, labels = _read()
    rank = np.zeros(len(labels), dtype=np.int64)  # the image's position among the images of its digit
    for digit in range(10):
        where = np.flatnonzero(labels == digit)
        rank[where] = np.arange(len(where))
    test = rank % TEST_EVERY == TEST_EVERY - 1
    X = pixels.T / 16.0
    y = labels.reshape(1, -1)
    return X[:, ~test].copy(), y[:, ~test].copy(), X[:, test].copy(), y[:, test].copy()


def confusion_matrix(y_true, y_pred, n_classes=10):
    """Counts C (n_classes, n_classes): C[i, j] is how many examples of class i were predicted as class j.

    ``y_true`` and ``y_pred`` are (1, m) rows (or 1-D) of whole class numbers 0 … n_classes − 1. The diagonal holds the
    right answers; a row adds up to the number of examples of its class.
    """
    y_true, y_pred = (np.asarray(y, dtype=np.int64).ravel() for y in (y_true, y_pred))
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred must have one label per example each; got {y_true.size} and {y_pred.size}")
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if y.size and (y.min() < 0 or y.max() >= n_classes):
            raise ValueError(f"{name} must hold classes 0 … {n_classes - 1}; got values from {y.min()} to {y.max()}")
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (y_true, y_pred), 1)
    return counts
