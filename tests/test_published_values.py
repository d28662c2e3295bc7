"""helpers reproduces the published test values of a well-known course's logistic-regression and
planar one-hidden-layer assignments (tests/data/published_values.json: inputs, outputs, tolerances,
sources). Those assignments draw their weights from numpy's legacy generator; we rebuild the same
starting weights with a local `np.random.RandomState(seed)` (never the global state) and pass them in.
"""
import json
from pathlib import Path

import numpy as np
import pytest

import helpers

DATA = json.loads((Path(__file__).parent / "data" / "published_values.json").read_text())
FIXTURES = {f["name"]: f for f in DATA["fixtures"]}


def decode(value):
    if isinstance(value, dict) and "__array__" in value:
        return np.array(value["__array__"], dtype=value["dtype"])
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    return value


def close(actual, expected, fixture):
    np.testing.assert_allclose(np.asarray(actual, dtype=float), np.asarray(expected, dtype=float), rtol=fixture["rtol"], atol=fixture["atol"])


def legacy_initialization(n_x, n_h, n_y, seed):
    """W = randn * 0.01 from the legacy generator seeded with ``seed`` (W1 first), b = 0."""
    rs = np.random.RandomState(seed)
    W1 = rs.randn(n_h, n_x) * 0.01
    W2 = rs.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def by_op(*ops):
    return [pytest.param(f, id=name) for name, f in FIXTURES.items() if f["op"] in ops]


@pytest.mark.parametrize("fixture", by_op("sigmoid"))
def test_sigmoid(fixture):
    inputs, expected = decode(fixture["inputs"]), fixture["expected"]
    close(helpers.sigmoid(inputs["z"]), expected["s"], fixture)
    if "z_scalar" in inputs:
        close(helpers.sigmoid(inputs["z_scalar"]), expected["s_of_1"], fixture)


@pytest.mark.parametrize("fixture", by_op("lr_propagate"))
def test_logistic_regression_propagate(fixture):
    i, expected = decode(fixture["inputs"]), fixture["expected"]
    grads, cost = helpers.propagate(i["w"].astype(float), i["b"], i["X"].astype(float), i["Y"])
    close(grads["dw"], expected["dw"], fixture)
    close(grads["db"], expected["db"], fixture)
    close(cost, expected["cost"], fixture)


@pytest.mark.parametrize("fixture", by_op("lr_optimize"))
def test_logistic_regression_gradient_descent(fixture):
    i, expected = decode(fixture["inputs"]), fixture["expected"]
    w, b = i["w"].astype(float), float(i["b"])
    costs = []
    for step in range(i["num_iterations"]):
        grads, cost = helpers.propagate(w, b, i["X"], i["Y"])
        if step % 100 == 0:
            costs.append(cost)
        w, b = w - i["learning_rate"] * grads["dw"], b - i["learning_rate"] * grads["db"]
    close(w, expected["w"], fixture)
    close(b, expected["b"], fixture)
    close(grads["dw"], expected["dw"], fixture)
    close(costs, expected["costs"], fixture)


@pytest.mark.parametrize("fixture", by_op("init_two_layer"))
def test_legacy_initialization_is_what_the_published_tests_used(fixture):
    i = fixture["inputs"]
    parameters = legacy_initialization(i["n_x"], i["n_h"], i["n_y"], i["seed"])
    for k, v in fixture["expected"].items():
        close(parameters[k], v, fixture)


@pytest.mark.parametrize("fixture", by_op("nn_forward"))
def test_forward_propagation(fixture):
    i = decode(fixture["inputs"])
    A2, cache = helpers.forward_propagation(i["X"], i["parameters"])
    for k, v in fixture["expected"].items():
        close(cache[k], v, fixture)


@pytest.mark.parametrize("fixture", by_op("nn_cost"))
def test_compute_cost(fixture):
    i = decode(fixture["inputs"])
    close(helpers.compute_cost(i["A2"], i["Y"]), fixture["expected"]["cost"], fixture)


@pytest.mark.parametrize("fixture", by_op("nn_backward"))
def test_backward_propagation(fixture):
    # g′(Z1) is read from the cache as 1 − A1², so the published numbers are reproduced whether they
    # were computed from Z1 or from A1 (the "random cache" case only works with A1, as it was made).
    i = decode(fixture["inputs"])
    grads = helpers.backward_propagation(i["parameters"], i["cache"], i["X"], i["Y"])
    for k, v in fixture["expected"].items():
        close(grads[k], v, fixture)


@pytest.mark.parametrize("fixture", by_op("nn_update"))
def test_update_parameters(fixture):
    i = decode(fixture["inputs"])
    new = helpers.update_parameters(i["parameters"], i["grads"], i["learning_rate"])
    for k, v in fixture["expected"].items():
        close(new[k], v, fixture)


@pytest.mark.parametrize("fixture", by_op("nn_predict"))
def test_predict(fixture):
    i = decode(fixture["inputs"])
    predictions = helpers.predict(i["parameters"], i["X"])
    np.testing.assert_array_equal(predictions, np.array(fixture["expected"]["predictions"], dtype=float))


def train_as_published(i):
    """helpers.train from the published run's legacy-generator initialization; (parameters, costs)."""
    X, Y = i["X"], i["Y"]
    start = legacy_initialization(X.shape[0], i["n_h"], Y.shape[0], i["seed"])
    return helpers.train(X, Y, i["n_h"], num_iterations=i["num_iterations"], learning_rate=i["learning_rate"], initial_parameters=start)


@pytest.mark.parametrize("fixture", by_op("nn_model"))
def test_training_reproduces_the_published_runs(fixture):
    i = decode(fixture["inputs"])
    X, Y = i["X"], i["Y"]
    parameters, costs = train_as_published(i)
    for k, v in fixture["expected"].items():
        if k.startswith("cost_"):
            close(costs[int(k[5:])], v, fixture)
        elif k == "accuracy_int":
            assert int(helpers.accuracy(parameters, X, Y)) == v
        else:
            close(parameters[k], v, fixture)


@pytest.mark.parametrize("fixture", by_op("flower_accuracy"))
def test_flower_accuracy_by_hidden_layer_size(fixture):
    i = decode(fixture["inputs"])
    parameters, _ = train_as_published(i)
    assert helpers.accuracy(parameters, i["X"], i["Y"]) == pytest.approx(fixture["expected"]["accuracy"], abs=fixture["atol"])
