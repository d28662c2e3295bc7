"""Signals in deep networks (notebook 08): how the spread of A and of dZ changes from layer to layer.

The variance rule: with b = 0 and weights w of mean 0 and variance s², drawn independently of the layer's input,

    Var(z^[l]) = n_{l−1} · s² · E[(a^[l−1])²]          (forward, one unit of layer l)
    Var(da^[l−1]) = n_l · s² · Var(dz^[l])              (backward, through W^[l]ᵀ)

relu keeps half the mean square, E[relu(z)²] = Var(z) / 2 (z symmetric about 0); tanh keeps it while |z| is small
(tanh(z) ≈ z). So s² = 2 / n_{l−1} (He) keeps relu layers' z at one spread and s² = 1 / n_{l−1} (Xavier) tanh layers'.

The statistics below are per **hidden** layer, l = 1 … L−1 (the output layer's dZ^[L] = A^[L] − Y comes from the
cost, not from the signal below it). Figures: `figures/signals.py`.
"""
import numpy as np

from . import checks
from .activations import g_prime_from_cache
from .deep import _backward_deep, _forward_deep, initialize_deep

SATURATED = 0.01  # g′(z) below this: a saturated value (notebook 05's measure)
METHOD_SCALE = {"he": 2.0, "xavier": 1.0}  # s² · n_{l−1}


def weight_scale(method, n_prev):
    """The weights' standard deviation s for ``method`` ("he", "xavier" or a number, the scale itself) and n_{l−1}."""
    if isinstance(method, str):
        if method not in METHOD_SCALE:
            raise ValueError(f"unknown method {method!r}: use 'he', 'xavier' or a number (the weights' scale)")
        return float(np.sqrt(METHOD_SCALE[method] / n_prev))
    return float(method)


def predicted_std(layer_dims, method, hidden, mean_square_x):
    """The spread of Z^[l] the variance rule predicts for the hidden layers l = 1 … L−1, an array (L−1,).

    ``method`` as for `initialize_deep`; ``hidden`` "relu" (exact for symmetric z) or "tanh" (while tanh(z) ≈ z);
    ``mean_square_x``: E[x²], the mean of X² (the input's own spread, layer 0's "a²").
    """
    dims = checks.layer_dims(layer_dims)
    if hidden not in ("relu", "tanh"):
        raise ValueError(f"the variance rule here covers 'relu' and 'tanh' layers; got {hidden!r}")
    mean_square = float(mean_square_x)
    stds = []
    for l in range(1, len(dims) - 1):
        variance = dims[l - 1] * weight_scale(method, dims[l - 1]) ** 2 * mean_square
        stds.append(np.sqrt(variance))
        mean_square = variance / 2 if hidden == "relu" else variance
    return np.array(stds)


def _hidden_dZ(caches, grads):
    """dZ^[l] = dA^[l] ∗ g′(Z^[l]) for the hidden layers, from the backward pass's dA^[l]."""
    return [grads[f"dA{cache['l']}"] * g_prime_from_cache(cache["Z"], cache["A"], cache["activation"])
            for cache in caches[:-1]]


def layer_statistics(caches, grads):
    """Per hidden layer l = 1 … L−1: {"A": std of A^[l], "dZ": std of dZ^[l], "dW": std of dW^[l],
    "ratio": ‖dW^[l]‖ / ‖W^[l]‖ (how far one step of rate 1 moves the weights, relative to their size)}, each an
    array (L−1,). ``caches`` and ``grads`` as `L_model_forward` and `L_model_backward` return them."""
    caches = checks.caches(caches)
    hidden = caches[:-1]
    return {
        "A": np.array([np.std(cache["A"]) for cache in hidden]),
        "dZ": np.array([np.std(dZ) for dZ in _hidden_dZ(caches, grads)]),
        "dW": np.array([np.std(grads[f"dW{cache['l']}"]) for cache in hidden]),
        "ratio": np.array([np.linalg.norm(grads[f"dW{cache['l']}"]) / np.linalg.norm(cache["W"]) for cache in hidden]),
    }


def unit_shares(caches):
    """Per hidden layer l = 1 … L−1, (saturated, dead), two arrays (L−1,) of shares in [0, 1]:
    saturated, the share of the values z of tanh or σ units where g′(z) < 0.01 (relu has no ceiling: 0);
    dead, the share of relu units (rows of Z^[l]) whose z ≤ 0 for every example: their gradient is 0 (tanh, σ: 0)."""
    caches = checks.caches(caches)
    saturated, dead = [], []
    for cache in caches[:-1]:
        if cache["activation"] == "relu":
            saturated.append(0.0)
            dead.append(float(np.mean(np.all(cache["Z"] <= 0, axis=1))))
        else:
            saturated.append(float(np.mean(g_prime_from_cache(cache["Z"], cache["A"], cache["activation"]) < SATURATED)))
            dead.append(0.0)
    return np.array(saturated), np.array(dead)


class SignalRun:
    """The explorer's network: ``depth`` hidden layers of ``width`` units on random inputs, one σ output, weights
    s · N(0, 1) with s the same for every layer. The N(0, 1) draws of the deepest network are made once, so that a
    move of the scale only multiplies them (and the first l layers are the same at every depth)."""

    def __init__(self, width=100, m=100, max_depth=50, seed=0):
        rng = np.random.default_rng(seed)
        self.width, self.max_depth = width, max_depth
        self.X = rng.standard_normal((width, m))
        self.Y = (rng.random((1, m)) < 0.5).astype(np.float64)
        draws = initialize_deep([width] * (max_depth + 1) + [1], 1.0, seed + 1)
        self.hidden_draws = [draws[f"W{l}"] for l in range(1, max_depth + 1)]
        self.output_draw = draws[f"W{max_depth + 1}"]

    def run(self, depth, hidden, scale):
        """Forward and backward at ``depth`` hidden layers: (statistics, (saturated, dead)), as above."""
        if not (isinstance(depth, (int, np.integer)) and 1 <= depth <= self.max_depth):
            raise ValueError(f"depth must be a whole number of hidden layers from 1 to {self.max_depth}; got {depth!r}")
        zero = np.zeros((self.width, 1))
        layers = [(W * scale, zero) for W in self.hidden_draws[:depth]] + [(self.output_draw * scale, np.zeros((1, 1)))]
        with np.errstate(over="ignore", under="ignore"):  # σ of a huge z is 1.0 exactly; relu layers stay finite
            _, caches = _forward_deep(self.X, layers, hidden, "sigmoid")
            grads = _backward_deep(self.Y, caches)
            return layer_statistics(caches, grads), unit_shares(caches)
