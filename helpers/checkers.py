"""Checkers for the "Your turn" exercises: a verdict a student can act on, one line per array.

Each checker calls the student's function on small problems whose sizes all differ (so a missing
transpose cannot hide), then checks in layers and stops at the first layer that fails:

1. it ran: not implemented yet (`NotImplementedError`), or which exception it raised (with a hint);
2. the return type: a dict with the right keys, a tuple, numbers;
3. every shape: naming the array, the expected and the actual shape, and what a wrong shape suggests
   (the transposed shape: a missing transpose; (n,) instead of (n, 1): `np.sum` without `keepdims`);
4. every value, against the reference implementation and against central finite differences, naming
   the array that is wrong and the most likely cause (a missing 1/m, a flipped sign, g′ at A1...).

A checker never raises, whatever the function does; it prints its verdict and returns True or False.
"""
import traceback
import warnings

import numpy as np

from .activations import sigmoid
from .bugs import backward_variant, g_prime_at_A1, no_g_prime
from .gradcheck import numerical_gradient, numerical_gradients, relative_difference
from .logistic import propagate
from .network import _backward, _forward, initialize_parameters

OK, BAD = "✓", "✗"
RTOL, ATOL = 1e-6, 1e-9


class _Stop(Exception):
    """Raised inside a checker when a layer fails; its message is the verdict."""


def _report(title, run):
    """Run the layered checks; print the lines and the verdict; return True/False. Never raises."""
    lines = []
    try:
        run(lines)
    except _Stop as stop:
        for line in filter(None, lines):
            print(line)
        print(f"{BAD} {title}: {stop}")
        return False
    except Exception as error:  # a bug in a check must not become the student's traceback
        for line in filter(None, lines):
            print(line)
        print(f"{BAD} {title}: the checker could not finish ({type(error).__name__}: {error}).")
        return False
    for line in lines:
        if line:
            print(line)
    print(f"{OK} {title}: all checks passed.")
    return True


def _call(fn, name, *args):
    """Call the student's function on copies of the arguments; turn every failure into a _Stop."""
    if not callable(fn):
        raise _Stop(f"expected a function, got {type(fn).__name__}; pass the function itself, without ()")
    copies = [_copy(a) for a in args]
    try:
        with warnings.catch_warnings(record=True) as caught, np.errstate(divide="warn", over="warn", invalid="warn", under="ignore"):
            warnings.simplefilter("always")
            result = fn(*copies)
    except NotImplementedError:
        raise _Stop(f"{name} is not implemented yet: replace `raise NotImplementedError()` with your code and run the cell again") from None
    except Exception as error:
        raise _Stop(f"{name} raised {type(error).__name__}: {error}{_hint_for_exception(error)}{_where(error)}") from None
    numeric = [w for w in caught if "encountered" in str(w.message) or "divide" in str(w.message)]
    if numeric:
        raise _Stop(f"{name} ran, but numpy warned: {numeric[0].message} (a log or a division of 0, or an overflow: check the formula)")
    return result


def _copy(a):
    if isinstance(a, dict):
        return {k: _copy(v) for k, v in a.items()}
    return a.copy() if isinstance(a, np.ndarray) else a


def _where(error):
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith("<ipython-input") or "ipykernel" in f.filename]
    if frames:
        return f" (in your cell, the line `{frames[-1].line}`)"
    return ""


def _hint_for_exception(error):
    text = str(error)
    if "matmul" in text or "shapes" in text and "not aligned" in text or "mismatch in its core dimension" in text:
        return ". A matrix product got shapes that do not fit: write each shape next to the equation; a missing or extra transpose (.T) is the usual cause"
    if isinstance(error, (KeyError,)):
        return ". A dict key is misspelt or missing: the keys are the names in the equations, e.g. 'W1', 'A1', 'dW1'"
    if "broadcast" in text:
        return ". Two arrays could not be combined element-wise: compare their shapes"
    return ""


def _fmt(shape):
    return str(tuple(shape))


def _check_array(lines, name, value, expected_shape):
    """Layer 3 for one array: type and shape, with the hint a wrong shape suggests."""
    if isinstance(value, (list, tuple)):
        raise _Stop(f"{name} is a {type(value).__name__}; return a numpy array (np.array(...) or the result of numpy operations)")
    if np.isscalar(value) and expected_shape == ():
        return
    if not isinstance(value, np.ndarray):
        raise _Stop(f"{name} should be a numpy array of shape {_fmt(expected_shape)}; got {type(value).__name__}")
    shape = value.shape
    if shape == tuple(expected_shape):
        return
    hint = ""
    if shape == tuple(expected_shape)[::-1]:
        hint = ": it is the transposed shape, so a transpose is missing or extra"
    elif len(expected_shape) == 2 and expected_shape[1] == 1 and shape == (expected_shape[0],):
        hint = ": it is 1-D, the mark of np.sum(..., axis=1) without keepdims=True"
    elif len(shape) == 2 and len(expected_shape) == 2 and shape[0] == shape[1] and shape[0] != expected_shape[1]:
        hint = ": a square result usually means a 1-D vector was broadcast against a column (keep b and db as columns)"
    elif len(shape) == 0 or value.size == 1:
        hint = ": a single number, so something was summed over every axis (sum over axis=1 only)"
    raise _Stop(f"{name} has shape {_fmt(shape)}, expected {_fmt(expected_shape)} (d{name[1:] if name.startswith('d') else name} has the shape of {name[1:] if name.startswith('d') else name}){hint}")


def _compare(lines, name, value, reference, numeric=None, causes=()):
    """Layer 4 for one array: values against the reference (and finite differences); name a likely cause."""
    value = np.asarray(value, dtype=np.float64)
    if not np.all(np.isfinite(value)):
        raise _Stop(f"{name} holds NaN or inf: look for log(0), a division by zero or an overflow")
    if np.allclose(value, reference, rtol=RTOL, atol=ATOL):
        shape = "" if np.ndim(value) == 0 else f" {_fmt(np.shape(value))}"
        if numeric is None:
            lines.append(f"{OK} {name}{shape} matches the reference")
        else:
            lines.append(f"{OK} {name}{shape} matches the reference and finite differences")
        return
    for variant, cause in causes:
        if variant is not None and np.allclose(value, variant, rtol=1e-5, atol=ATOL):
            raise _Stop(f"{name} is wrong: {cause}")
    detail = f"max difference from the reference {float(np.max(np.abs(value - reference))):.2g}"
    if numeric is not None:
        detail += f"; relative difference from finite differences {relative_difference(value, numeric):.2g} (above 1e-4: a bug)"
    raise _Stop(f"{name} is wrong ({detail}); compare your line for {name} with its equation")


def _problem(n_x, n_h, n_y, m, seed):
    rng = np.random.default_rng(seed)
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)) * 0.8,
        "b1": rng.standard_normal((n_h, 1)) * 0.3,
        "W2": rng.standard_normal((n_y, n_h)) * 0.8,
        "b2": rng.standard_normal((n_y, 1)) * 0.3,
    }
    X = rng.standard_normal((n_x, m))
    Y = (rng.uniform(0, 1, (n_y, m)) > 0.5).astype(np.float64)
    return parameters, X, Y


# ---------------------------------------------------------------------------------------------------
def check_propagate(fn):
    """Check a student's ``propagate(w, b, X, Y) -> (grads {"dw", "db"}, cost)`` for logistic regression."""

    def run(lines):
        for n_x, m, seed in ((3, 5, 0), (2, 1, 1)):
            rng = np.random.default_rng(seed)
            w, b = rng.standard_normal((n_x, 1)), float(rng.standard_normal())
            X, Y = rng.standard_normal((n_x, m)), (rng.uniform(0, 1, (1, m)) > 0.5).astype(np.float64)
            result = _call(fn, "propagate", w, b, X, Y)
            if not isinstance(result, tuple) or len(result) != 2:
                raise _Stop(f"propagate should return a pair (grads, cost); got {_kind(result)}")
            grads, cost = result
            if not isinstance(grads, dict):
                raise _Stop(f"grads should be a dict with keys 'dw' and 'db'; got {_kind(grads)}")
            for key in ("dw", "db"):
                if key not in grads:
                    raise _Stop(f"grads has no key {key!r} (its keys: {sorted(map(str, grads))})")
            ref, ref_cost = propagate(w, b, X, Y)
            _check_array(lines, "dw", grads["dw"], (n_x, 1))
            db = grads["db"]
            if isinstance(db, np.ndarray) and db.size == 1:
                db = float(db.reshape(()))
            if not np.isscalar(db):
                raise _Stop(f"db should be a single number; got {_kind(grads['db'])}")
            if np.ndim(cost) != 0 and np.size(cost) != 1:
                raise _Stop(f"cost should be a single number; got {_kind(cost)}")
            dZ = sigmoid(w.T @ X + b) - Y
            numeric_dw = numerical_gradient(lambda v: propagate(v, b, X, Y)[1], w, epsilon=1e-6)
            numeric_db = numerical_gradient(lambda v: propagate(w, v, X, Y)[1], b, epsilon=1e-6)
            prefix = f"[n_x = {n_x}, m = {m}] "
            shown = lines if seed == 0 else []
            try:
                _compare(shown, "cost", float(np.reshape(cost, ())), ref_cost, causes=[
                    (ref_cost * m, "it is m times too large: divide the sum of the losses by m"),
                    (-ref_cost, "its sign is flipped: J = −(1/m) Σ [y log a + (1 − y) log(1 − a)]"),
                ])
                _compare(shown, "dw", grads["dw"], ref["dw"], numeric_dw, causes=[
                    (ref["dw"] * m, "it is m times too large: a missing 1/m"),
                    (-ref["dw"], "its sign is flipped: dZ = A − Y, not Y − A"),
                    ((X @ dZ.T) / m / m, "it is divided by m twice"),
                ])
                _compare(shown, "db", float(db), ref["db"], numeric_db, causes=[
                    (ref["db"] * m, "it is m times too large: a missing 1/m"),
                    (-ref["db"], "its sign is flipped: dZ = A − Y, not Y − A"),
                ])
            except _Stop as stop:
                raise _Stop(prefix + str(stop)) from None
            if seed:
                lines.append(f"{OK} the same with n_x = {n_x}, m = {m}")

    return _report("propagate", run)


def _kind(x):
    if isinstance(x, np.ndarray):
        return f"an array of shape {_fmt(x.shape)}"
    if isinstance(x, tuple):
        return f"a tuple of {len(x)}"
    return "None (did you forget the return?)" if x is None else f"a {type(x).__name__}"


def _backward_causes(name, parameters, X, Y, cache, m):
    """Wrong answers students often produce for ``name``, each with the cause to name: the gallery's bugs."""
    def variant(**change):
        return backward_variant(parameters, cache, X, Y, with_dz=True, **change)[name]

    causes = []
    if name in ("dW2", "db2", "dW1", "db1") and m > 1:
        causes.append((variant(m_factor=m), "it is m times too large: a missing 1/m"))
        causes.append((variant(m_factor=1 / m), "it is divided by m twice"))
    if name.endswith("2"):
        causes.append((variant(sign=-1), "the sign of dZ2 is flipped: dZ2 = A2 − Y, not Y − A2"))
    else:
        causes.append((variant(sign=-1), "its sign is flipped: check dZ2 = A2 − Y and dZ1 = W2ᵀ dZ2 ∗ g′(Z1)"))
        causes.append((variant(g_prime=g_prime_at_A1), "g′ is evaluated at A1 instead of Z1: tanh′(Z1) = 1 − tanh(Z1)² = 1 − A1², not 1 − tanh(A1)²"))
        causes.append((variant(g_prime=no_g_prime), "the element-wise factor g′(Z1) is missing: dZ1 = W2ᵀ dZ2 ∗ g′(Z1)"))
    return causes


def _check_gradients(lines, grads, expected, shapes, reference, numeric, causes_for):
    if not isinstance(grads, dict):
        raise _Stop(f"the function should return a dict with keys {', '.join(repr(k) for k in expected)}; got {_kind(grads)}")
    missing = [k for k in expected if k not in grads]
    if missing:
        raise _Stop(f"the returned dict has no key(s) {', '.join(repr(k) for k in missing)} (its keys: {sorted(map(str, grads))})")
    for key in expected:
        _check_array(lines, key, grads[key], shapes[key])
    for key in sorted(expected, key=lambda k: k[-1], reverse=True):  # layer 2 first, as backprop goes
        _compare(lines, key, grads[key], reference[key], None if numeric is None else numeric.get(key), causes_for(key))


def check_backward_propagation(fn):
    """Check a student's vectorized ``backward_propagation(parameters, cache, X, Y)`` of the tanh network."""
    expected = ("dW1", "db1", "dW2", "db2")

    def run(lines):
        for n_x, n_h, n_y, m, seed in ((3, 4, 1, 5, 0), (2, 3, 2, 7, 1)):
            parameters, X, Y = _problem(n_x, n_h, n_y, m, seed)
            A2, cache = _forward(X, *(parameters[k] for k in ("W1", "b1", "W2", "b2")), "tanh")
            grads = _call(fn, "backward_propagation", parameters, cache, X, Y)
            reference = _backward(X, Y, parameters["W2"], cache["Z1"], cache["A1"], A2, "tanh")
            numeric = numerical_gradients(parameters, X, Y, "tanh", epsilon=1e-6)
            shapes = {"d" + k: v.shape for k, v in parameters.items()}
            try:
                _check_gradients(lines if seed == 0 else [], grads, expected, shapes, reference, numeric,
                                 lambda key: _backward_causes(key, parameters, X, Y, cache, m))
            except _Stop as stop:
                raise _Stop(f"[n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}] {stop}") from None
            lines.append(f"{OK} the same on a second network, n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}" if seed else "")

    return _report("backward_propagation", run)


def check_backward_one_example(fn):
    """Check a student's ``backward_one_example(parameters, cache, x, y)``: the six equations for one example."""
    expected = ("dz2", "dW2", "db2", "dz1", "dW1", "db1")

    def run(lines):
        for n_x, n_h, n_y, seed in ((3, 4, 1, 0), (2, 5, 3, 1)):
            parameters, x, y = _problem(n_x, n_h, n_y, 1, seed)
            a2, cache = _forward(x, *(parameters[k] for k in ("W1", "b1", "W2", "b2")), "tanh")
            grads = _call(fn, "backward_one_example", parameters, cache, x, y)
            reference = _backward(x, y, parameters["W2"], cache["Z1"], cache["A1"], a2, "tanh")
            reference = {"dz2": a2 - y, "dW2": reference["dW2"], "db2": reference["db2"],
                         "dz1": (parameters["W2"].T @ (a2 - y)) * (1 - cache["A1"] ** 2),
                         "dW1": reference["dW1"], "db1": reference["db1"]}
            numeric = numerical_gradients(parameters, x, y, "tanh", epsilon=1e-6)
            numeric = {k: numeric[k] for k in ("dW1", "db1", "dW2", "db2")}
            shapes = {"dz2": (n_y, 1), "dW2": (n_y, n_h), "db2": (n_y, 1), "dz1": (n_h, 1), "dW1": (n_h, n_x), "db1": (n_h, 1)}
            try:
                _check_gradients(lines if seed == 0 else [], grads, expected, shapes, reference, numeric,
                                 lambda key: _backward_causes(key, parameters, x, y, cache, 1))
            except _Stop as stop:
                raise _Stop(f"[n_x = {n_x}, n_h = {n_h}, n_y = {n_y}] {stop}") from None
            lines.append(f"{OK} the same on a second network, n_x = {n_x}, n_h = {n_h}, n_y = {n_y}" if seed else "")

    return _report("backward_one_example", run)


def check_initialization(fn):
    """Check a student's ``initialize_parameters(n_x, n_h, n_y, seed)``: small random W, zero b, seeded."""

    def run(lines):
        n_x, n_h, n_y = 3, 4, 2
        state = np.random.get_state()[1].copy()
        p = _call(fn, "initialize_parameters", n_x, n_h, n_y, 0)
        if not isinstance(p, dict):
            raise _Stop(f"it should return a dict with keys 'W1', 'b1', 'W2', 'b2'; got {_kind(p)}")
        missing = [k for k in ("W1", "b1", "W2", "b2") if k not in p]
        if missing:
            raise _Stop(f"the returned dict has no key(s) {', '.join(repr(k) for k in missing)} (its keys: {sorted(map(str, p))})")
        shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
        for key, shape in shapes.items():
            _check_array(lines, key, p[key], shape)
        lines.append(f"{OK} shapes: W1 {_fmt(shapes['W1'])}, b1 {_fmt(shapes['b1'])}, W2 {_fmt(shapes['W2'])}, b2 {_fmt(shapes['b2'])}")
        for key in ("W1", "W2"):
            W = p[key]
            if not np.all(np.isfinite(W)):
                raise _Stop(f"{key} holds NaN or inf")
            if np.all(W == 0):
                raise _Stop(f"{key} is all zeros: every hidden unit would compute the same function forever (symmetry); draw random weights")
            if len(np.unique(W)) < W.size:
                raise _Stop(f"{key} has repeated entries: use independent random draws (e.g. rng.standard_normal(shape))")
            if np.abs(W).max() > 0.1:
                raise _Stop(f"{key} has entries as large as {np.abs(W).max():.2g}: multiply the random draw by 0.01 (large weights saturate tanh and σ, and learning starts slowly)")
        lines.append(f"{OK} W1 and W2 are random, all different (symmetry broken) and small (largest |w| = {max(np.abs(p['W1']).max(), np.abs(p['W2']).max()):.3f})")
        for key in ("b1", "b2"):
            if not np.all(p[key] == 0):
                raise _Stop(f"{key} should start at zero (the random W already break the symmetry): use np.zeros(({shapes[key][0]}, 1))")
        lines.append(f"{OK} b1 and b2 start at zero")
        again = _call(fn, "initialize_parameters", n_x, n_h, n_y, 0)
        other = _call(fn, "initialize_parameters", n_x, n_h, n_y, 1)
        if not (isinstance(again, dict) and np.array_equal(np.asarray(again.get("W1")), p["W1"])):
            raise _Stop("the same seed gave different weights: make a generator from the seed, rng = np.random.default_rng(seed)")
        if isinstance(other, dict) and np.array_equal(np.asarray(other.get("W1")), p["W1"]):
            raise _Stop("another seed gave the same weights: draw from np.random.default_rng(seed), not from a fixed seed")
        if not np.array_equal(np.random.get_state()[1], state):
            raise _Stop("it used numpy's global random state (np.random.seed / np.random.randn): use rng = np.random.default_rng(seed) instead")
        lines.append(f"{OK} the same seed gives the same weights, another seed others; the global random state is untouched")
        ref = initialize_parameters(n_x, n_h, n_y, seed=0)
        if np.allclose(p["W1"], ref["W1"]) and np.allclose(p["W2"], ref["W2"]):
            lines.append(f"{OK} identical to helpers.initialize_parameters(seed=0)")

    return _report("initialize_parameters", run)
