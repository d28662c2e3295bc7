"""Plots of data sets, decision boundaries and cost curves (notebooks 03 to 05, and the training playground)."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from ..math.network import predict
from .alt_text import describe
from .style import BLUE, CLASS_COLORS, CLASS_MARKERS, FIGSIZE, SLIDE_WIDE, WIDE, figure_size, pt


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


def plot_no_result(message):
    """A figure that says, in its middle, why there is nothing to plot (the training playground: a run that diverged)."""
    fig, ax = plt.subplots(figsize=figure_size(WIDE, SLIDE_WIDE))
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=pt(13))
    ax.set_axis_off()
    ax.set_title("No result")
    return fig
