"""Exercises of notebook 01: σ′(z), the backward pass of one example, and `propagate` for m examples."""
import numpy as np

from ..math.activations import sigmoid
from ..math.gradcheck import numerical_gradient
from ..math.logistic import loss, propagate
from ..math.network import _cost
from .calling import call
from .cases import network_label, prefixed
from .compare import compare
from .outcomes import OK, Stop
from .report import report
from .results import check_array, dict_with, kind, scalar


def check_sigmoid_prime(fn):
    """Check a student's ``sigmoid_prime(z)``: σ′(z) = σ(z)(1 − σ(z)), element-wise, the shape of z."""

    def run(lines):
        rng = np.random.default_rng(0)
        for z in (rng.standard_normal((3, 4)) * 3, np.array([[-20.0, -1.0, 0.0, 1.0, 20.0]])):
            result = call(fn, "sigmoid_prime", z)
            check_array("sigmoid_prime(z)", result, z.shape)
            a = sigmoid(z)
            numeric = numerical_gradient(lambda t: float(np.sum(sigmoid(t))), z, epsilon=1e-6)
            compare(lines, "sigmoid_prime(z)", result, a * (1 - a), numeric=numeric, fn=fn, causes=[
                (z * (1 - z), "it uses z where σ(z) belongs"),
                (a * (1 - z), "it mixes a = σ(z) and z in one formula"),
                (-a * (1 - a), "its sign is flipped: σ is increasing, so σ′(z) > 0"),
                (a, "that is σ(z) itself, not its derivative"),
                (1 - a ** 2, "that is tanh's rule, 1 − a²; the sigmoid's derivative differs"),
                (1 - a, "that is e^(−z)/(1 + e^(−z)): the square of the denominator is missing"),
            ])
        zero = call(fn, "sigmoid_prime", np.zeros((1, 1)))
        if not np.allclose(np.asarray(zero, dtype=float), 0.25):
            raise Stop(f"sigmoid_prime(0) should be 0.25 (σ(0) = 1/2); got {np.asarray(zero).ravel()[:1]}")
        lines.append(f"{OK} sigmoid_prime(0) = 0.25, the steepest point of σ")

    return report("sigmoid_prime", run)


def _one_example(n_x, y, seed):
    rng = np.random.default_rng(seed)
    x, w, b = rng.standard_normal((n_x, 1)), rng.standard_normal((n_x, 1)) * 0.7, float(rng.standard_normal() * 0.3)
    return x, w, b, y


def check_logistic_backward(fn):
    """Check ``logistic_backward(x, w, b, y) -> {"da", "dz", "dw", "db"}``: the chain rule for one example."""

    def run(lines):
        for n_x, y, seed in ((3, 1, 0), (2, 0, 1)):
            x, w, b, y = _one_example(n_x, y, seed)
            label = network_label(n_x=n_x, y=y)
            shown = lines if seed == 0 else []
            prefixed(label, lambda: _check_logistic_backward(shown, fn, x, w, b, y))
            if seed:
                lines.append(f"{OK} the same for another example, {label}")

    return report("logistic_backward", run)


def _check_logistic_backward(lines, fn, x, w, b, y):
    result = dict_with("the result", call(fn, "logistic_backward", x, w, b, y), ("da", "dz", "dw", "db"))
    z = (w.T @ x).item() + b
    a = float(sigmoid(z))
    da, dz = -y / a + (1 - y) / (1 - a), a - y
    check_array("dw", result["dw"], x.shape, of="w")
    values = {k: scalar(k, result[k]) for k in ("da", "dz", "db")}

    def L_of(w_, b_):
        return float(loss(sigmoid((w_.T @ x).item() + b_), y))

    compare(lines, "da", values["da"], da, numeric=numerical_gradient(lambda t: loss(t, y), a, epsilon=1e-6 * min(a, 1 - a)), fn=fn,
            causes=[  # with y = 0 or 1 one term is left: name that one
                (-da, f"its sign is wrong for y = {y}: look at the term of da that is left when y = {y}, the derivative of "
                      + ("−y log a" if y == 1 else "−(1 − y) log(1 − a)")),
            ])
    compare(lines, "dz", values["dz"], dz, numeric=numerical_gradient(lambda t: loss(sigmoid(t), y), z, epsilon=1e-6), fn=fn,
            causes=[
                (da, "it equals da: the chain rule has a second factor, ∂a/∂z"),
                (-dz, "its sign is flipped"),
                (da * a, "one of the two factors of σ′(z) is missing"),
            ])
    compare(lines, "dw", result["dw"], x * dz, numeric=numerical_gradient(lambda t: L_of(t, b), w, epsilon=1e-6), fn=fn,
            causes=[(w * dz, "it uses the weight w where ∂z/∂w belongs: what multiplies w in z?"), (-x * dz, "its sign is flipped")])
    compare(lines, "db", values["db"], dz, numeric=numerical_gradient(lambda t: L_of(w, t), b, epsilon=1e-6), fn=fn,
            causes=[(-dz, "its sign is flipped")])


def check_propagate(fn):
    """Check a student's ``propagate(w, b, X, Y) -> (grads {"dw", "db"}, cost)`` for logistic regression."""

    def run(lines):
        for n_x, m, seed in ((3, 5, 0), (2, 1, 1)):
            rng = np.random.default_rng(seed)
            w, b = rng.standard_normal((n_x, 1)), float(rng.standard_normal())
            X, Y = rng.standard_normal((n_x, m)), (rng.uniform(0, 1, (1, m)) > 0.5).astype(np.float64)
            label = network_label(n_x=n_x, m=m)
            prefixed(label, lambda: _check_propagate(lines if seed == 0 else [], fn, w, b, X, Y))
            if seed:
                lines.append(f"{OK} the same with {label}")

    return report("propagate", run)


def _check_propagate(lines, fn, w, b, X, Y):
    n_x, m = X.shape
    result = call(fn, "propagate", w, b, X, Y)
    if not isinstance(result, tuple) or len(result) != 2:
        raise Stop(f"propagate should return a pair (grads, cost); got {kind(result)}")
    grads, cost = result
    dict_with("grads", grads, ("dw", "db"))
    ref, ref_cost = propagate(w, b, X, Y)
    check_array("dw", grads["dw"], (n_x, 1), m=m, of="w")
    db, cost = scalar("db", grads["db"]), scalar("cost", cost)
    A = sigmoid(w.T @ X + b)
    dZ = A - Y
    numeric_dw = numerical_gradient(lambda v: _cost(sigmoid(v.T @ X + b), Y), w, epsilon=1e-6)
    numeric_db = numerical_gradient(lambda v: _cost(sigmoid(w.T @ X + v), Y), b, epsilon=1e-6)
    compare(lines, "cost", cost, ref_cost, fn=fn, m=m, causes=[
        (-ref_cost, "its sign is flipped"),
    ])
    compare(lines, "dw", grads["dw"], ref["dw"], numeric=numeric_dw, fn=fn, m=m, causes=[
        (-ref["dw"], "its sign is flipped"),
        ((X @ dZ.T) / m / m, "it is divided by m twice"),
    ])
    compare(lines, "db", db, ref["db"], numeric=numeric_db, fn=fn, m=m, causes=[
        (-ref["db"], "its sign is flipped"),
    ])

