"""What a check can conclude: the marks it prints, and the exceptions that carry a failed layer's verdict."""

OK, BAD = "✓", "✗"


class Stop(Exception):
    """Raised inside a checker when a layer fails; its message is the verdict."""


class NotYet(Stop):
    """The exercise is still blank: no test network to name, nothing else to say."""


class CheckFailed(AssertionError):
    """Raised by a failed check in grading mode; its message is the check's verdict."""


class Verdict:
    """What a check returns: true when it passed. Jupyter shows nothing for it (the printed lines are the verdict, so
    no bare True or False appears under a check), while ``if check(fn):`` and ``bool(...)`` work as for a bool."""
    __slots__ = ("passed",)

    def __init__(self, passed):
        self.passed = bool(passed)

    def __bool__(self):
        return self.passed

    def __eq__(self, other):
        return self.passed == bool(other) if isinstance(other, (bool, Verdict)) else NotImplemented

    def __hash__(self):
        return hash(self.passed)

    def __repr__(self):
        return f"Verdict(passed={self.passed})"

    def _ipython_display_(self):
        """Nothing to add under the check's printed lines."""
