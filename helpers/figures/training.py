"""Plots of data sets, decision boundaries and cost curves (notebooks 03 to 05, and the training playground)."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from ..math.network import predict
from .alt_text import describe
from .display import Blitter, offscreen_figure
from .style import BLUE, CLASS_COLORS, CLASS_MARKERS, FIGSIZE, SLIDE_WIDE, WIDE, figure_size, legend_beside, pt


REGIONS = ListedColormap(["#CFE3F1", "#FBE7C2"])  # light tints of the two class colours
# what each kind of panel says in the figure's text alternative
DATASET_ALT = ("A scatter plot of the examples in the plane of their two features x1 and x2, blue circles for y = 0 and "
               "orange triangles for y = 1")
BOUNDARY_ALT = ("Behind the points, the plane is shaded by the class the model predicts there, with the decision boundary "
                "between the two regions drawn as a black line")
COSTS_ALT = "A line chart of the cost J against the iteration of gradient descent"


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
    legend_beside(ax)
    return describe(fig, DATASET_ALT)


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
    return describe(fig, BOUNDARY_ALT)


def plot_costs(costs, *, title="Cost during training", ax=None, label=None):
    """The cost J against the iteration of gradient descent."""
    fig, ax = _axes(ax, (5, 4.2))
    ax.plot(np.arange(len(costs)), costs, color=BLUE, lw=1.8, label=label)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost $J$")
    ax.set_title(title)
    ax.set_ylim(bottom=0)
    if label:
        legend_beside(ax)
    return describe(fig, COSTS_ALT)


def plot_training(parameters, costs, X, Y, activation="tanh", *, title="Two-layer network", resolution=200):
    """The decision boundary and the cost curve of a trained network, side by side."""
    fig, (left, right) = plt.subplots(1, 2, figsize=figure_size(WIDE, SLIDE_WIDE))
    plot_decision_boundary(lambda P: predict(parameters, P, activation), X, Y, title=title, ax=left, resolution=resolution)
    plot_costs(costs, ax=right)
    fig.subplots_adjust(left=0.07, right=0.98, bottom=0.13, top=0.9, wspace=0.5)  # fixed: no extra layout pass; the
    # classes' legend between the panels
    return fig


class TrainingView:
    """The training playground's figure (03): `plot_training`'s two panels, made once and updated in place.

    A move of a control changes the network, not the page: the data set's points, the axes, their ticks and labels stay,
    and only the shaded regions (an image, not filled contours), the boundary, the cost curve and the titles are drawn
    anew, into the same figure (matplotlib keeps the layout of every text that did not change). Another data set, or a
    run whose cost leaves the cost panel's scale, draws only the panel whose axes they change, over a copy of the other.
    """

    # where the panels' columns meet (figure fraction), between the classes' legend (it ends at 0.53) and the cost
    # panel's tick labels (from 0.56); tests/test_views.py checks that each panel's drawing stays in its column
    SPLIT = 0.547

    def __init__(self, resolution=120, iterations=3000):
        self.resolution = resolution
        self.iterations = iterations  # the cost panel's axis runs to the iterations slider's end, whatever it shows
        self.fig = offscreen_figure(figure_size(WIDE, SLIDE_WIDE))
        self.left, self.right = self.fig.subplots(1, 2)
        self.fig.subplots_adjust(left=0.07, right=0.98, bottom=0.13, top=0.88, wspace=0.5)  # the classes' legend between
        self.data = None  # the data set the left panel shows
        self.boundary = None
        self.curve, = self.right.plot([], [], color=BLUE, lw=1.8)
        self.right.set_xlabel("iteration")
        self.right.set_ylabel("cost $J$")
        self.right.set_title("Cost during training", y=1.0)
        self.message = self.fig.text(0.5, 0.5, "", ha="center", va="center", fontsize=pt(13), visible=False)
        self.blitter = Blitter(self.fig)

    def _show_data(self, X, Y):
        if self.data is not None and np.array_equal(self.data[0], X) and np.array_equal(self.data[1], Y):
            return
        ax = self.left
        pad = 0.5
        x = np.linspace(X[0].min() - pad, X[0].max() + pad, self.resolution)
        y = np.linspace(X[1].min() - pad, X[1].max() + pad, self.resolution)
        xx, yy = np.meshgrid(x, y)
        self.grid = (x, y, np.stack([xx.ravel(), yy.ravel()]).astype(X.dtype))
        extent = (x[0], x[-1], y[0], y[-1])
        if self.data is None:  # the panel made once: another data set moves its points (new ticks cost 70 ms a drawing)
            self.regions = ax.imshow(np.zeros(xx.shape), origin="lower", extent=extent, aspect="auto", cmap=REGIONS,
                                     vmin=0, vmax=1, interpolation="nearest")
            plot_dataset(X, Y, ax=ax)
            self.points = list(ax.collections)  # the examples, drawn over the regions, a class each
        else:
            self.regions.set_extent(extent)
            labels = np.asarray(Y).ravel() > 0.5
            for label, points in enumerate(self.points):
                points.set_offsets(X[:, labels == label].T)
        ax.set_xlim(x[0], x[-1])
        ax.set_ylim(y[0], y[-1])
        if self.boundary is not None:
            self.boundary.remove()
            self.boundary = None
        self.data = (X, Y)
        self.data_key = (X.shape, X.dtype.str, hash(X.tobytes()), hash(np.asarray(Y).tobytes()))  # what the points show

    def draw(self, parameters, costs, X, Y, activation="tanh", *, title="Two-layer network"):
        """The network's regions and boundary over the data (X, Y), and its cost curve; returns the figure."""
        self._show_data(X, Y)
        self.message.set_visible(False)
        for ax in (self.left, self.right):
            ax.set_visible(True)
        x, y, points = self.grid
        regions = predict(parameters, points, activation).reshape(len(y), len(x))
        self.regions.set_data(regions)
        if self.boundary is not None:
            self.boundary.remove()
        self.boundary = self.left.contour(x, y, regions, levels=[0.5], colors="black", linewidths=1)
        correct = predict(parameters, X, activation).ravel() == (np.asarray(Y).ravel() > 0.5)
        self.left.set_title(f"{title}: {100 * correct.mean():.1f}% correct", y=1.0)  # y given: no search for room above
        self.curve.set_data(np.arange(len(costs)), costs)
        describe(describe(self.fig, BOUNDARY_ALT), COSTS_ALT)  # after the data set's sentence, as plot_training says them
        # one axis for every run (a short run is a short curve, ending where it still falls), so the panel stays
        end = max(self.iterations, len(costs))
        self.right.set_xlim(-0.05 * end, 1.05 * end)
        # the cost starts near log 2 = 0.69 from small weights: one scale for nearly every run, so the panel stays
        self.right.set_ylim(0, max(0.75, 1.05 * float(np.max(costs))))
        # a move redraws the regions, the boundary, the points and the panel's edges over them, the title and the curve;
        # the rest stays
        changing = [self.regions, self.boundary, *self.points, *self.left.spines.values(), self.left.title, self.curve]
        # each panel kept on its own: another data set draws the left one's ticks, other iterations the right one's
        parts = [(0, self.SPLIT, self.left, (self.data_key, self.left.get_xlim(), self.left.get_ylim())),
                 (self.SPLIT, 1, self.right, (self.right.get_xlim(), self.right.get_ylim()))]
        self.fig.bbh_png = lambda: self.blitter.png(changing, "panels", parts)
        return self.fig

    def say(self, message):
        """Instead of the panels, ``message`` in the figure's middle (a run that diverged); returns the figure."""
        self.fig.bbh_png = None  # drawn in full
        for ax in (self.left, self.right):
            ax.set_visible(False)
        self.message.set_text(message)
        self.message.set_visible(True)
        return self.fig
