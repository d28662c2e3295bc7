"""Figures and interactive explorers: they build without warnings, carry titles and labels, and redraw."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402


@pytest.fixture(autouse=True)
def no_warnings_and_close_figures():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
    plt.close("all")


def titles(fig):
    return [ax.get_title() for ax in fig.axes]


def test_logistic_graph_values_follow_the_chain_rule():
    v = helpers.logistic_graph_values(1.0, -2.0, 0.5, -0.3, 0.1, 1)
    assert v["z"] == pytest.approx(0.5 * 1.0 - 0.3 * -2.0 + 0.1)
    assert v["a"] == pytest.approx(float(helpers.sigmoid(v["z"])))
    assert v["dz"] == pytest.approx(v["da"] * v["a"] * (1 - v["a"]))  # dz = da · g'(z) = a − y
    assert v["dw2"] == pytest.approx(-2.0 * v["dz"])
    for name in ("da", "dz", "dw1", "dw2", "db"):
        assert helpers.relative_difference(v[name], v["numeric"][name]) < 1e-7, name


@pytest.mark.parametrize("show", ["values", "gradients", "both"])
def test_graph_figures_have_titles(show):
    assert titles(helpers.draw_logistic_graph(show=show))[0]
    assert "two-layer" in titles(helpers.draw_two_layer_graph(show=show))[0]
    with pytest.raises(ValueError, match="show must be"):
        helpers.draw_logistic_graph(show="everything")


def explorers():
    return {
        "graph": (helpers.graph_explorer, "x1", 2.0),
        "shapes": (helpers.shape_explorer, "n_h", 6),
        "training": (helpers.training_playground, "n_h", 2),
    }


@pytest.mark.parametrize("name", list(explorers()))
def test_explorer_redraws_when_a_control_moves(name):
    make, control, value = explorers()[name]
    explorer = make()
    before, count = explorer.figure.value, explorer.redraws
    assert before[:8] == b"\x89PNG\r\n\x1a\n"
    bundle = explorer._repr_mimebundle_()
    assert {"image/png", "text/plain", "application/vnd.jupyter.widget-view+json"} <= set(bundle)
    explorer.controls[control].value = value
    assert explorer.redraws == count + 1
    assert explorer.figure.value != before


def test_graph_explorer_table_shows_both_derivatives():
    explorer = helpers.graph_explorer()
    assert "central differences" in explorer.notes.value and explorer.notes.value.count("✓") == 5


@pytest.mark.parametrize("n_x, n_h, n_y, m", [(1, 1, 1, 1), (3, 4, 1, 1), (2, 5, 3, 7), (4, 1, 2, 3)])
def test_shape_table_matches_the_real_arrays(n_x, n_h, n_y, m):
    rng = np.random.default_rng(0)
    parameters = helpers.initialize_parameters(n_x, n_h, n_y, seed=1)
    X, Y = rng.standard_normal((n_x, m)), np.ones((n_y, m))
    A2, cache = helpers.forward_propagation(X, parameters)
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    real = {"X": X, **parameters, **cache, **grads, "dZ2": A2 - Y}
    table = {name: shape for name, shape, _ in helpers.shape_table(n_x, n_h, n_y, m)}
    for name, array in real.items():
        assert table[name] == array.shape, name
    assert table["W2ᵀ dZ2"] == (parameters["W2"].T @ real["dZ2"]).shape == table["Z1"]


def test_shape_figures():
    for pass_ in ("forward", "backward"):
        fig = helpers.draw_shapes(2, 5, 3, 4, pass_=pass_)
        assert pass_ in titles(fig)[0]


def test_decision_boundary_agrees_with_predict():
    X, Y = helpers.make_moons(100)
    parameters, costs = helpers.train(X, Y, 3, num_iterations=300)
    fig = helpers.plot_decision_boundary(lambda P: helpers.predict(parameters, P), X, Y, title="moons")
    ax = fig.axes[0]
    assert ax.get_title() == f"moons: {helpers.accuracy(parameters, X, Y):.1f}% correct"
    assert ax.get_xlabel() and ax.get_ylabel()
    fig = helpers.plot_costs(costs)
    assert fig.axes[0].get_ylabel() == "cost $J$" and fig.axes[0].get_xlabel() == "iteration"


def test_playground_reports_divergence_instead_of_crashing():
    explorer = helpers.training_playground()
    explorer.controls["activation"].value = "relu"
    explorer.controls["learning_rate"].value = 2.4
    explorer.controls["n_h"].value = 20
    assert explorer.redraws == 4  # every change redrew, diverged or not


def test_relative_difference_of_nan_or_inf_never_agrees():
    assert np.isnan(helpers.relative_difference([np.nan], [1.0]))
    assert not helpers.relative_difference([1.0], [np.inf]) < 1e-7


def test_graph_explorer_verdicts_are_right_at_5000_slider_settings():
    """Every derivative of the graph explorer agrees with its central difference at every slider setting
    (the sliders' grid: -3 to 3 in steps of 0.1, y = 0 or 1), the extremes |z| = 21 included."""
    from helpers.graph import derivative_agrees, logistic_check_table
    rng = np.random.default_rng(1)
    grid = np.round(np.arange(-30, 31) / 10, 1)
    settings = [tuple(rng.choice(grid, 5)) + (int(rng.integers(2)),) for _ in range(5000)]
    settings += [(3.0, 3.0, 3.0, 3.0, 3.0, y) for y in (0, 1)] + [(-3.0, 3.0, 3.0, -3.0, -3.0, y) for y in (0, 1)]
    for setting in settings:
        v = helpers.logistic_graph_values(*setting)
        for name in ("da", "dz", "dw1", "dw2", "db"):
            assert derivative_agrees(v[name], v["numeric"][name], v["tolerance"][name]), (setting, name)
    extreme = logistic_check_table(helpers.logistic_graph_values(3.0, 3.0, -3.0, -3.0, -3.0, 1))  # z = -21, y = 1
    assert "nan" not in extreme and extreme.count("✓") == 5 and "✗" not in extreme
    tiny = logistic_check_table(helpers.logistic_graph_values(3.0, 3.0, -3.0, -3.0, -3.0, 0))  # z = -21, y = 0
    assert "+7.58e-10" in tiny and "+0.000000" not in tiny  # small values in scientific notation
