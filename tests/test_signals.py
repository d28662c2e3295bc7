"""Notebook 08's signals: the variance rule against real forward passes, the per-layer statistics against central
differences, saturated and dead units on networks built to have them, and the signal explorer (fast redraws that show
what a whole drawing shows, finite numbers at every extreme)."""
import warnings

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

import helpers  # noqa: E402
from helpers.math.deep import _forward_deep  # noqa: E402
from helpers.math.signals import SignalRun  # noqa: E402
# test_views' autouse fixture (warnings are errors, figures closed after each test) applies here too, imported
from test_views import move_and_compare_with_a_whole_drawing, no_warnings_and_close_figures  # noqa: E402, F401


@pytest.mark.parametrize("hidden, method", [("relu", "he"), ("relu", "xavier"), ("relu", 0.05), ("tanh", 0.01)])
def test_the_variance_rule_predicts_a_wide_networks_spreads(hidden, method):
    """On layers of 400 units (the rule's average over many products is then close) the measured std of Z^[l] is within
    15 % of the prediction at every layer (a missing ½ of relu would be √2 off per layer), for relu at any scale and for tanh where z stays small."""
    dims = [400] * 7 + [1]
    X = np.random.default_rng(3).standard_normal((400, 300)) * 1.5
    _, caches = helpers.L_model_forward(X, helpers.initialize_deep(dims, method, seed=4), hidden=hidden)
    measured = np.array([np.std(c["Z"]) for c in caches[:-1]])
    predicted = helpers.predicted_std(dims, method, hidden, float(np.mean(X ** 2)))
    assert predicted.shape == (6,)
    assert np.allclose(measured, predicted, rtol=0.15), (measured, predicted)


def test_the_rule_keeps_he_and_xavier_constant_and_refuses_what_it_does_not_cover():
    assert np.allclose(helpers.predicted_std([10, 20, 5, 7, 1], "he", "relu", 1.0), np.sqrt(2))
    assert np.allclose(helpers.predicted_std([10, 20, 5, 7, 1], "xavier", "tanh", 4.0), 2.0)
    assert helpers.weight_scale("he", 50) == pytest.approx(0.2) and helpers.weight_scale(0.3, 50) == 0.3
    with pytest.raises(ValueError, match="covers 'relu' and 'tanh'"):
        helpers.predicted_std([3, 4, 1], "he", "sigmoid", 1.0)
    with pytest.raises(ValueError, match="unknown method 'glorot'"):
        helpers.predicted_std([3, 4, 1], "glorot", "tanh", 1.0)


def _cost_from(Z, caches, l, Y):
    """The cost as a function of layer l's Z: the layers above run forward from A^[l] = g(Z)."""
    A = helpers.math.deep.ACTIVATION_DEEP[caches[l - 1]["activation"]](Z)
    layers = [(c["W"], c["b"]) for c in caches[l:]]
    AL, _ = _forward_deep(A, layers, caches[l]["activation"] if len(layers) > 1 else "sigmoid", "sigmoid")
    return helpers.L_model_cost(AL, Y)


@settings(max_examples=15, deadline=None)
@given(depth=st.integers(1, 4), width=st.integers(1, 5), m=st.integers(1, 4), seed=st.integers(0, 1000),
       hidden=st.sampled_from(["relu", "tanh", "sigmoid"]))
def test_the_statistics_dZ_is_the_costs_gradient_by_central_differences(depth, width, m, seed, hidden):
    """dZ^[l] (whose spread layer_statistics reports) is m · ∂J/∂Z^[l] by central differences, at every hidden layer, for
    every activation, m = 1 and n = 1 included; the other statistics are what they say."""
    rng = np.random.default_rng(seed)
    dims = [int(rng.integers(1, 5))] + [width] * depth + [1]
    X, Y = rng.standard_normal((dims[0], m)), (rng.random((1, m)) < 0.5).astype(float)
    parameters = helpers.initialize_deep(dims, "xavier", seed)
    AL, caches = helpers.L_model_forward(X, parameters, hidden=hidden)
    grads = helpers.L_model_backward(AL, Y, caches)
    statistics = helpers.layer_statistics(caches, grads)
    for l in range(1, depth + 1):
        Z = caches[l - 1]["Z"]
        numeric = np.zeros_like(Z)
        for index in np.ndindex(Z.shape):
            step = np.zeros_like(Z)
            step[index] = 1e-6
            numeric[index] = (_cost_from(Z + step, caches, l, Y) - _cost_from(Z - step, caches, l, Y)) / 2e-6
        dZ = grads[f"dA{l}"] * {"relu": Z > 0, "tanh": 1 - caches[l - 1]["A"] ** 2,
                                "sigmoid": caches[l - 1]["A"] * (1 - caches[l - 1]["A"])}[hidden]
        if hidden != "relu" or np.all(np.abs(Z) > 1e-5):  # relu's kink: central differences straddle it
            assert np.allclose(m * numeric, dZ, atol=1e-7, rtol=1e-5)
        assert statistics["dZ"][l - 1] == pytest.approx(np.std(dZ), abs=1e-15)
        assert statistics["A"][l - 1] == pytest.approx(np.std(caches[l - 1]["A"]))
        ratio = np.linalg.norm(grads[f"dW{l}"]) / np.linalg.norm(parameters[f"W{l}"])
        assert statistics["ratio"][l - 1] == pytest.approx(ratio) and statistics["dW"][l - 1] == pytest.approx(
            np.std(grads[f"dW{l}"]))
    assert all(v.shape == (depth,) for v in statistics.values())


def test_dead_and_saturated_units_are_counted_per_layer():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3, 20))
    parameters = helpers.initialize_deep([3, 4, 4, 1], "he", seed=1)
    parameters["b1"][:2] = -100.0  # units 1 and 2 of layer 1: z < 0 for every example
    _, caches = helpers.L_model_forward(X, parameters)
    saturated, dead = helpers.unit_shares(caches)
    assert dead[0] == 0.5 and saturated.tolist() == [0.0, 0.0]
    parameters = helpers.initialize_deep([3, 4, 1], 50.0, seed=1)
    _, caches = helpers.L_model_forward(X, parameters, hidden="tanh")
    saturated, dead = helpers.unit_shares(caches)
    assert saturated[0] == np.mean(1 - caches[0]["A"] ** 2 < 0.01) and saturated[0] > 0.8 and dead[0] == 0.0


@pytest.mark.parametrize("hidden", ["tanh", "relu", "sigmoid"])
@pytest.mark.parametrize("scale", [1e-3, 0.1, 10.0])
def test_the_explorers_network_stays_finite_and_silent_at_every_extreme(hidden, scale):
    run = SignalRun()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        statistics, (saturated, dead) = run.run(50, hidden, scale)
    assert all(np.all(np.isfinite(v)) and v.shape == (50,) for v in statistics.values())
    assert np.all((0 <= saturated) & (saturated <= 1)) and np.all((0 <= dead) & (dead <= 1))
    again, _ = SignalRun().run(50, hidden, scale)
    assert all(np.array_equal(statistics[k], again[k]) for k in statistics)  # the same network every time
    with pytest.raises(ValueError, match="depth must be a whole number of hidden layers from 1 to 50"):
        run.run(51, hidden, scale)


def test_the_explorers_first_layers_are_the_same_at_every_depth():
    run = SignalRun()
    shallow, _ = run.run(5, "tanh", 0.1)
    deep, _ = run.run(30, "tanh", 0.1)
    assert np.array_equal(shallow["A"], deep["A"][:5])


def test_a_signal_move_draws_only_what_changed_and_shows_what_a_whole_drawing_shows():
    explorer = helpers.signal_explorer()
    for control, value in (("scale", 0.1), ("hidden", "relu"), ("depth", 50), ("scale", 10.0), ("hidden", "sigmoid"),
                           ("depth", 1), ("scale", 0.001)):
        move_and_compare_with_a_whole_drawing(explorer, control, value)
    assert "A network of 1 hidden σ layer of 100 units" in explorer.alt


def test_the_signals_figure_says_what_it_shows_and_refuses_a_scale_off_its_ruler():
    fig = helpers.draw_signals(10, "tanh", 0.01)
    alt = helpers.figures.alt_text.alt_text(fig)
    assert "10 hidden tanh layers" in alt and "Xavier's scale is 0.1" in alt and "9.1e-11" in alt
    with pytest.raises(ValueError, match="scale must be a number from 0.001 to 10"):
        helpers.draw_signals(10, "tanh", 100.0)
    with pytest.raises(ValueError, match="unknown hidden activation 'elu'"):
        helpers.draw_signals(10, "elu", 0.1)
    X = np.random.default_rng(0).standard_normal((5, 8))
    AL, caches = helpers.L_model_forward(X, helpers.initialize_deep([5, 6, 6, 1], "he"))
    stats = helpers.layer_statistics(caches, helpers.L_model_backward(AL, np.ones((1, 8)), caches))
    fig = helpers.plot_layer_statistics({"relu, He": stats}, title="Two layers")
    assert "relu, He: A from" in helpers.figures.alt_text.alt_text(fig)


def test_no_move_of_the_signal_explorer_draws_the_whole_figure():
    """The three layers' axes are drawn when the explorer is made (SignalView.warm): a move, a new depth included, draws
    only the lines, the marker and the title over a kept picture."""
    explorer = helpers.signal_explorer()
    blitter = explorer.view.blitter
    before = blitter.whole_drawings
    for control, value in (("depth", 50), ("depth", 12), ("hidden", "relu"), ("scale", 5.0), ("depth", 3)):
        explorer.controls[control].value = value
    assert blitter.whole_drawings == before and explorer.view.axis == 10
