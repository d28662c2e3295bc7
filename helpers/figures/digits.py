"""The handwritten digits drawn (notebook 07): a grid of images with their labels, and a confusion matrix."""
import matplotlib.pyplot as plt
import numpy as np

from ..math.digits import confusion_matrix
from .alt_text import describe
from .style import VERMILLION, figure_size, pt


def plot_digits(X, y, *, predicted=None, columns=10, title="Handwritten digits, 8 × 8 pixels"):
    """Draw the images that are the columns of X (64, k) on a grid, each with its digit above it; with ``predicted``,
    "true → predicted", in vermillion where they differ. Ink is dark, as on paper."""
    X, y = np.asarray(X), np.asarray(y).ravel()
    if predicted is not None:  # a row (1, k), as predict_deep gives, or a flat list
        predicted = np.asarray(predicted).ravel()
        if predicted.size != y.size:
            raise ValueError(f"predicted must hold one class per image: {y.size} labels but {predicted.size} predictions")
    if X.ndim != 2 or X.shape[0] != 64 or X.shape[1] != y.size:
        raise ValueError(f"X must be (64, k), one 8 × 8 image per column, with one label each; got X {X.shape} and "
                         f"{y.size} labels")
    k = X.shape[1]
    if k == 0:
        raise ValueError("no images to draw: X has no columns")
    rows = -(-k // columns)
    width, height = figure_size((0.75 * columns, 0.95 * rows + 0.5), (0.95 * columns, 1.25 * rows + 0.6))
    fig, axes = plt.subplots(rows, columns, figsize=(width, height), squeeze=False)
    wrong = 0
    for i, ax in enumerate(axes.ravel()):
        ax.set_axis_off()
        if i >= k:
            continue
        ax.imshow(X[:, i].reshape(8, 8), cmap="gray_r", vmin=0, vmax=max(1.0, float(X.max())), interpolation="nearest")
        if predicted is None:
            ax.set_title(str(int(y[i])), fontsize=pt(10), pad=2)
        else:
            miss = int(predicted[i]) != int(y[i])
            wrong += miss
            ax.set_title(f"{int(y[i])} → {int(predicted[i])}", fontsize=pt(10), pad=2, color=VERMILLION if miss else "black")
    fig.suptitle(title, fontsize=pt(12))
    fig.tight_layout()
    said = (f"{k} images of 8 by 8 pixels in a grid of {rows} rows, dark ink on white, each titled with its digit"
            + (f" as true → predicted, {wrong} of them wrong (in vermillion)" if predicted is not None else ""))
    return describe(fig, said, texts=False)


def plot_confusion_matrix(y_true, y_pred, *, n_classes=10, title="Confusion matrix"):
    """The confusion matrix as a grid of counts: rows the true digit, columns the predicted one; the diagonal holds the
    right answers. The title gets the accuracy."""
    counts = confusion_matrix(y_true, y_pred, n_classes)
    m = int(counts.sum())
    fig, ax = plt.subplots(figsize=figure_size((5.6, 5.0), (7.6, 6.8)))
    ax.imshow(counts, cmap="cividis", vmin=0)
    peak = max(1, int(counts.max()))
    for i in range(n_classes):
        for j in range(n_classes):
            if counts[i, j]:
                ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=pt(8),
                        color="black" if counts[i, j] > peak / 2 else "white")
    ax.set_xticks(range(n_classes))
    ax.set_yticks(range(n_classes))
    ax.set_xlabel("predicted digit")
    ax.set_ylabel("true digit")
    accuracy = 100 * np.trace(counts) / m if m else 0.0
    ax.set_title(f"{title}: {accuracy:.1f}% of {m} right")
    for side in ("top", "right"):
        ax.spines[side].set_visible(True)
    off = [(i, j, int(counts[i, j])) for i in range(n_classes) for j in range(n_classes) if i != j and counts[i, j]]
    off.sort(key=lambda t: -t[2])
    said = (f"A {n_classes} by {n_classes} grid of counts, rows the true digit and columns the predicted one, darker for "
            f"fewer; {int(np.trace(counts))} of {m} on the diagonal (right)"
            + ("; the mistakes, most frequent first: " + ", ".join(f"{c} × {i} taken for {j}" for i, j, c in off)
               if off else "; no mistakes"))
    return describe(fig, said, texts=False)
