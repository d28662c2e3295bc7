"""The layered checks every exercise shares: a verdict a student can act on, one line per array.

A checker calls the student's function on small test networks whose sizes all differ (so a missing
transpose cannot hide), then checks in layers and stops at the first layer that fails:

1. it ran: not implemented yet, or the exception it raised, with the line of the student's cell and, for
   a matrix product that failed, the shapes of its two operands; `sys.exit()` is reported, not obeyed;
2. honest: it does not read a variable left by an earlier cell, and does not call the reference
   implementation it is meant to replace;
3. the type: a dict with the right keys, a tuple, real numbers (complex, text, object and float16
   arrays are refused with a reason);
4. every shape, naming the array, the expected and the actual shape and what that shape suggests;
5. every value, against the reference and central differences, naming the array, the line of the
   student's code that computes it and the most likely cause.

A checker never raises whatever the function does (a KeyboardInterrupt still stops it); it prints its
verdict and returns True or False. In grading mode (``with grading():``, the locked test cells of the
nbgrader assignments) a failed check prints the same lines and then raises `CheckFailed` with the verdict,
so that nbgrader scores the test cell 0 and its feedback carries the diagnosis. It also survives the student's function: what the function prints is
captured and shown cut to its first and last lines; a numpy that a cell (or the function) patched, such as
``np.sum = None``, is named with a request to restart the kernel instead of being trusted; and a check that
runs past a few seconds says it is still running and how to stop it.
"""
import ast
import collections
import contextlib
import difflib
import dis
import inspect
import io
import linecache
import re
import sys
import textwrap
import threading
import time
import types
import warnings
from pathlib import Path

import numpy as np

from ..gradcheck import relative_difference

OK, BAD = "✓", "✗"
RTOL, ATOL = 1e-6, 1e-9
_HELPERS_DIR = str(Path(__file__).resolve().parent.parent)


class Stop(Exception):
    """Raised inside a checker when a layer fails; its message is the verdict."""


class NotYet(Stop):
    """The exercise is still blank: no test network to name, nothing else to say."""


class CheckFailed(AssertionError):
    """Raised by a failed check in grading mode; its message is the check's verdict."""


_grading = []  # one entry per active ``grading()`` block


@contextlib.contextmanager
def grading():
    """Grading mode: inside this block a failed check raises `CheckFailed` (after printing its lines).

    The assignments' test cells wrap their check in it, so nbgrader gives the exercise 0 points when the
    check fails and full points when it passes. A check run through ``quiet`` (``yours_or_reference``)
    still only returns True or False.
    """
    _short_tracebacks()
    _grading.append(True)
    try:
        yield
    finally:
        _grading.pop()


def report(title, run):
    """Run the layered checks; print the lines and the verdict; return True or False. Never raises.

    What the student's function prints meanwhile is shown first, cut to its first and last lines.
    """
    changed = numpy_changed()
    if changed:
        print(f"{BAD} {title}: {changed}")
        return False
    lines, passed = [], False
    capture, stream = Captured(), sys.stdout
    _captures.append(capture)
    _called.append([])
    watch = StillRunning(title, _streams[-1] if _streams else stream)
    try:
        try:
            run(lines)
            passed, verdict = True, f"{OK} {title}: all checks passed."
        except Stop as stop:
            verdict = f"{BAD} {title}: {stop}"
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # a bug in a check must not become the student's traceback
            changed = numpy_changed()
            verdict = f"{BAD} {title}: " + (changed or f"the checker could not finish ({type(error).__name__}: {error}).")
    finally:  # also on KeyboardInterrupt: the output so far is shown and nothing keeps running
        watch.stop()
        _captures.pop()
        called = _called.pop()
        capture.show(stream)
    note = "" if passed else _failing_dependency(called)
    if note:
        verdict += ("" if verdict.endswith(".") else ".") + note
    _print(lines)
    if not passed and _grading and not _streams:
        raise CheckFailed(verdict)
    print(verdict)
    return passed


def _print(lines):
    for line in lines:
        if line:
            print(line)


_called = []  # per report being run: the student's own functions that the checked function called
CHECK_OF = {}  # an exercise's function name (``my_`` prefix dropped) → its check; filled by helpers.exercises
_checking = set()


def _failing_dependency(called):
    """When the checked function calls another of the student's functions whose own check fails: a sentence saying so.

    A predict that calls the student's forward pass is wrong because the forward pass is; the verdict says where
    to start. Empty when every function it calls passes its check (or has none).
    """
    for function in called:
        name = function.__name__
        check = CHECK_OF.get(name[3:] if name.startswith("my_") else name)
        if check is None or check in _checking:
            continue
        _checking.add(check)
        try:
            with quiet():
                passed = check(function)
        finally:
            _checking.discard(check)
        if not passed:
            return (f" Your function calls your {name}, which does not pass its own check yet: "
                    f"fix {name} first (run its check cell), then check this one again.")
    return ""


def _short_tracebacks():
    """In IPython, show a `CheckFailed` as its one-line verdict, not as a traceback through the checker's code.

    It is still an error output, which is what makes nbgrader score the cell 0.
    """
    try:
        shell = get_ipython()  # noqa: F821 (defined in IPython only)
    except NameError:
        return
    if CheckFailed not in (getattr(shell, "custom_exceptions", None) or ()):
        shell.set_custom_exc((CheckFailed,), lambda shell, etype, value, tb, tb_offset=None: shell.showtraceback((etype, value, None)))


# ---------------------------------------------------------------------------------------------------
# Surviving the student's function: its output, a patched numpy, a loop that never ends
# ---------------------------------------------------------------------------------------------------
class Captured:
    """A text stream that keeps the first ``HEAD`` and last ``TAIL`` lines written to it and counts the rest.

    Memory stays small whatever is written (10 MB of prints keep about 15 lines); ``show`` prints what was
    kept and says how much was dropped.
    """
    HEAD, TAIL, WIDTH = 10, 5, 200

    def __init__(self):
        self.head, self.tail = [], collections.deque(maxlen=self.TAIL)
        self.partial, self.partial_chars = "", 0
        self.lines = self.chars = 0

    def write(self, text):
        text = str(text)
        self.chars += len(text)
        pieces = text.split("\n")
        for piece in pieces[:-1]:
            self._add(self.partial + piece[: self.WIDTH + 1], self.partial_chars + len(piece))
            self.partial, self.partial_chars = "", 0
        last = pieces[-1]
        if len(self.partial) <= self.WIDTH:
            self.partial += last[: self.WIDTH + 1 - len(self.partial)]
        self.partial_chars += len(last)
        return len(text)

    def _add(self, line, length):
        self.lines += 1
        line = line if length <= self.WIDTH else line[: self.WIDTH] + f"… ({length:,} characters)"
        if len(self.head) < self.HEAD:
            self.head.append(line)
        else:
            self.tail.append(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def end_line(self):
        """End a line left open (a print with end=""), as at the end of each call of the function."""
        if self.partial_chars:
            self._add(self.partial, self.partial_chars)
            self.partial, self.partial_chars = "", 0

    def show(self, stream):
        self.end_line()
        if not self.lines:
            return
        kept = len(self.head) + len(self.tail)
        dropped = self.lines - kept
        out = ["Your function printed:" if not dropped else
               f"Your function printed {self.lines:,} lines ({_size(self.chars)}); the first {len(self.head)} and the last "
               f"{len(self.tail)}:"]
        out += ["    " + line for line in self.head]
        if dropped:
            out.append(f"    … {dropped:,} lines not shown …")
        out += ["    " + line for line in self.tail]
        print("\n".join(out), file=stream)


def _size(chars):
    return f"{chars / 1e6:.1f} MB" if chars >= 1e6 else f"{chars / 1e3:.1f} kB" if chars >= 1e3 else f"{chars} characters"


_captures = []  # the capture of each report being run (innermost last)
_streams = []  # where a check's progress messages go when its printing is redirected (see ``quiet``)


@contextlib.contextmanager
def quiet():
    """Swallow a check's verdict (for a later cell that only wants True or False); progress messages still show."""
    _streams.append(sys.stdout)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            yield printed
    finally:
        _streams.pop()


class StillRunning:
    """After ``AFTER`` seconds (then every ``EVERY``), tell the student a check is still running and how to stop it."""
    AFTER, EVERY = 5.0, 30.0

    def __init__(self, title, stream):
        self.title, self.stream, self.start = title, stream, time.monotonic()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, name=f"check {title}", daemon=True)
        self.thread.start()

    def _watch(self):
        wait = self.AFTER
        while not self.done.wait(wait):
            seconds = time.monotonic() - self.start
            try:
                print(f"… the check of {self.title} is still running after {seconds:.0f} s (it usually takes under a second): "
                      "your function may be stuck in a loop, such as a `while` whose condition never changes. "
                      "Stop it with Kernel → Interrupt Kernel (■), then look at your loops.", file=self.stream, flush=True)
            except Exception:  # the stream is gone: nothing to tell
                return
            wait = self.EVERY

    def stop(self):
        self.done.set()


# numpy's public names as helpers found them: what a checker compares the kernel's numpy against
_NUMPY_MODULES = {"np": np, "np.linalg": np.linalg}
_NUMPY = {(prefix, name): value for prefix, module in _NUMPY_MODULES.items() for name, value in vars(module).items()
          if not name.startswith("_")}


def numpy_changed():
    """A verdict naming the first numpy function a cell replaced (``np.sum = None``), or "" when numpy is intact."""
    for (prefix, name), value in _NUMPY.items():
        now = vars(_NUMPY_MODULES[prefix]).get(name, _NUMPY)
        if now is not value:
            shown = "deleted" if now is _NUMPY else f"now {_short(now)}"
            return (f"numpy was changed in this kernel: {prefix}.{name} is {shown}, not numpy's own. Nothing can be "
                    f"checked (or trusted) until numpy is whole again: remove the line that assigns {prefix}.{name}, then "
                    "restart the kernel (Kernel → Restart Kernel…) and run the cells from the top.")
    return ""


def _short(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def network_label(**sizes):
    return ", ".join(f"{k} = {v}" for k, v in sizes.items())


def prefixed(label, check):
    """Run ``check()``; a failure's message starts with the test network's sizes."""
    try:
        return check()
    except NotYet:
        raise
    except Stop as stop:
        raise Stop(f"[{label}] {stop}") from None


# ---------------------------------------------------------------------------------------------------
# Layer 1 and 2: calling the student's function
# ---------------------------------------------------------------------------------------------------
def call(fn, name, *args, forbidden=(), copy_args=True):
    """Call the student's function on copies of ``args``; turn every failure into a Stop.

    ``forbidden``: the reference functions the exercise replaces; an answer that calls one is refused.
    """
    if not callable(fn):
        raise Stop(f"expected a function, got {type(fn).__name__}; pass the function itself, without ()")
    leaked = notebook_variables_read(fn)
    if leaked:
        raise Stop(leaked)
    copies = [copy(a) for a in args] if copy_args else list(args)
    codes = {f.__code__ for f in forbidden}
    delegated = []
    own, namespace = getattr(fn, "__code__", None), getattr(fn, "__globals__", {})
    called = _called[-1] if _called else []

    def profile(frame, event, arg):
        if event != "call":
            return
        code = frame.f_code
        if code in codes:
            delegated.append(code.co_name)
        elif code is not own:  # another function of the student's, by its name in the notebook
            function = namespace.get(code.co_name)
            if getattr(function, "__code__", None) is code and function not in called:
                called.append(function)

    old = sys.getprofile()
    capture = _captures[-1] if _captures else Captured()
    try:
        with warnings.catch_warnings(record=True) as caught, np.errstate(divide="warn", over="warn", invalid="warn", under="ignore"), \
                contextlib.redirect_stdout(capture), contextlib.redirect_stderr(capture):
            warnings.simplefilter("always")
            sys.setprofile(profile)
            try:
                result = fn(*copies)
            finally:
                sys.setprofile(old)
    except NotImplementedError:
        raise NotYet("not implemented yet: replace `raise NotImplementedError()` with your code and run the cell again") from None
    except KeyboardInterrupt:
        raise
    except SystemExit:
        raise Stop(f"{name} called sys.exit() (or exit()/quit()), which would stop the whole kernel: remove it and return the result") from None
    except BaseException as error:
        raise Stop(numpy_changed() or _raised(name, error, fn)) from None
    finally:
        capture.end_line()
        if not _captures:  # called outside a report: show the output at once
            capture.show(sys.stdout)
    changed = numpy_changed()
    if changed:
        raise Stop(f"{name} changed numpy while it ran. {changed}")
    if delegated:
        raise Stop(f"{name} calls the reference implementation (helpers.{delegated[0].lstrip('_')}) instead of computing it: "
                   "write the equations yourself; that is the exercise")
    numeric = [w for w in caught if "encountered" in str(w.message) or "divide" in str(w.message)]
    if numeric:
        raise Stop(f"{name} ran, but numpy warned: {numeric[0].message} (a log or a division of 0, or an overflow: check the formula)")
    return result


def copy(a):
    if isinstance(a, dict):
        return {k: copy(v) for k, v in a.items()}
    return a.copy() if isinstance(a, np.ndarray) else a


def _code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def notebook_variables_read(fn):
    """A verdict if ``fn`` reads a data variable of the notebook (an array or number of an earlier cell), else ""."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return ""
    names = []
    for c in _code_objects(code):
        for instruction in dis.get_instructions(c):
            if instruction.opname in ("LOAD_GLOBAL", "LOAD_NAME") and instruction.argval not in names:
                names.append(instruction.argval)
    namespace = getattr(fn, "__globals__", {})
    for name in names:
        if name not in namespace:
            continue
        value = namespace[name]
        if isinstance(value, (np.ndarray, np.generic, int, float, complex, dict, list, tuple)) and not isinstance(value, bool):
            what = f"a {value.shape} array" if isinstance(value, np.ndarray) else f"a {type(value).__name__}"
            assigned = _similar(name, _assigned_names(fn))
            also = f" (your function assigns {assigned}: Python names are case-sensitive)" if assigned else ""
            return (f"your function reads `{name}`, a variable of the notebook ({what} from an earlier cell), "
                    f"instead of computing it from its own arguments{also}; the result would depend on what ran before")
    return ""


def _assigned_names(fn):
    code = getattr(fn, "__code__", None)
    return list(code.co_varnames) if code is not None else []


def _similar(name, candidates):
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


def _raised(name, error, fn):
    """The verdict for an exception: a failed matrix product in shapes, anything else in its own words and a hint."""
    found = student_frame(error)
    line = linecache.getline(found[0].f_code.co_filename, found[1]).strip() if found is not None else ""
    text = str(error)
    if line and ("matmul" in text or "not aligned" in text or "core dimension" in text):
        shapes = _matmul_operands(found[0], line)
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
        similar = _similar(missing, _assigned_names(fn)) if fn is not None else ""
        if similar:
            hint = f". Your function assigns `{similar}` but uses `{missing}`: Python names are case-sensitive"
        else:
            hint = f". `{missing}` is used before the function assigns it: compute it inside the function"
    elif "matmul" in text or "not aligned" in text or "core dimension" in text:  # operands not found by `_raised`
        hint = ". A matrix product got shapes that do not fit: write each shape next to the equation; a missing or extra transpose (.T) is the usual cause"
    elif isinstance(error, KeyError):
        hint = ". A dict key is misspelt or missing: the keys are the names in the equations, e.g. 'W1', 'A1', 'dW1'"
    elif "broadcast" in text:
        hint = ". Two arrays could not be combined element-wise: compare their shapes"
    if line:
        hint += f" (in your code, the line `{line}`)"
    return hint


def _matmul_operands(frame, line):
    """For the first product ``a @ b`` (or np.dot(a, b)) on ``line`` whose shapes do not fit: a sentence naming them."""
    try:
        tree = ast.parse(line.rstrip(":").strip())
    except SyntaxError:
        return ""
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
            return (f"`{ast.unparse(pair[0])} @ {ast.unparse(pair[1])}` multiplies {left.shape} by {right.shape}: "
                    f"the inner sizes {left.shape[-1]} and {inner_right} differ")
    return ""


# ---------------------------------------------------------------------------------------------------
# Layer 3 and 4: the result's type and shape
# ---------------------------------------------------------------------------------------------------
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


def check_array(name, value, expected_shape, *, m=None, of=None):
    """Type and shape of one array, with the hint a wrong shape suggests. ``of``: what dfoo is the derivative of."""
    expected_shape = tuple(expected_shape)
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
        hint = ": it has one entry per example, the mark of a sum over axis=0 (the units); sum over axis=1, the examples"
    elif len(expected_shape) == 2 and expected_shape[1] == 1 and shape == (expected_shape[0],):
        hint = ": it is 1-D, the mark of np.sum(..., axis=1) without keepdims=True"
    elif len(shape) == 2 and len(expected_shape) == 2 and shape[0] == shape[1] and shape[0] != expected_shape[1]:
        hint = ": a square result usually means a 1-D vector was broadcast against a column (keep b and db as columns)"
    elif len(shape) == 0 or value.size == 1:
        hint = ": a single number, so something was summed over every axis (sum over axis=1 only)"
    rule = f" ({name} has the shape of {of})" if of else ""
    raise Stop(f"{name} has shape {shape}, expected {expected_shape}{rule}{hint}")


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


# ---------------------------------------------------------------------------------------------------
# Layer 5: values
# ---------------------------------------------------------------------------------------------------
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


def line_of(fn, name):
    """The line of the student's function that assigns ``name`` (its last assignment), or ""."""
    try:
        source = textwrap.dedent(inspect.getsource(fn))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError, IndentationError):
        return ""
    found = ""
    lines = source.splitlines()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        for target in targets:
            names = [t.id for t in ast.walk(target) if isinstance(t, ast.Name)]
            if name in names:
                found = lines[node.lineno - 1].strip()
    return found


def compare(lines, name, value, reference, *, numeric=None, causes=(), fn=None, equation="", m=None,
            wrong_line=None, note="", equations=None):
    """One array's values against the reference (and central differences); a Stop names the line and the cause.

    ``causes``: (variant, sentence) or (variant, sentence, line) tuples; when the value equals a variant, the
    sentence is the verdict and ``line`` (a name the student's function assigns, default ``name``) the line
    to look at. A constant multiple of the reference (a missing 1/m, a hard-coded m, ``1 // m``) points at
    ``name``'s own line. Otherwise the verdict points at ``wrong_line`` (default ``name``), after ``note``.
    ``equations`` maps a line's name to its equation (default: ``equation`` for ``name``).
    """
    shown = "" if np.ndim(value) == 0 else f" {tuple(np.shape(value))}"
    value = np.asarray(value, dtype=np.float64)
    equations = {name: equation, **(equations or {})}

    def pointer(line_name):
        return _pointer(fn, line_name, equations.get(line_name, ""))

    if not np.all(np.isfinite(value)):
        raise Stop(f"{name} holds NaN or inf: look for log(0), a division by zero or an overflow{pointer(name)}")
    if close(value, reference, tolerance(value)):
        lines.append(f"{OK} {name}{shown} matches the reference" + ("" if numeric is None else " and central differences"))
        return
    for variant, cause, *where in causes:
        if variant is not None and np.shape(variant) == np.shape(reference) and close(value, variant, 1e-5):
            raise Stop(f"{name} is wrong: {cause}{pointer(where[0] if where else name)}")
    cause = proportional_cause(value, reference, m)
    if cause:
        raise Stop(f"{name} is wrong: {cause}{pointer(name)}")
    detail = f"largest difference from the reference {float(np.max(np.abs(value - reference))):.2g}"
    scale = float(np.max(np.abs(reference))) if np.size(reference) else 0.0
    if scale and float(np.max(np.abs(value - reference))) < 1e-3 * scale:
        note = note or ("; so small a difference means lost precision (float16 or float32 somewhere, "
                        "or a rounded constant), not a wrong equation")
    if numeric is not None:
        difference = relative_difference(value, numeric)
        detail += f"; relative difference from central differences {difference:.1e}" + (" (above 1e-4: a bug)" if difference > 1e-4 else "")
    raise Stop(f"{name} is wrong ({detail}){note}{pointer(wrong_line or name)}")


def _pointer(fn, name, equation):
    line = line_of(fn, name) if fn is not None else ""
    target = f"your line `{line}`" if line else f"your line for {name}"
    return f"; compare {target} with {equation}" if equation else (f"; look at {target}" if line else "")


def proportional_cause(value, reference, m=None):
    """When ``value`` is a constant multiple of ``reference``: the likely cause (1 // m, a hard-coded m...), else ""."""
    value, reference = np.ravel(value), np.ravel(reference)
    if value.size != reference.size:
        return ""
    if np.all(value == 0) and np.any(reference != 0):
        return "it is all zeros; `1 // m` is integer division (0 when m > 1): write 1 / m" if m and m > 1 else "it is all zeros"
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
        if abs(c - m) < 1e-6 * m:
            return "it is m times too large: a missing 1/m"
        if abs(c - 1 / m) < 1e-6:
            return "it is divided by m twice"
        used = m / c
        if abs(used - round(used)) < 1e-6 and round(used) >= 1:
            return (f"it is divided by {round(used)} instead of m = {m}: is m hard-coded? take it from the data, m = X.shape[1]")
    return f"it is {c:.4g} times the right value"
