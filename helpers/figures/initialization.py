"""Why the weights must start random (notebook 05), drawn: the hidden units' weights over training, tanh's
saturation at the start, and the cost for each initial scale."""
import matplotlib.pyplot as plt
import numpy as np

from ..math.initialization import constant_parameters, scaled_parameters
from ..math.network import forward_propagation
from ..math.training import train_with_history
from .alt_text import describe
from .display import Blitter, offscreen_figure
from .style import LINESTYLES, PALETTE, SLIDE_WIDE, WIDE, figure_size, legend_below, legend_beside, pt


def plot_hidden_units(history, *, title, ax=None):
    """Each hidden unit's first weight w1[j, 0] over training: one line per unit (identical units overlap)."""
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(5, 4))
    W1 = history["W1"]
    for j in range(W1.shape[1]):
        ax.plot(W1[:, j, 0], color=PALETTE[j % len(PALETTE)], ls=LINESTYLES[j % len(LINESTYLES)], lw=2, label=f"unit {j + 1}")
    ax.set_xlabel("iteration")
    ax.set_ylabel("first weight of the unit, $W^{[1]}_{j,1}$")
    ax.set_title(title)
    return describe(fig, "A line chart of the first weight of each hidden unit during training, one line per unit; "
                         "lines that lie on top of each other are units that stay identical")


def plot_symmetry(histories):
    """Side by side, the hidden units' weights over training for each start in ``histories`` {title: history}."""
    fig, axes = plt.subplots(1, len(histories), figsize=figure_size(WIDE, SLIDE_WIDE), sharey=False)
    for ax, (title, history) in zip(np.atleast_1d(axes), histories.items()):
        plot_hidden_units(history, title=title, ax=ax)
    fig.tight_layout()
    legend_below(fig)
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
    fig.tight_layout()
    legend_below(fig)
    return describe(fig, "Two histograms, one outline per initial weight scale: left, the hidden activations at the "
                         "start; right, their derivatives g′ (near 0 means the unit has saturated and learns slowly)")


def plot_costs_by_scale(X, Y, scales, *, num_iterations=1000, n_h=4):
    """For each initial weight scale (0: all zeros): the cost during training, and how far W1 has moved
    from where it started, ‖W1(t) − W1(0)‖ / ‖W1(0)‖ (for zeros, ‖W1(t)‖)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=figure_size(WIDE, SLIDE_WIDE))
    unmoved = []
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
        else:  # a log scale cannot show 0: say so rather than leave the start out silently
            unmoved.append(f"{scale:g}")
    left.set_xlabel("iteration")
    left.set_ylabel("cost $J$")
    left.set_title("Cost during training")
    left.set_ylim(0, 1.2)
    right.set_yscale("log")
    right.set_xlabel("iteration" + "".join(f"\n(scale {s}: $W^{{[1]}}$ never moves; 0 is off a log scale)" for s in unmoved))
    right.set_ylabel("$\\|W^{[1]}(t) - W^{[1]}(0)\\| \\,/\\, \\|W^{[1]}(0)\\|$")
    right.set_title("How far the hidden layer moves from its start")
    fig.tight_layout()
    legend_below(fig)
    return describe(fig, "Two line charts, one line per initial weight scale: left, the cost during training; right, "
                         "on a log scale, how far the hidden layer's weights have moved from their start")


class UnitsAndCostView:
    """The initialization explorer's figure (05), made once and drawn again on each move: left, each hidden unit's first
    weight over training; right, the cost during training. Its panels, their axes and labels stay (matplotlib keeps
    the layout of every text that did not change); the curves, the title and the limits are new."""

    # where the panels' columns meet (figure fraction): between the legend beside the left panel (it ends at 0.51) and
    # the cost panel's tick labels (from 0.575); tests/test_views.py checks that each panel's drawing stays in its column
    SPLIT = 0.543

    def __init__(self):
        self.fig = offscreen_figure(figure_size(WIDE, SLIDE_WIDE))
        self.left, self.right = self.fig.subplots(1, 2)
        self.cost, = self.right.plot([], [], color=PALETTE[0], lw=2)
        self.right.set_xlabel("iteration")
        self.right.set_ylabel("cost $J$")
        self.right.set_title("Cost during training")
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.13, top=0.9, wspace=0.55)  # room for the legend beside
        self.blitter = Blitter(self.fig)

    def draw(self, history, kind):
        """The run in ``history`` (from `train_with_history`), started as ``kind`` says ("random start, scale 0.01")."""
        for line in self.left.get_lines():
            line.remove()
        plot_hidden_units(history, title=f"Hidden units, {kind}", ax=self.left)
        if self.left.get_legend() is None:
            legend_beside(self.left, fontsize=pt(8))
        describe(self.fig, "Right, a line chart of the cost during training")  # after the left panel's sentence
        self.left.relim()
        self.left.autoscale_view()
        low, high = self.left.get_ylim()
        if high - low < 1:  # flat lines (every weight 0): a unit's span, not ±0.055, whose long tick labels cross the edge
            self.left.set_ylim((low + high) / 2 - 0.5, (low + high) / 2 + 0.5)
        costs = history["costs"]
        self.cost.set_data(np.arange(len(costs)), costs)
        self.right.set_xlim(-0.05 * len(costs), 1.05 * len(costs))
        self.right.set_ylim(0, max(1.0, float(np.max(costs[:50])) * 1.05))
        # a move draws the curves, the left title and the weights' axis (its limits follow the run); the panels, the
        # iterations' axes, the legend and the rest stay; the cost panel is kept by its limits (most runs share them)
        changing = [*self.left.get_lines(), self.cost, self.left.title, self.left.yaxis]
        parts = [(0, self.SPLIT, self.left, (self.left.get_xlim(), self.left.get_legend() is not None)),
                 (self.SPLIT, 1, self.right, (self.right.get_xlim(), self.right.get_ylim()))]
        self.fig.bbh_png = lambda: self.blitter.png(changing, "panels", parts)
        return self.fig
