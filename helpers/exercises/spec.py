"""An exercise's expected arrays as data: each one's name, shape, right value, equation and the wrong values students
write, with their causes. A checker lists them, one `Expect` each, and `expect` checks them all."""
from dataclasses import dataclass

from .compare import compare
from .results import check_array


@dataclass(frozen=True)
class Expect:
    """One array the student's function must produce.

    ``shape``: the right shape (``of``: the array it is the derivative of, for "dfoo has the shape of foo");
    ``reference``: the right value; ``equation``: what a wrong value's verdict compares the student's line with;
    ``causes``: (wrong value, sentence) pairs, the sentence being the verdict when the answer equals that value;
    ``numeric``: the same derivative by central differences, when there is one.
    """
    name: str
    shape: tuple
    reference: object
    equation: str = ""
    causes: tuple = ()
    numeric: object = None
    of: str = None


def expect(lines, fn, values, expected, *, m=None):
    """Check ``values[e.name]`` for every `Expect` ``e``: every shape first, then every value, in order.

    So a wrong shape is named before any value is compared, and values are compared in the order the equations
    run. ``m``: the number of examples, when a wrong value may be a multiple of the right one (a missing 1/m).
    """
    for e in expected:
        check_array(e.name, values[e.name], e.shape, m=m, of=e.of)
    for e in expected:
        compare(lines, e.name, values[e.name], e.reference, numeric=e.numeric, causes=e.causes, fn=fn, equation=e.equation,
                m=m)
