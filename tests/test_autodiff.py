"""The autodiff engine (helpers.autodiff, for notebook 09): every operation's backward against central differences on
random shapes (m = 1 and n = 1 included, broadcasting both ways), whole networks against the course's hand-written
backward passes (notebook 03's to 1e-10, notebook 06's L layers, notebook 07's softmax cross-entropy giving
(A − Y)/m), and the traps of a hand-made engine: a node used twice, backward called twice, numpy on the left."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import helpers
from helpers.autodiff import Node

OPS = {  # name: (function of two Nodes (or one), shapes that exercise broadcasting)
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
}


def central(f, x, eps=1e-6):
    """∂f/∂x by central differences, f a function of an array returning a number."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = eps
        grad[index] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad


def relative(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


def check_against_central(build, *arrays):
    """``build(*nodes)`` → a Node; the gradient of its weighted sum (fixed random weights) with respect to each input
    against central differences."""
    weights = np.random.default_rng(99).standard_normal(build(*[Node(a) for a in arrays]).shape)
    nodes = [Node(a) for a in arrays]
    out = build(*nodes)
    (out * weights).sum().backward()
    for i, node in enumerate(nodes):
        def f(x, i=i):
            args = [Node(a) for a in arrays]
            args[i] = Node(x)
            return float(np.sum(build(*args).value * weights))
        assert node.grad.shape == arrays[i].shape  # dfoo has the shape of foo
        assert relative(node.grad, central(f, arrays[i])) < 1e-6, (i, node.grad, central(f, arrays[i]))


@settings(max_examples=40, deadline=None)
@given(op=st.sampled_from(sorted(OPS)), n=st.integers(1, 4), m=st.integers(1, 4), seed=st.integers(0, 10_000),
       broadcast=st.sampled_from(["same", "column", "row", "number"]))
def test_each_binary_operation_and_its_broadcast_agree_with_central_differences(op, n, m, seed, broadcast):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((n, m))
    b = {"same": (n, m), "column": (n, 1), "row": (1, m), "number": ()}[broadcast]
    b = rng.uniform(0.5, 2.0, b) * rng.choice([-1, 1], b)  # away from 0: "/" stays smooth
    check_against_central(OPS[op], a, b)
    check_against_central(lambda x, y: OPS[op](y, x), a, b)  # the broadcast operand on the left too


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 4), k=st.integers(1, 4), m=st.integers(1, 4), seed=st.integers(0, 10_000))
def test_matmul_transpose_and_sums_agree_with_central_differences(n, k, m, seed):
    rng = np.random.default_rng(seed)
    W, A = rng.standard_normal((n, k)), rng.standard_normal((k, m))
    check_against_central(lambda w, a: w @ a, W, A)
    check_against_central(lambda w, a: (a.T @ w.T).T, W, A)
    for axis, keepdims in ((None, False), (0, False), (1, False), (0, True), (1, True)):
        check_against_central(lambda a, axis=axis, keepdims=keepdims: a.sum(axis=axis, keepdims=keepdims) * 1.0, A)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 4), m=st.integers(1, 4), seed=st.integers(0, 10_000),
       fn=st.sampled_from(["tanh", "sigmoid", "relu", "exp", "log"]))
def test_each_element_wise_function_agrees_with_central_differences(n, m, seed, fn):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.2, 2.0, (n, m)) if fn == "log" else rng.standard_normal((n, m))
    if fn == "relu":
        x = np.where(np.abs(x) < 0.05, 0.5, x)  # central differences straddle the kink at 0
    check_against_central(lambda a: getattr(a, fn)(), x)


def two_layer(X, Y, parameters):
    """Notebook 03's network and cost, built from Nodes."""
    W1, b1, W2, b2 = (Node(parameters[k], name=k) for k in ("W1", "b1", "W2", "b2"))
    m = X.shape[1]
    A1 = (W1 @ X + b1).tanh()
    A2 = (W2 @ A1 + b2).sigmoid()
    J = -(Y * A2.log() + (1 - Y) * (1 - A2).log()).sum() / m
    return J, {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


@settings(max_examples=30, deadline=None)
@given(n_x=st.integers(1, 4), n_h=st.integers(1, 5), m=st.integers(1, 6), seed=st.integers(0, 10_000))
def test_notebook_03s_network_gives_backward_propagations_gradients_to_1e_10(n_x, n_h, m, seed):
    rng = np.random.default_rng(seed)
    X, Y = rng.standard_normal((n_x, m)), (rng.random((1, m)) < 0.5).astype(float)
    parameters = helpers.initialize_parameters(n_x, n_h, 1, seed=seed)
    parameters = {k: v * 50 if k.startswith("W") else v + rng.standard_normal(v.shape) for k, v in parameters.items()}
    J, nodes = two_layer(X, Y, parameters)
    J.backward()
    A2, cache = helpers.forward_propagation(X, parameters)
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    assert float(J.value) == pytest.approx(helpers.compute_cost(A2, Y), rel=1e-12)
    for key in ("W1", "b1", "W2", "b2"):
        assert relative(nodes[key].grad, grads[f"d{key}"]) < 1e-10, key


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 3), m=st.integers(1, 5), seed=st.integers(0, 10_000), soft=st.booleans())
def test_the_fused_logistic_cost_is_the_nine_node_cost_and_its_gradient_is_A_minus_Y_over_m(n, m, seed, soft):
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((n, m)) * 4
    Y = rng.random((n, m)) if soft else (rng.random((n, m)) < 0.5).astype(float)  # labels in [0, 1], not only 0 and 1
    check_against_central(lambda z: z.logistic_cost(Y), Z)
    fused, A = Node(Z).logistic_cost(Y), Node(Z).sigmoid()
    nine = -(Y * A.log() + (1 - Y) * (1 - A).log()).sum() / m
    assert float(fused.value) == pytest.approx(float(nine.value), rel=1e-12)
    z = Node(Z)
    z.logistic_cost(Y).backward()
    assert relative(z.grad, (helpers.sigmoid(Z) - Y) / m) < 1e-14  # the lecture's dZ = A − Y, over m


def test_the_fused_logistic_cost_stays_finite_where_sigma_rounds_to_0_or_1():
    z = Node([[-800.0, -40.0, 0.0, 40.0, 800.0]])
    Y = np.array([[1.0, 1.0, 0.0, 0.0, 0.0]])
    J = z.logistic_cost(Y)
    J.backward()
    # L(σ(z), y) for y = 1 is log(1 + e^(−z)) ≈ −z for z ≪ 0; for y = 0 it is log(1 + e^z) ≈ z for z ≫ 0
    assert float(J.value) == pytest.approx((800 + 40 + np.log(2) + 40 + 800) / 5, rel=1e-12)
    assert np.allclose(z.grad, [[-1 / 5, -1 / 5, 0.5 / 5, 1 / 5, 1 / 5]], rtol=1e-12, atol=0)
    with pytest.raises(ValueError, match=r"Z is \(1, 5\), so Y must be \(1, 5\) too.*got \(5,\)"):
        z.logistic_cost(Y.ravel())


@settings(max_examples=25, deadline=None)
@given(depth=st.integers(1, 4), width=st.integers(1, 5), m=st.integers(1, 5), seed=st.integers(0, 10_000),
       hidden=st.sampled_from(["relu", "tanh", "sigmoid"]))
def test_an_l_layer_network_gives_l_model_backwards_gradients(depth, width, m, seed, hidden):
    rng = np.random.default_rng(seed)
    dims = [int(rng.integers(1, 5))] + [width] * depth + [int(rng.integers(1, 3))]
    X, Y = rng.standard_normal((dims[0], m)), (rng.random((dims[-1], m)) < 0.5).astype(float)
    parameters = helpers.initialize_deep(dims, "xavier", seed)
    nodes = {k: Node(v) for k, v in parameters.items()}
    A = X
    for l in range(1, len(dims)):
        Z = nodes[f"W{l}"] @ A + nodes[f"b{l}"]
        A = Z.sigmoid() if l == len(dims) - 1 else getattr(Z, hidden)()
    (-(Y * A.log() + (1 - Y) * (1 - A).log()).sum() / m).backward()
    AL, caches = helpers.L_model_forward(X, parameters, hidden=hidden)
    grads = helpers.L_model_backward(AL, Y, caches)
    for key, node in nodes.items():
        assert relative(node.grad, grads[f"d{key}"]) < 1e-9, key


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 5), m=st.integers(1, 5), seed=st.integers(0, 10_000))
def test_a_softmax_cross_entropy_built_from_nodes_gives_A_minus_Y_over_m(n, m, seed):
    rng = np.random.default_rng(seed)
    Z = Node(rng.standard_normal((n, m)) * 3)
    Y = helpers.one_hot(rng.integers(0, n, (1, m)), n)
    E = (Z - Z.value.max(axis=0, keepdims=True)).exp()  # the shift is a constant: it changes no gradient
    A = E / E.sum(axis=0, keepdims=True)
    (-(Y * A.log()).sum() / m).backward()
    assert np.allclose(A.value, helpers.softmax(Z.value), atol=1e-15)
    assert relative(Z.grad, (A.value - Y) / m) < 1e-10


def test_a_node_used_twice_adds_up_its_gradients():
    a = Node(3.0)
    (a + a).backward()
    assert a.grad == 2.0  # not 1: the second use adds to the first, it does not overwrite it
    a, b = Node(2.0), Node(5.0)
    c = a * b  # a node in between, used twice
    d = c * c + c
    d.backward()
    assert c.grad == 2 * 10 + 1 and a.grad == 21 * 5 and b.grad == 21 * 2


def test_backward_twice_adds_up_in_the_leaves_only_and_zero_grad_resets():
    w = Node([[1.0, -2.0]])
    x = np.array([[3.0], [4.0]])
    z = w @ x
    y = (z * z).sum()
    y.backward()
    first = w.grad.copy()
    y.backward()
    assert np.array_equal(w.grad, 2 * first)  # a leaf: added up, as in PyTorch
    assert np.array_equal(z.grad, 2 * z.value)  # in between: this call's gradient only
    w.zero_grad()
    y.backward()
    assert np.array_equal(w.grad, first)


def test_numpy_arrays_and_numbers_work_on_either_side():
    A, Y = Node([[0.2, 0.9]]), np.array([[0.0, 1.0]])
    for expression in (lambda: Y * A.log(), lambda: 1 - A, lambda: np.ones((1, 2)) + A, lambda: 2.0 / A,
                       lambda: np.array([[1.0], [2.0]]) @ A, lambda: A.T @ np.ones((1, 3))):
        out = expression()
        assert isinstance(out, Node)
    out = np.array([[2.0, 3.0]]) - A
    out.sum().backward()
    assert np.array_equal(A.grad, [[-1.0, -1.0]])


def test_bad_shapes_and_logs_of_non_positive_numbers_say_what_is_wrong():
    W, A = Node(np.ones((1, 4))), Node(np.ones((3, 400)))
    with pytest.raises(ValueError, match=r"@: the left matrix is \(1, 4\), so the right one must have 4 rows; "
                                         r"got \(3, 400\)"):
        W @ A
    with pytest.raises(ValueError, match=r"\+: shapes \(3, 400\) and \(4, 1\) do not broadcast"):
        A + np.ones((4, 1))
    with pytest.raises(ValueError, match="log of 1 entries ≤ 0"):
        Node([[0.5, 0.0]]).log()
