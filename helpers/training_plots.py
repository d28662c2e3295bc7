"""Plots of data sets, decision boundaries and cost curves (view), and the training playground (interaction)."""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from .datasets import DATASETS, load_dataset
from .explorer import Explorer
from .network import accuracy, predict, train
from .style import BLUE, CLASS_COLORS, CLASS_MARKERS, FIGSIZE, WIDE

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
    return fig


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
    return fig


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
    return fig


def plot_training(parameters, costs, X, Y, activation="tanh", *, title="Two-layer network"):
    """The decision boundary and the cost curve of a trained network, side by side."""
    fig, (left, right) = plt.subplots(1, 2, figsize=WIDE)
    plot_decision_boundary(lambda P: predict(parameters, P, activation), X, Y, title=title, ax=left)
    plot_costs(costs, ax=right)
    fig.tight_layout()
    return fig


def training_playground():
    """Hidden units, activation, learning rate, iterations and data set; redraws the boundary and the cost curve."""
    controls = {
        "n_h": widgets.IntSlider(value=4, min=1, max=20, description="hidden units", continuous_update=False),
        "activation": widgets.ToggleButtons(options=["tanh", "relu", "sigmoid"], value="tanh", description="activation"),
        "learning_rate": widgets.SelectionSlider(options=[0.01, 0.03, 0.1, 0.3, 0.6, 1.2, 2.4], value=1.2,
                                                 description="learning rate", continuous_update=False),
        "num_iterations": widgets.SelectionSlider(options=[100, 300, 1000, 2000, 4000], value=2000,
                                                  description="iterations", continuous_update=False),
        "dataset": widgets.Dropdown(options=list(DATASETS), value="flower", description="data set"),
    }

    def draw(n_h, activation, learning_rate, num_iterations, dataset):
        X, Y = load_dataset(dataset)
        try:
            parameters, costs = train(X, Y, n_h, num_iterations=num_iterations, learning_rate=learning_rate, activation=activation)
        except FloatingPointError:
            fig, ax = plt.subplots(figsize=WIDE)
            ax.text(0.5, 0.5, f"Training diverged at learning rate {learning_rate}: try a smaller one.",
                    ha="center", va="center", fontsize=13)
            ax.set_axis_off()
            ax.set_title("No result")
            return fig
        title = f"{dataset}, n_h = {n_h}, {activation}"
        fig = plot_training(parameters, costs, X, Y, activation, title=title)
        return fig, f"<p>final cost {costs[-1]:.3f}; training accuracy {accuracy(parameters, X, Y, activation):.1f}%</p>"

    return Explorer(controls, draw, description="Training playground: change a control to retrain and redraw (needs a running kernel).")
