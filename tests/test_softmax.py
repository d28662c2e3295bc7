"""Notebook 07's softmax pieces: one example's gradients through the softmax (against central differences), the logits
explorer's figure (what it says, and that a move shows what a whole drawing shows), and the capstone's fallback."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

import answers as a  # noqa: E402
import helpers  # noqa: E402
from helpers.figures.alt_text import alt_text  # noqa: E402
# test_views' autouse fixture (warnings are errors, figures closed after each test) applies here too, imported
from test_views import move_and_compare_with_a_whole_drawing, no_warnings_and_close_figures  # noqa: E402, F401


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 6), seed=st.integers(0, 10_000), scale=st.sampled_from([0.1, 1.0, 5.0]))
def test_one_examples_gradients_through_the_softmax_agree_with_central_differences(n, seed, scale):
    rng = np.random.default_rng(seed)
    z, y = rng.standard_normal(n) * scale, int(rng.integers(0, n))
    a, J, dz_ce, dz_se = helpers.softmax_gradients(z, y)
    onehot = np.eye(n)[y]
    probabilities = lambda v: helpers.softmax(v.reshape(-1, 1))[:, 0]
    for j in range(n):  # the Jacobian's column j: how every a_k moves with z_j
        step = np.eye(n)[j] * 1e-6
        assert np.allclose(J[:, j], (probabilities(z + step) - probabilities(z - step)) / 2e-6, atol=1e-8)
    cross_entropy = lambda v: -np.log(probabilities(v)[y])
    squared_error = lambda v: 0.5 * np.sum((probabilities(v) - onehot) ** 2)
    assert np.allclose(dz_ce, helpers.numerical_gradient(cross_entropy, z.copy(), 1e-6), atol=1e-7)
    assert np.allclose(dz_se, helpers.numerical_gradient(squared_error, z.copy(), 1e-6), atol=1e-7)
    assert np.allclose(dz_ce, a - onehot, atol=1e-12)  # A − Y: what notebook 07 derives
    assert np.allclose(J, J.T) and np.allclose(J.sum(axis=0), 0, atol=1e-12)


def test_the_squared_errors_gradient_vanishes_when_confidently_wrong_and_the_cross_entropys_does_not():
    _, _, dz_ce, dz_se = helpers.softmax_gradients([8.0, 0.0, 0.0], 1)
    assert np.abs(dz_ce).max() > 0.99 and np.abs(dz_se).max() < 2e-3
    with pytest.raises(ValueError, match="y must be a class 0 … 2"):
        helpers.softmax_gradients([1.0, 2.0, 3.0], 3)
    with pytest.raises(ValueError, match="underflows to 0"):
        helpers.softmax_gradients([1000.0, -1000.0], 1)
    a, _, dz_ce, _ = helpers.softmax_gradients([1000.0, -1000.0], 0)  # huge logits: no overflow, exact probabilities
    assert np.array_equal(a, [1.0, 0.0]) and np.allclose(dz_ce, 0)


def test_the_logits_figure_says_what_it_shows_and_refuses_a_wrong_number_of_logits():
    fig = helpers.draw_logits([2.0, 1.0, 0.0, -1.0], 0)
    said = alt_text(fig)
    assert "a = (0.64, 0.24, 0.09, 0.03)" in said and "true class 0" in said
    assert "cross-entropy (-0.36, 0.24, 0.09, 0.03)" in said
    assert [ax.get_title() for ax in fig.axes][0] == "Probabilities $a$"
    with pytest.raises(ValueError, match="z must hold 4 logits"):
        helpers.draw_logits([1.0, 2.0], 0)


def test_a_logits_move_draws_only_what_changed_and_shows_what_a_whole_drawing_shows():
    explorer = helpers.logits_explorer()
    for control, value in (("z0", -6.0), ("y", 2), ("z3", 6.0), ("z1", 0.0), ("y", 0)):
        move_and_compare_with_a_whole_drawing(explorer, control, value)
    assert "true class 0" in explorer.alt


def test_the_capstones_fallback_is_the_reference_with_the_softmax_output(capsys):
    train = helpers.yours_or_reference(a.blank, helpers.train_deep, output="softmax")
    assert "→ using helpers.train_deep(output='softmax', …) meanwhile." in capsys.readouterr().out
    X, Y = np.random.default_rng(0).standard_normal((3, 6)), helpers.one_hot(np.array([[0, 1, 2, 0, 1, 2]]), 3)
    parameters, costs = train(X, Y, [3, 4, 3], num_iterations=5, learning_rate=0.5)
    expected = helpers.train_deep(X, Y, [3, 4, 3], output="softmax", num_iterations=5, learning_rate=0.5)
    assert np.array_equal(costs, expected[1])
    assert helpers.yours_or_reference(a.train_deep, helpers.train_deep, output="softmax") is a.train_deep


def test_the_misclassified_digits_take_predictions_as_a_row():
    X, y = np.zeros((64, 3)), np.array([[1, 2, 3]])
    fig = helpers.plot_digits(X, y, predicted=np.array([[1, 5, 3]]))
    assert [ax.get_title() for ax in fig.axes[:3]] == ["1 → 1", "2 → 5", "3 → 3"]
    with pytest.raises(ValueError, match="3 labels but 2 predictions"):
        helpers.plot_digits(X, y, predicted=[1, 2])
