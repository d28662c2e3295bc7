"""Gradient descent's inner loop for the two-layer network, written for speed: what `network.train` and
`training.train_with_history` run once they have checked their arguments.

The equations are network.py's; here every array is made once and written in place, because at the course's sizes
(m = 400, n_h = 4) a numpy call's overhead is most of its time.
"""
import numpy as np


# how many steps' outputs `descend` keeps before it computes their costs, all at once
COST_CHUNK = 250


def descend(X, Y, W1, b1, W2, b2, alpha, activation, costs, W1s=None):
    """Gradient descent for len(costs) steps on the parameters, in place; costs[i] is the cost before step i, and
    ``W1s[i]`` (if given, an array (len(costs) + 1, n_h, n_x)) W1 before step i and, last, after the last step.
    Returns dW1 of the first step (None if there is none).

    The six equations of `network._backward` and the update, in about eighteen numpy calls a step where a step
    through the functions of network.py makes fifty: every array is made once and written in place; each layer's bias
    is the last column of its weights, [W b], so that one product gives Z = [W b] [A_prev; 1] and another
    [dW db] = dZ [A_prev; 1]ᵀ (the row of ones sums dZ over the examples); the parameters, and the gradients, are one
    array each, so the update is one subtraction; α/m is folded into dZ2 (then dZ2 A1ᵀ is already α dW2, and so on
    down). The cost of each step is computed from its A2 afterwards, COST_CHUNK steps at a time. The same numbers as a
    step through the functions of network.py, up to rounding (tests/test_network.py).
    """
    m, dtype = X.shape[1], X.dtype
    (n_h, n_x), n_y = W1.shape, W2.shape[0]
    size = n_h * (n_x + 1)
    P, D = np.empty(size + n_y * (n_h + 1), dtype), np.empty(size + n_y * (n_h + 1), dtype)  # [W1 b1] then [W2 b2]
    P1, P2 = P[:size].reshape(n_h, n_x + 1), P[size:].reshape(n_y, n_h + 1)
    D1, D2 = D[:size].reshape(n_h, n_x + 1), D[size:].reshape(n_y, n_h + 1)
    P1[:, :n_x], P1[:, n_x:], P2[:, :n_h], P2[:, n_h:] = W1, b1, W2, b2
    X1 = np.vstack([X, np.ones((1, m), dtype)])  # [X; 1]
    A1_1 = np.ones((n_h + 1, m), dtype)  # [A1; 1]: the activation is written into its first n_h rows
    A1, X1_T, A1_1_T, W2_T = A1_1[:n_h], X1.T, A1_1.T, P2[:, :n_h].T
    Z1, G = np.empty((n_h, m), dtype), np.empty((n_h, m), dtype)
    Z2, A2 = np.empty((n_y, m), dtype), np.empty((n_y, m), dtype)
    outputs = np.empty((min(COST_CHUNK, len(costs)), n_y * m), dtype)  # A2 of each step of a chunk, a row each
    y, not_y, eps = Y.ravel(), (1 - Y).ravel(), np.finfo(dtype).eps
    scale, first_dW1 = alpha / m, None
    for i in range(len(costs)):
        if W1s is not None:
            W1s[i] = P1[:, :n_x]
        np.matmul(P1, X1, out=Z1)  # Z1 = W1 X + b1
        if activation == "tanh":
            np.tanh(Z1, out=A1)
        elif activation == "relu":
            np.maximum(Z1, 0, out=A1)
        else:
            _sigmoid_into(Z1, A1)
        np.matmul(P2, A1_1, out=Z2)  # Z2 = W2 A1 + b2
        _sigmoid_into(Z2, A2)
        row = i % len(outputs)
        outputs[row] = A2.reshape(-1)
        if row == len(outputs) - 1 or i == len(costs) - 1:  # the costs of the chunk: -(y·log a + (1 − y)·log(1 − a))/m
            done = outputs[:row + 1]  # each row summed on its own (a matrix product's rounding would depend on the chunk)
            total = (np.log(np.maximum(done, eps)) * y).sum(axis=1)
            total += (np.log(np.maximum(1 - done, eps)) * not_y).sum(axis=1)
            costs[i - row:i + 1] = -total / m
        np.subtract(A2, Y, out=Z2)  # dZ2, kept in Z2's array
        Z2 *= scale  # α/m dZ2
        np.matmul(Z2, A1_1_T, out=D2)  # [α dW2, α db2]
        if activation == "tanh":  # g′(Z1), before Z1's array takes dZ1
            np.multiply(A1, A1, out=G)
            np.subtract(1, G, out=G)
        elif activation == "relu":
            np.greater(Z1, 0, out=G)
        else:
            np.subtract(1, A1, out=G)
            G *= A1
        if n_y == 1:  # W2ᵀ dZ2 is then an outer product: a broadcast product is the faster way to it
            np.multiply(W2_T, Z2, out=Z1)
        else:
            np.matmul(W2_T, Z2, out=Z1)
        Z1 *= G  # α/m dZ1
        np.matmul(Z1, X1_T, out=D1)  # [α dW1, α db1]
        if i == 0:
            first_dW1 = D1[:, :n_x] / alpha
        P -= D
    W1[...], b1[...], W2[...], b2[...] = P1[:, :n_x], P1[:, n_x:], P2[:, :n_h], P2[:, n_h:]
    if W1s is not None:
        W1s[len(costs)] = W1
    return first_dW1


def _sigmoid_into(Z, out):
    """σ(Z) = 1 / (1 + e^(−Z)) into ``out``, in four calls. For Z below about −709 (float64) or −88 (float32) e^(−Z)
    overflows to inf and σ is 0, where its true value is below 1e-308 (1e-38): the caller ignores the warning."""
    np.negative(Z, out=out)
    np.exp(out, out=out)
    out += 1
    np.reciprocal(out, out=out)
