"""The two-layer network of the lecture, vectorized over m examples.

Notation (the lecture's): one example is a column. X is (n_x, m) and Y is (n_y, m);
W1 is (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1); Z1, A1 are (n_h, m); Z2, A2 are (n_y, m).

    forward                          backward
    Z1 = W1 X + b1                   dZ2 = A2 − Y
    A1 = g(Z1)                       dW2 = (1/m) dZ2 A1ᵀ          db2 = (1/m) Σ_columns dZ2
    Z2 = W2 A1 + b2                  dZ1 = W2ᵀ dZ2 ∗ g′(Z1)
    A2 = σ(Z2)                       dW1 = (1/m) dZ1 Xᵀ           db1 = (1/m) Σ_columns dZ1

The backward pass is logistic regression done twice: the same two functions `weight_gradient` and
`bias_gradient` give dW2, db2 from (dZ2, A1) and dW1, db1 from (dZ1, X), because X plays the role of A0.
With m = 1 every equation here is the single-example equation of the lecture.

The public functions check their arguments first (see `helpers.checks`); the private ones starting
with an underscore are the bare equations, which `gradient_check` loops over; `train` runs them as one lean loop
(`descent.py`).
"""
import numpy as np

from . import checks
from .activations import ACTIVATION, g_prime_from_cache, sigmoid
from .descent import descend


# ---------------------------------------------------------------------------------------------------
# The equations, one short function each (no checks: callers check once at the door)
# ---------------------------------------------------------------------------------------------------
def linear(W, A_prev, b):
    """Z = W A_prev + b.  W (n_l, n_{l−1}), A_prev (n_{l−1}, m), b (n_l, 1) → Z (n_l, m)."""
    Z = W @ A_prev
    Z += b  # b is a column: it is added to every example (column) of W A_prev
    return Z


def output_error(A2, Y):
    """dZ2 = A2 − Y: the chain rule through the cross-entropy loss and the sigmoid. (n_y, m)."""
    return A2 - Y


def weight_gradient(dZ, A_prev):
    """dW = (1/m) dZ A_prevᵀ.  dZ (n_l, m), A_prev (n_{l−1}, m) → dW (n_l, n_{l−1}), the shape of W.

    For layer 2, A_prev = A1; for layer 1, A_prev = X (the input plays the role of A0).
    """
    m = dZ.shape[1]
    return (1 / m) * (dZ @ A_prev.T)


def bias_gradient(dZ):
    """db = (1/m) Σ over the columns (examples) of dZ, kept as a column: (n_l, m) → (n_l, 1)."""
    m = dZ.shape[1]
    return (1 / m) * dZ.sum(axis=1, keepdims=True)  # np.sum(dZ, axis=1, keepdims=True), without its Python wrapper


def hidden_error(W2, dZ2, g_prime_Z1):
    """dZ1 = W2ᵀ dZ2 ∗ g′(Z1).  (n_h, n_y)(n_y, m) → (n_h, m), then element-wise times g′(Z1) (n_h, m)."""
    dZ1 = W2.T @ dZ2
    dZ1 *= g_prime_Z1
    return dZ1


def _forward(X, W1, b1, W2, b2, activation):
    Z1 = linear(W1, X, b1)
    A1 = ACTIVATION[activation](Z1)
    Z2 = linear(W2, A1, b2)
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def _cost(A2, Y):
    m = Y.shape[1]
    eps = np.finfo(A2.dtype).eps  # log(0) would be −inf: a is kept in [ε, 1 − ε], so the cost is at most −log ε
    log_a = np.log(np.maximum(A2, eps))
    log_1_minus_a = np.log(np.maximum(1 - A2, eps))
    # Σ over all entries of Y log A2 + (1 − Y) log(1 − A2), as two dot products (no temporary products)
    return -float(np.vdot(Y, log_a) + np.vdot(1 - Y, log_1_minus_a)) / m


def _backward(X, Y, W2, Z1, A1, A2, activation):
    dZ2 = output_error(A2, Y)
    dW2 = weight_gradient(dZ2, A1)
    db2 = bias_gradient(dZ2)
    dZ1 = hidden_error(W2, dZ2, g_prime_from_cache(Z1, A1, activation))
    dW1 = weight_gradient(dZ1, X)
    db1 = bias_gradient(dZ1)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# ---------------------------------------------------------------------------------------------------
# The public API: checked at the door, then the equations above
# ---------------------------------------------------------------------------------------------------
def initialize_parameters(n_x, n_h, n_y, *, scale=0.01, seed=0, dtype=np.float64):
    """Small random weights, zero biases: W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1).

    Each W is drawn from a standard normal times ``scale`` with its own generator
    (``np.random.default_rng(seed)``; ``seed`` may also be a ``np.random.Generator``), so the global
    random state is never touched. Why random and small: see notebook 05.
    """
    for name, n in (("n_x", n_x), ("n_h", n_h), ("n_y", n_y)):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"{name} must be a positive whole number of units; got {n!r}")
    if not np.isfinite(scale) or scale < 0:
        raise ValueError(f"scale must be a finite number >= 0; got {scale!r}")
    dtype = checks.float_dtype(dtype)
    rng = np.random.default_rng(seed)
    return {
        "W1": (rng.standard_normal((n_h, n_x)) * scale).astype(dtype),
        "b1": np.zeros((n_h, 1), dtype=dtype),
        "W2": (rng.standard_normal((n_y, n_h)) * scale).astype(dtype),
        "b2": np.zeros((n_y, 1), dtype=dtype),
    }


def forward_propagation(X, parameters, activation="tanh"):
    """Forward pass: X (n_x, m) → A2 (n_y, m), and the cache {Z1, A1, Z2, A2} the backward pass needs.

    Z1 = W1 X + b1, A1 = g(Z1) with g = ``activation`` ("tanh", "relu" or "sigmoid"),
    Z2 = W2 A1 + b2, A2 = σ(Z2).
    """
    W1, b1, W2, b2 = checks.parameters(parameters)
    X = checks.inputs(X, W1)
    checks.activation(activation)
    return _forward(X, W1, b1, W2, b2, activation)


def compute_cost(A2, Y):
    """Cross-entropy cost J = −(1/m) Σ [Y log A2 + (1 − Y) log(1 − A2)] over all entries, as a float.

    A2 and Y are (n_y, m). A2 is clipped to [ε, 1 − ε] (ε the machine epsilon of its dtype), so the
    cost is finite, without a warning, even where A2 holds exact 0s and 1s.
    """
    A2 = checks.matrix("A2", A2, what="a 2-D array (n_y, m)")
    if A2.size and (A2.min() < 0 or A2.max() > 1):
        raise ValueError(f"A2 must hold probabilities in [0, 1] (the sigmoid's output); got values from {A2.min():g} to {A2.max():g}")
    Y = checks.labels(Y, A2.shape[1], A2.shape[0], A2.dtype, m_from="A2")
    return _cost(A2, Y)


def backward_propagation(parameters, cache, X, Y, activation="tanh"):
    """Vectorized backward pass: the gradients {dW1, db1, dW2, db2}, each the shape of its parameter.

    dZ2 = A2 − Y; dW2 = (1/m) dZ2 A1ᵀ; db2 = (1/m) Σ_columns dZ2;
    dZ1 = W2ᵀ dZ2 ∗ g′(Z1); dW1 = (1/m) dZ1 Xᵀ; db1 = (1/m) Σ_columns dZ1.
    ``cache`` is the one `forward_propagation` returned for the same X, parameters and activation.
    """
    W1, b1, W2, b2 = checks.parameters(parameters)
    X = checks.inputs(X, W1)
    checks.activation(activation)
    Z1, A1, Z2, A2 = checks.cache(cache, W1, W2, X.shape[1])
    Y = checks.labels(Y, X.shape[1], W2.shape[0], X.dtype)
    return _backward(X, Y, W2, Z1, A1, A2, activation)


def backward_propagation_loop(parameters, cache, X, Y, activation="tanh"):
    """The same gradients as `backward_propagation`, one example (one column) at a time.

    For each example i it applies the six single-example equations to column i
    (dz2 = a2 − y, dW2 = dz2 a1ᵀ, db2 = dz2, dz1 = W2ᵀ dz2 ∗ g′(z1), dW1 = dz1 xᵀ, db1 = dz1),
    adds them up, and divides by m at the end. Slow on purpose: it is the loop vectorization removes.
    """
    W1, b1, W2, b2 = checks.parameters(parameters)
    X = checks.inputs(X, W1)
    checks.activation(activation)
    Z1, A1, Z2, A2 = checks.cache(cache, W1, W2, X.shape[1])
    Y = checks.labels(Y, X.shape[1], W2.shape[0], X.dtype)
    m = X.shape[1]
    dW1, db1 = np.zeros_like(W1), np.zeros_like(b1)
    dW2, db2 = np.zeros_like(W2), np.zeros_like(b2)
    for i in range(m):
        x, y = X[:, i:i + 1], Y[:, i:i + 1]  # one example, kept as a column
        z1, a1, a2 = Z1[:, i:i + 1], A1[:, i:i + 1], A2[:, i:i + 1]
        dz2 = output_error(a2, y)
        dW2 += weight_gradient(dz2, a1)  # with m = 1: dz2 a1ᵀ
        db2 += bias_gradient(dz2)  # with m = 1: dz2
        dz1 = hidden_error(W2, dz2, g_prime_from_cache(z1, a1, activation))
        dW1 += weight_gradient(dz1, x)  # with m = 1: dz1 xᵀ
        db1 += bias_gradient(dz1)  # with m = 1: dz1
    return {"dW1": dW1 / m, "db1": db1 / m, "dW2": dW2 / m, "db2": db2 / m}


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent: W := W − α dW, b := b − α db, for both layers.

    Returns a new dict; ``parameters`` and ``grads`` are not modified.
    """
    W1, b1, W2, b2 = checks.parameters(parameters)
    dW1, db1, dW2, db2 = checks.gradients(grads, {"W1": W1, "b1": b1, "W2": W2, "b2": b2})
    alpha = checks.learning_rate(learning_rate)
    return {"W1": W1 - alpha * dW1, "b1": b1 - alpha * db1, "W2": W2 - alpha * dW2, "b2": b2 - alpha * db2}


def train(X, Y, n_h, *, num_iterations=10000, learning_rate=1.2, activation="tanh", seed=0, initial_parameters=None,
          backward=None):
    """Train the two-layer network by batch gradient descent; return (parameters, costs).

    X (n_x, m), Y (n_y, m); ``n_h`` hidden units; weights from `initialize_parameters(seed=seed)` in the
    dtype of X, unless ``initial_parameters`` (a parameter dict, not modified) gives the starting point.
    ``costs`` is a 1-D float array: the cost J before each of the ``num_iterations`` updates.
    The arguments are checked once; the loop then runs the bare equations. If the parameters stop
    being finite (a learning rate far too large), a FloatingPointError says so instead of returning NaN.
    ``backward``: a function with `backward_propagation`'s arguments ``(parameters, cache, X, Y)`` to use
    instead of the course's backward pass (yours, or one of the bug gallery's); its gradients are checked
    against the parameters' shapes at the first step.
    """
    X = checks.matrix("X", X, what="a 2-D array (n_x, m), one column per example")
    if X.shape[1] == 0:
        raise ValueError(f"X has no examples: X {checks.shape_of(X)}")
    Y = checks.labels(Y, X.shape[1], None, X.dtype)
    checks.activation(activation)
    alpha = checks.learning_rate(learning_rate)
    if isinstance(num_iterations, bool) or not isinstance(num_iterations, (int, np.integer)) or num_iterations < 0:
        raise ValueError(f"num_iterations must be a whole number >= 0; got {num_iterations!r}")
    if initial_parameters is None:
        params = initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=seed, dtype=X.dtype)
    else:
        W1, b1, W2, b2 = checks.parameters(initial_parameters)
        checks.inputs(X, W1)
        if W1.shape[0] != n_h or W2.shape[0] != Y.shape[0]:
            raise ValueError(
                f"initial_parameters do not fit: n_h = {n_h} and Y {checks.shape_of(Y)} need W1 ({n_h}, {X.shape[0]}) "
                f"and W2 ({Y.shape[0]}, {n_h}); got W1 {checks.shape_of(W1)}, W2 {checks.shape_of(W2)}"
            )
        params = {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()}  # ours to update in place
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    costs = np.empty(num_iterations)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # divergence is reported below, as an error
        if backward is None:
            descend(X, Y, W1, b1, W2, b2, alpha, activation, costs)
        for i in range(num_iterations if backward is not None else 0):
            A2, cache = _forward(X, W1, b1, W2, b2, activation)
            costs[i] = _cost(A2, Y)
            grads = backward({"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()}, cache, X, Y)
            if i == 0:
                checks.gradients(grads, params)
            W1 -= alpha * grads["dW1"]  # in place: these arrays are our own
            b1 -= alpha * grads["db1"]
            W2 -= alpha * grads["dW2"]
            b2 -= alpha * grads["db2"]
    for name, p in params.items():
        if not np.isfinite(p).all():
            raise FloatingPointError(
                f"training diverged: {name} holds NaN or inf after {num_iterations} iterations at "
                f"learning_rate {learning_rate}; use a smaller learning rate"
            )
    return params, costs


def predict(parameters, X, activation="tanh"):
    """Predicted labels: 1 where A2 > 0.5, else 0; an (n_y, m) array in the dtype of X."""
    A2, _ = forward_propagation(X, parameters, activation)
    return (A2 > 0.5).astype(A2.dtype)


def accuracy(parameters, X, Y, activation="tanh"):
    """Percentage of entries where `predict` equals Y (labels rounded at 0.5), as a float."""
    predictions = predict(parameters, X, activation)
    Y = checks.labels(Y, predictions.shape[1], predictions.shape[0], predictions.dtype)
    return 100.0 * float(np.mean(predictions == (Y > 0.5)))
