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

    def __init__(self, value, name="", constant=False):
        self.value = np.array(value, dtype=np.float64)  # a copy: the node owns its value
        self.grad = np.zeros(self.value.shape)
        self.parents, self.op, self.name = (), "const" if constant else "", name
        self.constant = constant  # an array or a number an operation met: it needs no gradient
        self.backward_step = lambda: None  # sends self.grad to the parents (the operation that made the node sets it)

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
        out.backward_step = lambda: backward(out.grad)
        return out

    def _add_grad(self, g):
        """Add ``g`` to this node's gradient, summed back to its shape where it was broadcast (a constant needs none)."""
        if not self.constant:
            self.grad += sum_to(g, self.value.shape)

    def _binary(self, other, op, forward, grads):
        a, b = self, _node(other)
        try:
            value = forward(a.value, b.value)
        except ValueError:
            raise ValueError(f"{op}: shapes {a.shape} and {b.shape} do not broadcast (a column (n, 1) goes with (n, m), "
                             f"a number with anything)") from None

        def backward(g):
            da, db = grads(g, a.value, b.value)
            a._add_grad(da)
            b._add_grad(db)
        return self._make(value, (a, b), op, backward)

    def __add__(self, other):
        return self._binary(other, "+", np.add, lambda g, a, b: (g, g))

    def __sub__(self, other):
        return self._binary(other, "-", np.subtract, lambda g, a, b: (g, -g))

    def __mul__(self, other):
        return self._binary(other, "*", np.multiply, lambda g, a, b: (g * b, g * a))

    def __truediv__(self, other):
        return self._binary(other, "/", np.divide, lambda g, a, b: (g / b, -g * a / b ** 2))

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
                a.grad += g @ b.value.T
            if not b.constant:
                b.grad += a.value.T @ g
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
            self._add_grad(np.broadcast_to(g, self.shape))
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
        return self._unary("log", np.log(x), lambda a: 1 / x)

    def zero_grad(self):
        """Set this node's gradient to 0 (a parameter's, between two steps of gradient descent)."""
        self.grad[...] = 0.0

    def backward(self):
        """Fill ``grad`` of every node this one depends on: d(self)/d(node), self's own gradient starting at 1."""
        order = topological_order(self)
        for node in order:
            if node.parents:  # in between: this call's gradient only; the leaves keep adding up
                node.grad = np.zeros(node.value.shape)
        self.grad = np.ones(self.value.shape)
        for node in reversed(order):
            node.backward_step()


def topological_order(root):
    """Every node ``root`` was computed from, and root itself, each once, each after all of its parents (root last)."""
    order, seen = [], set()
    stack = [(root, False)]
    while stack:  # depth first; a node goes into the order once everything it was computed from is in
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((parent, False) for parent in node.parents)
    return order


def topological_order_of(root, parents):
    """The same order for a graph given by names: ``parents[name]`` lists the names a node was computed from."""
    order, seen = [], set()
    stack = [(root, False)]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)
        elif node not in seen:
            seen.add(node)
            stack.append((node, True))
            stack.extend((parent, False) for parent in parents[node])
    return order


def _node(x):
    return x if isinstance(x, Node) else Node(x, constant=True)
