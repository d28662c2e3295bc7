"""Logistic regression as a computation graph: x, w, b → z → a → L, and back.

One example:                         m examples (columns of X):
    z = wᵀx + b                          Z = wᵀX + b                 (1, m)
    a = σ(z)                             A = σ(Z)                    (1, m)
    L(a, y) = −(y log a + (1−y) log(1−a))    J = (1/m) Σ L(a⁽ⁱ⁾, y⁽ⁱ⁾)
backward, by the chain rule:
    da = −y/a + (1−y)/(1−a)
    dz = da · σ′(z) = da · a(1 − a) = a − y
    dw = x dz,   db = dz                 dw = (1/m) X dZᵀ (n_x, 1),  db = (1/m) Σ dZ
`logistic_graph_values` gives every node's value and derivative for one example, each also by central differences:
the numbers notebook 01's graph (`figures/graph.py`) and its explorer (`widgets/graph.py`) show.
"""
import numpy as np

from . import checks
from .activations import sigmoid
from .gradcheck import numerical_gradient, relative_difference
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


# ---------------------------------------------------------------------------------------------------
# One example's graph, node by node: what notebook 01's figure and explorer show
# ---------------------------------------------------------------------------------------------------


def logistic_graph_values(x1, x2, w1, w2, b, y):
    """Every node's forward value and derivative for one example, each derivative also by central differences.

    Returns a dict: forward values z, a, L; analytic derivatives da, dz, dw1, dw2, db; ``numeric`` with
    the same five derivatives by central differences; and ``tolerance``, for each derivative, how far the
    two may differ before it is a real disagreement (see `derivative_agrees`).
    """
    z = w1 * x1 + w2 * x2 + b
    a = float(sigmoid(z))
    L = float(loss_from_z(z, y))
    values = {"x1": x1, "x2": x2, "w1": w1, "w2": w2, "b": b, "y": y, "z": z, "a": a, "L": L}
    dz = a - y
    values.update(da=float(loss_da(a, y)), dz=dz, dw1=x1 * dz, dw2=x2 * dz, db=dz)

    def L_of(w1=w1, w2=w2, b=b):
        return float(loss_from_z(w1 * x1 + w2 * x2 + b, y))

    # da: nudge a by a small fraction of its distance to 0 and 1 (a ± ε must stay inside (0, 1)), and divide
    # by the step the floats really took
    step = 1e-5 * min(a, 1 - a)
    a_plus, a_minus = a + step, a - step
    numeric = {"da": float((loss(a_plus, y) - loss(a_minus, y)) / (a_plus - a_minus))}
    steps = {"da": a_plus - a_minus}
    for name, f, at in (("dz", lambda t: float(loss_from_z(t, y)), z), ("dw1", lambda t: L_of(w1=t), w1),
                        ("dw2", lambda t: L_of(w2=t), w2), ("db", lambda t: L_of(b=t), b)):
        numeric[name] = numerical_gradient(f, at, epsilon=1e-6)
        steps[name] = 2e-6
    values["numeric"] = numeric
    # the rounding error of a central difference: each loss is off by about 1e-16 |L| (more for da, whose
    # loss is written in a, rounded itself), divided by the step
    values["tolerance"] = {name: 8 * np.finfo(float).eps * (abs(L) + 1e-300) / steps[name] for name in numeric}
    return values


def derivative_agrees(analytic, numeric, tolerance=0.0):
    """True when a derivative and its central difference agree: relative difference below 1e-7, or a gap
    within the rounding error ``tolerance`` of the difference quotient. Never True for NaN or inf."""
    if not (np.isfinite(analytic) and np.isfinite(numeric)):
        return False
    return relative_difference([analytic], [numeric]) < 1e-7 or abs(analytic - numeric) <= tolerance
