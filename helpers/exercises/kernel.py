"""What Jupyter shows for the errors students meet most: a check cell run before its exercise cell, a cell run after a
kernel restart without the cells above it, an exercise cell that defined a misspelt name (a NameError at a cell's top
level becomes one sentence saying which cell to run), and a failed graded check (its one-line verdict, no traceback).

Installed when helpers is imported, and at kernel start where the course's IPython configuration is installed (make
setup, Binder: ``load_ipython_extension``), so that even a check run before the notebook's first cell says what to do.
"""
import difflib
import re

from .outcomes import CheckFailed

RUN_ABOVE = "Run → Run All Above Selected Cell"
EXERCISE_NAMES = ("backward_one_example", "fixed_backward_propagation")


def explain(name, namespace):
    """One sentence for ``NameError: name 'name' is not defined`` at a cell's top level, knowing the kernel's names."""
    if name.startswith("my_") or name in EXERCISE_NAMES:
        others = [k for k, v in namespace.items() if callable(v) and not k.startswith("_")]
        twin = difflib.get_close_matches(name, others, n=1, cutoff=0.8)
        if twin:
            return (f"`{name}` is not defined, but this kernel has `{twin[0]}`: the exercise cell defines a different name "
                    f"from the one this cell uses. Name the function `{name}` in the exercise cell, run it, then this cell.")
        return (f"`{name}` is not defined yet: run the exercise cell that defines it (the cell with `def {name}(...)`, "
                f"above this one) first, then this cell.")
    if name in ("helpers", "np", "plt"):
        return (f"`{name}` is not defined: run the notebook's first cells (the set-up and the imports) first, or all "
                f"the cells above this one ({RUN_ABOVE}).")
    return (f"`{name}` is not defined: this cell uses what the cells above it computed, and this kernel has not run them "
            f"(a kernel restart clears everything). Run them ({RUN_ABOVE}), then this cell.")


def _at_top_level(tb):
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_code.co_name == "<module>"


def _handler(shell, etype, value, tb, tb_offset=None):
    if issubclass(etype, CheckFailed):
        return shell.showtraceback((etype, value, None))
    name = getattr(value, "name", None) or (re.findall(r"'(\w+)'", str(value)) or [""])[0]
    if issubclass(etype, NameError) and not issubclass(etype, UnboundLocalError) and name and _at_top_level(tb):
        error = NameError(explain(name, shell.user_ns))
        if hasattr(shell, "_showtraceback"):  # one line, no "Traceback (most recent call last)" header over nothing
            return shell._showtraceback(NameError, error, [f"NameError: {error}"])
        return shell.showtraceback((NameError, error, None))
    return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install(shell=None):
    """Show those errors the course's way in this IPython shell (nothing outside IPython)."""
    if shell is None:
        try:
            shell = get_ipython()  # noqa: F821 (defined in IPython only)
        except NameError:
            return
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return
    handled = getattr(shell, "custom_exceptions", None) or ()
    if CheckFailed not in handled or NameError not in handled:
        shell.set_custom_exc((CheckFailed, NameError), _handler)


def load_ipython_extension(shell):
    install(shell)
