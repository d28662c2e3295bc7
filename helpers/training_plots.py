"""Plots of data sets, decision boundaries and cost curves (view), and the training playground (interaction)."""
import textwrap

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from .datasets import DATASETS, load_dataset
from .explorer import Explorer
from .network import _cost, _forward, accuracy, initialize_parameters, predict, train
from .style import (BLUE, CLASS_COLORS, CLASS_MARKERS, FIGSIZE, GREY, SLIDE_WIDE, VERMILLION, WIDE, describe, figure_size,
                    for_slides, pt, wanders)

REGIONS = ListedColormap(["#CFE3F1", "#FBE7C2"])  # light tints of the two class colours


def _axes(ax, figsize=FIGSIZE):
    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=figsize)
    return fig, ax


def plot_dataset(X, Y, *, title="The data set", ax=None):
    """Scatter the examples (columns of X, 2 features) with one colour and marker per class of Y."""
    fig, ax = _axes(ax, (5, 4.2))
    labels = np.asarray(Y).ravel() > 0.5
    for label in (0, 1):
        points = X[:, labels == label]
        ax.scatter(points[0], points[1], s=14, c=CLASS_COLORS[label], marker=CLASS_MARKERS[label],
                   edgecolors="black", linewidths=0.3, label=f"y = {label}")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title)
    ax.legend(loc="upper right", frameon=True, framealpha=0.85)
    return describe(fig, "A scatter plot of the examples in the plane of their two features x1 and x2, "
                         "blue circles for y = 0 and orange triangles for y = 1")


def plot_decision_boundary(predict_fn, X, Y, *, title="Decision boundary", ax=None, resolution=200):
    """Shade where ``predict_fn`` says 0 or 1 over a grid around the data, the examples on top.

    ``predict_fn(points)`` takes a (2, k) array of points (columns) and returns k labels 0/1, e.g.
    ``lambda P: helpers.predict(parameters, P)``. The title gets the training accuracy.
    """
    fig, ax = _axes(ax, (5, 4.2))
    pad = 0.5
    x_min, x_max = X[0].min() - pad, X[0].max() + pad
    y_min, y_max = X[1].min() - pad, X[1].max() + pad
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.stack([xx.ravel(), yy.ravel()]).astype(X.dtype)
    regions = np.asarray(predict_fn(grid)).reshape(xx.shape)
    ax.contourf(xx, yy, regions, levels=[-0.5, 0.5, 1.5], cmap=REGIONS)
    ax.contour(xx, yy, regions, levels=[0.5], colors="black", linewidths=1)
    plot_dataset(X, Y, title=title, ax=ax)
    correct = np.asarray(predict_fn(X)).ravel() == (np.asarray(Y).ravel() > 0.5)
    ax.set_title(f"{title}: {100 * correct.mean():.1f}% correct")
    return describe(fig, "Behind the points, the plane is shaded by the class the model predicts there, "
                         "with the decision boundary between the two regions drawn as a black line")


def plot_costs(costs, *, title="Cost during training", ax=None, label=None):
    """The cost J against the iteration of gradient descent."""
    fig, ax = _axes(ax, (5, 4.2))
    ax.plot(np.arange(len(costs)), costs, color=BLUE, lw=1.8, label=label)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost $J$")
    ax.set_title(title)
    ax.set_ylim(bottom=0)
    if label:
        ax.legend()
    return describe(fig, "A line chart of the cost J against the iteration of gradient descent")


def plot_training(parameters, costs, X, Y, activation="tanh", *, title="Two-layer network", resolution=200):
    """The decision boundary and the cost curve of a trained network, side by side."""
    fig, (left, right) = plt.subplots(1, 2, figsize=figure_size(WIDE, SLIDE_WIDE))
    plot_decision_boundary(lambda P: predict(parameters, P, activation), X, Y, title=title, ax=left, resolution=resolution)
    plot_costs(costs, ax=right)
    fig.subplots_adjust(left=0.07, right=0.98, bottom=0.13, top=0.9, wspace=0.22)  # fixed: no extra layout pass
    return fig


ITERATION_STOPS = (100, 300, 1000, 2000, 3000)


class _TrainingCache:
    """Trained networks by (data set, n_h, activation, learning rate), at each stop of the iterations slider.

    Gradient descent from the same start is deterministic, so training to 2000 steps is training to 1000
    and going on for 1000 more: each stop is trained once, from the stop before it, and kept.
    """

    def __init__(self):
        self._runs = {}

    def get(self, dataset, n_h, activation, learning_rate, num_iterations):
        X, Y = load_dataset(dataset)
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


def training_playground():
    """Hidden units, activation, learning rate, iterations and data set; redraws the boundary and the cost curve.

    Each setting is trained once per kernel and remembered, so going back to a setting, or moving the
    iterations slider, redraws without training again.
    """
    controls = {
        "n_h": widgets.IntSlider(value=4, min=1, max=20, description="hidden units", continuous_update=False),
        "activation": widgets.ToggleButtons(options=["tanh", "relu", "sigmoid"], value="tanh", description="activation"),
        "learning_rate": widgets.SelectionSlider(options=[0.01, 0.03, 0.1, 0.3, 0.6, 1.2, 2.4], value=1.2,
                                                 description="learning rate", continuous_update=False),
        "num_iterations": widgets.SelectionSlider(options=list(ITERATION_STOPS), value=2000,
                                                  description="iterations", continuous_update=False),
        "dataset": widgets.Dropdown(options=list(DATASETS), value="flower", description="data set"),
    }
    cache = _TrainingCache()

    def draw(n_h, activation, learning_rate, num_iterations, dataset):
        try:
            X, Y, parameters, costs = cache.get(dataset, n_h, activation, learning_rate, num_iterations)
        except FloatingPointError:
            fig, ax = plt.subplots(figsize=figure_size(WIDE, SLIDE_WIDE))
            ax.text(0.5, 0.5, f"Training diverged at learning rate {learning_rate}: try a smaller one.",
                    ha="center", va="center", fontsize=pt(13))
            ax.set_axis_off()
            ax.set_title("No result")
            return fig
        title = f"{dataset}, n_h = {n_h}, {activation}"
        fig = plot_training(parameters, costs, X, Y, activation, title=title, resolution=120)
        return fig, f"<p>final cost {costs[-1]:.3f}; training accuracy {accuracy(parameters, X, Y, activation):.1f}%</p>"

    return Explorer(controls, draw, tight=False, description="Training playground: change a control to retrain and redraw (needs a running kernel).")


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


def plot_bug_training(X, Y, keys, *, num_iterations=1500, learning_rate=1.2):
    """One panel per gallery bug: the cost during training with the bug (vermilion) and without (grey)."""
    from .bugs import BUGS, backward_variant
    from .activations import relu_prime

    right = {"tanh": backward_variant,
             "relu": lambda p, c, X, Y: backward_variant(p, c, X, Y, g_prime=lambda Z1, A1: relu_prime(Z1))}
    columns = 3
    rows = -(-len(keys) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=figure_size((10.5, 3.0 * rows), (9.6, 2.8 * rows)), sharey=True)
    width = 20 if for_slides() else 34  # characters per line of a panel's notes: a slide's text is larger
    for ax, key in zip(np.ravel(axes), keys):
        bug = BUGS[key]
        good, _ = train_with_backward(X, Y, right[bug.activation], num_iterations=num_iterations,
                                      learning_rate=learning_rate, activation=bug.activation)
        bad, stopped = train_with_backward(X, Y, bug.backward, num_iterations=num_iterations,
                                           learning_rate=learning_rate, activation=bug.activation)
        ax.plot(good, color=GREY, ls="--", lw=1.8, label="right")
        [line] = ax.plot(bad, color=VERMILLION, lw=1.8, label="with the bug")
        if not stopped and rounding_decides(X, Y, bug.backward, bad, learning_rate=learning_rate, activation=bug.activation):
            wanders(line)
        if len(bad) <= 1:
            ax.plot([0], bad[:1], marker="x", color=VERMILLION, ms=10, ls="none")
        if stopped:
            ax.text(0.5, 0.5, "\n".join(textwrap.wrap(stopped, width)), transform=ax.transAxes, ha="center", va="center",
                    fontsize=pt(8.5), bbox=dict(fc="white", ec=VERMILLION, lw=0.8))
        ax.set_title("\n".join(textwrap.wrap(bug.title, width)) if for_slides() else bug.title, fontsize=pt(10.5))
        ax.set_xlabel("iteration")
        ax.set_ylim(0, 1.5)
    for ax in np.ravel(axes)[len(keys):]:
        ax.set_axis_off()
    for ax in np.ravel(axes)[::columns]:
        ax.set_ylabel("cost $J$")
    np.ravel(axes)[0].legend(loc="upper right")
    fig.suptitle(f"Training on the flower with each bug (learning rate {learning_rate})", fontsize=pt(12))
    fig.tight_layout()
    return describe(fig, "Line charts, one panel per bug: the cost during training with the bug (solid vermilion) "
                         "and with the right code (dashed grey)")
