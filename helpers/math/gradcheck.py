"""Gradient checking: compare backprop's gradients with central finite differences.

For a parameter θ and a small ε, the central difference (J(θ + ε) − J(θ − ε)) / 2ε approximates dJ/dθ
with an error of order ε². The two gradients agree when their relative difference

    ‖g − g_num‖ / (‖g‖ + ‖g_num‖)

is tiny: below 1e-7 the backward pass is right; above 1e-4 there is almost surely a bug. The check
runs in float64 whatever the parameters' dtype: in float32 the rounding error of J (about 1e-7 · J)
divided by 2ε would swamp the difference it is looking for.
"""
import numpy as np

from . import checks
from .deep import _activations, _cost_deep, _forward_deep
from .network import _backward, _cost, _forward

ORDER = ("W1", "b1", "W2", "b2")


def numerical_gradient(f, x, epsilon=1e-7):
    """Central differences of a scalar function f at x (a number or an array): the shape of x.

    Each entry of x is nudged by ±epsilon in turn: (f(x + ε) − f(x − ε)) / 2ε. x is not modified.
    """
    scalar = np.ndim(x) == 0
    x = np.array(x, dtype=np.float64)  # a float64 copy: we nudge it in place
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + epsilon
        plus = float(f(x[()] if scalar else x))
        x[index] = saved - epsilon
        minus = float(f(x[()] if scalar else x))
        x[index] = saved
        grad[index] = (plus - minus) / (2 * epsilon)
    return float(grad) if scalar else grad


def relative_difference(g, g_num):
    """‖g − g_num‖ / (‖g‖ + ‖g_num‖), a float in [0, 1]; 0.0 when both are zero.

    NaN when either holds NaN or inf: a comparison with it (``< 1e-7``) is then False, so a non-finite
    gradient never "agrees".
    """
    g = np.asarray(g, dtype=np.float64).ravel()
    g_num = np.asarray(g_num, dtype=np.float64).ravel()
    if not (np.all(np.isfinite(g)) and np.all(np.isfinite(g_num))):
        return float("nan")
    denominator = np.linalg.norm(g) + np.linalg.norm(g_num)
    return float(np.linalg.norm(g - g_num) / denominator) if denominator > 0 else 0.0


def numerical_gradients(parameters, X, Y, activation="tanh", epsilon=1e-7):
    """Central-difference gradients {dW1, db1, dW2, db2} of the cost, in float64 (checked inputs)."""
    params, X, Y = _checked(parameters, X, Y, activation)

    def cost():
        A2, _ = _forward(X, *(params[k] for k in ORDER), activation)
        return _cost(A2, Y)

    return {"d" + name: numerical_gradient(_nudging(params[name], cost), params[name], epsilon) for name in ORDER}


def gradient_check(parameters, X, Y, activation="tanh", epsilon=1e-7):
    """Relative difference between backprop's gradients and central differences, over all parameters.

    Returns ‖g − g_num‖ / (‖g‖ + ‖g_num‖), with g the four gradients of `backward_propagation` and
    g_num those of `numerical_gradients`, all flattened into one vector. < 1e-7: right; > 1e-4: a bug.
    """
    params, X, Y = _checked(parameters, X, Y, activation)
    A2, cache = _forward(X, *(params[k] for k in ORDER), activation)
    grads = _backward(X, Y, params["W2"], cache["Z1"], cache["A1"], A2, activation)
    numeric = numerical_gradients(params, X, Y, activation, epsilon)
    g = np.concatenate([grads["d" + k].ravel() for k in ORDER])
    g_num = np.concatenate([numeric["d" + k].ravel() for k in ORDER])
    return relative_difference(g, g_num)


def _checked(parameters, X, Y, activation):
    W1, b1, W2, b2 = checks.parameters(parameters)
    X = checks.inputs(X, W1)
    checks.activation(activation)
    Y = checks.labels(Y, X.shape[1], W2.shape[0], X.dtype)
    as64 = {name: p.astype(np.float64) for name, p in zip(ORDER, (W1, b1, W2, b2))}  # copies: safe to nudge
    return as64, X.astype(np.float64), Y.astype(np.float64)


def _nudging(array, cost):
    """A function of a candidate value for ``array`` that writes it into ``array`` and returns the cost."""

    def f(value):
        saved = array.copy()
        array[...] = value
        try:
            return cost()
        finally:
            array[...] = saved

    return f


def numerical_gradients_deep(parameters, X, Y, hidden="relu", output="sigmoid", epsilon=1e-7):
    """Central-difference gradients {dW1, db1, …, dWL, dbL} of an L-layer network's cost (`L_model_cost`), in
    float64: what `L_model_backward` must give."""
    layers = checks.layers(parameters)
    X = checks.inputs(X, layers[0][0]).astype(np.float64)
    _activations(hidden, output)
    layers = [(W.astype(np.float64), b.astype(np.float64)) for W, b in layers]  # copies: safe to nudge
    Y = checks.targets(Y, np.empty((layers[-1][0].shape[0], X.shape[1])), output)

    def cost():
        AL, _ = _forward_deep(X, layers, hidden, output)
        return _cost_deep(AL, Y, output)

    grads = {}
    for l, (W, b) in enumerate(layers, start=1):
        grads[f"dW{l}"] = numerical_gradient(_nudging(W, cost), W, epsilon)
        grads[f"db{l}"] = numerical_gradient(_nudging(b, cost), b, epsilon)
    return grads
