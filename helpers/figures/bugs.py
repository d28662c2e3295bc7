"""The bug gallery's training curves (notebook 04): the cost with each bug beside the cost without it."""
import textwrap

import matplotlib.pyplot as plt
import numpy as np

from ..math.activations import relu_prime
from ..math.bugs import BUGS, backward_variant
from ..math.training import rounding_decides, train_with_backward
from .alt_text import describe, wanders
from .style import GREY, VERMILLION, figure_size, for_slides, legend_below, pt


def plot_bug_training(X, Y, keys, *, num_iterations=1500, learning_rate=1.2):
    """One panel per gallery bug: the cost during training with the bug (vermilion) and without (grey)."""
    right = {"tanh": backward_variant,
             "relu": lambda p, c, X, Y: backward_variant(p, c, X, Y, g_prime=lambda Z1, A1: relu_prime(Z1))}
    columns = 3
    rows = -(-len(keys) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=figure_size((10.5, 3.0 * rows), (9.6, 2.6 * rows)), sharey=True)
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
    fig.suptitle(f"Training on the flower with each bug (learning rate {learning_rate})", fontsize=pt(12))
    fig.tight_layout()
    legend_below(fig)
    return describe(fig, "Line charts, one panel per bug: the cost during training with the bug (solid vermilion) "
                         "and with the right code (dashed grey)")
