"""Why the weights must start random (notebook 05), in numbers: symmetric and scaled starts, and what they do.

A symmetric start (every weight equal) keeps the hidden units identical forever (`identical_units`, `row_spread`);
a large scale saturates tanh, whose derivative then vanishes (`saturation_report`). The figures are in
`figures/initialization.py`.
"""
import numpy as np

from .network import backward_propagation, compute_cost, forward_propagation


def constant_parameters(n_x, n_h, n_y, value):
    """Every weight equal to ``value``, every bias 0: the symmetric start (value = 0 is zero initialization)."""
    return {"W1": np.full((n_h, n_x), float(value)), "b1": np.zeros((n_h, 1)),
            "W2": np.full((n_y, n_h), float(value)), "b2": np.zeros((n_y, 1))}


def scaled_parameters(n_x, n_h, n_y, scale, seed=0):
    """Random weights from a standard normal times ``scale`` (own generator), biases 0."""
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((n_h, n_x)) * scale, "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_y, n_h)) * scale, "b2": np.zeros((n_y, 1))}


def row_spread(W):
    """The largest difference between two rows of W (0.0 exactly when every hidden unit has the same weights)."""
    return float(np.max(np.ptp(W, axis=0)))


def identical_units(parameters):
    """Pairs (j, k) of hidden units that start identical: same row of W1, same entry of b1, same column of W2.

    Two such units get the same gradients at every step and stay identical forever (notebook 05).
    """
    W1, b1, W2 = (np.asarray(parameters[k], dtype=np.float64) for k in ("W1", "b1", "W2"))
    units = np.concatenate([W1, b1, W2.T], axis=1)  # one row per hidden unit: everything that tells it apart
    n_h = units.shape[0]
    return [(j, k) for j in range(n_h) for k in range(j + 1, n_h) if np.array_equal(units[j], units[k])]


def saturation_report(X, Y, scales, *, n_h=4):
    """For each scale: the share of hidden values with g′(Z1) < 0.01, the start cost, and ‖dW1‖ / ‖W1‖."""
    rows = []
    for scale in scales:
        parameters = scaled_parameters(X.shape[0], n_h, 1, scale)
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        saturated = float(np.mean(1 - cache["A1"] ** 2 < 0.01))
        relative_step = float(np.linalg.norm(grads["dW1"]) / np.linalg.norm(parameters["W1"]))
        rows.append((scale, saturated, compute_cost(A2, Y), relative_step))
    return rows
