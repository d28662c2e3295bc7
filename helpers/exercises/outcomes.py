"""What a check can conclude: the marks it prints, and the exceptions that carry a failed layer's verdict."""

OK, BAD = "✓", "✗"


class Stop(Exception):
    """Raised inside a checker when a layer fails; its message is the verdict."""


class NotYet(Stop):
    """The exercise is still blank: no test network to name, nothing else to say."""


class CheckFailed(AssertionError):
    """Raised by a failed check in grading mode; its message is the check's verdict."""
