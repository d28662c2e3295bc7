"""The three-layer network of notebook 02's last rung (two tanh hidden layers, a sigmoid output), one example or m:
the bridge from two layers to L. The same equations as the two-layer network, one layer more."""
import numpy as np

from .activations import sigmoid
from .network import _cost

LAYERS = (1, 2, 3)


def three_layer_problem(sizes=(3, 4, 2, 1), m=1, *, seed=0):
    """Parameters W1..W3, b1..b3 for layer sizes (n0, n1, n2, n3), ``m`` examples X (n0, m) and labels Y (n3, m)."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in LAYERS:
        parameters[f"W{l}"] = rng.standard_normal((sizes[l], sizes[l - 1])) * 0.8
        parameters[f"b{l}"] = rng.standard_normal((sizes[l], 1)) * 0.3
    X = rng.standard_normal((sizes[0], m))
    Y = (rng.uniform(size=(sizes[3], m)) > 0.5).astype(np.float64)
    return parameters, X, Y


def three_layer_forward(X, parameters):
    """(A3, cache {"Z1", "A1", "Z2", "A2", "Z3", "A3"}): tanh, tanh, then σ at the output."""
    cache, A = {}, X
    for l in LAYERS:
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A = sigmoid(Z) if l == 3 else np.tanh(Z)
        cache[f"Z{l}"], cache[f"A{l}"] = Z, A
    return A, cache


def three_layer_cost(parameters, X, Y):
    return _cost(three_layer_forward(X, parameters)[0], Y)


def three_layer_backward(parameters, cache, X, Y):
    """{"dZ3", "dW3", "db3", "dZ2", "dW2", "db2", "dZ1", "dW1", "db1"} of the cross-entropy averaged over m."""
    m = X.shape[1]
    grads = {"dZ3": cache["A3"] - Y}
    for l in (3, 2, 1):
        dZ = grads[f"dZ{l}"]
        A_prev = X if l == 1 else cache[f"A{l - 1}"]
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            grads[f"dZ{l - 1}"] = (parameters[f"W{l}"].T @ dZ) * (1 - cache[f"A{l - 1}"] ** 2)
    return grads
