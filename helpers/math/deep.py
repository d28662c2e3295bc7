"""The network of L layers (notebook 06) and its softmax output (notebook 07), in the lecture's notation.

Layer l has n_l units; W^[l] is (n_l, n_{l−1}), b^[l] is (n_l, 1), and the input X is A^[0] (n_0 = n_x). Examples
are columns. Every layer runs the same two steps forward and the same four backward:

    forward, l = 1 … L                          backward, l = L … 1
    Z^[l] = W^[l] A^[l−1] + b^[l]               dZ^[l] = dA^[l] ∗ g′(Z^[l])      (dZ^[L] = A^[L] − Y)
    A^[l] = g^[l](Z^[l])                        dW^[l] = (1/m) dZ^[l] A^[l−1]ᵀ
                                                db^[l] = (1/m) Σ_columns dZ^[l]
                                                dA^[l−1] = W^[l]ᵀ dZ^[l]          (no 1/m: it is not a parameter's gradient)

g is ``hidden`` ("relu", "tanh" or "sigmoid") for l < L and ``output`` for l = L: "sigmoid" (n_L independent yes/no
outputs) or "softmax" (n_L classes, one-hot Y). With the cross-entropy cost both give dZ^[L] = A^[L] − Y.

The forward pass keeps one cache per layer, a dict: what the backward step of that layer reads.
    {"l": l, "A_prev": A^[l−1], "W": W^[l], "b": b^[l], "Z": Z^[l], "A": A^[l], "activation": g's name}
"""
import numpy as np

from . import checks
from .activations import ACTIVATION, g_prime_from_cache
from .network import _cost, bias_gradient, linear, weight_gradient

HIDDEN = ("relu", "tanh", "sigmoid")
OUTPUTS = ("sigmoid", "softmax")
METHODS = ("he", "xavier")


def softmax(Z):
    """Softmax of each column: A_kj = e^(Z_kj) / Σ_i e^(Z_ij). Z (n, m) → A (n, m), each column sums to 1.

    Stable: the column's largest entry is subtracted first (which changes nothing, as the shift cancels in the
    ratio), so e^(…) is at most 1 and never overflows, for logits of ±1000 as for ±1.
    """
    Z = checks.matrix("Z", Z, what="a 2-D array (n, m): one column of logits per example")
    E = Z - Z.max(axis=0, keepdims=True)
    np.exp(E, out=E)
    E /= E.sum(axis=0, keepdims=True)
    return E


ACTIVATION_DEEP = {**ACTIVATION, "softmax": softmax}


def softmax_gradients(z, y):
    """One example's logits ``z`` (n,) and true class ``y`` → (a, J, dz_ce, dz_se): its probabilities, the softmax's
    Jacobian J[k, j] = ∂a_k/∂z_j, and dz for two costs, each Jᵀ da: the cross-entropy −log a_y (da = −y/a) and the
    squared error ½ Σ_k (a_k − y_k)² (da = a − y)."""
    a = softmax(np.asarray(z, dtype=np.float64).reshape(-1, 1))[:, 0]
    if not (isinstance(y, (int, np.integer)) and 0 <= y < a.size):
        raise ValueError(f"y must be a class 0 … {a.size - 1}; got {y!r}")
    if a[y] == 0:
        raise ValueError(f"the true class's probability a_{y} underflows to 0 (its logit lies more than ~745 below the "
                         "largest): its cross-entropy, −log a_y, is infinite")
    Y = np.zeros_like(a)
    Y[y] = 1.0
    J = np.diag(a) - np.outer(a, a)
    da = np.divide(-Y, a, out=np.zeros_like(a), where=Y > 0)  # −y_k / a_k: 0 where y_k = 0 (even where a_k underflows)
    return a, J, J.T @ da, J.T @ (a - Y)


def initialize_deep(layer_dims, method="he", seed=0, *, dtype=np.float64):
    """Random weights and zero biases for ``layer_dims`` = [n_0, n_1, …, n_L]: W1 … WL, b1 … bL.

    W^[l] is (n_l, n_{l−1}), drawn from a standard normal times a scale: √(2 / n_{l−1}) for ``method="he"`` (relu
    layers), √(1 / n_{l−1}) for "xavier" (tanh), or ``method`` itself when it is a number. One generator
    (``np.random.default_rng(seed)``), drawn layer by layer: ``initialize_deep([n_x, n_h, n_y], 0.01, seed)`` gives
    notebook 03's `initialize_parameters(n_x, n_h, n_y, seed=seed)`.
    """
    dims = checks.layer_dims(layer_dims)
    if isinstance(method, str):
        if method not in METHODS:
            raise ValueError(f"unknown method {method!r}: use 'he', 'xavier' or a number (the weights' scale)")
    elif isinstance(method, bool) or not isinstance(method, (int, float, np.integer, np.floating)) \
            or not np.isfinite(method) or method < 0:
        raise ValueError(f"method must be 'he', 'xavier' or a finite number >= 0 (the scale); got {method!r}")
    dtype = checks.float_dtype(dtype)
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(dims)):
        n_prev = dims[l - 1]
        scale = {"he": np.sqrt(2 / n_prev), "xavier": np.sqrt(1 / n_prev)}.get(method, method)
        parameters[f"W{l}"] = (rng.standard_normal((dims[l], n_prev)) * scale).astype(dtype)
        parameters[f"b{l}"] = np.zeros((dims[l], 1), dtype=dtype)
    return parameters


def _forward_deep(X, layers, hidden, output):
    caches = []
    A = X
    for l, (W, b) in enumerate(layers, start=1):
        activation = output if l == len(layers) else hidden
        Z = linear(W, A, b)
        A_next = ACTIVATION_DEEP[activation](Z)
        caches.append({"l": l, "A_prev": A, "W": W, "b": b, "Z": Z, "A": A_next, "activation": activation})
        A = A_next
    return A, caches


def L_model_forward(X, parameters, hidden="relu", output="sigmoid"):
    """Forward pass of an L-layer network: X (n_0, m) → (AL, caches), AL = A^[L] (n_L, m), one cache per layer.

    ``parameters``: W1 … WL, b1 … bL (see `initialize_deep`); layers 1 … L−1 use ``hidden``, layer L ``output``.
    caches[l − 1] is layer l's dict {"l", "A_prev", "W", "b", "Z", "A", "activation"} (the module's docstring).
    """
    layers = checks.layers(parameters)
    X = checks.inputs(X, layers[0][0])
    _activations(hidden, output)
    return _forward_deep(X, layers, hidden, output)


def _backward_deep(Y, caches):
    grads = {}
    L = len(caches)
    dZ = caches[-1]["A"] - Y  # cross-entropy with σ or softmax: dZ^[L] = A^[L] − Y
    for l in range(L, 0, -1):
        cache = caches[l - 1]
        if l < L:  # dZ^[l] = dA^[l] ∗ g′(Z^[l]), g the hidden activation
            dZ = grads[f"dA{l}"] * g_prime_from_cache(cache["Z"], cache["A"], cache["activation"])
        grads[f"dW{l}"] = weight_gradient(dZ, cache["A_prev"])
        grads[f"db{l}"] = bias_gradient(dZ)
        grads[f"dA{l - 1}"] = cache["W"].T @ dZ
    return grads


def L_model_backward(AL, Y, caches):
    """Backward pass of the cross-entropy cost averaged over m: {"dW1".."dWL", "db1".."dbL", "dA0".."dA{L−1}"}.

    ``AL`` and ``caches`` are what `L_model_forward` returned; Y is (n_L, m): 0/1 labels (or probabilities) for a
    sigmoid output, one-hot columns for softmax. dfoo has the shape of foo.
    """
    caches = checks.caches(caches)
    AL = checks.matrix("AL", AL, what="a 2-D array (n_L, m)")
    if AL is not caches[-1]["A"] and (AL.shape != caches[-1]["A"].shape or not np.array_equal(AL, caches[-1]["A"])):
        raise ValueError(f"AL {checks.shape_of(AL)} is not the output the caches hold (caches[-1]['A'], "
                         f"{checks.shape_of(caches[-1]['A'])}): pass the AL and caches of the same L_model_forward call")
    Y = checks.targets(Y, AL, caches[-1]["activation"])
    return _backward_deep(Y, caches)


def L_model_cost(AL, Y, output="sigmoid"):
    """Cross-entropy cost averaged over the m examples, a float.

    sigmoid: J = −(1/m) Σ over all entries [Y log AL + (1 − Y) log(1 − AL)] (notebook 03's `compute_cost`);
    softmax: J = −(1/m) Σ over all entries Y log AL (only the true class's row counts in each column).
    AL is clipped below at the machine epsilon, so J stays finite where AL holds exact 0s.
    """
    _activations("relu", output)
    AL = checks.matrix("AL", AL, what="a 2-D array (n_L, m)")
    if AL.size and (AL.min() < 0 or AL.max() > 1):
        raise ValueError(f"AL must hold probabilities in [0, 1]; got values from {AL.min():g} to {AL.max():g}")
    Y = checks.targets(Y, AL, output)
    return _cost_deep(AL, Y, output)


def _cost_deep(AL, Y, output):
    if output == "sigmoid":
        return _cost(AL, Y)
    return -float(np.vdot(Y, np.log(np.maximum(AL, np.finfo(AL.dtype).eps)))) / Y.shape[1]


def update_parameters_deep(parameters, grads, learning_rate):
    """One step of gradient descent on every layer: W^[l] := W^[l] − α dW^[l], b^[l] := b^[l] − α db^[l].

    Returns a new dict; ``parameters`` and ``grads`` are not modified.
    """
    layers = checks.layers(parameters)
    alpha = checks.learning_rate(learning_rate)
    new = {}
    for l, (W, b) in enumerate(layers, start=1):
        dW, db = checks.gradients_of(grads, {f"W{l}": W, f"b{l}": b})
        new[f"W{l}"], new[f"b{l}"] = W - alpha * dW, b - alpha * db
    return new


def train_deep(X, Y, layer_dims, *, hidden="relu", output="sigmoid", num_iterations=1000, learning_rate=0.5,
               method="he", seed=0):
    """Batch gradient descent on an L-layer network; returns (parameters, costs).

    ``layer_dims`` = [n_0, …, n_L] with n_0 = X's rows and n_L = Y's rows; weights from
    `initialize_deep(layer_dims, method, seed)` in X's dtype. ``costs``: the cost before each update (a 1-D array).
    """
    X = checks.matrix("X", X, what="a 2-D array (n_0, m), one column per example")
    dims = checks.layer_dims(layer_dims)
    if dims[0] != X.shape[0]:
        raise ValueError(f"layer_dims starts with n_0 = {dims[0]}, so X needs {dims[0]} rows; got X {checks.shape_of(X)}")
    _activations(hidden, output)
    alpha = checks.learning_rate(learning_rate)
    if isinstance(num_iterations, bool) or not isinstance(num_iterations, (int, np.integer)) or num_iterations < 0:
        raise ValueError(f"num_iterations must be a whole number >= 0; got {num_iterations!r}")
    parameters = initialize_deep(dims, method, seed, dtype=X.dtype)
    layers = checks.layers(parameters)
    X = checks.inputs(X, layers[0][0])
    Y = checks.targets(Y, np.empty((dims[-1], X.shape[1]), X.dtype), output)
    costs = np.empty(num_iterations)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # divergence is reported below
        for i in range(num_iterations):
            AL, caches = _forward_deep(X, layers, hidden, output)
            costs[i] = _cost_deep(AL, Y, output)
            grads = _backward_deep(Y, caches)
            for l, (W, b) in enumerate(layers, start=1):
                W -= alpha * grads[f"dW{l}"]  # in place: these arrays are ours (initialize_deep made them)
                b -= alpha * grads[f"db{l}"]
    if not all(np.isfinite(W).all() and np.isfinite(b).all() for W, b in layers):
        raise FloatingPointError(f"training diverged (NaN or inf) at learning_rate {learning_rate}; use a smaller one")
    return parameters, costs


def predict_deep(parameters, X, hidden="relu", output="sigmoid"):
    """Predictions: for a sigmoid output, 1 where AL > 0.5 else 0, (n_L, m) in X's dtype; for softmax, the class
    (row) of each column's largest probability, a (1, m) array of integers."""
    AL, _ = L_model_forward(X, parameters, hidden, output)
    if output == "softmax":
        return AL.argmax(axis=0).reshape(1, -1)
    return (AL > 0.5).astype(AL.dtype)


def one_hot(y, n_classes=10):
    """Labels y (1, m) of whole numbers 0 … n_classes − 1 → Y (n_classes, m): column j is 1 in row y_j, 0 elsewhere."""
    y = np.asarray(y)
    if y.ndim != 2 or y.shape[0] != 1:
        raise ValueError(f"y must be a row (1, m) of class labels; got y {checks.shape_of(y)}")
    if y.dtype.kind not in "iu" and not (y.dtype.kind == "f" and np.array_equal(y, np.round(y))):
        raise ValueError(f"y must hold whole class numbers; got dtype {y.dtype}")
    if y.size and (y.min() < 0 or y.max() >= n_classes):
        raise ValueError(f"y must hold classes 0 … {n_classes - 1}; got values from {y.min():g} to {y.max():g}")
    Y = np.zeros((n_classes, y.shape[1]))
    Y[y[0].astype(np.intp), np.arange(y.shape[1])] = 1.0
    return Y


def _activations(hidden, output):
    if hidden not in HIDDEN:
        raise ValueError(f"unknown hidden activation {hidden!r}; the known ones are {', '.join(map(repr, HIDDEN))}")
    if output not in OUTPUTS:
        raise ValueError(f"unknown output activation {output!r}; the known ones are {', '.join(map(repr, OUTPUTS))} "
                         "(the cross-entropy cost pairs with both)")
