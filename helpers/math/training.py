"""Training runs beyond `network.train`: with a history to plot (05), with any backward pass (04), remembered (03).

`train_with_history` records W1 at every step (symmetry, notebook 05); `train_with_backward` runs gradient descent
with a given backward pass as plain numpy would, for the bug gallery's curves (04), and `rounding_decides` tells a
chaotic run from a converging one; `TrainingCache` keeps the training playground's runs (03).
"""
import numpy as np

from . import checks
from .datasets import load_dataset
from .descent import descend
from .network import _cost, _forward, initialize_parameters, train


def train_with_history(X, Y, parameters, *, num_iterations=1000, learning_rate=1.2, activation="tanh"):
    """Gradient descent from ``parameters``, recording what the notebook plots.

    Returns (parameters, history) where history has "W1" (num_iterations + 1, n_h, n_x): W1 before each
    step and at the end, "costs" (num_iterations,), and "dW1" of the first step. The arguments are checked once, at
    the door; the loop then runs the bare equations, as `train` does.
    """
    W1, b1, W2, b2 = (p.copy() for p in checks.parameters(parameters))  # ours to update in place
    X = checks.inputs(X, W1)
    checks.activation(activation)
    Y = checks.labels(Y, X.shape[1], W2.shape[0], X.dtype)
    alpha = checks.learning_rate(learning_rate)
    costs, W1s = np.empty(num_iterations), np.empty((num_iterations + 1, *W1.shape), W1.dtype)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # as in `train`
        first_dW1 = descend(X, Y, W1, b1, W2, b2, alpha, activation, costs, W1s)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, {"W1": W1s, "costs": costs, "dW1": first_dW1}


# a run whose cost passed this many times its starting cost has diverged: it is stopped there, because what it does
# afterwards (it oscillates far above the panel) is decided by rounding and differs between computers
DIVERGED = 10


def train_with_backward(X, Y, backward, *, n_h=4, num_iterations=1500, learning_rate=1.2, activation="tanh"):
    """Gradient descent with a given backward pass, as plain numpy would run it (no checks at the door).

    Returns (costs, what_happened): the cost before each step until the run ended, and "" when it ran to the
    end, or a sentence saying how it stopped: a crash of numpy, a cost that stopped being finite, or a cost that
    passed ``DIVERGED`` times its start (the run has diverged; it is stopped at the step that shows it).
    """
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=0)
    shapes = {k: v.shape for k, v in parameters.items()}
    costs = []
    with np.errstate(all="ignore"):
        for step in range(num_iterations):
            try:
                A2, cache = _forward(X, *(parameters[k] for k in ("W1", "b1", "W2", "b2")), activation)
                cost = _cost(A2, Y)
                if not np.isfinite(cost):
                    return np.array(costs), f"the cost stopped being finite at step {step}"
                costs.append(cost)
                if cost > DIVERGED * costs[0]:
                    return np.array(costs), f"diverged: at step {step} the cost passed {DIVERGED} times its start"
                grads = backward(parameters, cache, X, Y)
                parameters = {k: parameters[k] - learning_rate * grads["d" + k] for k in parameters}
            except ValueError as error:
                changed = [f"{k} became {v.shape}" for k, v in parameters.items() if v.shape != shapes[k]]
                what = "; ".join(changed) if changed else ("a matrix product's shapes do not fit" if "matmul" in str(error)
                                                          else str(error).split(" (")[0][:60])
                return np.array(costs), f"crashed at step {step}: {what}"
    return np.array(costs), ""


def rounding_decides(X, Y, backward, costs, *, tolerance=1e-6, **training):
    """Whether rounding decides where the run that gave ``costs`` goes: the same run on the examples in reverse order
    (the same gradients in exact arithmetic, summed in another order) parts from it by more than ``tolerance``.

    A converging run forgets such differences; a chaotic one (a wrong gradient that makes training oscillate) grows
    them until the two paths have nothing in common, as the runs of two computers whose BLAS sums in another order.
    """
    twin, _ = train_with_backward(X[:, ::-1], Y[:, ::-1], backward, num_iterations=len(costs), **training)
    return len(twin) != len(costs) or bool(np.any(np.abs(twin - costs) > tolerance * np.maximum(1, np.abs(costs))))


ITERATION_STOPS = (100, 300, 1000, 2000, 3000)


class TrainingCache:
    """Trained networks by (data set, n_h, activation, learning rate), at each stop of the iterations slider.

    Gradient descent from the same start is deterministic, so training to 2000 steps is training to 1000
    and going on for 1000 more: each stop is trained once, from the stop before it, and kept. The playground trains
    in float32, as frameworks do by default: twice as fast as float64 at these sizes, and the same picture.
    """

    def __init__(self):
        self._runs = {}
        self._data = {}

    def get(self, dataset, n_h, activation, learning_rate, num_iterations):
        if dataset not in self._data:
            self._data[dataset] = tuple(a.astype(np.float32) for a in load_dataset(dataset))
        X, Y = self._data[dataset]
        stops = self._runs.setdefault((dataset, n_h, activation, learning_rate), {0: (None, np.empty(0))})
        done = max(k for k in stops if k <= num_iterations)
        parameters, costs = stops[done]
        for stop in [s for s in ITERATION_STOPS if done < s <= num_iterations] + ([] if num_iterations in ITERATION_STOPS else [num_iterations]):
            parameters, more = train(X, Y, n_h, num_iterations=stop - done, learning_rate=learning_rate, activation=activation,
                                     initial_parameters=parameters)
            costs = np.concatenate([costs, more])
            stops[stop] = (parameters, costs)
            done = stop
        return X, Y, parameters, costs
