"""Running an exercise's layered checks and printing the verdict: one line per array, then ✓ or ✗ with the reason.

A checker calls the student's function on small test cases (`cases.py`), then checks in layers and stops at the
first layer that fails:

1. it ran (`calling.py`): not implemented yet, or the exception it raised, with the line of the student's cell and,
   for a matrix product that failed, the shapes of its two operands (`diagnosis.py`); `sys.exit()` is reported;
2. honest (`calling.py`): it does not read a variable left by an earlier cell, and does not call the reference
   implementation it is meant to replace;
3. the type and 4. every shape (`results.py`): a dict with the right keys, real numbers, each array's shape and
   what a wrong one suggests;
5. every value (`compare.py`), against the reference and central differences, naming the array, the line of the
   student's code that computes it and the most likely cause.

A checker never raises whatever the function does (a KeyboardInterrupt still stops it): ``report`` prints its lines
and verdict and returns a `Verdict`, true when the check passed (Jupyter shows nothing for it), with what the
function printed cut to its first and last lines (`capture.py`). In grading mode (``with grading():``, the locked test cells of the nbgrader assignments) a failed
check prints the same lines and then raises `CheckFailed` with the verdict, so that nbgrader scores the test cell 0
and its feedback carries the diagnosis; a check run ``quiet`` (``yours_or_reference``) only returns its Verdict.
"""
import contextlib
import sys

from .calling import _called, numpy_changed
from .capture import Captured, StillRunning, _captures, _streams, quiet
from .hints import offer
from .kernel import install
from .outcomes import BAD, OK, CheckFailed, NotYet, Stop, Verdict

_grading = []  # one entry per active ``grading()`` block


@contextlib.contextmanager
def grading():
    """Grading mode: inside this block a failed check raises `CheckFailed` (after printing its lines).

    The assignments' test cells wrap their check in it, so nbgrader gives the exercise 0 points when the
    check fails and full points when it passes. A check run through ``quiet`` (``yours_or_reference``)
    still only returns its Verdict.
    """
    _short_tracebacks()
    _grading.append(True)
    try:
        yield
    finally:
        _grading.pop()


def report(title, run):
    """Run the layered checks; print the lines and the verdict; return a `Verdict` (true when passed). Never raises.

    What the student's function prints meanwhile is shown first, cut to its first and last lines. A wrong answer's
    verdict ends by offering the exercise's next hint (``helpers.hint(title)``), when it has hints.
    """
    changed = numpy_changed()
    if changed:
        print(f"{BAD} {title}: {changed}")
        return Verdict(False)
    lines, passed = [], False
    capture, stream = Captured(), sys.stdout
    _captures.append(capture)
    _called.append([])
    watch = StillRunning(title, _streams[-1] if _streams else stream)
    try:
        blank = False
        try:
            run(lines)
            passed, verdict = True, f"{OK} {title}: all checks passed."
        except NotYet as stop:
            blank, verdict = True, f"{BAD} {title}: {stop}"
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
        verdict += ("" if verdict.endswith((".", "?")) else ".") + note
    elif not passed and not blank:
        verdict += offer(title, "" if verdict.endswith((".", "?")) else ".")
    _print(lines)
    if not passed and _grading and not _streams:
        raise CheckFailed(verdict)
    print(verdict)
    return Verdict(passed)


def _print(lines):
    for line in lines:
        if line:
            print(line)


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
    install()
