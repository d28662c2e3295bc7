"""One example's logits through a softmax (notebook 07): the probabilities, the softmax's Jacobian, and dZ for the
cross-entropy beside dZ for the squared error (the pairing that breaks A − Y)."""
import numpy as np

from ..math.deep import softmax_gradients
from .alt_text import describe
from .display import Blitter, offscreen_figure
from .style import BLUE, ORANGE, VERMILLION, figure_size, for_slides, pt

N = 4  # classes the explorer shows


def _number(value):
    return f"{value:.2f}".replace("-0.00", "0.00")


class LogitsView:
    """The logits explorer's figure, made once and drawn again on each move (`display.Blitter`): the panels, their axes,
    labels and the legend stay; the bars, the Jacobian's colours and numbers and the title are new. Fixed axes: the
    probabilities on [0, 1], the Jacobian's colours on [−1/4, 1/4] (no entry is larger), dz on [−1, 1] (every dz of
    either cost lies there)."""

    def __init__(self):
        self.fig = fig = offscreen_figure(figure_size((10, 4.1), (9.6, 5.6)))
        classes = np.arange(N)
        # panels placed by hand (a fixed layout is what lets a move draw only what changed); on a slide the larger text
        # needs wider margins, and the Jacobian's numbers a wider panel
        left, middle, right = (((0.075, 0.27, 0.22, 0.52), (0.375, 0.27, 0.27, 0.52), (0.73, 0.27, 0.25, 0.52))
                               if not for_slides() else
                               ((0.095, 0.27, 0.19, 0.5), (0.39, 0.27, 0.3, 0.5), (0.8, 0.27, 0.19, 0.5)))
        self.left, self.middle, self.right = (fig.add_axes(box) for box in (left, middle, right))
        self.probabilities = self.left.bar(classes, np.zeros(N), color=BLUE, edgecolor="black", lw=0.6)
        self.shares = [self.left.text(k, 0, "", ha="center", va="bottom", fontsize=pt(9)) for k in classes]
        self.left.set_ylim(0, 1.25)
        self.left.set_yticks([0, 0.5, 1])
        self.left.set_xticks(classes)
        self.left.set_xlabel("class k")
        self.left.set_ylabel("$a_k$")
        self.left.set_title("Probabilities $a$")
        self.image = self.middle.imshow(np.zeros((N, N)), cmap="PuOr", vmin=-0.25, vmax=0.25)
        self.entries = [[self.middle.text(j, k, "", ha="center", va="center", fontsize=pt(9)) for j in classes]
                        for k in classes]
        self.middle.set_xticks(classes)
        self.middle.set_yticks(classes)
        self.middle.set_xlabel("$z_j$ (column)")
        self.middle.set_ylabel("$a_k$ (row)")
        self.middle.set_title("Jacobian $\\partial a_k / \\partial z_j$")
        width = 0.38
        self.cross_entropy = self.right.bar(classes - width / 2, np.zeros(N), width, color=BLUE, edgecolor="black",
                                            lw=0.6, label="dZ, cross-entropy")
        self.squared_error = self.right.bar(classes + width / 2, np.zeros(N), width, color=VERMILLION, hatch="..",
                                            edgecolor="black", lw=0.6, label="dZ, squared error")
        self.zero = self.right.axhline(0, color="black", lw=0.8)
        self.right.set_ylim(-1.05, 1.05)
        self.right.set_yticks([-1, -0.5, 0, 0.5, 1] if not for_slides() else [-1, 0, 1])
        self.right.set_xticks(classes)
        self.right.set_xlabel("class k")
        self.right.set_ylabel("$dz_k$")
        self.right.set_title("$dZ$ for two costs")
        handles = [self.cross_entropy, self.squared_error,
                   self.left.bar([0], [0], color=ORANGE, hatch="//", edgecolor="black", lw=0.6)]
        fig.legend(handles, ["dZ, cross-entropy", "dZ, squared error", "the true class"], loc="lower center", ncol=3,
                   fontsize=pt(9), bbox_to_anchor=(0.5, 0.0))
        self.title = fig.suptitle("", fontsize=pt(12), y=0.97)
        self.blitter = Blitter(fig)

    def draw(self, z, y):
        """Draw the logits ``z`` (4 numbers) of an example whose true class is ``y``; returns the Figure."""
        a, J, dz_ce, dz_se = softmax_gradients(z, y)
        for k, (bar, share) in enumerate(zip(self.probabilities, self.shares)):
            bar.set_height(a[k])
            bar.set_facecolor(ORANGE if k == y else BLUE)
            bar.set_hatch("//" if k == y else "")
            share.set_position((k, a[k] + 0.03))
            text = _number(a[k])
            share.set_text(text[1:] if for_slides() and text.startswith("0") else text)  # ".64": room on a slide
        self.image.set_data(J)
        for k in range(N):
            for j in range(N):
                self.entries[k][j].set_text(_number(J[k, j]))
                self.entries[k][j].set_color("white" if abs(J[k, j]) > 0.17 else "black")
        for bars, values in ((self.cross_entropy, dz_ce), (self.squared_error, dz_se)):
            for bar, value in zip(bars, values):
                bar.set_height(value)
        logits = ", ".join(f"{float(v):g}" for v in z)
        self.title.set_text(f"Logits z = ({logits}), true class {y}: loss −log a_y = {-np.log(a[y]):.2f}")
        changing = [*self.probabilities, *self.shares, self.image, *sum(self.entries, []), *self.cross_entropy,
                    *self.squared_error, self.title,
                    # drawn over the changing parts in a whole drawing, so again over them here
                    self.zero, *self.middle.spines.values()]
        self.fig.bbh_png = lambda: self.blitter.png(changing, "panels")
        self.fig.__dict__.pop("_bbh_description", None)
        fmt = lambda v: ", ".join(_number(x) for x in v)
        return describe(self.fig, f"Three panels for one example with {N} classes, logits ({logits}), true class {y}. "
                                  f"Left, a bar chart of the probabilities a = ({fmt(a)}), the true class hatched. Middle, "
                                  f"the {N} by {N} Jacobian as a grid of numbers, rows a_k and columns z_j: "
                        + "; ".join(f"row {k}: {fmt(J[k])}" for k in range(N))
                        + f". Right, bars of dZ for each class: cross-entropy ({fmt(dz_ce)}) and squared error "
                          f"({fmt(dz_se)})", texts=False)


def draw_logits(z, y=0):
    """Three panels for the logits ``z`` (4 numbers) of one example whose true class is ``y`` (0 … 3): the
    probabilities a = softmax(z), the Jacobian ∂a_k/∂z_j, and dZ for the cross-entropy and for the squared error."""
    if np.size(z) != N:
        raise ValueError(f"z must hold {N} logits, one per class; got {np.size(z)}")
    return LogitsView().draw(np.ravel(z), y)
