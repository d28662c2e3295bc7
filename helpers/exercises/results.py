"""The type and shape of what the student's function returned: one array, a number or a dict, each named, with the
hint a wrong shape suggests (a transpose, a sum over the wrong axis, a missing keepdims)."""
import numpy as np

from .compare import line_of
from .outcomes import Stop


def kind(x):
    if isinstance(x, np.ndarray):
        return f"an array of shape {tuple(x.shape)}"
    if isinstance(x, tuple):
        return f"a tuple of {len(x)}"
    return "None (did you forget the return?)" if x is None else f"a {type(x).__name__}"


def real_dtype(name, value):
    """Refuse arrays that are not real numbers numpy can check: complex, text, objects, float16."""
    dtype = np.asarray(value).dtype if not isinstance(value, np.ndarray) else value.dtype
    if dtype.kind == "c":
        raise Stop(f"{name} holds complex numbers (dtype {dtype}): the answer is real; look for 1j, or np.sqrt / ** of a negative number")
    if dtype.kind in "USO" or dtype.kind == "V":
        raise Stop(f"{name} has dtype {dtype}, not numbers: return the result of numpy arithmetic (not strings or a list of objects)")
    if dtype == np.float16:
        raise Stop(f"{name} is float16, which keeps only about 3 significant digits: too coarse to check; compute in float64 (numpy's default)")


def check_array(name, value, expected_shape, *, m=None, of=None, fn=None):
    """Type and shape of one array, with the hint a wrong shape suggests. ``of``: what dfoo is the derivative of;
    ``fn``: the student's function, whose line for ``name`` a hint about np.sum needs to name a sum at all."""
    expected_shape = tuple(expected_shape)
    line = line_of(fn, name) if fn is not None else ""
    sums = "sum" in line or not line
    if isinstance(value, (list, tuple)):
        raise Stop(f"{name} is a {type(value).__name__}; return a numpy array (np.array(...) or the result of numpy operations)")
    if value is None:
        raise Stop(f"{name} is None: did you forget to compute it or to return it?")
    if isinstance(value, (int, float, complex, np.generic)) and not isinstance(value, np.ndarray):
        real_dtype(name, value)
        if expected_shape == ():
            return
        raise Stop(f"{name} is a single number, expected an array of shape {expected_shape}: something was summed over every axis "
                   "(np.sum without axis=1), or a product of arrays became a number")
    if not isinstance(value, np.ndarray):
        raise Stop(f"{name} should be a numpy array of shape {expected_shape}; got {type(value).__name__}")
    real_dtype(name, value)
    shape = value.shape
    if shape == expected_shape:
        return
    hint = ""
    if shape == expected_shape[::-1]:
        hint = ": it is the transposed shape, so a transpose is missing or extra"
    elif m is not None and len(expected_shape) == 2 and expected_shape[1] == 1 and shape in ((1, m), (m,)):
        hint = (": it has one entry per example, the mark of a sum over axis=0 (the units); sum over axis=1, the examples"
                if sums else ": it has one entry per example, so nothing adds up the examples")
    elif len(expected_shape) == 2 and expected_shape[1] == 1 and shape == (expected_shape[0],):
        hint = (": it is 1-D, the mark of np.sum(..., axis=1) without keepdims=True" if sums else
                ": it is 1-D, where a column (n, 1) is expected")
    elif len(shape) == 2 and len(expected_shape) == 2 and shape[0] == shape[1] and shape[0] != expected_shape[1]:
        hint = ": a square result usually means a 1-D vector was broadcast against a column (keep b and db as columns)"
    elif len(shape) == 0 or value.size == 1:
        hint = ": a single number, so something was summed over every axis (sum over axis=1 only)"
    rule = f" ({name} has the shape of {of})" if of else ""
    where = f" (your line `{line}`)" if line else ""
    raise Stop(f"{name} has shape {shape}, expected {expected_shape}{rule}{hint}{where}")


def scalar(name, value):
    """A single real number from ``value`` (a float, a numpy scalar or a size-1 array), or a Stop."""
    if isinstance(value, (bool, np.bool_)):
        raise Stop(f"{name} should be a number; got {value!r}")
    if isinstance(value, np.ndarray):
        real_dtype(name, value)
        if value.size != 1:
            raise Stop(f"{name} should be a single number; got {kind(value)}: sum over every entry")
        return float(value.reshape(()))
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    if isinstance(value, (complex, np.complexfloating)):
        real_dtype(name, np.asarray(value))
    raise Stop(f"{name} should be a single number; got {kind(value)}")


def dict_with(name, value, keys):
    if not isinstance(value, dict):
        raise Stop(f"{name} should be a dict with keys {', '.join(repr(k) for k in keys)}; got {kind(value)}")
    missing = [k for k in keys if k not in value]
    if missing:
        raise Stop(f"{name} has no key(s) {', '.join(repr(k) for k in missing)} (its keys: {sorted(map(str, value))})")
    return value
