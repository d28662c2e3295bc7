"""Symmetry: equal starting weights stay equal forever; random ones grow apart; the explorer redraws."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402


@pytest.fixture(scope="module")
def data():
    return helpers.make_flower(100)


@pytest.mark.parametrize("value", [0.0, 0.5, -1.0])
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_equal_weights_stay_equal(data, value, activation):
    X, Y = data
    parameters, history = helpers.train_with_history(X, Y, helpers.constant_parameters(2, 3, 1, value), num_iterations=200, activation=activation)
    # Equal in exact arithmetic; BLAS may round rows differently in the last bit, hence 1e-9, not 0.
    assert helpers.row_spread(history["dW1"]) < 1e-12  # every hidden unit gets the same gradient...
    assert helpers.row_spread(parameters["W1"]) < 1e-9  # ...so their weights never differ
    assert np.ptp(parameters["W2"]) < 1e-9 and np.ptp(parameters["b1"]) < 1e-9


def test_zero_start_only_moves_b2(data):
    X, Y = data
    parameters, history = helpers.train_with_history(X, Y, helpers.constant_parameters(2, 3, 1, 0.0), num_iterations=100)
    assert np.all(parameters["W1"] == 0) and np.all(parameters["W2"] == 0) and np.all(parameters["b1"] == 0)


def test_random_start_breaks_the_symmetry(data):
    X, Y = data
    parameters, history = helpers.train_with_history(X, Y, helpers.scaled_parameters(2, 3, 1, 0.01), num_iterations=200)
    assert helpers.row_spread(parameters["W1"]) > 0.1
    assert history["W1"].shape == (201, 3, 2) and history["costs"].shape == (200,)


def test_large_weights_saturate(data):
    X, Y = data
    rows = {scale: (saturated, cost, step) for scale, saturated, cost, step in helpers.saturation_report(X, Y, [0.01, 10])}
    assert rows[0.01][0] == 0.0 and rows[10][0] > 0.5
    assert rows[10][1] > 2 > rows[0.01][1]  # confidently wrong at the start
    assert rows[10][2] < rows[0.01][2]  # a relatively tiny step for W1


def test_figures_and_explorer(data):
    X, Y = data
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = helpers.plot_saturation(X, [0.01, 10])
        assert all(ax.get_title() and ax.get_xlabel() and ax.get_ylabel() for ax in fig.axes)
        explorer = helpers.initialization_explorer()
        before = explorer.figure.value
        explorer.controls["scale"].value = 1.0
        assert explorer.redraws == 2 and explorer.figure.value != before
        assert "largest difference between two rows of W1" in explorer.notes.value
    plt.close("all")
