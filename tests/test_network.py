"""The two-layer network's promises: dtype kept, nothing mutated, finite costs, training works."""
import warnings

import numpy as np
import pytest

import helpers
from conftest import ACTIVATIONS, random_problem


def all_public_results(parameters, X, Y, activation="tanh"):
    A2, cache = helpers.forward_propagation(X, parameters, activation)
    grads = helpers.backward_propagation(parameters, cache, X, Y, activation)
    loop = helpers.backward_propagation_loop(parameters, cache, X, Y, activation)
    new = helpers.update_parameters(parameters, grads, 0.5)
    arrays = {"A2": A2, **cache, **grads, **{"loop_" + k: v for k, v in loop.items()}, **{"new_" + k: v for k, v in new.items()}}
    arrays["predict"] = helpers.predict(parameters, X, activation)
    return arrays


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_dtype_in_is_dtype_out(dtype, activation):
    parameters, X, Y = random_problem(3, 4, 2, 6, seed=2, dtype=dtype)
    for name, array in all_public_results(parameters, X, Y.astype(bool), activation).items():
        assert array.dtype == dtype, name
    params, costs = helpers.train(X, Y, 3, num_iterations=5, activation=activation)
    assert all(p.dtype == dtype for p in params.values())
    grads, cost = helpers.propagate(np.zeros((3, 1), dtype), 0.5, X, Y[:1])
    assert grads["dw"].dtype == dtype and isinstance(cost, float)


def test_float32_agrees_with_float64():
    parameters, X, Y = random_problem(3, 4, 1, 50, seed=2)
    as32 = {k: v.astype(np.float32) for k, v in parameters.items()}
    g64 = all_public_results(parameters, X, Y)
    g32 = all_public_results(as32, X.astype(np.float32), Y.astype(np.float32))
    for name in ("dW1", "db1", "dW2", "db2"):
        np.testing.assert_allclose(g32[name], g64[name], rtol=1e-4, atol=1e-6)


def test_no_function_mutates_its_arguments():
    parameters, X, Y = random_problem(3, 4, 2, 6, seed=2)
    A2, cache = helpers.forward_propagation(X, parameters)
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    originals = [{k: v.copy() for k, v in d.items()} for d in (parameters, cache, grads)] + [X.copy(), Y.copy()]
    all_public_results(parameters, X, Y)
    helpers.update_parameters(parameters, grads, 1.0)
    helpers.compute_cost(A2, Y)
    helpers.gradient_check(parameters, X, Y)
    helpers.train(X, Y, 2, num_iterations=3)
    helpers.accuracy(parameters, X, Y)
    for before, after in zip(originals[:3], (parameters, cache, grads)):
        for k in before:
            np.testing.assert_array_equal(before[k], after[k], err_msg=k)
    np.testing.assert_array_equal(originals[3], X)
    np.testing.assert_array_equal(originals[4], Y)
    w = np.ones((3, 1))
    helpers.propagate(w, 0.0, X, Y[:1])
    np.testing.assert_array_equal(w, 1.0)


def test_update_parameters_is_one_gradient_step():
    parameters, X, Y = random_problem(2, 3, 1, 4, seed=5)
    grads = {"d" + k: np.full_like(v, 2.0) for k, v in parameters.items()}
    new = helpers.update_parameters(parameters, grads, 0.25)
    for k, v in parameters.items():
        np.testing.assert_allclose(new[k], v - 0.5)
        assert new[k] is not v


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_cost_is_finite_without_warnings_at_exact_zeros_and_ones(dtype):
    A2 = np.array([[0.0, 1.0, 0.0, 1.0, 0.5]], dtype=dtype)
    Y = np.array([[1, 0, 0, 1, 1]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cost = helpers.compute_cost(A2, Y)
    worst = -np.log(np.finfo(dtype).eps)  # the largest loss of one example once A2 is clipped to [eps, 1 - eps]
    assert np.isfinite(cost) and cost == pytest.approx((2 * worst + np.log(2)) / 5, rel=1e-5)


def test_cost_known_value():
    A2 = np.array([[0.8, 0.3, 0.6]])
    Y = np.array([[1, 0, 1]])
    expected = -(np.log(0.8) + np.log(0.7) + np.log(0.6)) / 3
    assert helpers.compute_cost(A2, Y) == pytest.approx(expected, rel=1e-15)
    with pytest.raises(ValueError, match="A2 must hold probabilities in"):
        helpers.compute_cost(A2 + 1, Y)


def test_initialize_parameters_shapes_seed_and_no_global_state():
    np.random.seed(0)
    before = np.random.get_state()[1].copy()
    p = helpers.initialize_parameters(3, 5, 2, seed=4)
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # the global generator was not used
    assert {k: v.shape for k, v in p.items()} == {"W1": (5, 3), "b1": (5, 1), "W2": (2, 5), "b2": (2, 1)}
    assert np.all(p["b1"] == 0) and np.all(p["b2"] == 0)
    assert 0 < np.abs(p["W1"]).max() < 0.05  # small: scale 0.01 times a standard normal
    np.testing.assert_array_equal(p["W1"], helpers.initialize_parameters(3, 5, 2, seed=4)["W1"])
    assert not np.array_equal(p["W1"], helpers.initialize_parameters(3, 5, 2, seed=5)["W1"])
    generator = np.random.default_rng(4)
    np.testing.assert_array_equal(helpers.initialize_parameters(3, 5, 2, seed=generator)["W1"], p["W1"])


def test_training_on_the_flower_reaches_88_percent():
    X, Y = helpers.make_flower()
    parameters, costs = helpers.train(X, Y, 4, num_iterations=10_000, learning_rate=1.2)
    assert costs.shape == (10_000,)
    assert costs[0] == pytest.approx(np.log(2), abs=1e-3)  # tiny weights: A2 ≈ 0.5 everywhere
    assert costs[-1] < 0.3 < costs[0]
    assert helpers.accuracy(parameters, X, Y) >= 88.0


def test_logistic_regression_cannot_fit_the_flower_but_a_hidden_layer_can():
    X, Y = helpers.make_flower()
    w, b = np.zeros((2, 1)), 0.0
    for _ in range(500):
        grads, cost = helpers.propagate(w, b, X, Y)
        w, b = w - 1.2 * grads["dw"], b - 1.2 * grads["db"]
    linear_accuracy = 100 * np.mean((helpers.sigmoid(w.T @ X + b) > 0.5) == Y)
    assert linear_accuracy < 70


@pytest.mark.parametrize("activation", ["tanh", "sigmoid"])
def test_large_learning_rate_on_saturated_data_stays_finite(activation):
    X, Y = helpers.make_moons(200)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parameters, costs = helpers.train(X * 1e3, Y, 4, num_iterations=300, learning_rate=50.0, activation=activation)
    assert np.all(np.isfinite(costs))
    assert all(np.all(np.isfinite(p)) for p in parameters.values())


def test_relu_divergence_is_an_error_not_a_silent_nan():
    # relu is unbounded: at this learning rate the weights grow geometrically until they overflow.
    X, Y = helpers.make_moons(200)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(FloatingPointError, match="training diverged: .* holds NaN or inf after 300 iterations at learning_rate 50.0; use a smaller learning rate"):
            helpers.train(X * 1e3, Y, 4, num_iterations=300, learning_rate=50.0, activation="relu")


def test_predict_is_0_or_1_with_the_shape_of_Y():
    parameters, X, Y = random_problem(2, 3, 3, 9, seed=1)
    predictions = helpers.predict(parameters, X)
    assert predictions.shape == (3, 9)
    assert set(np.unique(predictions)) <= {0.0, 1.0}


def test_train_reproducible_for_a_seed():
    X, Y = helpers.make_xor(50)
    p1, c1 = helpers.train(X, Y, 3, num_iterations=20, seed=3)
    p2, c2 = helpers.train(X, Y, 3, num_iterations=20, seed=3)
    np.testing.assert_array_equal(c1, c2)
    np.testing.assert_array_equal(p1["W1"], p2["W1"])


def test_train_from_given_initial_parameters_without_mutating_them():
    X, Y = helpers.make_xor(40)
    start = helpers.initialize_parameters(2, 3, 1, seed=9)
    saved = {k: v.copy() for k, v in start.items()}
    p1, c1 = helpers.train(X, Y, 3, num_iterations=15, initial_parameters=start)
    p2, c2 = helpers.train(X, Y, 3, num_iterations=15, seed=9)
    np.testing.assert_array_equal(c1, c2)
    for k in saved:
        np.testing.assert_array_equal(start[k], saved[k])
    with pytest.raises(ValueError, match=r"initial_parameters do not fit: n_h = 4"):
        helpers.train(X, Y, 4, initial_parameters=start)


def test_logistic_regression_trainer_descends_and_predicts():
    X, Y = helpers.make_moons(200)
    w, b, costs = helpers.train_logistic_regression(X, Y, num_iterations=300)
    assert w.shape == (2, 1) and isinstance(b, float) and costs.shape == (300,)
    assert costs[-1] < costs[0] == pytest.approx(np.log(2))
    predictions = helpers.predict_logistic_regression(w, b, X)
    assert predictions.shape == (1, 200) and 75 < 100 * np.mean(predictions == Y) < 95


def test_train_accepts_a_backward_pass_and_checks_its_shapes():
    X, Y = helpers.make_moons(60)
    reference = helpers.train(X, Y, 3, num_iterations=50)
    mine = helpers.train(X, Y, 3, num_iterations=50, backward=helpers.backward_propagation)
    # the same equations, up to rounding: train's own loop writes in place and folds α/m into dZ2 (math.descent.descend)
    assert np.allclose(reference[1], mine[1], rtol=1e-13, atol=0)
    assert all(np.allclose(reference[0][k], mine[0][k], rtol=1e-12, atol=1e-15) for k in mine[0])

    def flat_db1(parameters, cache, X, Y):
        grads = helpers.backward_propagation(parameters, cache, X, Y)
        return {**grads, "db1": grads["db1"].ravel()}
    with pytest.raises(ValueError, match="db1"):
        helpers.train(X, Y, 3, num_iterations=5, backward=flat_db1)


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_trains_lean_loop_gives_the_public_functions_numbers(activation, dtype):
    """train's loop (math.descent.descend: arrays written in place, α/m folded into dZ2, the costs of 250 steps at a time)
    against the public functions step by step, past a chunk of costs, with 1 and 3 outputs; and train_with_history's
    record (W1 before each step and at the end, dW1 of the first step)."""
    from helpers.math.training import train_with_history

    rng = np.random.default_rng(5)
    for n_y in (1, 3):
        X = rng.standard_normal((3, 40)).astype(dtype)
        Y = (rng.uniform(size=(n_y, 40)) > 0.5).astype(dtype)
        start = helpers.initialize_parameters(3, 5, n_y, scale=0.5, seed=2, dtype=dtype)
        trained, costs = helpers.train(X, Y, 5, num_iterations=260, learning_rate=0.5, activation=activation,
                                       initial_parameters=start)
        parameters, expected = start, []
        for _ in range(260):
            A2, cache = helpers.forward_propagation(X, parameters, activation)
            expected.append(helpers.compute_cost(A2, Y))
            grads = helpers.backward_propagation(parameters, cache, X, Y, activation)
            parameters = helpers.update_parameters(parameters, grads, 0.5)
        tight = 1e-12 if dtype == np.float64 else 2e-4
        assert costs.shape == (260,) and np.allclose(costs, expected, rtol=tight, atol=0), (n_y, activation)
        assert all(trained[k].dtype == dtype and np.allclose(trained[k], parameters[k], rtol=tight, atol=tight)
                   for k in parameters)
        history_end, history = train_with_history(X, Y, start, num_iterations=260, learning_rate=0.5,
                                                  activation=activation)
        first = helpers.backward_propagation(start, helpers.forward_propagation(X, start, activation)[1], X, Y, activation)
        assert np.array_equal(history["W1"][0], start["W1"]) and np.array_equal(history["W1"][-1], history_end["W1"])
        assert history["W1"].shape == (261, 5, 3) and np.allclose(history["dW1"], first["dW1"], rtol=tight, atol=1e-7)
        assert np.array_equal(history["costs"], costs)
