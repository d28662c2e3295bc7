"""Every gradient of helpers against central finite differences, on random shapes.

Shapes include m = 1, n_x = 1, n_h = 1 and n_y = 3; each activation; hard (0/1) and soft labels.
"""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from conftest import ACTIVATIONS, random_problem

sizes = st.tuples(st.integers(1, 4), st.integers(1, 5), st.integers(1, 3), st.integers(1, 6))
EDGE_SHAPES = [(1, 1, 1, 1), (1, 3, 1, 1), (3, 1, 3, 1), (2, 4, 3, 5), (1, 1, 1, 7), (5, 2, 3, 1)]


def assert_matches_numeric(grads, numeric):
    for name, g in numeric.items():
        assert grads[name].shape == g.shape, name
        np.testing.assert_allclose(grads[name], g, rtol=1e-5, atol=1e-8, err_msg=name)


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("soft", [False, True], ids=["hard-labels", "soft-labels"])
@given(shape=sizes, seed=st.integers(0, 10_000))
def test_backward_propagation_matches_central_differences(activation, soft, shape, seed):
    parameters, X, Y = random_problem(*shape, seed=seed, soft=soft)
    _, cache = helpers.forward_propagation(X, parameters, activation)
    grads = helpers.backward_propagation(parameters, cache, X, Y, activation)
    assert_matches_numeric(grads, helpers.numerical_gradients(parameters, X, Y, activation, epsilon=1e-6))


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("shape", EDGE_SHAPES, ids=lambda s: "n_x=%d,n_h=%d,n_y=%d,m=%d" % s)
def test_edge_shapes_match_central_differences(activation, shape):
    parameters, X, Y = random_problem(*shape, seed=7, soft=True)
    _, cache = helpers.forward_propagation(X, parameters, activation)
    grads = helpers.backward_propagation(parameters, cache, X, Y, activation)
    for name, p in parameters.items():
        assert grads["d" + name].shape == p.shape  # dfoo has the shape of foo
    assert_matches_numeric(grads, helpers.numerical_gradients(parameters, X, Y, activation, epsilon=1e-6))


@pytest.mark.parametrize("activation", ACTIVATIONS)
@given(shape=sizes, seed=st.integers(0, 10_000), soft=st.booleans())
def test_loop_equals_vectorized(activation, shape, seed, soft):
    parameters, X, Y = random_problem(*shape, seed=seed, soft=soft)
    _, cache = helpers.forward_propagation(X, parameters, activation)
    vectorized = helpers.backward_propagation(parameters, cache, X, Y, activation)
    looped = helpers.backward_propagation_loop(parameters, cache, X, Y, activation)
    for name in vectorized:
        np.testing.assert_allclose(looped[name], vectorized[name], rtol=1e-12, atol=1e-15, err_msg=name)


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("soft", [False, True], ids=["hard-labels", "soft-labels"])
def test_gradient_check_is_tiny_on_a_correct_network(activation, soft):
    parameters, X, Y = random_problem(2, 4, 1, 10, seed=3, soft=soft)
    assert helpers.gradient_check(parameters, X, Y, activation) < 1e-7


@pytest.mark.parametrize(
    "break_it",
    [
        lambda g: {**g, "dW1": g["dW1"] * 1.01},  # 1% off
        lambda g: {**g, "db2": -g["db2"]},  # a sign
        lambda g: {**g, "dW2": g["dW2"] * 10},  # a forgotten 1/m with m = 10
    ],
    ids=["dW1-1%-off", "db2-sign", "dW2-missing-1/m"],
)
def test_gradient_check_is_large_when_a_gradient_is_broken(monkeypatch, break_it):
    import helpers.math.gradcheck as gradcheck

    right = gradcheck._backward
    monkeypatch.setattr(gradcheck, "_backward", lambda *args: break_it(right(*args)))
    parameters, X, Y = random_problem(2, 4, 1, 10, seed=3)
    assert helpers.gradient_check(parameters, X, Y) > 1e-4


@given(n_x=st.integers(1, 5), m=st.integers(1, 8), seed=st.integers(0, 10_000), soft=st.booleans())
def test_propagate_matches_central_differences(n_x, m, seed, soft):
    rng = np.random.default_rng(seed)
    w, b = rng.standard_normal((n_x, 1)), float(rng.standard_normal())
    X = rng.standard_normal((n_x, m))
    Y = rng.uniform(0, 1, (1, m)) if soft else (rng.uniform(0, 1, (1, m)) > 0.5).astype(float)
    grads, cost = helpers.propagate(w, b, X, Y)
    assert grads["dw"].shape == (n_x, 1) and isinstance(grads["db"], float) and isinstance(cost, float)
    dw = helpers.numerical_gradient(lambda v: helpers.propagate(v, b, X, Y)[1], w, epsilon=1e-6)
    db = helpers.numerical_gradient(lambda v: helpers.propagate(w, v, X, Y)[1], b, epsilon=1e-6)
    np.testing.assert_allclose(grads["dw"], dw, rtol=1e-5, atol=1e-8)
    assert grads["db"] == pytest.approx(db, rel=1e-5, abs=1e-8)


@given(n_x=st.integers(1, 5), m=st.integers(1, 8), seed=st.integers(0, 10_000))
def test_propagate_equals_the_single_example_equations_averaged(n_x, m, seed):
    rng = np.random.default_rng(seed)
    w, b = rng.standard_normal((n_x, 1)), float(rng.standard_normal())
    X, Y = rng.standard_normal((n_x, m)), (rng.uniform(0, 1, (1, m)) > 0.5).astype(float)
    grads, cost = helpers.propagate(w, b, X, Y)
    dw, db, J = np.zeros((n_x, 1)), 0.0, 0.0
    for i in range(m):
        x, y = X[:, i:i + 1], float(Y[0, i])
        a = float(helpers.sigmoid((w.T @ x).item() + b))
        J += float(helpers.loss(a, y))
        dz = float(helpers.loss_da(a, y)) * a * (1 - a)  # dz = da · g′(z), which is a − y
        assert dz == pytest.approx(a - y, abs=1e-12)
        dw += x * dz
        db += dz
    np.testing.assert_allclose(grads["dw"], dw / m, rtol=1e-12, atol=1e-15)
    assert grads["db"] == pytest.approx(db / m, rel=1e-12, abs=1e-15)
    assert cost == pytest.approx(J / m, rel=1e-12)


def test_loss_da_matches_central_differences():
    for a in (0.1, 0.5, 0.93):
        for y in (0.0, 1.0, 0.3):
            numeric = helpers.numerical_gradient(lambda t: helpers.loss(t, y), a, epsilon=1e-7)
            assert helpers.loss_da(a, y) == pytest.approx(numeric, rel=1e-6)


def test_numerical_gradient_of_a_known_function():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    np.testing.assert_allclose(helpers.numerical_gradient(lambda v: np.sum(v ** 3), x), 3 * x ** 2, rtol=1e-7)
    assert helpers.relative_difference([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert helpers.relative_difference([0.0], [0.0]) == 0.0
    assert helpers.relative_difference([1.0], [-1.0]) == 1.0
