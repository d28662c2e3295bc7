"""Exercises of notebook 09: the pieces of the autodiff engine (helpers.autodiff) written by the student: the backward
step of a matrix product and of a broadcast add, the topological order, and backward() itself. Each is checked on
graphs and shapes where the usual slips show: n = 1 and m = 1, a node used twice (b = a + a), a node in between used
twice, backward called twice."""
import numpy as np

from ..autodiff.engine import Node, sum_to, topological_order
from .calling import call
from .compare import compare
from .outcomes import OK, Stop
from .report import report
from .results import check_array, kind

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
                value = np.asarray(value) if isinstance(value, (float, np.floating)) and shape == () else value
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


def _graphs():
    """Three small graphs, each (title, root): fan-out at a leaf, a diamond, and a node in between used twice."""
    a = Node(3.0, name="a")
    b = a + a
    c = b * b
    x = Node([[1.0, 2.0]], name="x")
    y, z = x * 2.0, x + 3.0
    w = (y * z).sum()
    p, q = Node(2.0, name="p"), Node(5.0, name="q")
    r = p * q
    s = r * r + r
    return (("b = a + a, c = b * b", c), ("a diamond: y = 2x, z = x + 3, w = Σ y·z", w),
            ("r = p·q used twice: s = r·r + r", s))


def _label(node, order):
    return node.name or f"node {order.index(node) + 1} ({node.op})"


def check_topological_order(fn):
    """Check ``topological_order(root) -> list``: every node root depends on, once each, each after its parents."""

    def run(lines):
        for index, (title, root) in enumerate(_graphs()):
            right = topological_order(root)
            label = f"[test {index + 1} of 3: {title}] "
            order = call(fn, "topological_order", root, copy_args=False)
            if not isinstance(order, (list, tuple)):
                raise Stop(f"{label}return a list of nodes; got {kind(order)}")
            ids = [id(node) for node in order]
            for node in right:
                count = ids.count(id(node))
                if count == 0:
                    raise Stop(f"{label}{_label(node, right)} is missing: the list must hold every node the root "
                               "depends on, the root and the leaves included")
                if count > 1:
                    raise Stop(f"{label}{_label(node, right)} is in the list {count} times: a node reached along two "
                               "paths (a + a) goes in once; remember the nodes already visited")
            if len(order) != len(right):
                raise Stop(f"{label}the list holds {len(order)} entries for {len(right)} nodes: something that is not "
                           "a node of this graph is in it")
            place = {id(node): i for i, node in enumerate(order)}
            for node in right:
                for parent in node.parents:
                    if place[id(parent)] > place[id(node)]:
                        where = "reversed? " if place[id(root)] == 0 else ""
                        raise Stop(f"{label}{where}{_label(node, right)} comes before {_label(parent, right)}, from "
                                   "which it was computed: a node goes in after all of its parents (the root last)")
            if index == 0:
                lines.append(f"{OK} {label.strip()} every node once, each after its parents")
        lines.append(f"{OK} the same for a diamond and for a node in between used twice")

    return report("topological_order", run)


class _Delegated(Exception):
    pass


def _engines_own(*args, **kwargs):
    raise _Delegated()


def _call_backward(fn, root, label):
    """The student's backward(root), with the engine's own Node.backward refused (it is what the exercise writes)."""
    engine = Node.backward
    Node.backward = _engines_own
    try:
        call(fn, "backward_pass", root, copy_args=False, allowed=("topological_order",))
    except Stop as stop:
        if "_Delegated" in str(stop):
            raise Stop(f"{label}it calls root.backward(), the engine's own, which computes what this exercise asks "
                       "you to write: use node.backward_step() in the order you choose") from None
        raise
    finally:
        Node.backward = engine


def _leaves(root):
    return [node for node in topological_order(root) if not node.parents and not node.constant]


def check_backward_pass(fn):
    """Check ``backward_pass(root)``: root.grad ones, each node's backward step in reverse topological order, the gradients
    of the nodes in between fresh on each call, the leaves' adding up (as Node.backward does)."""

    def run(lines):
        for index, ((title, root), (_, twin)) in enumerate(zip(_graphs(), _graphs())):
            label = f"[test {index + 1} of 3: {title}] "
            twin.backward()
            _call_backward(fn, root, label)
            if root.grad is None or np.shape(root.grad) != root.shape or not np.all(np.asarray(root.grad) == 1):
                raise Stop(f"{label}the root's gradient is {root.grad!r}: d(root)/d(root) is 1, an array of ones of the "
                           "root's shape, set before any backward step runs")
            for leaf, right in zip(_leaves(root), _leaves(twin)):
                if np.allclose(leaf.grad, 0) and not np.allclose(right.grad, 0):
                    raise Stop(f"{label}{leaf.name}.grad is 0: the backward steps ran in the forward order (or did not "
                               "run), so each node passed on its gradient before receiving it; run them in reverse "
                               "topological order")
                if not np.allclose(leaf.grad, right.grad, rtol=1e-12, atol=1e-12):
                    raise Stop(f"{label}{leaf.name}.grad is {leaf.grad}, not {right.grad}: is every node's backward "
                               "step run once, after all the nodes that used it?")
            _call_backward(fn, root, label)
            twin.backward()
            for leaf, right in zip(_leaves(root), _leaves(twin)):
                if np.allclose(leaf.grad, right.grad / 2) and not np.allclose(right.grad, 0):
                    raise Stop(f"{label}after a second call {leaf.name}.grad is what one call gives: a leaf's gradient "
                               "adds up over calls, as in PyTorch (a training loop zeroes it between steps); reset only "
                               "the nodes in between")
                if not np.allclose(leaf.grad, right.grad, rtol=1e-12, atol=1e-12):
                    raise Stop(f"{label}after a second call {leaf.name}.grad is {leaf.grad}, not {right.grad}: the "
                               "nodes in between still held the first call's gradients; set theirs to zeros first")
            if index == 0:
                lines.append(f"{OK} {label.strip()} a.grad = {float(_leaves(root)[0].grad):g} after two calls")
        lines.append(f"{OK} the same for a diamond and for a node in between used twice")

    return report("backward_pass", run)
