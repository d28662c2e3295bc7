"""Exercises of notebook 02: the two-layer network for one example (the forward pass, the gradients' shapes, the six
equations, then rungs no screen shows: relu and sigmoid hidden layers, dz2 for the squared error, three layers).

A cause names what is wrong and where, never the right equation: that is the student's derivation (hints.py holds it,
for the student who asks)."""
import numpy as np

from ..math.activations import ACTIVATION, DERIVATIVE, sigmoid, tanh_prime
from ..math.gradcheck import numerical_gradient, numerical_gradients
from ..math.network import _backward, _cost, _forward
from ..math.shapes import shape_table
from ..math.three_layers import three_layer_backward, three_layer_cost, three_layer_forward, three_layer_problem
from .calling import call
from .cases import ORDER, network_label, on_networks, prefixed
from .compare import compare
from .outcomes import OK, Stop
from .report import report
from .results import check_array, dict_with
from .spec import Expect, exercise, expect

SIX = ("dz2", "dW2", "db2", "dz1", "dW1", "db1")


def _g_prime_causes(activation, Z1, A1, W2, dZ2):
    """Wrong versions of dZ1 students write, each with its cause (what is wrong, not the right factor)."""
    back = W2.T @ dZ2
    missing = (back, "the factor of the hidden activation is missing: a1 depends on z1 through g, so the chain rule "
                     "multiplies by g′ element-wise")
    flipped = (-back * DERIVATIVE[activation](Z1), "its sign is flipped")
    if activation == "relu":
        return [(back * (1 - A1 ** 2), "that factor is tanh's derivative; the hidden layer is now relu"),
                (back * A1, "it multiplies by the value relu(z1), not by relu's derivative"), missing, flipped]
    if activation == "sigmoid":
        return [(back * (1 - A1 ** 2), "that factor is tanh's derivative; the hidden layer is now a sigmoid"),
                (back * sigmoid(A1) * (1 - sigmoid(A1)), "g′ is evaluated at a1 instead of z1 (a1 is already σ(z1))"),
                (back * A1, "it multiplies by the value σ(z1), not by its derivative"), missing, flipped]
    return [
        (back * A1 * (1 - A1), "it uses the sigmoid's derivative; the hidden layer is tanh"),
        (back * tanh_prime(A1), "g′ is evaluated at a1 instead of z1 (a1 is already tanh(z1))"),
        missing,
        (back * (1 - A1), "the factor for tanh′ is not tanh's derivative: check it against central differences of np.tanh"),
        flipped,
    ]


def _forward_one_example(parameters, x, y):
    W1, b1, W2, b2 = (parameters[k] for k in ORDER)
    _, ref = _forward(x, W1, b1, W2, b2, "tanh")
    Z1, A1, Z2 = ref["Z1"], ref["A1"], ref["Z2"]
    return (x, parameters), [
        Expect("z1", Z1.shape, Z1, [(W1 @ x, "b1 is not added"), (W1 @ x - b1, "b1 is subtracted instead of added")]),
        Expect("a1", A1.shape, A1, [(sigmoid(Z1), "the hidden layer here is tanh (σ is for the output layer)"),
                                                      (Z1, "the activation is missing")]),
        Expect("z2", Z2.shape, Z2, [(W2 @ Z1 + b2, "it uses z1; the second layer takes a1"),
                                                        (W2 @ A1, "b2 is not added")]),
        Expect("a2", Z2.shape, ref["A2"], [(np.tanh(Z2), "the output uses σ, not tanh: a2 is a probability in (0, 1)")]),
    ]


check_forward_one_example = exercise(
    "forward_one_example", _forward_one_example, returns=("z1", "a1", "z2", "a2"), title="Checking the forward pass",
    one_example=True,
    doc="""Check ``forward_one_example(x, parameters) -> {"z1", "a1", "z2", "a2"}`` of the tanh network, one example.""")


def check_gradient_shapes(fn):
    """Check ``gradient_shapes(n_x, n_h, n_y) -> {"dz2", "dW2", "db2", "dz1", "dW1", "db1"}``: each a shape tuple, one
    example."""

    def run(lines):
        for index, (n_x, n_h, n_y) in enumerate(((3, 4, 1), (2, 5, 3), (1, 1, 1), (6, 2, 4))):
            label = network_label(n_x=n_x, n_h=n_h, n_y=n_y)
            prefixed(label, lambda: _check_shapes(lines if index == 0 else [], fn, n_x, n_h, n_y))
            if index:
                lines.append(f"{OK} the same with {label}")

    return report("gradient_shapes", run)


def _check_shapes(lines, fn, n_x, n_h, n_y):
    result = dict_with("the result", call(fn, "gradient_shapes", n_x, n_h, n_y), SIX)
    table = {name: shape for name, shape, _ in shape_table(n_x, n_h, n_y, m=1)}  # notebook 02's table, one example
    right = {key: table[key.replace("dz", "dZ")] for key in SIX}
    layer = {key: key[1:] for key in SIX}
    for key in SIX:
        value = result[key]
        try:
            shape = tuple(int(s) for s in value)
        except (TypeError, ValueError):
            raise Stop(f"{key} should be a shape, a pair of sizes such as (n_h, 1); got {value!r}") from None
        if shape == right[key]:
            continue
        if len(shape) != 2:
            raise Stop(f"{key} is {shape}: for one example every array here is 2-D, a column has shape (n, 1)")
        if shape == right[key][::-1]:
            raise Stop(f"{key} is {shape}, its two sizes swapped: which size counts {layer[key]}'s rows?")
        raise Stop(f"{key} is {shape}, which is not the shape of {layer[key]} in this network")
    lines.append(f"{OK} the six shapes for {network_label(n_x=n_x, n_h=n_h, n_y=n_y)}")


def check_backward_one_example(fn, activation="tanh"):
    """Check ``backward_one_example(parameters, cache, x, y)``: the six equations for one example.

    ``activation`` is the hidden layer's g ("tanh"; "relu" and "sigmoid" for the rungs after it); the cache comes from it.
    """
    title = "backward_one_example" if activation == "tanh" else f"backward_one_example_{activation}"

    def check(lines, parameters, x, y):
        W1, b1, W2, b2 = (parameters[k] for k in ORDER)
        a2, cache = _forward(x, W1, b1, W2, b2, activation)
        allowed = ("tanh_prime",) if activation == "tanh" else ()  # relu′ and σ′ are what the rungs derive
        result = dict_with("the result", call(fn, title, parameters, cache, x, y, allowed=allowed), SIX)
        Z1, A1 = cache["Z1"], cache["A1"]
        grads = _backward(x, y, W2, Z1, A1, a2, activation)
        dz2 = a2 - y
        dz1 = (W2.T @ dz2) * DERIVATIVE[activation](Z1)
        numeric = numerical_gradients(parameters, x, y, activation, epsilon=1e-6)
        numeric["dz2"] = numerical_gradient(lambda z: _cost(sigmoid(z), y), cache["Z2"], epsilon=1e-6)
        numeric["dz1"] = numerical_gradient(lambda z: _cost(sigmoid(W2 @ ACTIVATION[activation](z) + b2), y), Z1, epsilon=1e-6)
        flipped = "its sign is flipped"
        expect(lines, fn, result, [  # name, shape, the right value, its equation, wrong values and their causes; dfoo's foo
            Expect("dz2", a2.shape, dz2, [(-dz2, flipped)], numeric["dz2"], of="z2"),
            Expect("dW2", W2.shape, grads["dW2"], [(-grads["dW2"], flipped)], numeric["dW2"], of="W2"),
            Expect("db2", b2.shape, grads["db2"], [(-dz2, flipped)], numeric["db2"], of="b2"),
            Expect("dz1", Z1.shape, dz1, _g_prime_causes(activation, Z1, A1, W2, dz2), numeric["dz1"], of="z1"),
            Expect("dW1", W1.shape, grads["dW1"], [(-grads["dW1"], flipped)], numeric["dW1"], of="W1"),
            Expect("db1", b1.shape, grads["db1"], [(W2.T @ dz2, "it skips the hidden activation's factor")],
                   numeric["db1"], of="b1"),
        ])

    networks = ((3, 4, 1, 1, 0), (2, 5, 3, 1, 1))
    return report(title, lambda lines: on_networks(lines, "Checking the six equations", check, networks, one_example=True))


def check_backward_one_example_relu(fn):
    """Check the six equations for one example with a relu hidden layer."""
    return check_backward_one_example(fn, activation="relu")


def check_backward_one_example_sigmoid(fn):
    """Check the six equations for one example with a sigmoid hidden layer (a rung no screen shows)."""
    return check_backward_one_example(fn, activation="sigmoid")


def check_dz2_squared_error(fn):
    """Check ``dz2_squared_error(a2, y)``: dz2 when the loss is ½(a2 − y)² and a2 = σ(z2)."""

    def run(lines):
        rng = np.random.default_rng(3)
        for n_y in (1, 3):
            a2 = sigmoid(rng.standard_normal((n_y, 1)) * 2)
            y = np.array([[1.0]]) if n_y == 1 else np.array([[0.0], [1.0], [0.0]])  # y differs: it may not be ignored
            result = call(fn, "dz2_squared_error", a2, y)
            check_array("dz2", result, a2.shape, of="z2")
            z2 = np.log(a2 / (1 - a2))
            numeric = numerical_gradient(lambda z: 0.5 * float(np.sum((sigmoid(z) - y) ** 2)), z2, epsilon=1e-6)
            compare(lines if n_y == 1 else [], "dz2", result, (a2 - y) * a2 * (1 - a2), numeric=numeric, fn=fn, causes=[
                (a2 - y, "that is the cross-entropy's dz2; with the squared error the output's σ′ does not cancel"),
                (2 * (a2 - y) * a2 * (1 - a2), "it is twice the right value: what does the ½ of the loss cancel?"),
                ((y - a2) * a2 * (1 - a2), "its sign is flipped"),
                ((a2 - y) * (1 - a2), "one of the two factors of σ′(z2) is missing"),
                ((a2 - y) * a2, "one of the two factors of σ′(z2) is missing"),
            ])
        lines.append(f"{OK} the same with n_y = 3 outputs")

    return report("dz2_squared_error", run)


THREE = ("dz3", "dW3", "db3", "dz2", "dW2", "db2", "dz1", "dW1", "db1")


def check_backward_three_layers(fn):
    """Check ``backward_three_layers(parameters, cache, x, y)``: the nine derivatives of a network with two tanh hidden
    layers and a sigmoid output, one example (the bridge to L layers)."""

    def run(lines):
        for index, (sizes, seed) in enumerate((((3, 4, 2, 1), 0), ((2, 3, 5, 2), 1))):
            label = f"test network {index + 1} of 2: " + network_label(n0=sizes[0], n1=sizes[1], n2=sizes[2], n3=sizes[3])
            if index == 0:
                lines.append(f"Checking the three-layer backward pass on {label}")
            prefixed(label, lambda: _check_three(lines if index == 0 else [], fn, sizes, seed))
            if index:
                lines.append(f"{OK} the same on {label}")

    return report("backward_three_layers", run)


def _check_three(lines, fn, sizes, seed):
    parameters, x, y = three_layer_problem(sizes, 1, seed=seed)
    _, cache = three_layer_forward(x, parameters)
    result = dict_with("the result", call(fn, "backward_three_layers", parameters, cache, x, y, allowed=("tanh_prime",)), THREE)
    grads = three_layer_backward(parameters, cache, x, y)
    numeric = {}
    for l in (1, 2, 3):
        for kind in ("W", "b"):
            key = f"{kind}{l}"
            numeric["d" + key] = numerical_gradient(lambda v: three_layer_cost({**parameters, key: v}, x, y), parameters[key], 1e-6)
    back2, back1 = parameters["W3"].T @ grads["dZ3"], parameters["W2"].T @ grads["dZ2"]
    expected = []
    for key in THREE:
        l, kind = key[-1], key[1]
        ref = grads["dZ" + l] if kind == "z" else grads[key]
        of = kind + l
        causes = [(-ref, "its sign is flipped")]
        if key == "dz2":
            causes += [(back2, "the factor of the second hidden activation is missing: a2 depends on z2 through tanh"),
                       (back2 * tanh_prime(cache["A2"]), "g′ is evaluated at a2 instead of z2 (a2 is already tanh(z2))")]
        if key == "dz1":
            causes += [(back1, "the factor of the first hidden activation is missing: a1 depends on z1 through tanh"),
                       (back1 * tanh_prime(cache["A1"]), "g′ is evaluated at a1 instead of z1 (a1 is already tanh(z1))")]
        expected.append(Expect(key, ref.shape, ref, causes, numeric.get(key), of=of))
    expect(lines, fn, result, expected)
