"""Calling the student's function safely: on copies of the arguments, its prints captured, its warnings and exceptions
turned into verdicts, and refused when it delegates to the reference or reads an earlier cell's variable.

Also what a cell may have done to the kernel before: ``numpy_changed`` names a numpy function that was replaced.
"""
import contextlib
import dis
import sys
import types
import warnings

import numpy as np

from .capture import Captured, _captures
from .diagnosis import assigned_names, similar_name, raised
from .outcomes import NotYet, Stop

_called = []  # per report being run: the student's own functions that the checked function called


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
        raise Stop(numpy_changed() or raised(name, error, fn)) from None
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
            assigned = similar_name(name, assigned_names(fn))
            also = f" (your function assigns {assigned}: Python names are case-sensitive)" if assigned else ""
            return (f"your function reads `{name}`, a variable of the notebook ({what} from an earlier cell), "
                    f"instead of computing it from its own arguments{also}; the result would depend on what ran before")
    return ""
