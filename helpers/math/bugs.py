"""A gallery of real backprop bugs, each a small wrong implementation (math layer: numpy only).

Every bug is a `Bug`: the wrong line, the right line, the symptom a student would see and how to find it,
and, for the backward-pass bugs, a function with `backward_propagation`'s signature
``(parameters, cache, X, Y)`` for the tanh network (the relu′ entry uses a relu network). `diagnose`
runs a bug through the two tools of notebook 04 and returns what they report:

- the gradient check: the relative difference between the bug's gradients and central differences;
- the shape check: `helpers.update_parameters`, which refuses a gradient whose shape is not its parameter's.
"""
import re
from dataclasses import dataclass
from functools import partial
from typing import Callable, Optional

import numpy as np

from .activations import relu_prime, tanh_prime
from .gradcheck import numerical_gradients, relative_difference
from .network import _forward, forward_propagation, update_parameters


@dataclass(frozen=True)
class Bug:
    key: str
    title: str
    wrong: str
    right: str
    symptom: str
    how_to_find: str
    backward: Optional[Callable] = None
    activation: str = "tanh"


def backward_variant(parameters, cache, X, Y, *, sign=1, g_prime=None, m_factor=1.0, keepdims=True, transpose_X=True,
                     with_dz=False):
    """The tanh backward pass with one thing changed; every bug below is this with one argument set.

    ``sign=-1`` flips dZ2; ``g_prime(Z1, A1)`` replaces 1 − A1²; the 1/m of every gradient is multiplied by
    ``m_factor`` (m: the 1/m is missing); ``keepdims=False`` makes db1 1-D; ``transpose_X=False`` drops the
    transpose of X in dW1. ``with_dz=True`` also returns dz2 and dz1 (the checkers use it).
    """
    m = X.shape[1] / m_factor
    W2, Z1, A1, A2 = parameters["W2"], cache["Z1"], cache["A1"], cache["A2"]
    dZ2 = sign * (A2 - Y)
    dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2 if g_prime is None else g_prime(Z1, A1))
    grads = {"dW2": dZ2 @ A1.T / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m,
             "dW1": dZ1 @ (X.T if transpose_X else X) / m, "db1": np.sum(dZ1, axis=1, keepdims=keepdims) / m}
    return {**grads, "dz2": dZ2, "dz1": dZ1} if with_dz else grads


def _forgot_1_over_m(parameters, cache, X, Y):
    return backward_variant(parameters, cache, X, Y, m_factor=X.shape[1])


def g_prime_at_A1(Z1, A1):
    """The bug: tanh′ evaluated at A1, i.e. 1 − tanh(A1)², instead of at Z1 (1 − A1²)."""
    return tanh_prime(A1)


def no_g_prime(Z1, A1):
    """The bug: the element-wise factor g′(Z1) left out."""
    return 1.0


_missing_transpose = partial(backward_variant, transpose_X=False)
_no_keepdims = partial(backward_variant, keepdims=False)
_g_prime_at_A1 = partial(backward_variant, g_prime=g_prime_at_A1)
_sign_flipped = partial(backward_variant, sign=-1)
_relu_prime_one_at_zero = partial(backward_variant, g_prime=lambda Z1, A1: (Z1 >= 0).astype(Z1.dtype))  # relu′(0) = 1
_relu_right = partial(backward_variant, g_prime=lambda Z1, A1: relu_prime(Z1))  # helpers' convention, relu′(0) = 0


BUGS = {
    bug.key: bug
    for bug in [
        Bug("forgot_1_over_m", "A forgotten 1/m",
            "dW1 = dZ1 @ X.T   (and the same for dW2, db1, db2)", "dW1 = (1 / m) * dZ1 @ X.T",
            "Training oscillates or diverges at a learning rate that should work, and more so the more examples "
            "there are: the gradient is m times too large.",
            "The gradient check fails with a relative difference near 1 (the gradients point the right way but "
            "are m times too long); dividing your gradient by the numeric one gives m everywhere.",
            _forgot_1_over_m),
        Bug("missing_transpose", "A missing transpose",
            "dW1 = (1 / m) * dZ1 @ X", "dW1 = (1 / m) * dZ1 @ X.T",
            "Usually a crash: (n_h, m) @ (n_x, m) cannot multiply. Worse when m happens to equal n_x: "
            "it runs, with wrong numbers of the right shape.",
            "Write the shape next to each factor: dZ1 is (n_h, m) and dW1 must be (n_h, n_x), so the other factor "
            "must be (m, n_x), which is Xᵀ. When it runs (m = n_x), the gradient check catches it.",
            _missing_transpose),
        Bug("no_keepdims", "np.sum without keepdims",
            "db1 = (1 / m) * np.sum(dZ1, axis=1)", "db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)",
            "No error in the backward pass, and the numbers are even right; but b1 − α db1 broadcasts a (n_h, 1) "
            "column against a (n_h,) vector into an (n_h, n_h) matrix, and the next forward pass is silently wrong.",
            "The gradient check passes (the values are right), so check shapes: db1 must have the shape of b1. "
            "helpers.update_parameters refuses it with a message naming both shapes.",
            _no_keepdims),
        Bug("g_prime_at_A1", "g′ evaluated at A1 instead of Z1",
            "dZ1 = (W2.T @ dZ2) * helpers.tanh_prime(A1)", "dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)   # = tanh′(Z1)",
            "Training still works somewhat, which makes this bug hard to see: the hidden layer's gradients are "
            "slightly off, most for large activations.",
            "The gradient check fails (about 1e-2 here), while dW2 and db2 agree on their own: the error is in "
            "layer 1. tanh′(Z1) = 1 − A1², not 1 − tanh(A1)².",
            _g_prime_at_A1),
        Bug("sign_flipped", "dZ2 with the sign flipped",
            "dZ2 = Y - A2", "dZ2 = A2 - Y",
            "The cost goes up instead of down: gradient descent climbs.",
            "The gradient check gives exactly 1: the gradients have the right size and the opposite direction.",
            _sign_flipped),
        Bug("bias_as_vector", "A bias given as a 1-D vector",
            "b1 = np.zeros(n_h)", "b1 = np.zeros((n_h, 1))",
            "W1 @ X + b1 adds b1 along the last axis, the examples, not the units: an error when m ≠ n_h, and a "
            "silently wrong Z1 (b1[j] added to example j) when m = n_h.",
            "Keep every bias a column (n, 1). helpers' checks refuse a 1-D bias at the door, naming its shape."),
        Bug("relu_prime_at_zero", "relu′ at 0",
            "dZ1 = (W2.T @ dZ2) * (Z1 >= 0)   # relu′(0) = 1", "dZ1 = (W2.T @ dZ2) * (Z1 > 0)    # relu′(0) = 0",
            "Nothing visible in training: relu has no derivative at 0, and either convention works.",
            "A gradient check at an input where some z is exactly 0 disagrees with both conventions, because "
            "central differences straddle the kink and see half the slope. That is an artefact of the check: "
            "check relu networks at inputs away from the kinks (random biases), where both conventions pass.",
            _relu_prime_one_at_zero, activation="relu"),
    ]
}


def problem(n_x=2, n_h=4, n_y=1, m=5, *, seed=0, kink=False):
    """A small network, data and its forward cache for diagnosing a bug: (parameters, cache, X, Y).

    ``kink=True`` makes some hidden pre-activations exactly 0 (zero biases and an all-zero example).
    """
    rng = np.random.default_rng(seed)
    parameters = {"W1": rng.standard_normal((n_h, n_x)) * 0.8, "b1": rng.standard_normal((n_h, 1)) * 0.3,
                  "W2": rng.standard_normal((n_y, n_h)) * 0.8, "b2": rng.standard_normal((n_y, 1)) * 0.3}
    X = rng.standard_normal((n_x, m))
    Y = (rng.uniform(size=(n_y, m)) > 0.5).astype(np.float64)
    if kink:
        parameters["b1"] = np.zeros((n_h, 1))
        X[:, 0] = 0.0
    return parameters, X, Y


def diagnose(bug, *, kink=False, m=5):
    """Run ``bug`` (a Bug or its key) through the gradient check and the shape check; a list of report lines."""
    bug = BUGS[bug] if isinstance(bug, str) else bug
    if bug.backward is None:
        return _diagnose_bias_as_vector()
    parameters, X, Y = problem(m=m, kink=kink)
    _, cache = _forward(X, *(parameters[k] for k in ("W1", "b1", "W2", "b2")), bug.activation)
    lines = []
    try:
        grads = bug.backward(parameters, cache, X, Y)
    except ValueError as error:
        sizes = re.search(r"size (\d+) is different from (\d+)", str(error))
        detail = f": the inner sizes {sizes.group(2)} and {sizes.group(1)} of a matrix product differ" if sizes else f": {error}"
        return [f"the backward pass crashes with a ValueError{detail}",
                "gradient check: cannot run (no gradients)"]
    numeric = numerical_gradients(parameters, X, Y, bug.activation)
    difference = relative_difference(np.concatenate([np.ravel(grads[k]) for k in sorted(numeric)]),
                                     np.concatenate([numeric[k].ravel() for k in sorted(numeric)]))
    if difference < 1e-7:
        lines.append("gradient check: relative difference < 1e-7: right")
    else:
        lines.append(f"gradient check: relative difference {difference:.2g}: " + ("a bug (> 1e-4)" if difference > 1e-4 else "suspicious"))
    try:
        update_parameters(parameters, grads, 0.1)
        lines.append("shape check: every gradient has the shape of its parameter")
    except ValueError as error:
        lines.append(f"shape check: {error}")
    return lines


def _diagnose_bias_as_vector():
    parameters, X, Y = problem(m=4)  # m = n_h = 4: numpy broadcasts silently
    bad = {**parameters, "b1": parameters["b1"].ravel()}
    Z1_right = parameters["W1"] @ X + parameters["b1"]
    Z1_numpy = parameters["W1"] @ X + bad["b1"]
    lines = [f"plain numpy, m = n_h = 4: W1 @ X + b1 runs and gives a {Z1_numpy.shape} Z1, "
             f"wrong by up to {np.max(np.abs(Z1_numpy - Z1_right)):.2g}"]
    try:
        forward_propagation(X, bad)
    except ValueError as error:
        lines.append(f"shape check (helpers.forward_propagation): {error}")
    return lines


def show_bug(key, fix=True):
    """Print one gallery entry: the wrong line, the right one (unless ``fix`` is false: a graded notebook's gallery leaves
    the fix to the student), and what the checks report."""
    bug = BUGS[key]
    print(bug.title)
    print(f"  wrong: {bug.wrong}")
    if fix:
        print(f"  right: {bug.right}")
    for line in diagnose(bug):
        print(f"  {line}")
    if key == "missing_transpose":
        print(f"  with m = n_x = 2 it runs, and then: {diagnose(bug, m=2)[0]}")
    if key == "relu_prime_at_zero":
        print(f"  at a kink (some z exactly 0): {diagnose(bug, kink=True)[0]}")
        right = Bug(**{**bug.__dict__, "backward": _relu_right})
        print(f"  at the same kink, helpers' z > 0 convention: {diagnose(right, kink=True)[0]}")


def broken_backward_propagation(parameters, cache, X, Y):
    """The "find the bug" exercise of notebook 04: a tanh backward pass with two bugs in it."""
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * dZ2 @ A1.T
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = (W2.T @ dZ2) * tanh_prime(A1)
    dW1 = (1 / m) * dZ1 @ X.T
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
