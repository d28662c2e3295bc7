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
    keys("grads", grads, ("dW1", "db1", "dW2", "db2"))
    out = []
    for name in ("W1", "b1", "W2", "b2"):
        p = parameters[name]
        g = matrix("d" + name, grads["d" + name])
        if g.shape != p.shape:
            raise ValueError(
                f"d{name} must have the shape of {name} (dfoo has the shape of foo): "
                f"{name} is {shape_of(p)}; got d{name} {shape_of(g)}"
            )
        if g.dtype != p.dtype:
            raise ValueError(f"mixed precision: d{name} is {g.dtype} but {name} is {p.dtype}; use one dtype throughout")
        out.append(g)
    return out
