"""Diagnosing an exception the student's function raised: the line of their code, the shapes of a matrix product that
failed, a misspelt name, and a likely cause in words."""
import ast
import difflib
import linecache
import re
from pathlib import Path

import numpy as np

_HELPERS_DIR = str(Path(__file__).resolve().parent.parent)


def assigned_names(fn):
    code = getattr(fn, "__code__", None)
    return list(code.co_varnames) if code is not None else []


def similar_name(name, candidates):
    for c in candidates:
        if c != name and c.lower() == name.lower():
            return c
    close = difflib.get_close_matches(name, [c for c in candidates if c != name], n=1, cutoff=0.8)
    return close[0] if close else ""


def student_frame(error):
    """The innermost traceback frame of the student's code (not numpy's, not helpers')."""
    frame = None
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.startswith(_HELPERS_DIR) and "site-packages" not in filename and "/lib/python" not in filename:
            frame = (tb.tb_frame, tb.tb_lineno)
        tb = tb.tb_next
    return frame


def raised(name, error, fn):
    """The verdict for an exception: a failed matrix product in shapes, anything else in its own words and a hint."""
    found = student_frame(error)
    line = linecache.getline(found[0].f_code.co_filename, found[1]).strip() if found is not None else ""
    text = str(error)
    if line and ("matmul" in text or "not aligned" in text or "core dimension" in text):
        shapes, same = _matmul_operands(found[0], line)
        layers = re.search(r"\bW(\d+)\.T\s*@\s*d[zZ](\d+)\b", line)
        if shapes and layers and layers.group(1) != layers.group(2):
            return (f"{name} failed in a matrix product: {shapes}. `W{layers.group(1)}.T` meets `d{line[layers.start(2) - 1]}"
                    f"{layers.group(2)}`: a dz goes back through the weights of its own layer, here layer {layers.group(2)} "
                    f"(in your code, the line `{line}`)")
        if shapes and same:
            return (f"{name} failed in a matrix product: {shapes}. The two have the same shape: is an element-wise product "
                    f"(`*`) meant where `@` is written? (in your code, the line `{line}`)")
        if shapes:
            return (f"{name} failed in a matrix product: {shapes}. Write each shape next to the equation; a missing or extra "
                    f"transpose (.T) is the usual cause (in your code, the line `{line}`)")
    return f"{name} raised {type(error).__name__}: {error}{hint_for_exception(error, fn)}"


def hint_for_exception(error, fn=None):
    """What to add to an exception's message: the student's line and a likely cause."""
    found = student_frame(error)
    line, hint = "", ""
    if found is not None:
        frame, lineno = found
        line = linecache.getline(frame.f_code.co_filename, lineno).strip()
    text = str(error)
    if isinstance(error, NameError):
        missing = getattr(error, "name", None) or (re.findall(r"'(\w+)'", text) or [""])[0]
        similar = similar_name(missing, assigned_names(fn)) if fn is not None else ""
        if similar:
            hint = f". Your function assigns `{similar}` but uses `{missing}`: Python names are case-sensitive"
        elif isinstance(error, UnboundLocalError):
            hint = f". `{missing}` is used before the function assigns it: assign it first"
        elif missing.startswith("my_") or (line and re.search(rf"\b{re.escape(missing)}\s*\(", line)):
            hint = (f". `{missing}` is a function this kernel does not have: define it in this notebook (a function of "
                    "another notebook is not here), or run the cell that defines it")
        else:
            hint = (f". `{missing}` is neither an argument of the function nor assigned in it: compute it inside the "
                    "function from its arguments")
    elif "matmul" in text or "not aligned" in text or "core dimension" in text:  # operands not found by `raised`
        hint = ". A matrix product got shapes that do not fit: write each shape next to the equation; a missing or extra transpose (.T) is the usual cause"
    elif isinstance(error, KeyError):
        hint = ". A dict key is misspelt or missing: the keys are the names in the equations, e.g. 'W1', 'A1', 'dW1'"
    elif "broadcast" in text:
        hint = ". Two arrays could not be combined element-wise: compare their shapes"
    indexing = _line_indexing_caches(error)  # a function of theirs that indexed caches, maybe a caller of this line
    if indexing and (isinstance(error, IndexError) or "broadcast" in text or "matmul" in text or "aligned" in text):
        hint += (". caches holds one cache per layer, caches[0] for layer 1 … caches[L − 1] for layer L: is the index "
                 f"off by one? (your line `{indexing}`)")
        if indexing == line:
            return hint
    if line:
        hint += f" (in your code, the line `{line}`)"
    return hint


def _line_indexing_caches(error):
    """The innermost line of the student's code in the traceback that indexes ``caches[…]``, or ""."""
    found = ""
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.startswith(_HELPERS_DIR) and "site-packages" not in filename and "/lib/python" not in filename:
            line = linecache.getline(filename, tb.tb_lineno).strip()
            if "caches[" in line:
                found = line
        tb = tb.tb_next
    return found


def _matmul_operands(frame, line):
    """For the first product ``a @ b`` (or np.dot(a, b)) on ``line`` whose shapes do not fit: a sentence naming them."""
    try:
        tree = ast.parse(line.rstrip(":").strip())
    except SyntaxError:
        return "", False
    for node in ast.walk(tree):
        pair = None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            pair = (node.left, node.right)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("dot", "matmul") and len(node.args) == 2:
            pair = tuple(node.args)
        if pair is None or any(isinstance(n, ast.Call) for side in pair for n in ast.walk(side)):
            continue
        try:
            left, right = (np.asarray(eval(compile(ast.Expression(side), "<operand>", "eval"), frame.f_globals, dict(frame.f_locals)))
                           for side in pair)
        except Exception:
            continue
        if left.ndim >= 1 and right.ndim >= 1 and left.shape[-1] != right.shape[0 if right.ndim == 1 else -2]:
            inner_right = right.shape[0 if right.ndim == 1 else -2]
            same = left.shape == right.shape and left.ndim == 2 and left.shape[1] > 1  # matrices, not two columns
            return (f"`{_operand(pair[0])} @ {_operand(pair[1])}` multiplies {left.shape} by {right.shape}: "
                    f"the inner sizes {left.shape[-1]} and {inner_right} differ"), same
    return "", False


def _operand(node):
    """An operand as the student wrote it: a compound one keeps its parentheses (`(1 - A1 ** 2)`, not `1 - A1 ** 2`)."""
    text = ast.unparse(node)
    return f"({text})" if isinstance(node, (ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp)) else text
