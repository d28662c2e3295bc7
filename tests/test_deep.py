"""The network of L layers and its softmax output (issue 23): L_model_forward / L_model_backward against central
differences for L = 1 … 5 and every hidden/output pairing (m = 1 and n = 1 included), agreement with notebooks 01
and 03, softmax's stability, initialize_deep, and clear messages for bad input."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from conftest import random_problem

HIDDEN = ("relu", "tanh", "sigmoid")
OUTPUTS = ("sigmoid", "softmax")


def deep_problem(layer_dims, m, output, *, seed=0, soft=False, dtype=np.float64):
    """Random parameters (non-zero biases), X and Y for ``layer_dims``; Y one-hot for softmax."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = (rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.8).astype(dtype)
        parameters[f"b{l}"] = (rng.standard_normal((layer_dims[l], 1)) * 0.5).astype(dtype)
    X = rng.standard_normal((layer_dims[0], m)).astype(dtype)
    n_L = layer_dims[-1]
    if output == "softmax":
        Y = helpers.one_hot(rng.integers(0, n_L, (1, m)), n_L)
    else:
        Y = rng.uniform(0, 1, (n_L, m)) if soft else (rng.uniform(0, 1, (n_L, m)) > 0.5)
    return parameters, X, Y.astype(dtype)


def backward(parameters, X, Y, hidden, output):
    AL, caches = helpers.L_model_forward(X, parameters, hidden, output)
    return helpers.L_model_backward(AL, Y, caches)


def assert_matches_numeric(grads, numeric):
    for name, g in numeric.items():
        assert grads[name].shape == g.shape, name  # dfoo has the shape of foo
        np.testing.assert_allclose(grads[name], g, rtol=1e-5, atol=1e-8, err_msg=name)


dims = st.lists(st.integers(1, 5), min_size=2, max_size=6)  # n_0 … n_L with L = 1 … 5


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("hidden", HIDDEN)
@given(layer_dims=dims, m=st.integers(1, 6), seed=st.integers(0, 10_000))
def test_L_model_backward_matches_central_differences(hidden, output, layer_dims, m, seed):
    if output == "softmax" and layer_dims[-1] == 1:
        layer_dims = layer_dims[:-1] + [2]  # one class is no choice: softmax of one row is 1 and J is 0
    parameters, X, Y = deep_problem(layer_dims, m, output, seed=seed)
    grads = backward(parameters, X, Y, hidden, output)
    assert_matches_numeric(grads, helpers.numerical_gradients_deep(parameters, X, Y, hidden, output, epsilon=1e-6))


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("L", [1, 2, 3, 4, 5])
def test_every_depth_with_one_example_and_one_unit(L, hidden, output):
    layer_dims = [1] + [1, 3] * 3
    layer_dims = layer_dims[:L] + [3 if output == "softmax" else 1]
    parameters, X, Y = deep_problem(layer_dims, 1, output, seed=L)
    grads = backward(parameters, X, Y, hidden, output)
    assert sorted(grads) == sorted([f"d{p}{l}" for l in range(1, L + 1) for p in "Wb"] + [f"dA{l}" for l in range(L)])
    assert grads["dA0"].shape == X.shape
    assert_matches_numeric(grads, helpers.numerical_gradients_deep(parameters, X, Y, hidden, output, epsilon=1e-6))


@pytest.mark.parametrize("hidden", HIDDEN)
def test_dA_is_the_gradient_of_the_cost_with_respect_to_each_activation(hidden):
    """dA^[l−1] = W^[l]ᵀ dZ^[l] carries no 1/m: column i is example i's own ∂L/∂a, which is m times ∂J/∂A^[l−1]
    (J averages); the 1/m is applied once, in dW and db. Checked on dA0 by nudging X itself."""
    parameters, X, Y = deep_problem([3, 4, 2, 1], 5, "sigmoid", seed=3)
    grads = backward(parameters, X, Y, hidden, "sigmoid")

    def cost(X_nudged):
        AL, _ = helpers.L_model_forward(X_nudged, parameters, hidden, "sigmoid")
        return helpers.L_model_cost(AL, Y)

    numeric = helpers.numerical_gradient(cost, X, epsilon=1e-6)
    np.testing.assert_allclose(grads["dA0"], X.shape[1] * numeric, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("activation", HIDDEN)
def test_two_layers_give_notebook_03s_numbers(activation):
    parameters, X, Y = random_problem(3, 4, 2, 7, seed=5, soft=True)
    A2, cache = helpers.forward_propagation(X, parameters, activation)
    AL, caches = helpers.L_model_forward(X, parameters, hidden=activation, output="sigmoid")
    np.testing.assert_allclose(AL, A2, rtol=1e-12, atol=0)
    expected = helpers.backward_propagation(parameters, cache, X, Y, activation)
    grads = helpers.L_model_backward(AL, Y, caches)
    for name, g in expected.items():
        np.testing.assert_allclose(grads[name], g, rtol=1e-12, atol=1e-15, err_msg=name)
    assert helpers.L_model_cost(AL, Y) == pytest.approx(helpers.compute_cost(A2, Y), rel=1e-12)


def test_one_layer_is_notebook_01s_logistic_regression():
    rng = np.random.default_rng(1)
    X, w, b = rng.standard_normal((4, 9)), rng.standard_normal((4, 1)), 0.3
    Y = (rng.uniform(size=(1, 9)) > 0.5).astype(float)
    grads, cost = helpers.propagate(w, b, X, Y)
    AL, caches = helpers.L_model_forward(X, {"W1": w.T, "b1": np.array([[b]])}, output="sigmoid")
    deep = helpers.L_model_backward(AL, Y, caches)
    np.testing.assert_allclose(deep["dW1"], grads["dw"].T, rtol=1e-12)  # notebook 01's w is W1ᵀ
    assert deep["db1"][0, 0] == pytest.approx(grads["db"], rel=1e-12)
    assert helpers.L_model_cost(AL, Y) == pytest.approx(cost, rel=1e-12)


def test_softmax_with_cross_entropy_gives_A_minus_Y_over_m_at_the_output():
    parameters, X, Y = deep_problem([5, 4, 3], 6, "softmax", seed=2)
    AL, caches = helpers.L_model_forward(X, parameters, "tanh", "softmax")
    grads = helpers.L_model_backward(AL, Y, caches)
    np.testing.assert_allclose(grads["dW2"], (AL - Y) @ caches[1]["A_prev"].T / 6, rtol=1e-12)


def test_the_caches_hold_what_each_backward_step_reads():
    parameters, X, Y = deep_problem([2, 3, 4, 1], 5, "sigmoid", seed=0)
    AL, caches = helpers.L_model_forward(X, parameters, "relu", "sigmoid")
    assert [c["l"] for c in caches] == [1, 2, 3]
    assert caches[0]["A_prev"] is X
    for l, cache in enumerate(caches, start=1):
        assert cache["W"] is parameters[f"W{l}"] and cache["b"] is parameters[f"b{l}"]
        np.testing.assert_array_equal(cache["Z"], parameters[f"W{l}"] @ cache["A_prev"] + parameters[f"b{l}"])
        if l > 1:
            assert cache["A_prev"] is caches[l - 2]["A"]
    assert [c["activation"] for c in caches] == ["relu", "relu", "sigmoid"]
    assert caches[-1]["A"] is AL


def test_nothing_is_modified():
    parameters, X, Y = deep_problem([3, 4, 4, 2], 5, "softmax", seed=9)
    copies = ({k: v.copy() for k, v in parameters.items()}, X.copy(), Y.copy())
    AL, caches = helpers.L_model_forward(X, parameters, "tanh", "softmax")
    saved = [{k: v.copy() if isinstance(v, np.ndarray) else v for k, v in c.items()} for c in caches]
    grads = helpers.L_model_backward(AL, Y, caches)
    helpers.update_parameters_deep(parameters, grads, 0.1)
    for k, v in copies[0].items():
        np.testing.assert_array_equal(parameters[k], v)
    np.testing.assert_array_equal(X, copies[1])
    np.testing.assert_array_equal(Y, copies[2])
    for cache, before in zip(caches, saved):
        for k, v in before.items():
            np.testing.assert_array_equal(cache[k], v)


@pytest.mark.parametrize("output", OUTPUTS)
def test_float32_stays_float32(output):
    parameters, X, Y = deep_problem([3, 4, 3], 5, output, seed=1, dtype=np.float32)
    AL, caches = helpers.L_model_forward(X, parameters, "relu", output)
    assert AL.dtype == np.float32
    grads = helpers.L_model_backward(AL, Y, caches)
    assert {g.dtype for g in grads.values()} == {np.dtype(np.float32)}


# softmax -------------------------------------------------------------------------------------------------------
def test_softmax_columns_are_probabilities_and_stable_for_huge_logits():
    Z = np.array([[1000.0, -1000.0, 0.0, 3.0], [999.0, -1000.0, 0.0, 1.0], [-1000.0, -999.0, 0.0, 2.0]])
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # e^(−2000) underflowing to 0 is right
        A = helpers.softmax(Z)
    np.testing.assert_allclose(A.sum(axis=0), 1.0, rtol=1e-15)
    np.testing.assert_allclose(A[:, 0], [1 / (1 + np.exp(-1)), np.exp(-1) / (1 + np.exp(-1)), 0.0], atol=1e-300)
    e = np.exp(1)
    np.testing.assert_allclose(A[:, 1], [1 / (2 + e), 1 / (2 + e), e / (2 + e)], rtol=1e-12)
    np.testing.assert_allclose(A[:, 2], 1 / 3, rtol=1e-15)
    naive = np.exp(Z[:, 3]) / np.exp(Z[:, 3]).sum()
    np.testing.assert_allclose(A[:, 3], naive, rtol=1e-14)


def test_softmax_keeps_float32_and_does_not_modify_Z():
    Z = np.array([[1.0, 2.0], [3.0, -4.0]], dtype=np.float32)
    saved = Z.copy()
    A = helpers.softmax(Z)
    assert A.dtype == np.float32
    np.testing.assert_array_equal(Z, saved)


def test_softmax_refuses_a_1d_vector_and_nan():
    with pytest.raises(ValueError, match=r"Z must be a 2-D array .* use Z\.reshape\(-1, 1\)"):
        helpers.softmax(np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="non-finite"):
        helpers.softmax(np.array([[1.0], [np.nan]]))


# initialize_deep -----------------------------------------------------------------------------------------------
def test_initialize_deep_with_a_number_is_notebook_03s_initialization():
    deep = helpers.initialize_deep([2, 4, 1], method=0.01, seed=3)
    two = helpers.initialize_parameters(2, 4, 1, seed=3)
    assert deep.keys() == two.keys()
    for k in two:
        np.testing.assert_array_equal(deep[k], two[k])


@pytest.mark.parametrize("method, factor", [("he", 2.0), ("xavier", 1.0)])
def test_he_and_xavier_scales(method, factor):
    parameters = helpers.initialize_deep([400, 300, 200, 1], method=method, seed=0)
    for l, n_prev in ((1, 400), (2, 300), (3, 200)):
        W = parameters[f"W{l}"]
        assert W.shape == ((300, 200, 1)[l - 1], n_prev)
        if W.size > 1000:  # the standard deviation of 60,000+ draws is within 1% of the scale
            assert np.std(W) == pytest.approx(np.sqrt(factor / n_prev), rel=0.01)
        np.testing.assert_array_equal(parameters[f"b{l}"], 0.0)


def test_initialize_deep_is_seeded_and_typed():
    a = helpers.initialize_deep([3, 5, 2], seed=7, dtype=np.float32)
    b = helpers.initialize_deep([3, 5, 2], seed=7, dtype=np.float32)
    assert all(a[k].dtype == np.float32 and np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["W1"], helpers.initialize_deep([3, 5, 2], seed=8)["W1"])


@pytest.mark.parametrize("layer_dims, message", [
    ([3], "needs the input size and at least one layer"),
    ([3, 0, 1], r"layer_dims\[1\] must be a positive whole number"),
    ([3, 2.5, 1], r"layer_dims\[1\] must be a positive whole number"),
    ("3, 4", "must be a list"),
])
def test_initialize_deep_refuses_bad_layer_dims(layer_dims, message):
    with pytest.raises(ValueError, match=message):
        helpers.initialize_deep(layer_dims)


@pytest.mark.parametrize("method", ["glorot", -1.0, float("nan"), True])
def test_initialize_deep_refuses_bad_methods(method):
    with pytest.raises(ValueError, match="method"):
        helpers.initialize_deep([2, 3, 1], method=method)


# bad input -----------------------------------------------------------------------------------------------------
def test_a_missing_layer_is_named():
    parameters = helpers.initialize_deep([2, 3, 3, 3, 1])
    del parameters["W3"]
    with pytest.raises(ValueError, match=r"goes up to layer 4 but has no W3.*W1 … W4 and b1 … b4"):
        helpers.L_model_forward(np.zeros((2, 5)), parameters)


def test_layers_that_do_not_chain_are_named_with_both_shapes():
    parameters = helpers.initialize_deep([2, 3, 5, 1])
    parameters["W3"] = np.zeros((1, 4))
    with pytest.raises(ValueError, match=r"W2 is \(5, 3\), so layer 2 has 5 units and W3 needs 5 columns .* got W3 \(1, 4\)"):
        helpers.L_model_forward(np.zeros((2, 5)), parameters)
    parameters = helpers.initialize_deep([2, 3, 1])
    parameters["b2"] = np.zeros(1)
    with pytest.raises(ValueError, match=r"b2 must be a column"):
        helpers.L_model_forward(np.zeros((2, 5)), parameters)
    with pytest.raises(ValueError, match=r"W1 is \(3, 2\), so X needs 2 rows"):
        helpers.L_model_forward(np.zeros((3, 5)), helpers.initialize_deep([2, 3, 1]))


@pytest.mark.parametrize("key", ["b1", "W3", "b3"])
def test_mixed_precision_is_named(key):
    parameters = helpers.initialize_deep([2, 3, 3, 1])
    parameters[key] = parameters[key].astype(np.float32)
    with pytest.raises(ValueError, match=rf"mixed precision: .*{key} is float32"):
        helpers.L_model_forward(np.zeros((2, 5)), parameters)


def test_softmax_needs_one_hot_columns():
    parameters, X, Y = deep_problem([3, 4, 3], 5, "softmax", seed=1)
    AL, caches = helpers.L_model_forward(X, parameters, "relu", "softmax")
    soft = np.full((3, 5), 1 / 3)
    with pytest.raises(ValueError, match=r"each column of Y must be one-hot .* column 0 is \[0.333, 0.333, 0.333\]"):
        helpers.L_model_backward(AL, soft, caches)
    two = Y.copy()
    two[:, 2] = 1
    with pytest.raises(ValueError, match="column 2 is"):
        helpers.L_model_backward(AL, two, caches)
    with pytest.raises(ValueError, match=r"a row of class numbers; .* helpers.one_hot\(y, 3\)"):
        helpers.L_model_backward(AL, np.array([[0, 1, 2, 0, 1]]), caches)


def test_backward_refuses_what_is_not_its_forward_pass():
    parameters, X, Y = deep_problem([3, 4, 2, 1], 5, "sigmoid", seed=1)
    AL, caches = helpers.L_model_forward(X, parameters)
    with pytest.raises(ValueError, match=r"AL \(1, 5\) is not the output the caches hold"):
        helpers.L_model_backward(AL * 0.5, Y, caches)
    with pytest.raises(ValueError, match=r"caches\[1\]\['A_prev'\] must be layer 1's A"):
        helpers.L_model_backward(AL, Y, [caches[0], {**caches[1], "A_prev": caches[1]["A_prev"] + 1}, caches[2]])
    with pytest.raises(ValueError, match=r"caches\[2\] \(layer 3\) is missing the key\(s\) 'Z'"):
        helpers.L_model_backward(AL, Y, caches[:2] + [{k: v for k, v in caches[2].items() if k != "Z"}])
    with pytest.raises(ValueError, match=r"Y must have one column per example: AL has m = 5 columns"):
        helpers.L_model_backward(AL, Y[:, :4], caches)


@pytest.mark.parametrize("hidden, output, message", [
    ("softmax", "sigmoid", "unknown hidden activation 'softmax'"),
    ("relu", "tanh", "unknown output activation 'tanh'"),
])
def test_unknown_activations(hidden, output, message):
    with pytest.raises(ValueError, match=message):
        helpers.L_model_forward(np.zeros((2, 3)), helpers.initialize_deep([2, 3, 1]), hidden, output)


def test_one_hot():
    np.testing.assert_array_equal(helpers.one_hot(np.array([[2, 0, 1]]), 3), [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    with pytest.raises(ValueError, match=r"classes 0 … 2"):
        helpers.one_hot(np.array([[3]]), 3)
    with pytest.raises(ValueError, match=r"a row \(1, m\)"):
        helpers.one_hot(np.array([0, 1]), 3)


# training and the digits ---------------------------------------------------------------------------------------
def test_train_deep_lowers_the_cost_and_matches_hand_steps():
    parameters, X, Y = deep_problem([2, 4, 3, 1], 20, "sigmoid", seed=4)
    trained, costs = helpers.train_deep(X, Y, [2, 4, 3, 1], hidden="tanh", num_iterations=3, learning_rate=0.5,
                                        method="xavier", seed=1)
    p = helpers.initialize_deep([2, 4, 3, 1], "xavier", seed=1)
    for i in range(3):
        AL, caches = helpers.L_model_forward(X, p, "tanh")
        assert costs[i] == pytest.approx(helpers.L_model_cost(AL, Y), rel=1e-12)
        p = helpers.update_parameters_deep(p, helpers.L_model_backward(AL, Y, caches), 0.5)
    for k in p:
        np.testing.assert_allclose(trained[k], p[k], rtol=1e-12, atol=1e-15)
    _, long_costs = helpers.train_deep(X, Y, [2, 4, 3, 1], hidden="tanh", num_iterations=200, learning_rate=0.5)
    assert long_costs[-1] < 0.8 * long_costs[0]


def test_load_digits_is_the_shipped_fixed_split():
    X_train, y_train, X_test, y_test = helpers.load_digits()
    assert X_train.shape == (64, 1442) and X_test.shape == (64, 355)
    assert y_train.shape == (1, 1442) and y_test.shape == (1, 355)
    assert y_train.dtype.kind == "i" and set(np.unique(y_test)) == set(range(10))
    assert X_train.min() == 0.0 and X_train.max() == 1.0 and X_train.dtype == np.float64
    assert np.array_equal(X_train * 16, np.round(X_train * 16))  # pixels are whole numbers 0–16, divided by 16
    counts = np.bincount(y_test[0], minlength=10)
    assert counts.min() >= 34 and counts.max() <= 37  # every digit held out in the same proportion (1 in 5)
    again = helpers.load_digits()
    assert all(np.array_equal(a, b) for a, b in zip((X_train, y_train, X_test, y_test), again))
    # the first image is a 0 (the file keeps scikit-learn's order), and its top row is 0 0 5 13 9 1 0 0
    np.testing.assert_array_equal(X_train[:8, 0] * 16, [0, 0, 5, 13, 9, 1, 0, 0])
    assert y_train[0, 0] == 0


def test_the_digits_file_is_small_and_packaged():
    from pathlib import Path
    data = Path(helpers.__file__).parent / "data"
    assert (data / "digits.csv.gz").stat().st_size < 100_000
    readme = (data / "README.md").read_text(encoding="utf-8")
    assert "archive.ics.uci.edu/dataset/80" in readme and "Alpaydin" in readme and "tools/make_digits.py" in readme
    pyproject = (Path(helpers.__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/digits.csv.gz"' in pyproject
