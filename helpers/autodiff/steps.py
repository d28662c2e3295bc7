"""Notebook 03's network through the engine, one backward step at a time: what the stepper of notebook 09 shows.

The network is built from nodes with the fused cost (`Node.logistic_cost`), so that its graph has one node for each
box of the course's drawing: X, W1, b1 → W1X → Z1 → A1; W2, b2 → W2A1 → Z2 → J. `backward()` runs six steps on it
(the leaves and X have none); after each, the gradients the nodes hold so far are kept, beside notebook 03's
equations for them.
"""
from dataclasses import dataclass

import numpy as np

from ..math.activations import tanh_prime
from ..math.network import backward_propagation, forward_propagation, hidden_error, output_error
from .engine import Node

# the graph's nodes in the order of the forward pass, and each one's parents (by key)
PARENTS = {"X": (), "W1": (), "b1": (), "W1X": ("W1", "X"), "Z1": ("W1X", "b1"), "A1": ("Z1",), "W2": (), "b2": (),
           "W2A1": ("W2", "A1"), "Z2": ("W2A1", "b2"), "J": ("Z2",)}


@dataclass(frozen=True)
class BackwardStep:
    """The graph after one step of `backward()`: ``node`` (None for the start, where only J's gradient, 1, is set)
    sent its gradient to ``parents``; ``grads`` holds a copy of every gradient set so far, by key, in the order they
    were set."""
    node: object
    parents: tuple
    grads: dict


def two_layer_backward_steps(X, Y, parameters):
    """Run notebook 03's network's backward pass through the engine one node at a time.

    Returns (steps, values, hand): a `BackwardStep` for the start and for each of the six steps; every node's value
    by key; and notebook 03's equations for each gradient (`helpers.backward_propagation`, its dZ over m for the nodes
    in between, since the cost's 1/m comes first), by key.
    """
    nodes = {"X": Node(X, name="X", constant=True)}
    for key in ("W1", "b1", "W2", "b2"):
        nodes[key] = Node(parameters[key], name=key)
    nodes["W1X"] = nodes["W1"] @ nodes["X"]
    nodes["Z1"] = nodes["W1X"] + nodes["b1"]
    nodes["A1"] = nodes["Z1"].tanh()
    nodes["W2A1"] = nodes["W2"] @ nodes["A1"]
    nodes["Z2"] = nodes["W2A1"] + nodes["b2"]
    nodes["J"] = nodes["Z2"].logistic_cost(Y)
    key_of = {id(node): key for key, node in nodes.items()}
    reached = ["J"]  # the nodes with a gradient, in the order they got it

    def kept():
        return {key: np.array(nodes[key].grad) for key in reached}

    order = nodes["J"].start_backward()
    steps = [BackwardStep(None, (), kept())]
    for node in reversed(order):
        if node.parents:  # a leaf, or the constant X, has no step
            node.backward_step()
            key = key_of[id(node)]
            reached += [parent for parent in PARENTS[key] if parent != "X"]  # X, a constant, gets no gradient
            steps.append(BackwardStep(key, PARENTS[key], kept()))
    return steps, {key: node.value for key, node in nodes.items()}, _by_hand(X, Y, parameters)


def _by_hand(X, Y, parameters):
    """Notebook 03's gradients, named by the keys of the engine's nodes."""
    m = X.shape[1]
    A2, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    dZ2 = output_error(A2, Y)
    dA1 = parameters["W2"].T @ dZ2
    dZ1 = hidden_error(parameters["W2"], dZ2, tanh_prime(cache["Z1"]))
    return {"J": np.ones(()), "Z2": dZ2 / m, "W2A1": dZ2 / m, "b2": grads["db2"], "W2": grads["dW2"],
            "A1": dA1 / m, "Z1": dZ1 / m, "W1X": dZ1 / m, "b1": grads["db1"], "W1": grads["dW1"]}
