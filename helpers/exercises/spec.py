"""An exercise's expected arrays as data: each one's name, shape, right value and the wrong values students
write, with their causes. A checker lists them, one `Expect` each, and `expect` checks them all; `exercise` makes the
whole checker from a function that gives one test network's arguments and `Expect` list."""
from dataclasses import dataclass

from .calling import call
from .cases import TWO_NETWORKS, on_networks
from .compare import compare
from .report import report
from .results import check_array, dict_with


@dataclass(frozen=True)
class Expect:
    """One array the student's function must produce.

    ``shape``: the right shape (``of``: the array it is the derivative of, for "dfoo has the shape of foo");
    ``reference``: the right value;
    ``causes``: (wrong value, sentence) pairs, the sentence being the verdict when the answer equals that value;
    ``numeric``: the same derivative by central differences, when there is one.
    """
    name: str
    shape: tuple
    reference: object
    causes: tuple = ()
    numeric: object = None
    of: str = None


def expect(lines, fn, values, expected, *, m=None):
    """Check ``values[e.name]`` for every `Expect` ``e``: every shape first, then every value, in order.

    So a wrong shape is named before any value is compared, and values are compared in the order the equations
    run. ``m``: the number of examples, when a wrong value may be a multiple of the right one (a missing 1/m).
    """
    for e in expected:
        check_array(e.name, values[e.name], e.shape, m=m, of=e.of, fn=fn)
    for e in expected:
        compare(lines, e.name, values[e.name], e.reference, numeric=e.numeric, causes=e.causes, fn=fn, m=m)


def exercise(name, setting, *, returns, title, allowed=(), networks=TWO_NETWORKS, one_example=False, doc=""):
    """A checker from a declarative spec: the student's ``my_<name>`` on every test network must return a dict with the
    keys ``returns``, each as the `Expect` list says.

    ``setting(parameters, X, Y)`` gives, for one test network, the arguments to call the student's function with and
    the list of `Expect` (X and Y are one column each with ``one_example``); ``allowed``: the helpers functions
    the exercise's text names (an answer that calls any other is refused); ``title``: the first line of the report
    ("Checking the forward pass"). The checker returns a Verdict and prints its verdict, as every checker does.
    """

    def check(fn):
        def on_network(lines, parameters, X, Y):
            arguments, expected = setting(parameters, X, Y)
            result = dict_with("the result", call(fn, name, *arguments, allowed=allowed), returns)
            expect(lines, fn, result, expected)

        return report(name, lambda lines: on_networks(lines, title, on_network, networks, one_example=one_example))

    check.__name__ = check.__qualname__ = f"check_{name}"
    check.__doc__, check.__module__ = doc, setting.__module__
    return check
