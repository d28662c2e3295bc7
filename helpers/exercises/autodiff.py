"""Exercises of notebook 09: the pieces of the autodiff engine (helpers.autodiff) written by the student: the backward
step of a matrix product and of a broadcast add, the topological order, and backward() itself. Each is checked on
graphs and shapes where the usual slips show: n = 1 and m = 1, a node used twice (b = a + a), a node in between used
twice, backward called twice."""
import numpy as np

from ..autodiff.engine import sum_to, topological_order_of
from .calling import call
from .compare import compare
from .outcomes import OK, Stop
from .report import report
from .results import check_array, kind, scalar

MATMUL_CASES = (((3, 4), (4, 5), 0), ((1, 3), (3, 1), 1), ((2, 1), (1, 6), 2))  # (A's shape, B's shape, seed)


def check_matmul_backward(fn):
    """Check ``matmul_backward(dZ, A, B) -> (dA, dB)`` for Z = A @ B."""

    def run(lines):
        for index, (a_shape, b_shape, seed) in enumerate(MATMUL_CASES):
            rng = np.random.default_rng(seed)
            A, B = rng.standard_normal(a_shape), rng.standard_normal(b_shape)
            dZ = rng.standard_normal((a_shape[0], b_shape[1]))
            label = f"[test {index + 1} of {len(MATMUL_CASES)}: A {a_shape}, B {b_shape}] "
            result = call(fn, "matmul_backward", dZ, A, B)
            if not (isinstance(result, tuple) and len(result) == 2):
                raise Stop(f"{label}return a pair (dA, dB); got {kind(result)}")
            shown = lines if index == 0 else []
            for name, value, of, right in (("dA", result[0], "A", dZ @ B.T), ("dB", result[1], "B", A.T @ dZ)):
                try:
                    check_array(name, value, right.shape, of=of, fn=fn)
                    m = dZ.shape[1]
                    compare(shown, name, value, right, fn=fn, causes=[
                        (right / m, "it is divided by m: a matrix product's backward step has no 1/m (the cost's "
                                    "node brings it)"),
                    ])
                except Stop as stop:
                    raise Stop(label + str(stop)) from None
        lines.append(f"{OK} the same for A {MATMUL_CASES[1][0]}, B {MATMUL_CASES[1][1]} (n = m = 1) and "
                     f"A {MATMUL_CASES[2][0]}, B {MATMUL_CASES[2][1]}")

    return report("matmul_backward", run)


SUM_CASES = (((3, 5), (3, 1), "b, a column added to every column of Z"), ((3, 5), (1, 5), "a row added to every row"),
             ((3, 5), (), "a number added to every entry"), ((3, 5), (3, 5), "an operand of the same shape"),
             ((2, 3, 4), (3, 4), "an operand with fewer axes"))


def check_sum_to(fn):
    """Check ``sum_to(grad, shape)``: the gradient of a broadcast operand, summed back to the operand's shape."""

    def run(lines):
        for index, (grad_shape, shape, what) in enumerate(SUM_CASES):
            grad = np.random.default_rng(index).standard_normal(grad_shape)
            label = f"[test {index + 1} of {len(SUM_CASES)}: grad {grad_shape} back to {shape}, {what}] "
            value = call(fn, "sum_to", grad, shape)
            try:
                if shape == ():  # a number: a float, a numpy scalar or a size-1 array (as the sealed grader sends it)
                    value = np.asarray(scalar("the result", value))
                check_array("the result", value, shape, fn=fn)
                right = sum_to(grad, shape)
                mean = right / (grad.size / max(right.size, 1))
                compare(lines if index == 0 else [], "the result", value, right, fn=fn, causes=[
                    (mean, "it averages: every copy of the operand's entry added to the output, so its gradient is "
                           "the sum of theirs (np.sum), not their mean"),
                ])
            except Stop as stop:
                raise Stop(label + str(stop)) from None
        lines.append(f"{OK} the same for a row, a number, an equal shape and fewer axes")

    return report("sum_to", run)


# three graphs as data, each (title, root, parents, local): parents[node] lists the nodes it was computed from (twice
# when used twice), local[node] the pairs (parent, ∂node/∂parent) at the graph's values
GRAPHS = (
    ("b = a + a, c = b · b at a = 3", "c", {"c": ["b", "b"], "b": ["a", "a"], "a": []},
     {"c": [("b", 6.0), ("b", 6.0)], "b": [("a", 1.0), ("a", 1.0)], "a": []}),
    ("a diamond: y = 2x, z = x + 3, w = y · z at x = 1", "w", {"w": ["y", "z"], "y": ["x"], "z": ["x"], "x": []},
     {"w": [("y", 4.0), ("z", 2.0)], "y": [("x", 2.0)], "z": [("x", 1.0)], "x": []}),
    ("r = p · q used twice: s = r · r + r at p = 2, q = 5", "s",
     {"s": ["t", "r"], "t": ["r", "r"], "r": ["p", "q"], "p": [], "q": []},
     {"s": [("t", 1.0), ("r", 1.0)], "t": [("r", 10.0), ("r", 10.0)], "r": [("p", 5.0), ("q", 2.0)], "p": [], "q": []}),
)


def _gradients(order, local, *, reverse=True, accumulate=True):
    """Reverse accumulation on numbers; ``reverse=False`` or ``accumulate=False``: the two usual slips, for verdicts."""
    grads = {node: 0.0 for node in order}
    grads[order[-1]] = 1.0
    for node in (reversed(order) if reverse else order):
        for parent, derivative in local[node]:
            grads[parent] = (grads[parent] if accumulate else 0.0) + grads[node] * derivative
    return grads


def check_topological_order(fn):
    """Check ``topological_order(root, parents) -> list``: every node root depends on, once each, each after its
    parents, root last. ``parents`` maps each node's name to the names it was computed from."""

    def run(lines):
        for index, (title, root, parents, _) in enumerate(GRAPHS):
            label = f"[test {index + 1} of {len(GRAPHS)}: {title}] "
            order = call(fn, "topological_order", root, {k: list(v) for k, v in parents.items()})
            if isinstance(order, tuple):
                order = list(order)
            if not isinstance(order, list):
                raise Stop(f"{label}return a list of the nodes' names; got {kind(order)}")
            for node in parents:
                count = order.count(node)
                if count == 0:
                    raise Stop(f"{label}{node} is missing: the list must hold every node the root depends on, the root "
                               "and the leaves included")
                if count > 1:
                    raise Stop(f"{label}{node} is in the list {count} times: a node reached along two paths (a + a) "
                               "goes in once; remember the nodes already visited")
            if len(order) != len(parents):
                raise Stop(f"{label}the list holds {len(order)} entries for {len(parents)} nodes: something that is not "
                           "a node of this graph is in it")
            for node, its_parents in parents.items():
                for parent in its_parents:
                    if order.index(parent) > order.index(node):
                        where = "reversed? " if order[0] == root else ""
                        raise Stop(f"{label}{where}{node} comes before {parent}, from which it was computed: a node goes "
                                   "in after all of its parents (the root last)")
            if index == 0:
                lines.append(f"{OK} {label.strip()} {order}: every node once, each after its parents")
        lines.append(f"{OK} the same for a diamond and for a node in between used twice")

    return report("topological_order", run)


def check_backward_pass(fn):
    """Check ``backward_pass(order, local) -> dict``: the root's gradient 1, then, in reverse order, each node's
    gradient times each local derivative added to that parent's (+=, once per use)."""

    def run(lines):
        for index, (title, root, parents, local) in enumerate(GRAPHS):
            label = f"[test {index + 1} of {len(GRAPHS)}: {title}] "
            order = topological_order_of(root, parents)
            right = _gradients(order, local)
            grads = call(fn, "backward_pass", list(order), {k: [tuple(p) for p in v] for k, v in local.items()})
            if not isinstance(grads, dict):
                raise Stop(f"{label}return a dict of gradients by the nodes' names; got {kind(grads)}")
            missing = [node for node in order if node not in grads]
            if missing:
                raise Stop(f"{label}the result has no gradient for {', '.join(missing)}: give every node one")
            value = {node: scalar(f"the gradient of {node}", grads[node]) for node in order}
            if value[root] != 1.0:
                raise Stop(f"{label}the root's gradient is {value[root]:g}: d{root}/d{root} is 1, set before any "
                           "backward step")
            overwritten, forward = _gradients(order, local, accumulate=False), _gradients(order, local, reverse=False)
            for node in order:
                if _close(value[node], right[node]):
                    continue
                if all(_close(value[n], overwritten[n]) for n in order):
                    raise Stop(f"{label}the gradient of {node} is {value[node]:g}: each use overwrote the one before "
                               "(=); a node used twice gets the sum of both contributions (+=)")
                if all(_close(value[n], forward[n]) for n in order):
                    raise Stop(f"{label}the gradient of {node} is {value[node]:g}: the steps ran in the forward order, "
                               "so a node passed on its gradient before it had received it; go through the order "
                               "reversed, the root first")
                raise Stop(f"{label}the gradient of {node} is {value[node]:g}: is each node's gradient, times each local "
                           "derivative, added to its parent once per use, from the root down?")
            if index == 0:
                lines.append(f"{OK} {label.strip()} the gradient of a is {value['a']:g}")
        lines.append(f"{OK} the same for a diamond and for a node in between used twice")

    return report("backward_pass", run)


def _close(value, right):
    """A gradient equal to ``right`` up to rounding (relative 1e-12, absolute near 0)."""
    return abs(value - right) <= 1e-12 * max(1.0, abs(right))
