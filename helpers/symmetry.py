"""Why the weights must start random: symmetry and saturation, measured and drawn (view and interaction)."""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .datasets import make_flower
from .explorer import Explorer
from .network import backward_propagation, compute_cost, forward_propagation, update_parameters
from .style import LINESTYLES, PALETTE, SLIDE_WIDE, WIDE, describe, figure_size, pt


def constant_parameters(n_x, n_h, n_y, value):
    """Every weight equal to ``value``, every bias 0: the symmetric start (value = 0 is zero initialization)."""
    return {"W1": np.full((n_h, n_x), float(value)), "b1": np.zeros((n_h, 1)),
            "W2": np.full((n_y, n_h), float(value)), "b2": np.zeros((n_y, 1))}


def scaled_parameters(n_x, n_h, n_y, scale, seed=0):
    """Random weights from a standard normal times ``scale`` (own generator), biases 0."""
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((n_h, n_x)) * scale, "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_y, n_h)) * scale, "b2": np.zeros((n_y, 1))}


def train_with_history(X, Y, parameters, *, num_iterations=1000, learning_rate=1.2, activation="tanh"):
    """Gradient descent from ``parameters``, recording what the notebook plots.

    Returns (parameters, history) where history has "W1" (num_iterations + 1, n_h, n_x): W1 before each
    step and at the end, "costs" (num_iterations,), and "dW1" of the first step.
    """
    W1s, costs, first_dW1 = [parameters["W1"].copy()], [], None
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters, activation)
        costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y, activation)
        if first_dW1 is None:
            first_dW1 = grads["dW1"]
        parameters = update_parameters(parameters, grads, learning_rate)
        W1s.append(parameters["W1"].copy())
    return parameters, {"W1": np.array(W1s), "costs": np.array(costs), "dW1": first_dW1}


def row_spread(W):
    """The largest difference between two rows of W (0.0 exactly when every hidden unit has the same weights)."""
    return float(np.max(np.ptp(W, axis=0)))


def plot_hidden_units(history, *, title, ax=None):
    """Each hidden unit's first weight w1[j, 0] over training: one line per unit (identical units overlap)."""
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(5, 4))
    W1 = history["W1"]
    for j in range(W1.shape[1]):
        ax.plot(W1[:, j, 0], color=PALETTE[j % len(PALETTE)], ls=LINESTYLES[j % len(LINESTYLES)], lw=2, label=f"unit {j + 1}")
    ax.set_xlabel("iteration")
    ax.set_ylabel("first weight of the unit, $W^{[1]}_{j,1}$")
    ax.set_title(title)
    ax.legend(fontsize=pt(8), loc="best")
    return describe(fig, "A line chart of the first weight of each hidden unit during training, one line per unit; "
                         "lines that lie on top of each other are units that stay identical")


def plot_symmetry(histories):
    """Side by side, the hidden units' weights over training for each start in ``histories`` {title: history}."""
    fig, axes = plt.subplots(1, len(histories), figsize=figure_size(WIDE, SLIDE_WIDE), sharey=False)
    for ax, (title, history) in zip(np.atleast_1d(axes), histories.items()):
        plot_hidden_units(history, title=title, ax=ax)
    fig.tight_layout()
    return fig


def plot_saturation(X, scales, *, n_h=4, activation="tanh"):
    """For each weight scale: the distribution of A1 = g(Z1) at the start, and of g′(Z1)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=figure_size(WIDE, SLIDE_WIDE))
    bins = np.linspace(-1, 1, 41)
    for i, scale in enumerate(scales):
        parameters = scaled_parameters(X.shape[0], n_h, 1, scale)
        _, cache = forward_propagation(X, parameters, activation)
        style = dict(color=PALETTE[i], ls=LINESTYLES[i % len(LINESTYLES)], lw=2, label=f"scale {scale:g}")
        left.hist(cache["A1"].ravel(), bins=bins, histtype="step", **style)
        right.hist((1 - cache["A1"] ** 2).ravel(), bins=np.linspace(0, 1, 41), histtype="step", **style)
    left.set_title("Hidden activations $A^{[1]} = \\tanh(Z^{[1]})$ at the start")
    left.set_xlabel("$a^{[1]}$")
    right.set_title("Their derivatives $g'(Z^{[1]}) = 1 - (A^{[1]})^2$")
    right.set_xlabel("$g'(z^{[1]})$")
    for ax in (left, right):
        ax.set_ylabel("count (hidden units × examples)")
        ax.legend()
    fig.tight_layout()
    return describe(fig, "Two histograms, one outline per initial weight scale: left, the hidden activations at the "
                         "start; right, their derivatives g′ (near 0 means the unit has saturated and learns slowly)")


def plot_costs_by_scale(X, Y, scales, *, num_iterations=1000, n_h=4):
    """For each initial weight scale (0: all zeros): the cost during training, and how far W1 has moved
    from where it started, ‖W1(t) − W1(0)‖ / ‖W1(0)‖ (for zeros, ‖W1(t)‖)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=figure_size(WIDE, SLIDE_WIDE))
    for i, scale in enumerate(scales):
        start = scaled_parameters(X.shape[0], n_h, 1, scale) if scale else constant_parameters(X.shape[0], n_h, 1, 0.0)
        _, history = train_with_history(X, Y, start, num_iterations=num_iterations)
        style = dict(color=PALETTE[i], ls=LINESTYLES[i % len(LINESTYLES)], lw=2, label=f"scale {scale:g}")
        left.plot(history["costs"], **style)
        W1 = history["W1"]
        size = np.linalg.norm(W1[0]) or 1.0
        moved = np.linalg.norm((W1 - W1[0]).reshape(len(W1), -1), axis=1) / size
        if np.any(moved[1:] > 0):
            right.plot(np.arange(1, len(W1)), moved[1:], **style)
    left.set_xlabel("iteration")
    left.set_ylabel("cost $J$")
    left.set_title("Cost during training")
    left.set_ylim(0, 1.2)
    right.set_yscale("log")
    right.set_xlabel("iteration")
    right.set_ylabel("$\\|W^{[1]}(t) - W^{[1]}(0)\\| \\,/\\, \\|W^{[1]}(0)\\|$")
    right.set_title("How far the hidden layer moves from its start")
    for ax in (left, right):
        ax.legend()
    fig.tight_layout()
    return describe(fig, "Two line charts, one line per initial weight scale: left, the cost during training; right, "
                         "on a log scale, how far the hidden layer's weights have moved from their start")


def saturation_report(X, Y, scales, *, n_h=4):
    """For each scale: the share of hidden values with g′(Z1) < 0.01, the start cost, and ‖dW1‖ / ‖W1‖."""
    rows = []
    for scale in scales:
        parameters = scaled_parameters(X.shape[0], n_h, 1, scale)
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        saturated = float(np.mean(1 - cache["A1"] ** 2 < 0.01))
        relative_step = float(np.linalg.norm(grads["dW1"]) / np.linalg.norm(parameters["W1"]))
        rows.append((scale, saturated, compute_cost(A2, Y), relative_step))
    return rows


def initialization_explorer():
    """A start (random, all equal, all zeros) and a weight scale; redraws the hidden units' weights and the cost.

    "random" draws every weight from scale × N(0, 1); "all equal" sets every weight to the scale; "all zeros"
    ignores the scale (its slider is then disabled).
    """
    X, Y = make_flower()
    controls = {
        "start": widgets.ToggleButtons(options=[("random", "random"), ("all equal", "equal"), ("all zeros", "zeros")],
                                       value="random", description="start"),
        "scale": widgets.SelectionSlider(options=[0.001, 0.01, 0.1, 0.5, 1.0, 3.0, 10.0], value=0.01,
                                         description="weight scale", continuous_update=False),
    }
    controls["start"].observe(lambda change: setattr(controls["scale"], "disabled", change["new"] == "zeros"), names="value")

    def draw(start, scale):
        if start == "random":
            first, kind = scaled_parameters(2, 4, 1, scale), f"random start, scale {scale:g}"
        else:
            value = scale if start == "equal" else 0.0
            first, kind = constant_parameters(2, 4, 1, value), f"every weight {value:g}"
        parameters, history = train_with_history(X, Y, first, num_iterations=600)
        fig, (left, right) = plt.subplots(1, 2, figsize=figure_size(WIDE, SLIDE_WIDE))
        plot_hidden_units(history, title=f"Hidden units, {kind}", ax=left)
        right.plot(history["costs"], color=PALETTE[0], lw=2)
        right.set_xlabel("iteration")
        right.set_ylabel("cost $J$")
        right.set_title("Cost during training")
        right.set_ylim(0, max(1.0, float(np.max(history["costs"][:50])) * 1.05))
        describe(fig, "Right, a line chart of the cost during training")
        fig.subplots_adjust(left=0.08, right=0.98, bottom=0.13, top=0.9, wspace=0.25)
        return fig, f"<p>largest difference between two rows of W1 after 600 steps: {row_spread(history['W1'][-1]):.3g}</p>"

    return Explorer(controls, draw, tight=False, description="Initialization explorer: pick a start and a weight scale to retrain and redraw (needs a running kernel).")
