"""The digits' figures (notebook 07): the confusion matrix counts what it should, and both figures say what they show."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.colors  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers.figures.alt_text import alt_text  # noqa: E402
from helpers.figures.style import VERMILLION  # noqa: E402


def test_the_confusion_matrix_counts_each_true_and_predicted_pair():
    y_true = np.array([[0, 0, 1, 2, 2, 2]])
    y_pred = np.array([[0, 1, 1, 2, 0, 2]])
    counts = helpers.confusion_matrix(y_true, y_pred, n_classes=3)
    np.testing.assert_array_equal(counts, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert counts.sum(axis=1).tolist() == [2, 1, 3]  # a row adds up to its class's examples
    with pytest.raises(ValueError, match="one label per example"):
        helpers.confusion_matrix(y_true, y_pred[:, :5], 3)
    with pytest.raises(ValueError, match=r"y_pred must hold classes 0 … 2"):
        helpers.confusion_matrix(y_true, y_pred + 1, 3)


def test_the_confusion_figure_gives_the_accuracy_and_the_mistakes_most_frequent_first():
    y_true = np.array([[3, 3, 3, 8, 8, 5, 5, 5]])
    y_pred = np.array([[3, 8, 8, 8, 1, 5, 5, 5]])
    fig = helpers.plot_confusion_matrix(y_true, y_pred)
    ax = fig.axes[0]
    assert ax.get_title() == "Confusion matrix: 62.5% of 8 right"
    assert ax.get_xlabel() == "predicted digit" and ax.get_ylabel() == "true digit"
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "2", "3"]
    said = alt_text(fig)
    assert "5 of 8 on the diagonal" in said and "2 × 3 taken for 8, 1 × 8 taken for 1" in said


def test_the_digit_grid_marks_the_wrong_predictions():
    X, y, _, _ = helpers.load_digits()
    predicted = y[0, :12].copy()
    predicted[[2, 7]] = (predicted[[2, 7]] + 1) % 10
    fig = helpers.plot_digits(X[:, :12], y[:, :12], predicted=predicted, columns=6, title="Twelve digits")
    shown = [ax for ax in fig.axes if ax.images]
    assert len(shown) == 12 and len(fig.axes) == 12
    red = [i for i, ax in enumerate(shown) if matplotlib.colors.same_color(ax.title.get_color(), VERMILLION)]
    assert red == [2, 7]
    assert shown[2].title.get_text() == f"{y[0, 2]} → {predicted[2]}"
    np.testing.assert_array_equal(shown[0].images[0].get_array(), X[:, 0].reshape(8, 8))  # row by row, top row first
    assert "12 images of 8 by 8 pixels in a grid of 2 rows" in alt_text(fig) and "2 of them wrong" in alt_text(fig)
    with pytest.raises(ValueError, match=r"X must be \(64, k\)"):
        helpers.plot_digits(X[:10, :3], y[:, :3])
