"""Exercises of notebook 07: a stable softmax, its backward step through the Jacobian, and the cross-entropy of a softmax
output. Each is checked on columns of logits whose sizes differ (n classes, m examples), large logits included."""
import numpy as np

from ..math.deep import one_hot, softmax
from ..math.gradcheck import numerical_gradient
from .calling import call
from .cases import prefixed
from .compare import compare
from .outcomes import OK, Stop
from .report import report
from .results import check_array, scalar

# (n classes, m examples, scale of the logits, seed): the sizes differ, so a sum over the wrong axis shows in the shape
CASES = ((4, 3, 2.0, 0), (3, 5, 1.0, 1))


def _logits(n, m, scale, seed):
    return np.random.default_rng(seed).standard_normal((n, m)) * scale


def _cases(lines, title, check):
    """Run ``check(shown_lines, n, m, scale, seed)`` on each case, naming it in a failure's verdict."""
    for index, case in enumerate(CASES):
        label = f"test {index + 1} of {len(CASES)}: n = {case[0]} classes, m = {case[1]}"
        if index == 0:
            lines.append(f"{title} on {label}")
        prefixed(label, lambda: check(lines if index == 0 else [], *case))


def check_softmax(fn):
    """Check ``softmax(Z) -> A``: each column e^(Z) / Σ e^(Z) over its own entries, and stable for logits of ±1000."""

    def case(shown, n, m, scale, seed):
        Z = _logits(n, m, scale, seed)
        A = call(fn, "softmax", Z)
        check_array("A", A, Z.shape, fn=fn)
        E = np.exp(Z)
        compare(shown, "A", A, softmax(Z), fn=fn, causes=[
            (E / E.sum(axis=1, keepdims=True), "each row sums to 1: softmax normalises each column (one example's "
                                               "n scores), so sum over axis=0"),
            (E / E.sum(), "it divides by the sum over every entry: each column (example) has its own sum"),
            (E, "the exponentials are not divided by their sum"),
            (np.exp(Z - Z.max(axis=1, keepdims=True)) / np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=0),
             "the shift subtracts each row's maximum: subtract each column's own maximum, so the column's ratios "
             "do not change"),
        ])

    def run(lines):
        _cases(lines, "Checking softmax", case)
        lines.append(f"{OK} every column sums to 1, on {len(CASES)} sizes")
        big = np.array([[1000.0, -1000.0], [999.0, -1000.0], [0.0, -998.0]])
        overflows = ("with logits of ±1000 (test 3): e^1000 overflows. Subtract each column's largest entry before the "
                     "exponential (it cancels in the ratio)")
        try:
            A = call(fn, "softmax", big)
        except Stop as stop:
            raise Stop(overflows) if "overflow" in str(stop) or "invalid value" in str(stop) else stop
        check_array("A", A, big.shape, fn=fn)
        if not np.all(np.isfinite(np.asarray(A, dtype=float))):
            raise Stop(overflows)
        compare([], "A for logits of ±1000", A, softmax(big), fn=fn)
        lines.append(f"{OK} stable: logits of ±1000 give finite probabilities")

    return report("softmax", run)


def check_softmax_backward(fn):
    """Check ``softmax_backward(dA, A) -> dZ``: dA sent back through the softmax's Jacobian, column by column,
    dZ_j = Σ_k (∂a_k/∂z_j) dA_k."""

    def case(shown, n, m, scale, seed):
        A = softmax(_logits(n, m, scale, seed))
        dA = np.random.default_rng(10 + seed).standard_normal((n, m))
        dZ = call(fn, "softmax_backward", dA, A)
        check_array("dZ", dZ, A.shape, fn=fn)
        right = A * (dA - np.sum(A * dA, axis=0, keepdims=True))
        Z = np.log(A)
        numeric = np.column_stack([  # the same vector-Jacobian product by central differences, one column at a time
            numerical_gradient(lambda z, j=j: float(softmax(z.reshape(-1, 1))[:, 0] @ dA[:, j]), Z[:, j], 1e-6)
            for j in range(m)])
        compare(shown, "dZ", dZ, right, numeric=numeric, fn=fn, causes=[
            (dA * A * (1 - A), "it keeps only the Jacobian's diagonal, as for n separate sigmoids: every a_k shares the "
                               "denominator Σ e^(z_i), so z_j moves every a_k, not only a_j"),
            (A * (dA - np.sum(A * dA, axis=1, keepdims=True)), "the sum Σ_k a_k dA_k runs over a row: it belongs to one "
                                                                "example, a column (axis=0)"),
            (A * dA - np.sum(A * dA, axis=0, keepdims=True), "the term with the sum lacks its factor a_j"),
        ])

    def run(lines):
        _cases(lines, "Checking dZ through the softmax's Jacobian", case)
        lines.append(f"{OK} the same for {CASES[1][0]} classes and m = {CASES[1][1]}")

    return report("softmax_backward", run)


def check_softmax_cost(fn):
    """Check ``softmax_cost(A, Y) -> float``: J = −(1/m) Σ over all entries of Y log A (Y one-hot, A a softmax)."""

    def case(shown, n, m, scale, seed):
        A, Y = softmax(_logits(n, m, scale, seed)), one_hot(np.random.default_rng(50 + seed).integers(0, n, (1, m)), n)
        cost = scalar("the cost", call(fn, "softmax_cost", A, Y))
        right = -float(np.sum(Y * np.log(A))) / m
        compare(shown, "cost", cost, right, fn=fn, m=m, causes=[
            (right - float(np.sum((1 - Y) * np.log(1 - A))) / m, "it adds (1 − Y) log(1 − A), the sigmoid's term for "
             "y = 0: with softmax the classes compete in one distribution, and only the true class's log counts"),
            (right / n, "it is divided by m·n (np.mean over every entry): J averages over the m examples only"),
            (-right, "its sign is flipped: log A ≤ 0, and the cost adds up −log's, so it is ≥ 0"),
        ])

    def run(lines):
        _cases(lines, "Checking the cross-entropy of a softmax", case)
        lines.append(f"{OK} the same with {CASES[1][0]} classes and m = {CASES[1][1]}")

    return report("softmax_cost", run)
