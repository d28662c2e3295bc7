"""A reverse-mode automatic differentiation engine on numpy arrays, in the lecture's notation (notebook 09).

Each `Node` holds a value (an array) and, after `backward()`, the gradient of the last node with respect to it, of
the same shape ("dfoo has the shape of foo"). Every operation makes a new node that remembers its parents and how to
send a gradient back to them: the chain rule, one local derivative at a time. `backward()` visits the graph in
reverse topological order, so that a node has collected the gradient from every node that used it (with +=) before
it passes its own on.

    W1, b1, W2, b2 = (Node(p) for p in (W1, b1, W2, b2))
    A2 = (W2 @ (W1 @ X + b1).tanh() + b2).sigmoid()
    J = -(Y * A2.log() + (1 - Y) * (1 - A2).log()).sum() / m
    J.backward()          # W1.grad is notebook 03's dW1

Like PyTorch, the gradients of the nodes you made (the leaves: the parameters) add up over calls of `backward()`;
zero them between steps (`zero_grad`). Those of the nodes in between are computed afresh on each call.
"""
import numpy as np

from ..math.activations import sigmoid


def sum_to(grad, shape):
    """Sum ``grad`` back to ``shape``: the backward step of broadcasting (b (n, 1) added to every column of Z (n, m)
    gets the sum over the columns, np.sum(dZ, axis=1, keepdims=True))."""
    if grad.shape == shape:
        return grad
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and grad.shape[axis] != 1:
            grad = grad.sum(axis=axis, keepdims=True)
    return grad


class Node:
    """A value and its gradient; ``+ - * /`` and ``@`` with a Node, an array or a number on either side."""

    __array_ufunc__ = None  # numpy on the left (``Y * A``, ``X.T @ W``) hands the operation to the Node
    __slots__ = ("value", "grad", "parents", "op", "name", "constant", "_backward")

    def __init__(self, value, name="", constant=False):
        self.value = np.array(value, dtype=np.float64)  # a copy: the node owns its value
        self.grad = np.zeros(self.value.shape)
        self.parents, self.op, self.name = (), "const" if constant else "", name
        self.constant = constant  # an array or a number an operation met: it needs no gradient
        self._backward = None  # backward(g) sends a gradient g to the parents (the operation that made the node sets it)

    def __repr__(self):
        label = f"{self.name} = " if self.name else ""
        return f"Node({label}{self.op or 'leaf'}, shape {self.value.shape})"

    @property
    def shape(self):
        return self.value.shape

    def _make(self, value, parents, op, backward):
        """The node an operation makes: its value, its parents, and ``backward(g)``, which sends its gradient g back."""
        out = Node.__new__(Node)  # the value is new already: no copy (and its gradient is made by `backward()`)
        out.value, out.grad, out.parents, out.op, out.name, out.constant = value, None, parents, op, "", False
        out._backward = backward
        return out

    def backward_step(self):
        """Send this node's gradient to its parents: the chain rule's one step (nothing to do for a leaf)."""
        if self._backward is not None:
            self._backward(self.grad)

    def _add_grad(self, g):
        """Add ``g`` to this node's gradient, summed back to its shape where it was broadcast (a constant needs none).

        A leaf adds into its own array. A node in between starts each `backward()` with None: its first gradient is
        kept as it comes (no array of zeros to add it to), and a second one adds up into a new array, because the first
        may be another node's too (``a + b`` hands the same g to both)."""
        if self.constant:
            return
        g = sum_to(g, self.value.shape)
        if not self.parents:
            self.grad += g
        elif self.grad is None:
            self.grad = g
        else:
            self.grad = self.grad + g

    def _binary(self, other, op, forward, grads):
        a, b = self, _node(other)
        try:
            value = forward(a.value, b.value)
        except ValueError:
            raise ValueError(f"{op}: shapes {a.shape} and {b.shape} do not broadcast (a column (n, 1) goes with (n, m), "
                             f"a number with anything)") from None

        da, db = grads

        def backward(g):  # each side's local derivative, computed only for a side that needs a gradient
            if not a.constant:
                a._add_grad(da(g, a.value, b.value))
            if not b.constant:
                b._add_grad(db(g, a.value, b.value))
        return self._make(value, (a, b), op, backward)

    def __add__(self, other):
        return self._binary(other, "+", np.add, _ADD)

    def __sub__(self, other):
        return self._binary(other, "-", np.subtract, _SUBTRACT)

    def __mul__(self, other):
        return self._binary(other, "*", np.multiply, _MULTIPLY)

    def __truediv__(self, other):
        return self._binary(other, "/", np.divide, _DIVIDE)

    def __radd__(self, other):
        return _node(other) + self

    def __rsub__(self, other):
        return _node(other) - self

    def __rmul__(self, other):
        return _node(other) * self

    def __rtruediv__(self, other):
        return _node(other) / self

    def __neg__(self):
        return self * -1.0

    def __matmul__(self, other):
        a, b = self, _node(other)
        if a.value.ndim != 2 or b.value.ndim != 2 or a.shape[1] != b.shape[0]:
            raise ValueError(f"@: the left matrix is {a.shape}, so the right one must have {a.shape[-1]} rows; "
                             f"got {b.shape} (both must be 2-D)")

        def backward(g):  # Z = A B: dA = dZ Bᵀ, dB = Aᵀ dZ, each with the shape of its operand
            if not a.constant:
                a._add_grad(g @ b.value.T)
            if not b.constant:
                b._add_grad(a.value.T @ g)
        return self._make(a.value @ b.value, (a, b), "@", backward)

    def __rmatmul__(self, other):
        return _node(other) @ self

    @property
    def T(self):
        return self._make(self.value.T, (self,), "T", lambda g: self._add_grad(g.T))

    def sum(self, axis=None, keepdims=False):
        def backward(g):  # every entry that was added up gets the sum's gradient
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            spread = np.empty(self.shape)
            spread[...] = g  # g copied along the summed axes (np.broadcast_to would be a view, and slower here)
            self._add_grad(spread)
        return self._make(self.value.sum(axis=axis, keepdims=keepdims), (self,), "sum", backward)

    def _unary(self, op, value, local):
        """An element-wise function: its gradient is the incoming one times the local derivative ``local(value)``."""
        return self._make(value, (self,), op, lambda g: self._add_grad(g * local(value)))

    def tanh(self):
        return self._unary("tanh", np.tanh(self.value), lambda a: 1 - a ** 2)

    def sigmoid(self):
        return self._unary("sigmoid", sigmoid(self.value), lambda a: a * (1 - a))

    def relu(self):
        return self._unary("relu", np.maximum(self.value, 0), lambda a: (self.value > 0).astype(np.float64))

    def exp(self):
        return self._unary("exp", np.exp(self.value), lambda a: a)

    def log(self):
        x = self.value
        if x.min() <= 0:
            raise ValueError(f"log of {int(np.sum(x <= 0))} entries ≤ 0 (the smallest {x.min():g}): log is defined for "
                             "positive numbers only (a probability that reached 0 or 1 exactly?)")
        return self._make(np.log(x), (self,), "log", lambda g: self._add_grad(g / x))  # g times log′(x) = 1/x

    def logistic_cost(self, Y):
        """The lecture's cost of a sigmoid output, as one node made from the output's Z (n_y, m):
        J = (1/m) Σ L(σ(z), y), with L(a, y) = −(y log a + (1 − y) log(1 − a)).

        Its backward step is the lecture's dz = a − y (over m): σ and the cost fused into one node, as frameworks do
        (PyTorch's BCEWithLogitsLoss). One node instead of nine, and no log of 0 where σ rounds to 0 or 1: J is computed
        as max(z, 0) − z y + log(1 + e^(−|z|)), which is L(σ(z), y) for y in [0, 1] and finite for every z."""
        Z, Y = self.value, np.asarray(Y, dtype=np.float64)
        if Z.ndim != 2 or Y.shape != Z.shape:
            raise ValueError(f"logistic_cost: Z is {Z.shape}, so Y must be {Z.shape} too, a label per output and "
                             f"example (Z must be 2-D, (n_y, m)); got {Y.shape}")
        m = Z.shape[1]
        e = np.exp(-np.abs(Z))  # in (0, 1]: never overflows
        A = np.where(Z >= 0, 1.0, e) / (1 + e)  # σ(Z), as helpers.sigmoid computes it
        J = (np.maximum(Z, 0) - Z * Y + np.log1p(e)).sum() / m
        return self._make(np.asarray(J), (self,), "logistic_cost", lambda g: self._add_grad(g * (A - Y) / m))

    def zero_grad(self):
        """Set this node's gradient to 0 (a parameter's, between two steps of gradient descent)."""
        self.grad[...] = 0.0

    def backward(self):
        """Fill ``grad`` of every node this one depends on: d(self)/d(node), self's own gradient starting at 1."""
        for node in reversed(self.start_backward()):
            node.backward_step()

    def start_backward(self):
        """What `backward()` does before its steps: returns every node this one depends on in topological order, the
        nodes in between with no gradient yet and this one's set to 1. (`helpers.backward_stepper` then runs the steps
        one at a time, in reverse.)"""
        order = topological_order(self)
        for node in order:
            if node.parents:  # in between: this call's gradient only; the leaves keep adding up
                node.grad = None
        self.grad = np.ones(self.value.shape)
        return order


def topological_order(root):
    """Every node ``root`` was computed from, and root itself, each once, each after all of its parents (root last)."""
    return _depth_first(root, lambda node: node.parents)


def topological_order_of(root, parents):
    """The same order for a graph given by names: ``parents[name]`` lists the names a node was computed from."""
    return _depth_first(root, parents.__getitem__)


def _depth_first(root, parents_of):
    """Depth first from root, without recursion (a graph may be deeper than Python's recursion limit): step into the
    first parent not seen yet; once a node has none left, everything it was computed from is in the order, so it goes
    in."""
    order, seen = [], {root}
    path = [(root, iter(parents_of(root)))]  # the nodes being visited, each with the parents it has still to look at
    while path:
        node, parents = path[-1]
        for parent in parents:
            if parent not in seen:
                seen.add(parent)
                path.append((parent, iter(parents_of(parent))))
                break
        else:
            path.pop()
            order.append(node)
    return order


def _node(x):
    """``x`` itself if a Node, else a constant: an array or a number the operation reads, with no gradient."""
    if isinstance(x, Node):
        return x
    out = Node.__new__(Node)
    out.value, out.grad, out.parents, out.op, out.name, out.constant = np.asarray(x, np.float64), None, (), "const", "", True
    out._backward = None
    return out


# the local derivatives of z = a ∘ b, one function for each side: dz/da and dz/db times the incoming gradient g
_ADD = (lambda g, a, b: g, lambda g, a, b: g)
_SUBTRACT = (lambda g, a, b: g, lambda g, a, b: -g)
_MULTIPLY = (lambda g, a, b: g * b, lambda g, a, b: g * a)
_DIVIDE = (lambda g, a, b: g / b, lambda g, a, b: -g * a / b ** 2)
