"""Calling the student's function safely: on copies of the arguments, its prints captured, its warnings and exceptions
turned into verdicts, and refused when it delegates to the reference or reads an earlier cell's variable.

Also what a cell may have done to the kernel before: ``numpy_changed`` names a numpy function that was replaced.
"""
import contextlib
import difflib
import dis
import sys
import types
import warnings

import numpy as np

from .capture import Captured, _captures
from .diagnosis import _HELPERS_DIR, assigned_names, similar_name, raised
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


# what every answer may call: the forward activations, building blocks that compute no checked quantity of a backward
# pass. Anything else of helpers an answer calls must be named by its exercise (``allowed``).
BUILDING_BLOCKS = ("sigmoid", "tanh", "relu")
_last_locals = [{}]  # the checked function's local variables when it last returned (what a verdict may reproduce)


def call(fn, name, *args, allowed=(), copy_args=True):
    """Call the student's function on copies of ``args``; turn every failure into a Stop.

    The answer may call the `BUILDING_BLOCKS`, the helpers functions named in ``allowed`` (those its exercise's text
    names), its own functions and the functions it is given; a call of any other helpers function is refused: it
    computes what the exercise asks for. An argument it changes in place (beyond rounding) is refused too.
    """
    if not callable(fn):
        raise Stop(f"expected a function, got {type(fn).__name__}; pass the function itself, without ()")
    remote = getattr(type(fn), "_remote_call", None)  # the sealed grader's stand-in for a function in its worker
    if remote is not None:
        return remote(fn, name, args, allowed, copy_args)
    leaked = notebook_variables_read(fn)
    if leaked:
        raise Stop(leaked)
    copies = [copy(a) for a in args] if copy_args else list(args)
    permitted = set(BUILDING_BLOCKS) | set(allowed)
    given = {getattr(getattr(a, "func", a), "__code__", None) for a in args if callable(a)}  # functools.partial too
    delegated = []
    own, namespace = getattr(fn, "__code__", None), getattr(fn, "__globals__", {})
    called = _called[-1] if _called else []
    _last_locals[0] = {}

    def profile(frame, event, arg):
        code = frame.f_code
        if event == "return" and code is own:
            _last_locals[0] = dict(frame.f_locals)
        if event != "call":
            return
        if code.co_filename.startswith(_HELPERS_DIR):
            caller = frame.f_back
            if (caller is not None and not caller.f_code.co_filename.startswith(_HELPERS_DIR) and code not in given
                    and code.co_name not in permitted and "." not in code.co_qualname and not code.co_name.startswith("<")):
                # a module-level function of helpers (not a method: print() reaches the capture's write)
                delegated.append(code.co_name)
        elif code is not own:  # another function of the student's, by its name in the notebook
            function = namespace.get(code.co_name)
            if getattr(function, "__code__", None) is code and function not in called:
                called.append(function)

    old = sys.getprofile()
    capture = _captures[-1] if _captures else Captured()
    twin = misspelt_twin(fn)
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
        raise NotYet("not implemented yet: replace `raise NotImplementedError()` with your code and run the cell again" + twin) from None
    except KeyboardInterrupt:
        raise
    except SystemExit:
        raise Stop(f"{name} called sys.exit() (or exit()/quit()), which would stop the whole kernel: remove it and return the result") from None
    except BaseException as error:
        raise Stop(numpy_changed() or raised(name, error, fn) + twin) from None
    finally:
        capture.end_line()
        if not _captures:  # called outside a report: show the output at once
            capture.show(sys.stdout)
    changed = numpy_changed()
    if changed:
        raise Stop(f"{name} changed numpy while it ran. {changed}")
    if delegated:
        raise Stop(delegation(name, delegated[0], allowed))
    numeric = [w for w in caught if "encountered" in str(w.message) or "divide" in str(w.message)]
    if numeric:
        raise Stop(f"{name} ran, but numpy warned: {numeric[0].message} (a log or a division of 0, or an overflow: check the formula)")
    if copy_args:
        mutated = changed_argument(fn, args, copies)
        if mutated:
            raise Stop(f"{name} {mutated}")
    return result


def delegation(name, called, allowed):
    """The verdict for an answer ``name`` that calls ``helpers.<called>``, which its exercise does not allow."""
    may = ", ".join(f"helpers.{n}" for n in (*BUILDING_BLOCKS, *sorted(set(allowed) - set(BUILDING_BLOCKS))))
    return (f"{name} calls helpers.{called}, which computes what this exercise asks you to compute: write it yourself "
            f"from the equations (an answer may use {may}, numpy and your own functions)")


def last_locals():
    """The local variables of the function `call` last ran, as they were when it returned ({} if it raised)."""
    return _last_locals[0]


def misspelt_twin(fn):
    """When the kernel also holds a function whose name is close to ``fn``'s (``my_sigmoid_prim``): a sentence saying
    that the cell may define a different name from the one checked; else ""."""
    name, namespace = getattr(fn, "__name__", ""), getattr(fn, "__globals__", {})
    if not name.startswith("my_"):
        return ""
    others = [k for k, v in namespace.items() if k != name and k.startswith("my_") and callable(v)
              and getattr(v, "__code__", None) is not getattr(fn, "__code__", None)]
    twin = difflib.get_close_matches(name, others, n=1, cutoff=0.85)
    if not twin:
        return ""
    return (f". This kernel also has a function `{twin[0]}`: if that is your answer, its cell defines a different name "
            f"from the one this check uses; name it `{name}` and run the cell again")


def _same(before, after):
    if isinstance(before, list):
        return isinstance(after, list) and len(before) == len(after) and all(map(_same, before, after))
    if isinstance(before, dict):
        return isinstance(after, dict) and before.keys() == after.keys() and all(_same(before[k], after[k]) for k in before)
    if isinstance(before, np.ndarray):
        if not isinstance(after, np.ndarray) or after.shape != before.shape:
            return False
        if before.dtype.kind not in "fc":
            return bool(np.array_equal(before, after))
        scale = max(1.0, float(np.max(np.abs(before)))) if before.size else 1.0
        return bool(np.allclose(after, before, rtol=1e-12, atol=1e-14 * scale, equal_nan=True))  # rounding is no change
    return True


def changed_argument(fn, originals, copies):
    """A sentence naming the first argument the call changed in place (beyond rounding), or ""."""
    code = getattr(fn, "__code__", None)
    names = list(code.co_varnames[: code.co_argcount]) if code is not None else []
    for index, (before, after) in enumerate(zip(originals, copies)):
        if _same(before, after):
            continue
        what = f"`{names[index]}`" if index < len(names) else f"number {index + 1}"
        if isinstance(before, dict):
            return (f"changed the dict {what} it was given (an entry replaced, added or changed in place): build and "
                    "return a new dict, and leave the caller's unchanged (`new[name] = parameters[name] - ...`, not `-=`)")
        return (f"changed its argument {what} in place (`{names[index] if index < len(names) else 'x'}[...] = ...` or "
                "`*=`, `-=`): compute a new array and leave the caller's unchanged")
    return ""


def copy(a):
    if isinstance(a, dict):
        return {k: copy(v) for k, v in a.items()}
    if isinstance(a, list):  # the caches of an L-layer network: a list of dicts
        return [copy(v) for v in a]
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
