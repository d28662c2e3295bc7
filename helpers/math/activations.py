"""Activation functions g(z) and their derivatives g'(z), side by side.

Each works element-wise on an array of any shape and returns an array of the same shape and dtype
(float32 stays float32). The derivative sits right below its function, as in the lecture:

    sigmoid:  g(z) = 1 / (1 + e^(-z))        g'(z) = g(z) (1 - g(z)) = a (1 - a)
    tanh:     g(z) = tanh(z)                 g'(z) = 1 - tanh(z)^2   = 1 - a^2
    relu:     g(z) = max(0, z)               g'(z) = 1 if z > 0 else 0   (0 at z = 0, by convention)
"""
import numpy as np


def _floating(z):
    z = np.asarray(z)
    return z if z.dtype.kind == "f" else z.astype(np.float64)


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), element-wise; never overflows or warns for any finite z.

    e^(−z) overflows for z below about −710 (float64) or −89 (float32). Writing σ with e^(−|z|),
    which is always in (0, 1], avoids that: σ(z) = 1 / (1 + e^(−|z|)) for z ≥ 0 and
    e^(−|z|) / (1 + e^(−|z|)) for z < 0.
    """
    z = _floating(z)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1, e) / (1 + e)


def sigmoid_prime(z):
    """σ′(z) = σ(z) (1 − σ(z)) = a (1 − a), element-wise."""
    a = sigmoid(z)
    return a * (1 - a)


def tanh(z):
    """tanh(z), element-wise (numpy's, named here so every activation lives in one place)."""
    return np.tanh(_floating(z))


def tanh_prime(z):
    """tanh′(z) = 1 − tanh(z)², element-wise."""
    a = np.tanh(_floating(z))
    return 1 - a * a


def relu(z):
    """relu(z) = max(0, z), element-wise."""
    z = _floating(z)
    return np.maximum(z, 0)


def relu_prime(z):
    """relu′(z) = 1 where z > 0, else 0 (at z = 0 the derivative does not exist; we take 0)."""
    z = _floating(z)
    return (z > 0).astype(z.dtype)


ACTIVATION = {"tanh": tanh, "relu": relu, "sigmoid": sigmoid}
DERIVATIVE = {"tanh": tanh_prime, "relu": relu_prime, "sigmoid": sigmoid_prime}


def g_prime_from_cache(Z, A, activation):
    """g′(Z) for A = g(Z), reading the cache instead of computing g again.

    The forward pass already stored A = g(Z), so: tanh′(Z) = 1 − A², σ′(Z) = A (1 − A), relu′(Z) = [Z > 0].
    These are the derivative evaluated at Z (not at A): only the arithmetic reuses A.
    """
    if activation == "tanh":
        g_prime = np.square(A)
        np.subtract(1, g_prime, out=g_prime)  # 1 − A², computed in place: one temporary, not two
        return g_prime
    if activation == "sigmoid":
        return A * (1 - A)
    return (Z > 0).astype(Z.dtype)
