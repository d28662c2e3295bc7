"""Bad input raises a ValueError that names the arrays, their shapes and the rule broken."""
import re

import numpy as np
import pytest

import helpers
from conftest import random_problem


@pytest.fixture
def net():
    """n_x = 2, n_h = 4, n_y = 1, m = 400: the course's own size."""
    parameters, X, Y = random_problem(2, 4, 1, 400, seed=1)
    A2, cache = helpers.forward_propagation(X, parameters)
    return parameters, cache, X, Y


def raises(message, fn, *args, **kwargs):
    with pytest.raises(ValueError, match=re.escape(message) if isinstance(message, str) else message):
        fn(*args, **kwargs)


def test_X_rows_must_match_W1_columns(net):
    parameters, _, _, _ = net
    raises("W1 is (4, 2), so X needs 2 rows", helpers.forward_propagation, np.zeros((3, 400)), parameters)
    raises("got X (3, 400)", helpers.forward_propagation, np.zeros((3, 400)), parameters)


def test_bias_as_1d_vector(net):
    parameters, _, X, _ = net
    bad = {**parameters, "b1": np.zeros(4)}
    raises("got b1 (4,), which is 1-D (a 1-D vector broadcasts silently; use b1.reshape(-1, 1)", helpers.forward_propagation, X, bad)


def test_bias_of_wrong_length(net):
    parameters, _, X, _ = net
    raises("W1 is (4, 2), so b1 must be (4, 1), one bias per hidden unit; got b1 (3, 1)", helpers.forward_propagation, X, {**parameters, "b1": np.zeros((3, 1))})
    raises("so b2 must be (1, 1)", helpers.forward_propagation, X, {**parameters, "b2": np.zeros((2, 1))})


def test_W2_columns_must_be_n_h(net):
    parameters, _, X, _ = net
    raises("n_h = 4 hidden units and W2 needs 4 columns; got W2 (1, 3)", helpers.forward_propagation, X, {**parameters, "W2": np.zeros((1, 3))})


def test_Y_1d(net):
    parameters, cache, X, Y = net
    raises("got Y (400,), which is 1-D (use Y.reshape(1, -1))", helpers.backward_propagation, parameters, cache, X, Y.ravel())
    raises("got Y (400,)", helpers.compute_cost, cache["A2"], Y.ravel())


def test_Y_of_another_m(net):
    parameters, cache, X, Y = net
    raises("X has m = 400 columns; got Y (1, 399)", helpers.backward_propagation, parameters, cache, X, Y[:, :399])
    raises("A2 has m = 400 columns; got Y (1, 300)", helpers.compute_cost, cache["A2"], Y[:, :300])


def test_Y_outside_0_1(net):
    parameters, cache, X, Y = net
    raises("Y must hold labels in [0, 1]", helpers.backward_propagation, parameters, cache, X, Y * 2 - 1)
    raises("got values from -1 to 1", helpers.train, X, Y * 2 - 1, 4)


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("where", ["X", "W1", "b1", "W2", "b2"])
def test_non_finite_inputs(net, value, where):
    parameters, _, X, _ = net
    if where == "X":
        X = X.copy()
        X[1, 7] = value
    else:
        parameters = {**parameters, where: parameters[where].copy()}
        parameters[where][0, 0] = value
    raises(f"{where} {np.shape(X if where == 'X' else parameters[where])} holds 1 non-finite value(s)", helpers.forward_propagation, X, parameters)


def test_non_finite_Y_and_cache(net):
    parameters, cache, X, Y = net
    Y = Y.copy()
    Y[0, 3] = np.nan
    raises("Y (1, 400) holds 1 non-finite value(s) (NaN or inf), the first at Y[0, 3]", helpers.backward_propagation, parameters, cache, X, Y)
    bad_cache = {**cache, "A1": cache["A1"].copy()}
    bad_cache["A1"][2, 2] = np.inf
    raises("A1 (4, 400) holds 1 non-finite", helpers.backward_propagation, parameters, bad_cache, X, net[3])


def test_unknown_activation_lists_the_known_ones(net):
    parameters, cache, X, Y = net
    for call in (
        lambda: helpers.forward_propagation(X, parameters, "softmax"),
        lambda: helpers.backward_propagation(parameters, cache, X, Y, "softmax"),
        lambda: helpers.train(X, Y, 4, activation="softmax"),
        lambda: helpers.gradient_check(parameters, X[:, :5], Y[:, :5], "softmax"),
    ):
        with pytest.raises(ValueError, match=re.escape("unknown activation 'softmax'; the known ones are 'tanh', 'relu', 'sigmoid'")):
            call()


@pytest.mark.parametrize("key", ["W1", "b1", "W2", "b2"])
def test_parameters_missing_a_key(net, key):
    parameters, cache, X, Y = net
    bad = {k: v for k, v in parameters.items() if k != key}
    raises(f"parameters is missing the key(s) '{key}'", helpers.forward_propagation, X, bad)
    raises(f"parameters is missing the key(s) '{key}'", helpers.backward_propagation, bad, cache, X, Y)


@pytest.mark.parametrize("key", ["Z1", "A1", "Z2", "A2"])
def test_cache_missing_a_key(net, key):
    parameters, cache, X, Y = net
    raises(f"cache is missing the key(s) '{key}'", helpers.backward_propagation, parameters, {k: v for k, v in cache.items() if k != key}, X, Y)
    raises(f"cache is missing the key(s) '{key}'", helpers.backward_propagation_loop, parameters, {k: v for k, v in cache.items() if k != key}, X, Y)


def test_cache_of_wrong_shape(net):
    parameters, cache, X, Y = net
    raises("A1 must be (4, 400): one row per hidden unit (W1 has 4 rows) and one column per example (X has m = 400); got A1 (400, 4)", helpers.backward_propagation, parameters, {**cache, "A1": cache["A1"].T}, X, Y)


@pytest.mark.parametrize("key", ["dW1", "db1", "dW2", "db2"])
def test_grads_missing_a_key(net, key):
    parameters, cache, X, Y = net
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    raises(f"grads is missing the key(s) '{key}'", helpers.update_parameters, parameters, {k: v for k, v in grads.items() if k != key}, 0.1)


def test_gradient_of_another_shape(net):
    parameters, cache, X, Y = net
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    raises("dW1 must have the shape of W1 (dfoo has the shape of foo): W1 is (4, 2); got dW1 (2, 4)", helpers.update_parameters, parameters, {**grads, "dW1": grads["dW1"].T}, 0.1)
    raises("got db2 (1,), which is 1-D", helpers.update_parameters, parameters, {**grads, "db2": grads["db2"].ravel()}, 0.1)


@pytest.mark.parametrize("bad", [np.zeros(3), np.zeros((2, 3, 1)), np.float64(1.0)])
def test_arrays_that_are_not_2d(net, bad):
    parameters, _, _, _ = net
    with pytest.raises(ValueError, match=r"X must be a 2-D array \(n_x, m\), one column per example; got X \(.*\), which is \d-D"):
        helpers.forward_propagation(bad, parameters)


def test_not_an_array_at_all(net):
    parameters, _, _, _ = net
    raises("X must be a 2-D array (n_x, m), one column per example; got NoneType", helpers.forward_propagation, None, parameters)
    raises("parameters must be a dict", helpers.forward_propagation, np.zeros((2, 3)), [1, 2])


def test_mixed_precision_is_refused_not_upcast(net):
    parameters, _, X, _ = net
    raises("mixed precision: X is float32 but W1 is float64", helpers.forward_propagation, X.astype(np.float32), parameters)


def test_boolean_and_integer_labels_are_accepted(net):
    parameters, cache, X, Y = net
    expected = helpers.backward_propagation(parameters, cache, X, Y)
    for labels in (Y.astype(bool), Y.astype(np.int64), Y.astype(np.uint8)):
        got = helpers.backward_propagation(parameters, cache, X, labels)
        for k in expected:
            np.testing.assert_array_equal(got[k], expected[k])
    assert helpers.compute_cost(cache["A2"], Y.astype(bool)) == helpers.compute_cost(cache["A2"], Y)


def test_propagate_bad_input():
    w, X, Y = np.zeros((2, 1)), np.zeros((2, 5)), np.zeros((1, 5))
    raises("w is (2, 1), so X needs 2 rows (one per feature); got X (3, 5)", helpers.propagate, w, 0.0, np.zeros((3, 5)), Y)
    raises("w must be a column (n_x, 1), one weight per feature; got w (1, 2)", helpers.propagate, w.T, 0.0, X, Y)
    raises("got w (2,), which is 1-D", helpers.propagate, w.ravel(), 0.0, X, Y)
    raises("b must be a single number", helpers.propagate, w, np.zeros(3), X, Y)
    raises("b must be finite", helpers.propagate, w, np.nan, X, Y)
    raises("got Y (5,), which is 1-D", helpers.propagate, w, 0.0, X, Y.ravel())


def test_update_parameters_bad_learning_rate(net):
    parameters, cache, X, Y = net
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    for bad in (0, -1.0, np.nan, "0.1", None):
        with pytest.raises(ValueError, match="learning_rate must be"):
            helpers.update_parameters(parameters, grads, bad)


def test_initialize_parameters_bad_sizes():
    raises("n_h must be a positive whole number of units; got 0", helpers.initialize_parameters, 2, 0, 1)
    raises("n_x must be a positive whole number of units; got 2.5", helpers.initialize_parameters, 2.5, 4, 1)
