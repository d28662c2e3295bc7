"""Comparing the student's values with the reference and central differences, and naming the most likely cause and
the line of their code to look at."""
import ast
import inspect
import re
import textwrap

import numpy as np

from ..math.gradcheck import relative_difference
from .calling import last_locals
from .outcomes import OK, Stop

RTOL, ATOL = 1e-6, 1e-9


def tolerance(value):
    dtype = np.asarray(value).dtype
    eps = np.finfo(dtype).eps if dtype.kind == "f" else np.finfo(np.float64).eps
    return max(RTOL, 100 * eps)


def close(value, reference, rtol=None):
    value, reference = np.asarray(value, dtype=np.float64), np.asarray(reference, dtype=np.float64)
    if value.shape != reference.shape and value.size != reference.size:
        return False
    rtol = RTOL if rtol is None else rtol
    scale = max(1.0, float(np.max(np.abs(reference)))) if reference.size else 1.0
    return bool(np.allclose(value.reshape(reference.shape), reference, rtol=rtol, atol=ATOL * scale))


def _verb(name, singular="is"):
    """``singular`` ("is", "holds") or its plural, to agree with ``name``: "the predictions are", "dW2 is"."""
    last = name.split()[-1]
    plural = name.startswith("the ") and last.endswith("s") and not last.endswith("ss")
    return {"is": "are"}.get(singular, singular[:-1]) if plural else singular


def source_of(fn):
    """The student's function's source, or "" (a check's clue when no single line assigns the value)."""
    try:
        return inspect.getsource(getattr(fn, "__code__", None) or fn)
    except (OSError, TypeError):
        return ""


def line_of(fn, name, containing=""):
    """The line of the student's function that assigns ``name`` (its last assignment; with ``containing``, the last one
    whose text contains it), or ""."""
    try:
        source = textwrap.dedent(inspect.getsource(getattr(fn, "__code__", None) or fn))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError, IndentationError):
        return ""
    found = ""
    lines = source.splitlines()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        for target in targets:
            names = [t.id for t in ast.walk(target) if isinstance(t, ast.Name)]
            if name in names and containing in lines[node.lineno - 1]:
                found = lines[node.lineno - 1].strip()
    return found


def compare(lines, name, value, reference, *, numeric=None, causes=(), fn=None, m=None, wrong_line=None, note=""):
    """One array's values against the reference (and central differences); a Stop names the line and the cause.

    ``causes``: (variant, sentence) or (variant, sentence, line) tuples; when the value equals a variant, the
    sentence is the verdict and ``line`` (a name the student's function assigns, default ``name``, or a pair (name, text
    the line contains)) the line to look at. A constant multiple of the reference (a missing 1/m, a hard-coded m, ``1 // m``) points at
    ``name``'s own line. Otherwise the verdict points at ``wrong_line`` (default ``name``), after ``note``. No verdict
    states the right equation: that is the student's derivation (hints.py gives it, to a student who asks).
    """
    shown = "" if np.ndim(value) == 0 else f" {tuple(np.shape(value))}"
    value = np.asarray(value, dtype=np.float64)

    def pointer(line_name):
        return _pointer(fn, line_name)

    if not np.all(np.isfinite(value)):
        raise Stop(f"{name} {_verb(name, 'holds')} NaN or inf: look for log(0), a division by zero or an overflow{pointer(name)}")
    if close(value, reference, tolerance(value)):
        lines.append(f"{OK} {name}{shown} matches the reference" + ("" if numeric is None else " and central differences"))
        return
    for variant, cause, *where in causes:
        if variant is not None and np.shape(variant) == np.shape(reference) and close(value, variant, 1e-5):
            raise Stop(f"{name} {_verb(name)} wrong: {cause}{pointer(where[0] if where else name)}")
    cause = proportional_cause(value, reference, m, line=(line_of(fn, name) or source_of(fn)) if fn is not None else "",
                               their_m=last_locals().get("m") if fn is not None else None)
    if cause and wrong_line and wrong_line != name:  # the value is wrong because an earlier one is: say so, not the cause
        raise Stop(f"{name} {_verb(name)} wrong{note}{pointer(wrong_line)}")
    if cause:
        raise Stop(f"{name} {_verb(name)} wrong: {cause}{pointer(name)}")
    detail = f"largest difference from the reference {float(np.max(np.abs(value - reference))):.2g}"
    scale = float(np.max(np.abs(reference))) if np.size(reference) else 0.0
    if scale and float(np.max(np.abs(value - reference))) < 1e-3 * scale:
        note = note or ("; so small a difference means lost precision (float16 or float32 somewhere, "
                        "or a rounded constant), not a wrong equation")
    if numeric is not None:
        difference = relative_difference(value, numeric)
        detail += f"; relative difference from central differences {difference:.1e}" + (" (above 1e-4: a bug)" if difference > 1e-4 else "")
    raise Stop(f"{name} {_verb(name)} wrong ({detail}){note}{pointer(wrong_line or name)}")


def _pointer(fn, name):
    """Where to look: the student's line that assigns ``name`` (never the right equation: that is their derivation).
    ``name`` may be a pair (name, text): the line that assigns name and contains text."""
    name, containing = name if isinstance(name, tuple) else (name, "")
    line = line_of(fn, name, containing) if fn is not None else ""
    return f"; look at your line `{line}`" if line else ""


def proportional_cause(value, reference, m=None, *, line="", their_m=None):
    """When ``value`` is a constant multiple of ``reference`` and a cause reproduces it: that cause, else "".

    ``line``: the student's line for the value (or their function's source); ``their_m``: the ``m`` their function computed. A cause is named only
    when it gives the student's numbers (a single number is a multiple of anything, so it needs a known factor).
    """
    value, reference = np.ravel(value), np.ravel(reference)
    if value.size != reference.size:
        return ""
    if np.all(value == 0) and np.any(reference != 0):
        if m and m > 1 and "//" in line:
            return "it is all zeros; `1 // m` is integer division (0 when m > 1): write 1 / m"
        return "it is all zeros"
    big = np.abs(reference) > 1e-8 * max(1e-300, float(np.max(np.abs(reference))))
    if not big.any():
        return ""
    ratios = value[big] / reference[big]
    c = float(np.median(ratios))
    if not np.allclose(ratios, c, rtol=1e-6) or not np.allclose(value, c * reference, rtol=1e-6, atol=1e-12) or abs(c - 1) < 1e-6:
        return ""
    if abs(c + 1) < 1e-6:
        return "its sign is flipped"
    if m:
        divides = bool(re.search(r"/\s*\(?\s*m\b|\bm\s*\)?\s*$", line)) or "/ m" in line or "/m" in line or "mean" in line
        if isinstance(their_m, (int, np.integer)) and their_m != m and abs(c - m / their_m) < 1e-6 * m:
            return (f"it is divided by your m = {their_m}, but there are {m} examples: m is the number of columns "
                    "(examples are columns), X.shape[1]")
        if abs(c - m) < 1e-6 * m:
            if divides:
                return "it is m times too large although your line divides by m: is your m the number of examples (the columns)?"
            return "it is m times too large: a missing 1/m"
        if abs(c - 1 / m) < 1e-6:
            return "it is divided by m twice"
        used = m / c
        if abs(used - round(used)) < 1e-6 and round(used) >= 1:
            used = round(used)
            if used == m - 1:
                return f"it is divided by m − 1 = {used} instead of m = {m}"
            if re.search(rf"(?<![\w.]){used}(?![\w.])", line):
                return (f"it is divided by {used} instead of m = {m}: is m hard-coded (your line has {used})? "
                        "take it from the data, m = X.shape[1]")
            return f"it is divided by {used} instead of m = {m}"
    if value.size == 1 or big.sum() < 2:
        return ""  # a single number is a multiple of any other: no cause is proven
    return f"it is {c:.4g} times the right value"
