"""Exercises of notebook 02: the two-layer network for one example (the forward pass, the six equations, relu, and dz2
for the squared error)."""
import numpy as np

from ..math.activations import ACTIVATION, relu_prime, sigmoid, tanh_prime
from ..math.gradcheck import numerical_gradient, numerical_gradients
from ..math.network import (_backward, _cost, _forward, backward_propagation, backward_propagation_loop, bias_gradient,
                            forward_propagation, hidden_error, output_error, weight_gradient)
from .calling import call
from .cases import ORDER, on_networks
from .compare import compare
from .outcomes import OK
from .report import report
from .results import check_array, dict_with
from .spec import Expect, exercise, expect

EQUATIONS = {
    "dz2": "dz2 = a2 − y", "dW2": "dW2 = dz2 a1ᵀ", "db2": "db2 = dz2",
    "dz1": "dz1 = W2ᵀ dz2 ∗ g′(z1)", "dW1": "dW1 = dz1 xᵀ", "db1": "db1 = dz1",
    "dZ2": "dZ2 = A2 − Y", "dZ1": "dZ1 = W2ᵀ dZ2 ∗ g′(Z1)",
}
# the reference backward passes, and helpers' one-line functions of single equations (calling them is not writing them)
EQUATION_FUNCTIONS = (backward_propagation, backward_propagation_loop, _backward, output_error, weight_gradient, bias_gradient, hidden_error)


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


def _forward_one_example(parameters, x, y):
    W1, b1, W2, b2 = (parameters[k] for k in ORDER)
    _, ref = _forward(x, W1, b1, W2, b2, "tanh")
    Z1, A1, Z2 = ref["Z1"], ref["A1"], ref["Z2"]
    return (x, parameters), [
        Expect("z1", Z1.shape, Z1, "z1 = W1 x + b1", [(W1 @ x, "b1 is not added"), (W1 @ x - b1, "b1 is subtracted instead of added")]),
        Expect("a1", A1.shape, A1, "a1 = tanh(z1)", [(sigmoid(Z1), "the hidden layer here is tanh (σ is for the output layer)"),
                                                      (Z1, "the activation is missing: a1 = tanh(z1)")]),
        Expect("z2", Z2.shape, Z2, "z2 = W2 a1 + b2", [(W2 @ Z1 + b2, "it uses z1; the second layer takes a1 = tanh(z1)"),
                                                        (W2 @ A1, "b2 is not added")]),
        Expect("a2", Z2.shape, ref["A2"], "a2 = σ(z2)", [(np.tanh(Z2), "the output uses σ, not tanh: a2 is a probability in (0, 1)")]),
    ]


check_forward_one_example = exercise(
    "forward_one_example", _forward_one_example, returns=("z1", "a1", "z2", "a2"), title="Checking the forward pass",
    forbidden=(forward_propagation, _forward), one_example=True,
    doc="""Check ``forward_one_example(x, parameters) -> {"z1", "a1", "z2", "a2"}`` of the tanh network, one example.""")


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
        numeric = numerical_gradients(parameters, x, y, activation, epsilon=1e-6)
        numeric["dz2"] = numerical_gradient(lambda z: _cost(sigmoid(z), y), cache["Z2"], epsilon=1e-6)
        numeric["dz1"] = numerical_gradient(lambda z: _cost(sigmoid(W2 @ ACTIVATION[activation](z) + b2), y), Z1, epsilon=1e-6)
        expect(lines, fn, result, [  # name, shape, the right value, its equation, wrong values and their causes; dfoo's foo
            Expect("dz2", a2.shape, dz2, EQUATIONS["dz2"], [(-dz2, "its sign is flipped: dz2 = a2 − y, not y − a2")],
                   numeric["dz2"], of="z2"),
            Expect("dW2", W2.shape, grads["dW2"], EQUATIONS["dW2"], [(-grads["dW2"], "its sign is flipped")], numeric["dW2"], of="W2"),
            Expect("db2", b2.shape, grads["db2"], EQUATIONS["db2"], [(-dz2, "its sign is flipped")], numeric["db2"], of="b2"),
            Expect("dz1", Z1.shape, dz1, EQUATIONS["dz1"], _g_prime_causes(activation, Z1, A1, W2, dz2), numeric["dz1"], of="z1"),
            Expect("dW1", W1.shape, grads["dW1"], EQUATIONS["dW1"], [(-grads["dW1"], "its sign is flipped")], numeric["dW1"], of="W1"),
            Expect("db1", b1.shape, grads["db1"], EQUATIONS["db1"], [(W2.T @ dz2, "db1 = dz1, after the factor g′(z1)")],
                   numeric["db1"], of="b1"),
        ])

    networks = ((3, 4, 1, 1, 0), (2, 5, 3, 1, 1))
    return report(title, lambda lines: on_networks(lines, "Checking the six equations", check, networks, one_example=True))


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
