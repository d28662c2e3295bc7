"""Exercises of notebooks 02 and 03: the two-layer network, for one example and vectorized over m."""
import numpy as np

from ..activations import ACTIVATION, relu_prime, sigmoid, tanh_prime
from ..bugs import backward_variant, problem
from ..gradcheck import numerical_gradient, numerical_gradients
from ..network import (
    _backward,
    bias_gradient,
    hidden_error,
    output_error,
    weight_gradient,
    _cost,
    _forward,
    backward_propagation,
    backward_propagation_loop,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    predict,
    train,
    update_parameters,
)
from .core import OK, Stop, call, check_array, close, compare, dict_with, kind, network_label, prefixed, report, scalar

ORDER = ("W1", "b1", "W2", "b2")
EQUATIONS = {
    "dz2": "dz2 = a2 − y", "dW2": "dW2 = dz2 a1ᵀ", "db2": "db2 = dz2",
    "dz1": "dz1 = W2ᵀ dz2 ∗ g′(z1)", "dW1": "dW1 = dz1 xᵀ", "db1": "db1 = dz1",
    "dZ2": "dZ2 = A2 − Y", "dZ1": "dZ1 = W2ᵀ dZ2 ∗ g′(Z1)",
}
VECTORIZED = {"dW2": "dW2 = (1/m) dZ2 A1ᵀ", "db2": "db2 = (1/m) np.sum(dZ2, axis=1, keepdims=True)",
              "dW1": "dW1 = (1/m) dZ1 Xᵀ", "db1": "db1 = (1/m) np.sum(dZ1, axis=1, keepdims=True)"}
# the reference backward passes, and helpers' one-line functions of single equations (calling them is not writing them)
EQUATION_FUNCTIONS = (backward_propagation, backward_propagation_loop, _backward, output_error, weight_gradient, bias_gradient, hidden_error)
TWO_NETWORKS = ((3, 4, 1, 5, 0), (2, 5, 3, 7, 1))  # (n_x, n_h, n_y, m, seed): every size differs


def _networks(lines, title, check, networks=TWO_NETWORKS, one_example=False):
    """Run ``check(shown_lines, parameters, X, Y)`` on each test network, naming it in every verdict."""
    for index, (n_x, n_h, n_y, m, seed) in enumerate(networks):
        m = 1 if one_example else m
        parameters, X, Y = problem(n_x, n_h, n_y, m, seed=seed)
        sizes = dict(n_x=n_x, n_h=n_h, n_y=n_y) if one_example else dict(n_x=n_x, n_h=n_h, n_y=n_y, m=m)
        label = f"test network {index + 1} of {len(networks)}: " + network_label(**sizes)
        if index == 0:
            lines.append(f"{title} on {label}")
        prefixed(label, lambda: check(lines if index == 0 else [], parameters, X, Y))
        if index:
            lines.append(f"{OK} the same on {label}")


def _g_prime_causes(activation, Z1, A1, W2, dZ2):
    """Wrong versions of dZ1 students write, each with its cause."""
    back = W2.T @ dZ2
    if activation == "relu":
        return [
            (back * (1 - A1 ** 2), "that is tanh's derivative 1 − A1²; relu′(z) is 1 where z > 0, else 0: (Z1 > 0)"),
            (back * A1, "it multiplies by A1 = relu(Z1), the value, not its derivative (Z1 > 0)"),
            (back, "the element-wise factor g′(Z1) is missing"),
            (-back * relu_prime(Z1), "its sign is flipped"),
        ]
    return [
        (back * A1 * (1 - A1), "it uses the sigmoid's derivative a(1 − a); the hidden layer is tanh: g′(Z1) = 1 − A1²"),
        (back * tanh_prime(A1), "g′ is evaluated at A1 instead of Z1: tanh′(Z1) = 1 − tanh(Z1)² = 1 − A1², not 1 − tanh(A1)²"),
        (back, "the element-wise factor g′(Z1) is missing"),
        (back * (1 - A1), "g′(Z1) = 1 − A1², with A1 squared"),
        (-back * (1 - A1 ** 2), "its sign is flipped: check dZ2 = A2 − Y"),
    ]


# ---------------------------------------------------------------------------------------------------
# Notebook 02: one example
# ---------------------------------------------------------------------------------------------------
def check_forward_one_example(fn):
    """Check ``forward_one_example(x, parameters) -> {"z1", "a1", "z2", "a2"}`` of the tanh network, one example."""

    def check(lines, parameters, x, y):
        result = dict_with("the result", call(fn, "forward_one_example", x, parameters, forbidden=(forward_propagation, _forward)),
                           ("z1", "a1", "z2", "a2"))
        W1, b1, W2, b2 = (parameters[k] for k in ORDER)
        _, ref = _forward(x, W1, b1, W2, b2, "tanh")
        n_h, n_y = W1.shape[0], W2.shape[0]
        for name, rows in (("z1", n_h), ("a1", n_h), ("z2", n_y), ("a2", n_y)):
            check_array(name, result[name], (rows, 1))
        compare(lines, "z1", result["z1"], ref["Z1"], fn=fn, equation="z1 = W1 x + b1", causes=[
            (W1 @ x, "b1 is not added"), (W1 @ x - b1, "b1 is subtracted instead of added")])
        compare(lines, "a1", result["a1"], ref["A1"], fn=fn, equation="a1 = tanh(z1)", causes=[
            (sigmoid(ref["Z1"]), "the hidden layer here is tanh (σ is for the output layer)"),
            (ref["Z1"], "the activation is missing: a1 = tanh(z1)")])
        compare(lines, "z2", result["z2"], ref["Z2"], fn=fn, equation="z2 = W2 a1 + b2", causes=[
            (W2 @ ref["Z1"] + b2, "it uses z1; the second layer takes a1 = tanh(z1)"), (W2 @ ref["A1"], "b2 is not added")])
        compare(lines, "a2", result["a2"], ref["A2"], fn=fn, equation="a2 = σ(z2)", causes=[
            (np.tanh(ref["Z2"]), "the output uses σ, not tanh: a2 is a probability in (0, 1)")])

    return report("forward_one_example", lambda lines: _networks(lines, "Checking the forward pass", check, one_example=True))


def check_backward_one_example(fn, activation="tanh"):
    """Check ``backward_one_example(parameters, cache, x, y)``: the six equations for one example.

    ``activation`` is the hidden layer's g ("tanh", or "relu" for the relu exercise); the cache comes from it.
    """
    title = "backward_one_example" if activation == "tanh" else f"backward_one_example_{activation}"

    def check(lines, parameters, x, y):
        W1, b1, W2, b2 = (parameters[k] for k in ORDER)
        a2, cache = _forward(x, W1, b1, W2, b2, activation)
        result = dict_with("the result", call(fn, title, parameters, cache, x, y, forbidden=EQUATION_FUNCTIONS),
                           ("dz2", "dW2", "db2", "dz1", "dW1", "db1"))
        Z1, A1 = cache["Z1"], cache["A1"]
        grads = _backward(x, y, W2, Z1, A1, a2, activation)
        dz2 = a2 - y
        g = relu_prime(Z1) if activation == "relu" else 1 - A1 ** 2
        dz1 = (W2.T @ dz2) * g
        reference = {"dz2": dz2, "dW2": grads["dW2"], "db2": grads["db2"], "dz1": dz1, "dW1": grads["dW1"], "db1": grads["db1"]}
        numeric = numerical_gradients(parameters, x, y, activation, epsilon=1e-6)
        numeric["dz2"] = numerical_gradient(lambda z: _cost(sigmoid(z), y), cache["Z2"], epsilon=1e-6)
        numeric["dz1"] = numerical_gradient(lambda z: _cost(sigmoid(W2 @ ACTIVATION[activation](z) + b2), y), Z1, epsilon=1e-6)
        shapes = {"dz2": a2.shape, "dW2": W2.shape, "db2": b2.shape, "dz1": Z1.shape, "dW1": W1.shape, "db1": b1.shape}
        of = {"dz2": "z2", "dW2": "W2", "db2": "b2", "dz1": "z1", "dW1": "W1", "db1": "b1"}
        for name in reference:
            check_array(name, result[name], shapes[name], of=of[name])
        causes = {
            "dz2": [(-dz2, "its sign is flipped: dz2 = a2 − y, not y − a2")],
            "dW2": [(-grads["dW2"], "its sign is flipped")],
            "db2": [(-dz2, "its sign is flipped")],
            "dz1": _g_prime_causes(activation, Z1, A1, W2, dz2),
            "dW1": [(-grads["dW1"], "its sign is flipped")],
            "db1": [(W2.T @ dz2, "db1 = dz1, after the factor g′(z1)")],
        }
        for name in reference:
            compare(lines, name, result[name], reference[name], numeric=numeric[name], causes=causes[name], fn=fn, equation=EQUATIONS[name])

    networks = ((3, 4, 1, 1, 0), (2, 5, 3, 1, 1))
    return report(title, lambda lines: _networks(lines, "Checking the six equations", check, networks, one_example=True))


def check_backward_one_example_relu(fn):
    """Check the six equations for one example with a relu hidden layer: g′(z1) = 1 where z1 > 0, else 0."""
    return check_backward_one_example(fn, activation="relu")


def check_dz2_squared_error(fn):
    """Check ``dz2_squared_error(a2, y)``: dz2 when the loss is ½(a2 − y)² and a2 = σ(z2), i.e. (a2 − y) a2 (1 − a2)."""

    def run(lines):
        rng = np.random.default_rng(3)
        for n_y in (1, 3):
            a2 = sigmoid(rng.standard_normal((n_y, 1)) * 2)
            y = (rng.uniform(size=(n_y, 1)) > 0.5).astype(np.float64)
            result = call(fn, "dz2_squared_error", a2, y)
            check_array("dz2", result, a2.shape, of="z2")
            z2 = np.log(a2 / (1 - a2))
            numeric = numerical_gradient(lambda z: 0.5 * float(np.sum((sigmoid(z) - y) ** 2)), z2, epsilon=1e-6)
            compare(lines if n_y == 1 else [], "dz2", result, (a2 - y) * a2 * (1 - a2), numeric=numeric, fn=fn,
                    equation="dz2 = (a2 − y) · a2(1 − a2)", causes=[
                        (a2 - y, "that is the cross-entropy's dz2; with the squared error the factor σ′(z2) = a2(1 − a2) does not cancel"),
                        (2 * (a2 - y) * a2 * (1 - a2), "the ½ of the loss cancels the 2 from differentiating the square"),
                        ((y - a2) * a2 * (1 - a2), "its sign is flipped: dL/da2 = a2 − y"),
                        ((a2 - y) * (1 - a2), "the factor a2 of σ′ = a2(1 − a2) is missing"),
                        ((a2 - y) * a2, "the factor (1 − a2) of σ′ = a2(1 − a2) is missing"),
                    ])
        lines.append(f"{OK} the same with n_y = 3 outputs")

    return report("dz2_squared_error", run)


# ---------------------------------------------------------------------------------------------------
# Notebook 03: vectorized over m examples
# ---------------------------------------------------------------------------------------------------
def check_forward_propagation(fn):
    """Check a student's vectorized ``forward_propagation(X, parameters) -> (A2, cache {"Z1", "A1", "Z2", "A2"})`` (tanh)."""

    def check(lines, parameters, X, Y):
        result = call(fn, "forward_propagation", X, parameters, forbidden=(forward_propagation, _forward))
        if not isinstance(result, tuple) or len(result) != 2:
            raise Stop(f"forward_propagation should return a pair (A2, cache); got {kind(result)}")
        A2, cache = result
        dict_with("cache", cache, ("Z1", "A1", "Z2", "A2"))
        W1, b1, W2, b2 = (parameters[k] for k in ORDER)
        _, ref = _forward(X, W1, b1, W2, b2, "tanh")
        n_h, m = ref["Z1"].shape
        for name in ("Z1", "A1", "Z2", "A2"):
            check_array(name, cache[name], ref[name].shape)
        check_array("A2", A2, ref["A2"].shape)
        compare(lines, "Z1", cache["Z1"], ref["Z1"], fn=fn, equation="Z1 = W1 X + b1", causes=[(W1 @ X, "b1 is not added")])
        compare(lines, "A1", cache["A1"], ref["A1"], fn=fn, equation="A1 = tanh(Z1)", causes=[
            (sigmoid(ref["Z1"]), "the hidden layer is tanh here (σ is for the output)")])
        compare(lines, "Z2", cache["Z2"], ref["Z2"], fn=fn, equation="Z2 = W2 A1 + b2", causes=[
            (W2 @ ref["Z1"] + b2, "it uses Z1; the second layer takes A1"), (W2 @ ref["A1"], "b2 is not added")])
        compare(lines, "A2", cache["A2"], ref["A2"], fn=fn, equation="A2 = σ(Z2)", causes=[(np.tanh(ref["Z2"]), "the output uses σ, not tanh")])
        if not close(A2, ref["A2"]):
            raise Stop("the A2 you return differs from cache['A2']: return the same array")

    return report("forward_propagation", lambda lines: _networks(lines, "Checking the forward pass", check))


def check_compute_cost(fn):
    """Check ``compute_cost(A2, Y) -> float``: J = −(1/m) Σ over all entries [Y log A2 + (1 − Y) log(1 − A2)]."""

    def run(lines):
        rng = np.random.default_rng(4)
        for index, (n_y, m) in enumerate(((1, 5), (3, 4))):
            A2 = sigmoid(rng.standard_normal((n_y, m)) * 2)
            Y = (rng.uniform(size=(n_y, m)) > 0.5).astype(np.float64)
            label = f"test {index + 1} of 2: " + network_label(n_y=n_y, m=m)

            def check(shown=lines if index == 0 else []):
                cost = scalar("the cost", call(fn, "compute_cost", A2, Y, forbidden=(compute_cost, _cost)))
                ref = _cost(A2, Y)
                causes = [(-ref, "its sign is flipped: J = −(1/m) Σ [Y log A2 + (1 − Y) log(1 − A2)]")]
                if n_y > 1:
                    causes.insert(0, (ref / n_y, "it is divided by m·n_y (np.mean over every entry): J averages over the m examples and adds up the n_y outputs"))
                causes.append((-float(np.sum(Y * np.log(A2))) / m, "the term (1 − Y) log(1 − A2), for the examples with y = 0, is missing"))
                compare(shown, "cost", cost, ref, fn=fn, m=m, wrong_line="cost", causes=causes,
                        equation="J = −(1/m) Σ [Y log A2 + (1 − Y) log(1 − A2)]")

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
        causes.append((variant(sign=-1), "the sign of dZ2 is flipped: dZ2 = A2 − Y, not Y − A2"))
    else:
        sigmoid_g = variant(g_prime=lambda Z1, A1: A1 * (1 - A1))
        causes.append((sigmoid_g, "it uses the sigmoid's derivative A1(1 − A1); the hidden layer is tanh, so g′(Z1) = 1 − A1²"))
        causes.append((variant(g_prime=lambda Z1, A1: tanh_prime(A1)), "g′ is evaluated at A1 instead of Z1: tanh′(Z1) = 1 − tanh(Z1)² = 1 − A1², not 1 − tanh(A1)²"))
        causes.append((variant(g_prime=lambda Z1, A1: 1.0), "the element-wise factor g′(Z1) is missing: dZ1 = W2ᵀ dZ2 ∗ g′(Z1)"))
        causes.append((variant(sign=-1), "its sign is flipped: check dZ2 = A2 − Y"))
    return causes


def check_backward_propagation(fn):
    """Check a student's vectorized ``backward_propagation(parameters, cache, X, Y)`` of the tanh network."""

    def check(lines, parameters, X, Y):
        W1, b1, W2, b2 = (parameters[k] for k in ORDER)
        A2, cache = _forward(X, W1, b1, W2, b2, "tanh")
        grads = dict_with("the result", call(fn, "backward_propagation", parameters, cache, X, Y,
                                             forbidden=EQUATION_FUNCTIONS),
                          ("dW1", "db1", "dW2", "db2"))
        m = X.shape[1]
        reference = _backward(X, Y, W2, cache["Z1"], cache["A1"], A2, "tanh")
        numeric = numerical_gradients(parameters, X, Y, "tanh", epsilon=1e-6)
        for key in ("dW1", "db1", "dW2", "db2"):
            check_array(key, grads[key], parameters[key[1:]].shape, m=m, of=key[1:])
        for key in ("dW2", "db2"):  # layer 2 first, as backprop goes
            compare(lines, key, grads[key], reference[key], numeric=numeric[key], causes=_backward_causes(key, parameters, X, Y, cache, m),
                    fn=fn, m=m, equation=VECTORIZED[key])
        layer1_wrong = not close(grads["dW1"], reference["dW1"]) and not close(grads["db1"], reference["db1"])
        for key in ("dW1", "db1"):
            causes = [(v, c, "dZ1") for v, c in _backward_causes(key, parameters, X, Y, cache, m)]
            compare(lines, key, grads[key], reference[key], numeric=numeric[key], causes=causes, fn=fn, m=m,
                    equation=VECTORIZED[key], equations={"dZ1": EQUATIONS["dZ1"]}, wrong_line="dZ1" if layer1_wrong else key,
                    note=": dW1 and db1 are both wrong while dW2 and db2 are right, so look at dZ1, which both use" if layer1_wrong else "")

    return report("backward_propagation", lambda lines: _networks(lines, "Checking the backward pass", check))


def check_update_parameters(fn):
    """Check ``update_parameters(parameters, grads, learning_rate) -> new parameters``: θ := θ − α dθ."""

    def check(lines, parameters, X, Y):
        _, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        alpha = 0.7
        result = dict_with("the result", call(fn, "update_parameters", parameters, grads, alpha, forbidden=(update_parameters,)), ORDER)
        reference = update_parameters(parameters, grads, alpha)
        for key in ORDER:
            check_array(key, result[key], parameters[key].shape)
        for key in ORDER:
            p, g = parameters[key], grads["d" + key]
            compare(lines, key, result[key], reference[key], fn=fn, equation=f"{key} := {key} − α d{key}", causes=[
                (p + alpha * g, "it adds α d{0}: gradient descent subtracts, {0} − α d{0}".format(key)),
                (p - g, "the learning rate α is missing: {0} − α d{0}".format(key)),
                (p, f"{key} did not change: update it and put the new value in the returned dict"),
                (g, f"it returns d{key}, not the updated {key}"),
            ])

    return report("update_parameters", lambda lines: _networks(lines, "Checking one step of gradient descent", check))


def check_predict(fn):
    """Check ``predict(parameters, X) -> (n_y, m)`` labels: 1 where A2 > 0.5, else 0 (tanh network)."""

    def check(lines, parameters, X, Y):
        result = call(fn, "predict", parameters, X, forbidden=(predict,))
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
    return report("predict", lambda lines: _networks(lines, "Checking the predictions", check, networks))


def check_train(fn):
    """Check ``train(X, Y, n_h, num_iterations, learning_rate, seed) -> (parameters, costs)``: batch gradient descent.

    It must start from ``helpers.initialize_parameters(n_x, n_h, n_y, seed=seed)`` and record the cost before
    each update, as `helpers.train` does; the two are compared step by step.
    """

    def run(lines):
        rng = np.random.default_rng(7)
        X = rng.standard_normal((2, 30))
        Y = (X[0:1] * X[1:2] > 0).astype(np.float64)  # a xor-like pattern: a hidden layer helps
        n_h, iterations, alpha = 3, 25, 1.2
        result = call(fn, "train", X, Y, n_h, iterations, alpha, 0, forbidden=(train,))
        if not isinstance(result, tuple) or len(result) != 2:
            raise Stop(f"train should return a pair (parameters, costs); got {kind(result)}")
        parameters, costs = result
        dict_with("parameters", parameters, ORDER)
        costs = np.asarray([scalar(f"costs[{i}]", c) for i, c in enumerate(costs)]) if isinstance(costs, (list, tuple, np.ndarray)) else None
        if costs is None:
            raise Stop(f"costs should be a list (or array) of numbers, one per iteration; got {kind(result[1])}")
        ref_parameters, ref_costs = train(X, Y, n_h, num_iterations=iterations, learning_rate=alpha, seed=0)
        if len(costs) != iterations:
            raise Stop(f"costs holds {len(costs)} numbers for num_iterations = {iterations}: record the cost once per iteration, before the update")
        start = initialize_parameters(2, n_h, 1, seed=0)
        A2, _ = forward_propagation(X, start)
        if not np.isclose(costs[0], compute_cost(A2, Y), rtol=1e-6):
            raise Stop("the first cost is not that of helpers.initialize_parameters(n_x, n_h, n_y, seed=seed): start from it "
                       "(n_x = X.shape[0], n_y = Y.shape[0]) and record the cost before the first update")
        if np.allclose(costs, costs[0], rtol=1e-12):
            raise Stop("the cost never changes: assign the updated parameters back (parameters = update_parameters(...)) inside the loop")
        if np.allclose(costs[:-1], ref_costs[1:], rtol=1e-6):
            raise Stop("the costs are one step ahead: record the cost before each update, so costs[0] is the cost of the starting parameters")
        compare(lines, "costs", costs, ref_costs, fn=fn, causes=[])
        for key in ORDER:
            check_array(key, parameters[key], ref_parameters[key].shape)
            compare(lines, f"the trained {key}", parameters[key], ref_parameters[key], fn=fn)
        lines.append(f"{OK} the cost fell from {costs[0]:.4f} to {costs[-1]:.4f} in {iterations} steps")

    return report("train", run)
