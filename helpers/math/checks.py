"""Checks at the door: every public function validates its arguments here first.

A mistake in backprop usually shows up as a shape that is off by a transpose or a bias that is a 1-D
vector. These checks turn such mistakes into a `ValueError` that names the arrays, their shapes (as
numpy prints them) and the rule that was broken, instead of a silent broadcast or a NaN later on.

They are written to be cheap: a few attribute reads per array and one reduction for finiteness,
so a training step at the course's size spends microseconds here.
"""
import math

import numpy as np

ACTIVATIONS = ("tanh", "relu", "sigmoid")


def shape_of(a):
    """The shape as numpy prints it: ``(3, 400)``, ``(4,)``, ``()``."""
    return str(np.shape(a))


def matrix(name, a, *, what="a 2-D array", dtype=np.float64):
    """Return ``a`` as a 2-D floating array, or raise a ValueError naming ``name``.

    Integers and booleans become ``dtype`` (float64 unless told); float32 stays float32 (no silent
    upcast). The array is not copied when it is already a floating ndarray, and it is never modified.
    """
    if type(a) is np.ndarray and a.ndim == 2 and a.dtype.kind == "f" and a.dtype.itemsize >= 4:
        if math.isfinite(np.vdot(a, a)):  # the common case, in a few hundred nanoseconds
            return a
    if not isinstance(a, np.ndarray):
        if a is None or isinstance(a, (str, bytes, dict)):
            raise ValueError(f"{name} must be {what}; got {type(a).__name__}")
        try:
            a = np.asarray(a)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{name} must be {what}; could not read it as an array ({error})") from None
    if a.ndim != 2:
        hint = ""
        if a.ndim == 1:
            hint = f" (a 1-D vector broadcasts silently; use {name}.reshape(-1, 1) for a column or {name}.reshape(1, -1) for a row)"
        raise ValueError(f"{name} must be {what}; got {name} {shape_of(a)}, which is {a.ndim}-D{hint}")
    kind = a.dtype.kind
    if kind == "f":
        if a.dtype.itemsize < 4:
            raise ValueError(f"{name} is {a.dtype}; use float32 or float64")
    elif kind in "biu":
        a = a.astype(dtype)
    else:
        raise ValueError(f"{name} must hold real numbers; got dtype {a.dtype}")
    finite(name, a)
    return a


def finite(name, a):
    """Raise a ValueError if ``a`` holds NaN or inf, saying where the first one is."""
    # The sum of squares (one BLAS call, no warnings) is finite exactly when every entry is, unless huge
    # entries overflow it (|a| > 1e154 in float64); in that rare case the exact test below decides.
    if math.isfinite(np.vdot(a, a)):
        return
    bad = ~np.isfinite(a)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name} {shape_of(a)} holds {int(bad.sum())} non-finite value(s) (NaN or inf), "
            f"the first at {name}[{where[0]}, {where[1]}] = {a[where]}; "
            "check the data, or lower the learning rate if training diverged"
        )


def same_dtype(**arrays):
    """Raise when float32 and float64 arrays are mixed: numpy would silently upcast the result."""
    dtypes = {name: a.dtype for name, a in arrays.items()}
    if len(set(dtypes.values())) > 1:
        listing = ", ".join(f"{name} is {dtype}" for name, dtype in dtypes.items())
        raise ValueError(
            f"mixed precision: {listing}; use one dtype throughout "
            "(e.g. X.astype(np.float64)) so results are not silently upcast"
        )


def activation(name):
    """Return the activation name, or raise listing the known ones."""
    if name not in ACTIVATIONS:
        known = ", ".join(repr(a) for a in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; the known ones are {known}")
    return name


def keys(what, d, required):
    """Raise when the dict ``d`` (called ``what``) is missing a key, naming it."""
    if isinstance(d, dict) and all(k in d for k in required):
        return
    if not isinstance(d, dict):
        raise ValueError(f"{what} must be a dict with keys {', '.join(required)}; got {type(d).__name__}")
    missing = [k for k in required if k not in d]
    if missing:
        raise ValueError(
            f"{what} is missing the key(s) {', '.join(repr(k) for k in missing)}; "
            f"it needs {', '.join(repr(k) for k in required)}"
        )


def labels(Y, m, n_y=None, dtype=np.float64, *, m_from="X"):
    """Check the labels Y: (n_y, m), values in [0, 1]; booleans and integers accepted.

    Returns Y in ``dtype`` (the dtype of the network), so Y never upcasts a float32 computation.
    """
    if isinstance(Y, np.ndarray) and Y.ndim == 1:
        raise ValueError(
            f"Y must be a row per output, one column per example: (n_y, m) = ({n_y or 1}, {m}); "
            f"got Y {shape_of(Y)}, which is 1-D (use Y.reshape(1, -1))"
        )
    Y = matrix("Y", Y, what="a 2-D array (n_y, m)", dtype=dtype)
    if Y.shape[1] != m:
        raise ValueError(f"Y must have one column per example: {m_from} has m = {m} columns; got Y {shape_of(Y)}")
    if n_y is not None and Y.shape[0] != n_y:
        raise ValueError(f"Y must have n_y = {n_y} rows (one per output unit); got Y {shape_of(Y)}")
    if Y.size and (Y.min() < 0 or Y.max() > 1):
        raise ValueError(
            f"Y must hold labels in [0, 1] (0/1, booleans, or probabilities); "
            f"got values from {Y.min():g} to {Y.max():g} in Y {shape_of(Y)}"
        )
    if Y.dtype != dtype:
        Y = Y.astype(dtype)
    return Y


def parameters(parameters, n_x=None):
    """Check a parameter dict {W1, b1, W2, b2} and return the four arrays and (n_x, n_h, n_y).

    Rules: W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1), one float dtype.
    """
    keys("parameters", parameters, ("W1", "b1", "W2", "b2"))
    W1 = matrix("W1", parameters["W1"])
    b1 = matrix("b1", parameters["b1"], what="a column (n_h, 1)")
    W2 = matrix("W2", parameters["W2"])
    b2 = matrix("b2", parameters["b2"], what="a column (n_y, 1)")
    n_h, n_x_ = W1.shape
    n_y = W2.shape[0]
    if b1.shape != (n_h, 1):
        raise ValueError(f"W1 is {shape_of(W1)}, so b1 must be ({n_h}, 1), one bias per hidden unit; got b1 {shape_of(b1)}")
    if W2.shape[1] != n_h:
        raise ValueError(
            f"W1 is {shape_of(W1)}, so there are n_h = {n_h} hidden units and W2 needs {n_h} columns; "
            f"got W2 {shape_of(W2)}"
        )
    if b2.shape != (n_y, 1):
        raise ValueError(f"W2 is {shape_of(W2)}, so b2 must be ({n_y}, 1), one bias per output unit; got b2 {shape_of(b2)}")
    if not W1.dtype == b1.dtype == W2.dtype == b2.dtype:
        same_dtype(W1=W1, b1=b1, W2=W2, b2=b2)
    return W1, b1, W2, b2


def inputs(X, W1):
    """Check X (n_x, m) against W1 (n_h, n_x): X needs one row per column of W1."""
    X = matrix("X", X, what="a 2-D array (n_x, m), one column per example", dtype=W1.dtype)
    if X.shape[0] != W1.shape[1]:
        raise ValueError(
            f"W1 is {shape_of(W1)}, so X needs {W1.shape[1]} rows (n_x features, one column per example); "
            f"got X {shape_of(X)}"
        )
    if X.shape[1] == 0:
        raise ValueError(f"X has no examples: X {shape_of(X)}")
    if X.dtype != W1.dtype:
        raise ValueError(
            f"mixed precision: X is {X.dtype} but W1 is {W1.dtype}; use one dtype throughout "
            "(e.g. X.astype(W1.dtype)) so results are not silently upcast"
        )
    return X


def cache(cache, W1, W2, m):
    """Check a forward cache {Z1, A1, Z2, A2} against the parameters and m; return the four arrays."""
    keys("cache", cache, ("Z1", "A1", "Z2", "A2"))
    n_h, n_y = W1.shape[0], W2.shape[0]
    out = []
    for name, rows in (("Z1", n_h), ("A1", n_h), ("Z2", n_y), ("A2", n_y)):
        a = matrix(name, cache[name])
        if a.shape != (rows, m):
            layer = "hidden" if name.endswith("1") else "output"
            raise ValueError(
                f"{name} must be ({rows}, {m}): one row per {layer} unit (W{name[1]} has {rows} rows) "
                f"and one column per example (X has m = {m}); got {name} {shape_of(a)}"
            )
        if a.dtype != W1.dtype:
            raise ValueError(f"mixed precision: {name} is {a.dtype} but W1 is {W1.dtype}; use one dtype throughout")
        out.append(a)
    return out


def gradients(grads, parameters):
    """Check a gradient dict against its parameters: dfoo must have the shape of foo."""
    return gradients_of(grads, {name: parameters[name] for name in ("W1", "b1", "W2", "b2")})


# ---------------------------------------------------------------------------------------------------
# The network of L layers (notebooks 06 and 07)
# ---------------------------------------------------------------------------------------------------
def learning_rate(learning_rate):
    """Return the learning rate as a Python float (which never upcasts float32), or raise: a finite number > 0."""
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float, np.integer, np.floating)):
        raise ValueError(f"learning_rate must be a number; got {type(learning_rate).__name__}")
    if not math.isfinite(learning_rate) or learning_rate <= 0:
        raise ValueError(f"learning_rate must be a finite number > 0; got {learning_rate!r}")
    return float(learning_rate)


def float_dtype(dtype):
    """Return ``dtype`` as a numpy dtype if it is float32 or float64 (the two the course computes in), or raise."""
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise ValueError(f"dtype must be float32 or float64; got {dtype}")
    return dtype


def layer_dims(layer_dims):
    """Check [n_0, n_1, …, n_L]: at least two positive whole numbers (the input and one layer); return a list."""
    if isinstance(layer_dims, (str, bytes, dict)) or not hasattr(layer_dims, "__len__"):
        raise ValueError(f"layer_dims must be a list [n_0, n_1, …, n_L] of layer sizes; got {type(layer_dims).__name__}")
    dims = list(layer_dims)
    if len(dims) < 2:
        raise ValueError(f"layer_dims needs the input size and at least one layer, [n_0, n_1, …]; got {dims!r}")
    for l, n in enumerate(dims):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"layer_dims[{l}] must be a positive whole number of units; got {n!r}")
    return [int(n) for n in dims]


def layers(parameters):
    """Check an L-layer parameter dict {W1, b1, …, WL, bL}; return [(W1, b1), …, (WL, bL)].

    Rules: no layer missing; W^[l] (n_l, n_{l−1}) takes as many columns as W^[l−1] has rows; b^[l] (n_l, 1); one
    float dtype.
    """
    if not isinstance(parameters, dict):
        raise ValueError(f"parameters must be a dict {{'W1', 'b1', …, 'WL', 'bL'}}; got {type(parameters).__name__}")
    numbers = sorted(int(k[1:]) for k in parameters if isinstance(k, str) and k[:1] in "Wb" and k[1:].isdigit())
    if not numbers or min(numbers) < 1:
        raise ValueError(f"parameters must hold W1, b1, …, WL, bL (layers numbered from 1); got keys {sorted(map(str, parameters))}")
    L = max(numbers)
    missing = [f"{p}{l}" for l in range(1, L + 1) for p in "Wb" if f"{p}{l}" not in parameters]
    if missing:
        raise ValueError(f"parameters goes up to layer {L} but has no {', '.join(missing)}: "
                         f"an L-layer network needs W1 … W{L} and b1 … b{L}, every layer")
    out = []
    for l in range(1, L + 1):
        W = matrix(f"W{l}", parameters[f"W{l}"], what=f"a 2-D array (n_{l}, n_{l - 1})")
        b = matrix(f"b{l}", parameters[f"b{l}"], what=f"a column (n_{l}, 1)")
        if b.shape != (W.shape[0], 1):
            raise ValueError(f"W{l} is {shape_of(W)}, so b{l} must be ({W.shape[0]}, 1), one bias per unit of layer {l}; "
                             f"got b{l} {shape_of(b)}")
        if out and W.shape[1] != out[-1][0].shape[0]:
            previous = out[-1][0]
            raise ValueError(f"W{l - 1} is {shape_of(previous)}, so layer {l - 1} has {previous.shape[0]} units and W{l} "
                             f"needs {previous.shape[0]} columns (W^[l] is n_l × n_(l−1)); got W{l} {shape_of(W)}")
        if out and W.dtype != out[0][0].dtype or b.dtype != W.dtype:
            same_dtype(**({"W1": out[0][0]} if out else {}), **{f"W{l}": W, f"b{l}": b})
        out.append((W, b))
    return out


CACHE_KEYS = ("A_prev", "W", "b", "Z", "A", "activation")


def caches(caches):
    """Check the list of per-layer caches L_model_forward returned (each a dict with CACHE_KEYS, shapes chained)."""
    if not isinstance(caches, (list, tuple)) or not caches:
        raise ValueError(f"caches must be the list of per-layer caches L_model_forward returned; got {type(caches).__name__}")
    m = None
    for l, cache in enumerate(caches, start=1):
        keys(f"caches[{l - 1}] (layer {l})", cache, CACHE_KEYS)
        W, Z, A, A_prev = cache["W"], cache["Z"], cache["A"], cache["A_prev"]
        for name, a in (("A_prev", A_prev), ("W", W), ("Z", Z), ("A", A)):
            if not isinstance(a, np.ndarray) or a.ndim != 2:
                raise ValueError(f"caches[{l - 1}]['{name}'] (layer {l}) must be a 2-D array; got {shape_of(a)}")
        m = A_prev.shape[1] if m is None else m
        expected = (W.shape[0], m)
        if A_prev.shape != (W.shape[1], m) or Z.shape != expected or A.shape != expected:
            raise ValueError(f"layer {l}'s cache does not fit its W{l} {shape_of(W)} and m = {m}: A_prev must be "
                             f"({W.shape[1]}, {m}), Z and A {expected}; got A_prev {shape_of(A_prev)}, Z {shape_of(Z)}, "
                             f"A {shape_of(A)}")
        if l > 1 and A_prev is not caches[l - 2]["A"] and not np.array_equal(A_prev, caches[l - 2]["A"]):
            raise ValueError(f"caches[{l - 1}]['A_prev'] must be layer {l - 1}'s A (caches[{l - 2}]['A']): "
                             "the caches are out of order or from different passes")
    return list(caches)


def targets(Y, AL, output):
    """Check Y against the network's output AL (n_L, m): labels in [0, 1] for a sigmoid output; for softmax, one-hot
    columns (a single 1 per column, the true class). Returns Y in AL's dtype."""
    if output != "softmax":
        return labels(Y, AL.shape[1], AL.shape[0], AL.dtype, m_from="AL")
    if isinstance(Y, np.ndarray) and Y.ndim == 2 and Y.shape[0] == 1 and AL.shape[0] > 1 and Y.shape[1] == AL.shape[1]:
        raise ValueError(f"Y {shape_of(Y)} is a row of class numbers; a softmax output of {AL.shape[0]} classes needs "
                         f"one-hot columns ({AL.shape[0]}, {AL.shape[1]}): use helpers.one_hot(y, {AL.shape[0]})")
    Y = labels(Y, AL.shape[1], AL.shape[0], AL.dtype, m_from="AL")
    if Y.size and not (np.all((Y == 0) | (Y == 1)) and np.all(Y.sum(axis=0) == 1)):
        bad = int(np.flatnonzero(~(((Y == 0) | (Y == 1)).all(axis=0) & (Y.sum(axis=0) == 1)))[0])
        raise ValueError(f"for a softmax output each column of Y must be one-hot (a single 1, the true class, and 0s); "
                         f"column {bad} is {np.round(Y[:, bad], 3).tolist()}")
    return Y


def gradients_of(grads, parameters):
    """Check the gradients of the named parameters (dfoo has the shape of foo); return them in that order."""
    keys("grads", grads, tuple("d" + name for name in parameters))
    out = []
    for name, p in parameters.items():
        g = matrix("d" + name, grads["d" + name])
        if g.shape != p.shape:
            raise ValueError(f"d{name} must have the shape of {name} (dfoo has the shape of foo): "
                             f"{name} is {shape_of(p)}; got d{name} {shape_of(g)}")
        if g.dtype != p.dtype:
            raise ValueError(f"mixed precision: d{name} is {g.dtype} but {name} is {p.dtype}; use one dtype throughout")
        out.append(g)
    return out
