"""Logistic regression as a computation graph: x, w, b → z → a → L, and back.

One example:                         m examples (columns of X):
    z = wᵀx + b                          Z = wᵀX + b                 (1, m)
    a = σ(z)                             A = σ(Z)                    (1, m)
    L(a, y) = −(y log a + (1−y) log(1−a))    J = (1/m) Σ L(a⁽ⁱ⁾, y⁽ⁱ⁾)
backward, by the chain rule:
    da = −y/a + (1−y)/(1−a)
    dz = da · σ′(z) = da · a(1 − a) = a − y
    dw = x dz,   db = dz                 dw = (1/m) X dZᵀ (n_x, 1),  db = (1/m) Σ dZ
"""
import numpy as np

from . import checks
from .activations import sigmoid
from .network import _cost


def loss(a, y):
    """L(a, y) = −(y log a + (1 − y) log(1 − a)) for one prediction a in (0, 1) and label y.

    log(1 − a) is computed as log1p(−a), which keeps its digits when a is tiny (a central difference in a needs them).
    """
    return -(y * np.log(a) + (1 - y) * np.log1p(-a))


def loss_from_z(z, y):
    """L as a function of z: y log(1 + e^(−z)) + (1 − y) log(1 + e^z), exact to rounding for every z.

    The same loss as `loss(σ(z), y)`, without forming a = σ(z): near a = 0 or 1, log a or log(1 − a)
    would lose every digit that tells two nearby z apart, which a finite-difference check needs.
    """
    return y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)


def loss_da(a, y):
    """da = dL/da = −y/a + (1 − y)/(1 − a): how the loss changes with the prediction a."""
    return -y / a + (1 - y) / (1 - a)


def _bias(b):
    if isinstance(b, np.ndarray) and b.size == 1:
        b = b.reshape(())[()]
    if isinstance(b, bool) or not isinstance(b, (int, float, np.integer, np.floating)):
        raise ValueError(f"b must be a single number (logistic regression has one bias); got {checks.shape_of(b) if isinstance(b, np.ndarray) else type(b).__name__}")
    if not np.isfinite(b):
        raise ValueError(f"b must be finite; got {b}")
    return float(b)  # a Python float never upcasts float32 arrays


def propagate(w, b, X, Y):
    """Forward and backward pass of logistic regression over m examples: (grads, cost).

    w (n_x, 1), b a number, X (n_x, m), Y (1, m) with labels in [0, 1].
    Returns grads {"dw": (n_x, 1) array, "db": float} and the cost J as a float, where
    A = σ(wᵀX + b), dZ = A − Y, dw = (1/m) X dZᵀ, db = (1/m) Σ dZ.
    """
    w = checks.matrix("w", w, what="a column (n_x, 1)")
    if w.shape[1] != 1:
        raise ValueError(f"w must be a column (n_x, 1), one weight per feature; got w {checks.shape_of(w)}")
    b = _bias(b)
    X = checks.matrix("X", X, what="a 2-D array (n_x, m), one column per example", dtype=w.dtype)
    if X.shape[0] != w.shape[0]:
        raise ValueError(f"w is {checks.shape_of(w)}, so X needs {w.shape[0]} rows (one per feature); got X {checks.shape_of(X)}")
    if X.shape[1] == 0:
        raise ValueError(f"X has no examples: X {checks.shape_of(X)}")
    checks.same_dtype(w=w, X=X)
    Y = checks.labels(Y, X.shape[1], 1, X.dtype)
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)  # (1, m)
    cost = _cost(A, Y)
    dZ = A - Y  # (1, m)
    dw = (1 / m) * (X @ dZ.T)  # (n_x, 1), the shape of w
    db = (1 / m) * float(np.sum(dZ))
    return {"dw": dw, "db": db}, cost


def train_logistic_regression(X, Y, *, num_iterations=2000, learning_rate=1.2):
    """Logistic regression by gradient descent from w = 0, b = 0; returns (w, b, costs).

    X (n_x, m), Y (1, m). ``costs`` holds the cost J before each update (a 1-D array). The decision
    boundary wᵀx + b = 0 is a straight line: the baseline a hidden layer has to beat.
    """
    X = checks.matrix("X", X, what="a 2-D array (n_x, m), one column per example")
    w, b = np.zeros((X.shape[0], 1), dtype=X.dtype), 0.0
    costs = np.empty(num_iterations)
    for i in range(num_iterations):
        grads, costs[i] = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
    return w, b, costs


def predict_logistic_regression(w, b, X):
    """Labels 1 where σ(wᵀX + b) > 0.5, else 0: a (1, m) array in the dtype of X."""
    w = checks.matrix("w", w, what="a column (n_x, 1)")
    X = checks.matrix("X", X, what="a 2-D array (n_x, m), one column per example", dtype=w.dtype)
    if X.shape[0] != w.shape[0]:
        raise ValueError(f"w is {checks.shape_of(w)}, so X needs {w.shape[0]} rows (one per feature); got X {checks.shape_of(X)}")
    return (sigmoid(w.T @ X + _bias(b)) > 0.5).astype(X.dtype)
