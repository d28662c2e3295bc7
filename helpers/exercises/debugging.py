"""Exercises of notebook 04: central differences, a gradient check, and fixing a broken backward pass."""
import numpy as np

from ..math.bugs import BUGS, problem
from ..math.gradcheck import numerical_gradients, relative_difference
from ..math.network import _forward, backward_propagation, forward_propagation
from .calling import call
from .cases import network_label, prefixed
from .compare import compare
from .outcomes import BAD, OK, Stop
from .report import report
from .results import check_array, scalar


def check_numerical_gradient(fn):
    """Check ``numerical_gradient(f, x, epsilon)``: central differences of a scalar f, one entry of x at a time."""

    def run(lines):
        rng = np.random.default_rng(8)
        settings = (  # every argument differs between the two: an answer that ignores one fails the second
            (lambda t: float(np.sum(np.sin(t) * t ** 2)), lambda t: np.cos(t) * t ** 2 + 2 * t * np.sin(t), "Σ x² sin x",
             rng.standard_normal((2, 3)), 1e-5),
            (lambda t: float(np.sum(np.exp(t / 2))), lambda t: np.exp(t / 2) / 2, "Σ exp(x/2)", rng.standard_normal(4), 1e-4),
        )
        for index, (f_of, exact_of, shown, x, epsilon) in enumerate(settings):
            _check_central_differences(lines if index == 0 else [], fn, f_of, exact_of, shown, x, epsilon)
            if index:
                lines.append(f"{OK} the same for f(x) = {shown}, x of shape {x.shape}, epsilon = {epsilon:g}")

    return report("numerical_gradient", run)


def _check_central_differences(lines, fn, f_of, exact_of, shown, x, epsilon):
    points = []

    def f(t):
        points.append(np.array(t, dtype=np.float64, copy=True))
        return f_of(t)

    original = x.copy()
    result = call(fn, "numerical_gradient", f, x, epsilon, copy_args=False)
    change = float(np.max(np.abs(x - original))) if x.shape == original.shape else np.inf
    if change > 1e-12 * max(1.0, float(np.max(np.abs(original)))):  # + ε − 2ε + ε leaves a rounding error: no change
        raise Stop(f"after your function x has changed (largest change {change:.1e}): "
                   "save each entry's value before nudging it and put that saved value back afterwards")
    check_array("the gradient", result, x.shape)
    if points and np.any(np.asarray(points[-1]).shape != x.shape):
        raise Stop(f"f was called with an array of shape {np.shape(points[-1])}; pass it an array of the shape of x")
    moved = [p - original for p in points if p.shape == x.shape]
    if moved and any(np.count_nonzero(np.abs(d) > epsilon / 2) > 1 for d in moved):
        raise Stop("f was called with several entries of x nudged at once: nudge one entry at a time, "
                   "x[i] + ε with every other entry unchanged")
    steps = [float(d[np.unravel_index(np.argmax(np.abs(d)), d.shape)]) for d in moved if np.any(d)]
    sizes = {float(f"{abs(step):.2g}") for step in steps}
    if steps and not any(np.isclose(size, epsilon, rtol=1e-3) for size in sizes):
        raise Stop(f"f was evaluated at x nudged by {min(sizes):.1g}, but this check passed epsilon = {epsilon:g}: "
                   "nudge by the argument epsilon, not a number of your own")
    if steps and min(steps) > 0:
        raise Stop("f is only evaluated at x + ε: use central differences, (f(x + ε) − f(x − ε)) / 2ε, "
                   "whose error is of order ε² instead of ε")
    exact = exact_of(x)
    compare(lines, f"the gradient of f(x) = {shown}", result, exact, fn=fn, causes=[
        (2 * exact, "it is twice the derivative: divide by 2ε, the distance between x − ε and x + ε"),
        (-exact, "its sign is flipped: (f(x + ε) − f(x − ε)) / 2ε"),
    ])
    lines.append(f"{OK} x is unchanged afterwards, and f was called {len(points)} times ({2 * x.size} = 2 per entry is enough)")


def check_gradient_check(fn):
    """Check ``gradient_check(parameters, X, Y, backward)``: the relative difference between ``backward``'s
    gradients and central differences of the cost, over all four parameters at once."""

    def run(lines):
        parameters, X, Y = problem(2, 4, 1, 5, seed=0)
        right = call(fn, "gradient_check", parameters, X, Y, backward_propagation, allowed=("forward_propagation", "compute_cost"))
        right = scalar("the result", right)
        if not np.isfinite(right):
            raise Stop(f"it returned {right} for a right backward pass")
        if right > 1e-7:
            cause = ""
            if 1e-7 < right < 1e-3:
                cause = (": one-sided differences (f(x + ε) − f(x)) / ε are that far off, use central ones; "
                         "so is a cost or ε in float32")
            raise Stop(f"for helpers.backward_propagation, which is right, it returned {right:.1e}, above 1e-7{cause}")
        lines.append(f"{OK} a right backward pass: below 1e-7")
        parameters, X, Y = problem(3, 3, 2, 6, seed=1)  # other sizes and data: every argument varies
        for key in ("forgot_1_over_m", "g_prime_at_A1", "sign_flipped"):
            bug = BUGS[key]
            ours = _reference_check(parameters, X, Y, bug.backward)
            theirs = scalar("the result", call(fn, "gradient_check", parameters, X, Y, bug.backward, allowed=("forward_propagation", "compute_cost")))
            if not np.isclose(theirs, ours, rtol=1e-3):
                hint = ("; the relative difference divides ‖g − g_num‖ by ‖g‖ + ‖g_num‖, with g and g_num all four gradients "
                        "flattened into one vector each")
                if theirs > 1 + 1e-9:
                    hint = ": it is above 1, so it is not relative" + hint
                elif theirs < 1e-7:
                    hint = ": it does not see this bug" + hint
                raise Stop(f"for the bug '{bug.title}' it returned {theirs:.3g}, where the relative difference over all parameters is {ours:.3g}{hint}")
            lines.append(f"{OK} {bug.title}: {theirs:.3g} (the bug is caught)")

    return report("gradient_check", run)


def _reference_check(parameters, X, Y, backward):
    A2, cache = _forward(X, *(parameters[k] for k in ("W1", "b1", "W2", "b2")), "tanh")
    grads = backward(parameters, cache, X, Y)
    numeric = numerical_gradients(parameters, X, Y)
    order = ("dW1", "db1", "dW2", "db2")
    return relative_difference(np.concatenate([np.ravel(grads[k]) for k in order]), np.concatenate([numeric[k].ravel() for k in order]))


def check_fixed_backward(fn):
    """The find-the-bugs exercise: only the numbers a gradient check gives, one line per gradient, no diagnosis.

    Each gradient of ``fn`` is compared with central differences on two test networks; a line shows its
    relative difference and ✓ below 1e-7 or ✗ above. Which line of the code is wrong is for the student to find.
    """

    def run(lines):
        for index, (n_x, n_h, n_y, m, seed) in enumerate(((3, 4, 1, 5, 0), (2, 5, 3, 7, 1))):
            parameters, X, Y = problem(n_x, n_h, n_y, m, seed=seed)
            _, cache = forward_propagation(X, parameters)
            label = f"test network {index + 1} of 2: " + network_label(n_x=n_x, n_h=n_h, n_y=n_y, m=m)
            lines.append(f"gradient check on {label}")
            grads = prefixed(label, lambda: call(fn, "fixed_backward_propagation", parameters, cache, X, Y,
                                                 allowed=("tanh_prime",)))
            if not isinstance(grads, dict):
                raise Stop(f"it should return a dict of dW1, db1, dW2, db2; got {type(grads).__name__}")
            numeric = numerical_gradients(parameters, X, Y)
            failed = []
            for key in ("dW2", "db2", "dW1", "db1"):
                if key not in grads:
                    raise Stop(f"the returned dict has no key {key!r}")
                prefixed(label, lambda: check_array(key, grads[key], numeric[key].shape, of=key[1:]))
                difference = relative_difference(grads[key], numeric[key])
                good = difference < 1e-7
                shown = "below 1e-7" if good else f"{difference:.1e}"  # below 1e-7 the digits are rounding noise
                lines.append(f"  {OK if good else BAD} {key}: relative difference {shown}")
                if not good:
                    failed.append(key)
            if failed:
                raise Stop(f"{', '.join(failed)} disagree with central differences (above 1e-7): find the line that computes them, "
                           "or a line they depend on")

    return report("fixed_backward_propagation", run)
