"""Exercises of notebook 03: the two-layer network vectorized over m examples, its cost, one step of gradient descent,
predictions and a training loop."""
import numpy as np

from ..math.activations import sigmoid, tanh_prime
from ..math.bugs import backward_variant
from ..math.gradcheck import numerical_gradients
from ..math.network import (_backward, _cost, _forward, backward_propagation, compute_cost, forward_propagation,
                            initialize_parameters, train, update_parameters)
from .calling import call, last_locals
from .cases import ORDER, network_label, on_networks, prefixed
from .compare import close, compare
from .outcomes import OK, Stop
from .report import report
from .results import check_array, dict_with, kind, scalar
from .spec import Expect, exercise, expect

def check_forward_propagation(fn):
    """Check a student's vectorized ``forward_propagation(X, parameters) -> (A2, cache {"Z1", "A1", "Z2", "A2"})`` (tanh)."""

    def check(lines, parameters, X, Y):
        result = call(fn, "forward_propagation", X, parameters)
        if not isinstance(result, tuple) or len(result) != 2:
            raise Stop(f"forward_propagation should return a pair (A2, cache); got {kind(result)}")
        A2, cache = result
        dict_with("cache", cache, ("Z1", "A1", "Z2", "A2"))
        W1, b1, W2, b2 = (parameters[k] for k in ORDER)
        _, ref = _forward(X, W1, b1, W2, b2, "tanh")
        Z1, A1, Z2 = ref["Z1"], ref["A1"], ref["Z2"]
        check_array("A2", A2, ref["A2"].shape)  # the A2 returned beside the cache
        expect(lines, fn, cache, [
            Expect("Z1", Z1.shape, Z1, [(W1 @ X, "b1 is not added")]),
            Expect("A1", A1.shape, A1, [(sigmoid(Z1), "the hidden layer is tanh here (σ is for the output)")]),
            Expect("Z2", Z2.shape, Z2, [(W2 @ Z1 + b2, "it uses Z1; the second layer takes A1"), (W2 @ A1, "b2 is not added")]),
            Expect("A2", Z2.shape, ref["A2"], [(np.tanh(Z2), "the output uses σ, not tanh")]),
        ])
        if not close(A2, ref["A2"]):
            raise Stop("the A2 you return differs from cache['A2']: return the same array")

    return report("forward_propagation", lambda lines: on_networks(lines, "Checking the forward pass", check))


def check_compute_cost(fn):
    """Check ``compute_cost(A2, Y) -> float``: J = −(1/m) Σ over all entries [Y log A2 + (1 − Y) log(1 − A2)]."""

    def run(lines):
        rng = np.random.default_rng(4)
        for index, (n_y, m) in enumerate(((1, 5), (3, 4))):
            A2 = sigmoid(rng.standard_normal((n_y, m)) * 2)
            Y = (rng.uniform(size=(n_y, m)) > 0.5).astype(np.float64)
            label = f"test {index + 1} of 2: " + network_label(n_y=n_y, m=m)

            def check(shown=lines if index == 0 else []):
                cost = scalar("the cost", call(fn, "compute_cost", A2, Y))
                ref = _cost(A2, Y)
                causes = [(-ref, "its sign is flipped")]
                if n_y > 1:
                    causes.insert(0, (ref / n_y, "it is divided by m·n_y (np.mean over every entry): J averages over the m examples and adds up the n_y outputs"))
                causes.append((-float(np.sum(Y * np.log(A2))) / m, "the term (1 − Y) log(1 − A2), for the examples with y = 0, is missing"))
                compare(shown, "cost", cost, ref, fn=fn, m=m, wrong_line="cost", causes=causes)

            prefixed(label, check)
            if index:
                lines.append(f"{OK} the same with n_y = {n_y} outputs, m = {m}")

    return report("compute_cost", run)


def _backward_causes(name, parameters, X, Y, cache, m):
    """Wrong answers students often produce for ``name`` (vectorized), each with its cause, from the bug gallery."""
    def variant(**change):
        return backward_variant(parameters, cache, X, Y, with_dz=True, **change)[name]

    causes = []
    if name.endswith("2"):
        causes.append((variant(sign=-1), "the sign of dZ2 is flipped"))
    else:
        sigmoid_g = variant(g_prime=lambda Z1, A1: A1 * (1 - A1))
        causes.append((sigmoid_g, "it uses the sigmoid's derivative A1(1 − A1); the hidden layer is tanh"))
        causes.append((variant(g_prime=lambda Z1, A1: tanh_prime(A1)), "g′ is evaluated at A1 instead of Z1 (A1 is already tanh(Z1))"))
        causes.append((variant(g_prime=lambda Z1, A1: 1.0), "the element-wise factor g′(Z1) is missing"))
        causes.append((variant(sign=-1), "its sign is flipped: check dZ2"))
    return causes


def _their(local_variables, names, shape):
    """The student's own intermediate array under one of ``names`` (as their function left it), if it has ``shape``."""
    for name in names:
        value = local_variables.get(name)
        if isinstance(value, np.ndarray) and value.shape == shape:
            return value
    return None


def check_backward_propagation(fn):
    """Check a student's vectorized ``backward_propagation(parameters, cache, X, Y)`` of the tanh network."""

    def check(lines, parameters, X, Y):
        W1, b1, W2, b2 = (parameters[k] for k in ORDER)
        A2, cache = _forward(X, W1, b1, W2, b2, "tanh")
        grads = dict_with("the result", call(fn, "backward_propagation", parameters, cache, X, Y, allowed=("tanh_prime",)),
                          ("dW1", "db1", "dW2", "db2"))
        m = X.shape[1]
        reference = _backward(X, Y, W2, cache["Z1"], cache["A1"], A2, "tanh")
        numeric = numerical_gradients(parameters, X, Y, "tanh", epsilon=1e-6)
        for key in ("dW1", "db1", "dW2", "db2"):
            check_array(key, grads[key], parameters[key[1:]].shape, m=m, of=key[1:], fn=fn)
        for key in ("dW2", "db2"):  # layer 2 first, as backprop goes
            compare(lines, key, grads[key], reference[key], numeric=numeric[key], causes=_backward_causes(key, parameters, X, Y, cache, m),
                    fn=fn, m=m)
        their_dZ1 = _their(last_locals(), ("dZ1", "dz1", "dZ_1"), cache["Z1"].shape)
        dZ1 = (W2.T @ (A2 - Y)) * (1 - cache["A1"] ** 2)
        if their_dZ1 is not None:  # their own dZ1 decides which line is wrong (a cause is named only if it is theirs)
            dZ1_wrong = not close(their_dZ1, dZ1)
            layer1_wrong = dZ1_wrong
        else:
            dZ1_wrong = None
            layer1_wrong = not close(grads["dW1"], reference["dW1"]) and not close(grads["db1"], reference["db1"])
        for key in ("dW1", "db1"):
            causes = [] if dZ1_wrong is False else [(v, c, "dZ1") for v, c in _backward_causes(key, parameters, X, Y, cache, m)]
            note = ""
            if layer1_wrong:
                note = (": your dZ1 is wrong, and dW1 and db1 are computed from it" if dZ1_wrong else
                        ": dW1 and db1 are both wrong while dW2 and db2 are right, so look at dZ1, which both use")
            compare(lines, key, grads[key], reference[key], numeric=numeric[key], causes=causes, fn=fn, m=m, wrong_line="dZ1" if layer1_wrong else key, note=note)

    return report("backward_propagation", lambda lines: on_networks(lines, "Checking the backward pass", check))


def _update_parameters(parameters, X, Y):
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    alpha = 0.7 if X.shape[0] == 3 else 0.3  # differs between the test networks: it may not be ignored
    reference = update_parameters(parameters, grads, alpha)
    return (parameters, grads, alpha), [
        Expect(key, p.shape, reference[key], [
            (p + alpha * g, f"it adds α d{key}: gradient descent subtracts, {key} − α d{key}"),
            (p - g, f"the learning rate α is missing: {key} − α d{key}"),
            (p, f"{key} did not change: update it and put the new value in the returned dict"),
            (g, f"it returns d{key}, not the updated {key}"),
        ]) for key, p, g in ((key, parameters[key], grads["d" + key]) for key in ORDER)
    ]


check_update_parameters = exercise(
    "update_parameters", _update_parameters, returns=ORDER, title="Checking one step of gradient descent",
    doc="Check ``update_parameters(parameters, grads, learning_rate) -> new parameters``: θ := θ − α dθ.")


def check_predict(fn):
    """Check ``predict(parameters, X) -> (n_y, m)`` labels: 1 where A2 > 0.5, else 0 (tanh network)."""

    def check(lines, parameters, X, Y):
        result = call(fn, "predict", parameters, X)
        A2, _ = forward_propagation(X, parameters)
        if isinstance(result, np.ndarray) and result.dtype == bool:
            result = result.astype(np.float64)
        check_array("the predictions", result, A2.shape)
        reference = (A2 > 0.5).astype(np.float64)
        compare(lines, "the predictions", result, reference, fn=fn, causes=[
            (A2, "they are the probabilities A2: turn them into labels, 1 where A2 > 0.5, else 0"),
            (1 - reference, "they are flipped: 1 where A2 > 0.5 (the network says y = 1 is more likely), else 0"),
        ])

    networks = ((2, 4, 1, 9, 5), (3, 2, 2, 6, 6))
    return report("predict", lambda lines: on_networks(lines, "Checking the predictions", check, networks))


def check_train(fn):
    """Check ``train(X, Y, n_h, num_iterations, learning_rate, seed) -> (parameters, costs)``: batch gradient descent.

    It must start from ``helpers.initialize_parameters(n_x, n_h, n_y, seed=seed)`` and record the cost before
    each update, as `helpers.train` does; the two are compared step by step.
    """

    def run(lines):
        for index, (n_x, m, n_h, iterations, alpha, seed) in enumerate(((2, 30, 3, 25, 1.2, 0), (3, 20, 4, 12, 0.5, 3))):
            label = network_label(n_x=n_x, m=m, n_h=n_h, num_iterations=iterations, learning_rate=alpha, seed=seed)
            prefixed(label, lambda: _check_train(lines if index == 0 else [], fn, n_x, m, n_h, iterations, alpha, seed))
            if index:  # every argument differs from the first test's: an answer that ignores one fails here
                lines.append(f"{OK} the same with {label}")

    return report("train", run)


def _check_train(lines, fn, n_x, m, n_h, iterations, alpha, seed):
    rng = np.random.default_rng(7 + seed)
    X = rng.standard_normal((n_x, m))
    Y = (X[0:1] * X[1:2] > 0).astype(np.float64)  # a xor-like pattern: a hidden layer helps
    result = call(fn, "train", X, Y, n_h, iterations, alpha, seed, allowed=("initialize_parameters",))
    if not isinstance(result, tuple) or len(result) != 2:
        raise Stop(f"train should return a pair (parameters, costs); got {kind(result)}")
    parameters, costs = result
    dict_with("parameters", parameters, ORDER)
    costs = np.asarray([scalar(f"costs[{i}]", c) for i, c in enumerate(costs)]) if isinstance(costs, (list, tuple, np.ndarray)) else None
    if costs is None:
        raise Stop(f"costs should be a list (or array) of numbers, one per iteration; got {kind(result[1])}")
    ref_parameters, ref_costs = train(X, Y, n_h, num_iterations=iterations, learning_rate=alpha, seed=seed)
    if len(costs) != iterations:
        raise Stop(f"costs holds {len(costs)} numbers for num_iterations = {iterations}: record the cost once per iteration")
    if len(costs) > 1 and np.allclose(costs[:-1], ref_costs[1:], rtol=1e-6):
        raise Stop("the costs are one step ahead: each is recorded after its update, so costs[0] is not the cost of "
                   "the starting parameters; record the cost before updating")
    start = initialize_parameters(n_x, n_h, 1, seed=seed)
    A2, _ = forward_propagation(X, start)
    if not np.isclose(costs[0], compute_cost(A2, Y), rtol=1e-6):
        raise Stop("the first cost is not that of helpers.initialize_parameters(n_x, n_h, n_y, seed=seed): start from it "
                   "with this call's n_h and seed (n_x = X.shape[0], n_y = Y.shape[0])")
    if np.allclose(costs, costs[0], rtol=1e-12):
        raise Stop("the cost never changes: assign the updated parameters back (parameters = update_parameters(...)) inside the loop")
    for other in (1.2, 0.5, 1.0, 0.1, 0.01):
        if other != alpha and np.allclose(costs, train(X, Y, n_h, num_iterations=iterations, learning_rate=other, seed=seed)[1], rtol=1e-6):
            raise Stop(f"the costs are those of learning rate {other}, but this call's learning_rate is {alpha}: "
                       "use the argument learning_rate, not a number of your own")
    compare(lines, "costs", costs, ref_costs, fn=fn, causes=[])
    for key in ORDER:
        check_array(key, parameters[key], ref_parameters[key].shape)
        compare(lines, f"the trained {key}", parameters[key], ref_parameters[key], fn=fn)
    lines.append(f"{OK} the cost fell from {costs[0]:.4f} to {costs[-1]:.4f} in {iterations} steps")
