"""Signals in deep networks (notebook 08), drawn: per layer, the spread of A and of dZ (log scale) and the share of
saturated and dead units; the weights' scale on a ruler with Xavier's and He's marked."""
import matplotlib.pyplot as plt
import numpy as np

from ..math.signals import SignalRun, weight_scale
from .alt_text import describe
from .display import Blitter, offscreen_figure
from .style import (BLUE, GREEN, LINESTYLES, ORANGE, PALETTE, SLIDE_WIDE, VERMILLION, WIDE, figure_size, for_slides,
                    legend_below, pt)

FLOOR, CEILING = 1e-12, 1e12  # the spreads' axis: a value beyond is drawn on the edge, and the tick says "≤" / "≥"
SCALES = (1e-3, 10.0)  # the ruler's (and the explorer's slider's) range of the weights' scale s
HIDDEN_NAMES = {"tanh": "tanh", "relu": "relu", "sigmoid": "σ"}
LAYER_AXES = (10, 25, 50)  # the layers' axis runs to the first of these at least the depth: three pictures to keep


def _spread_axis(ax):
    ax.set_yscale("log")
    ax.set_ylim(FLOOR / 3, CEILING * 3)
    ticks = [10.0 ** k for k in range(-12, 13, 6 if for_slides() else 4)]
    ax.set_yticks(ticks)
    ax.set_yticklabels(["≤$10^{-12}$" if t == FLOOR else "≥$10^{12}$" if t == CEILING else f"$10^{{{int(np.log10(t))}}}$"
                        for t in ticks])
    ax.minorticks_off()


def _layer_ticks(depth):
    """Whole layer numbers: every layer up to 10, then 1 and every 5th or 10th."""
    step = 1 if depth <= 10 else 5 if depth <= 25 else 10
    return list(range(1, depth + 1)) if step == 1 else [1] + list(range(step, depth + 1, step))


def _clipped(values):
    return np.clip(np.asarray(values, dtype=np.float64), FLOOR, CEILING)


def _spread(value):
    return "0" if value == 0 else f"{value:.1e}" if value < 1e-3 or value >= 1e4 else f"{value:.3g}"


class SignalView:
    """The signal explorer's figure, made once and drawn again on each move (`display.Blitter`): the ruler, the two
    panels, their labels and the legend stay; the lines, the scale's marker and the title are new. The depth sets the
    layers' axis (to 10, 25 or 50 layers): `warm` draws the three once, so that no move draws the whole figure."""

    def __init__(self, width=100):
        self.run = SignalRun(width=width)
        self.fig = fig = offscreen_figure(figure_size((10, 4.8), (9.6, 5.6)))
        slide = for_slides()
        ruler, left, right = (((0.1, 0.82, 0.86, 0.04), (0.1, 0.25, 0.37, 0.44), (0.6, 0.25, 0.36, 0.44)) if not slide
                              else ((0.14, 0.8, 0.82, 0.035), (0.14, 0.27, 0.33, 0.29), (0.63, 0.27, 0.33, 0.29)))
        self.ruler, self.left, self.right = (fig.add_axes(box) for box in (ruler, left, right))
        self.ruler.set_xscale("log")
        self.ruler.set_xlim(*SCALES)
        self.ruler.set_ylim(0, 1)
        self.ruler.set_yticks([])
        self.ruler.tick_params(axis="x", labelsize=pt(8))
        self.ruler.minorticks_off()
        self.ruler.set_ylabel("scale s", rotation=0, ha="right", va="center", fontsize=pt(9))
        xavier, he = weight_scale("xavier", width), weight_scale("he", width)
        self.ruler.axvline(xavier, color=GREEN, lw=2, ls="--")
        self.ruler.axvline(he, color=PALETTE[4], lw=2, ls=":")
        self.ruler.text(xavier, 1.25, f"Xavier {xavier:.2g} ", ha="right", va="bottom", color=GREEN, fontsize=pt(9))
        self.ruler.text(he, 1.25, f" He {he:.2g}", ha="left", va="bottom", color=PALETTE[4], fontsize=pt(9))
        self.marker, = self.ruler.plot([0.01], [0.5], marker="v", ms=12, color="black", ls="none", clip_on=False)
        self.a_line, = self.left.plot([], [], color=BLUE, lw=2, marker="o", ms=3, label="std of $A^{[l]}$")
        self.dz_line, = self.left.plot([], [], color=ORANGE, lw=2, ls=LINESTYLES[1], marker="s", ms=3,
                                       label="std of $dZ^{[l]}$")
        _spread_axis(self.left)
        self.left.set_xlabel("hidden layer l")
        self.left.set_ylabel("spread (log scale)")
        self.left.set_title("Forward and backward signal")
        self.saturated_line, = self.right.plot([], [], color=VERMILLION, lw=2, marker="^", ms=4,
                                               label="% saturated (tanh, σ)")
        self.dead_line, = self.right.plot([], [], color=BLUE, lw=2, ls=LINESTYLES[2], marker="x", ms=4,
                                          label="% dead units (relu)")
        self.right.set_ylim(-4, 104)
        self.right.set_yticks([0, 25, 50, 75, 100] if not slide else [0, 50, 100])
        self.right.set_xlabel("hidden layer l")
        self.right.set_ylabel("% of the layer")
        self.right.set_title("Saturated and dead")
        fig.legend([self.a_line, self.dz_line, self.saturated_line, self.dead_line],
                   [line.get_label() for line in (self.a_line, self.dz_line, self.saturated_line, self.dead_line)],
                   loc="lower center", ncol=4 if not slide else 2, fontsize=pt(9), bbox_to_anchor=(0.5, 0.0))
        self.title = fig.suptitle("", fontsize=pt(12), y=0.975)
        self.blitter = Blitter(fig)
        self.axis = None
        self.changing = [self.marker, self.a_line, self.dz_line, self.saturated_line, self.dead_line, self.title,
                         # drawn over the lines in a whole drawing (a marker at the last layer reaches the spine)
                         *(spine for ax in (self.ruler, self.left, self.right) for spine in ax.spines.values())]

    def _layers_axis(self, depth):
        """The layers' axis for ``depth`` hidden layers; returns its length, the key of the figure's kept picture."""
        length = next(n for n in LAYER_AXES if depth <= n)
        if length != self.axis:
            self.axis = length
            for ax in (self.left, self.right):
                ax.set_xlim(0.5, length + 0.5)
                ax.set_xticks(_layer_ticks(length))
        return length

    def warm(self):
        """Draw the figure's unchanging parts for each length of the layers' axis and keep them (about 0.1 s each):
        the explorer calls it once its first picture is made, so that a move draws only what changes."""
        current = self.axis
        for length in LAYER_AXES:
            self._layers_axis(length)
            self.blitter.png(self.changing, length)
        if current is not None:
            self._layers_axis(current)

    def draw(self, depth, hidden, scale):
        """Draw ``depth`` hidden layers of ``hidden`` units with weights s · N(0, 1), s = ``scale``; returns the Figure."""
        if hidden not in HIDDEN_NAMES:
            raise ValueError(f"unknown hidden activation {hidden!r}; use 'tanh', 'relu' or 'sigmoid'")
        if not (np.isfinite(scale) and SCALES[0] <= scale <= SCALES[1]):
            raise ValueError(f"scale must be a number from {SCALES[0]:g} to {SCALES[1]:g}; got {scale!r}")
        statistics, (saturated, dead) = self.run.run(depth, hidden, scale)
        key = self._layers_axis(depth)
        layers = np.arange(1, depth + 1)
        self.marker.set_xdata([scale])
        self.a_line.set_data(layers, _clipped(statistics["A"]))
        self.dz_line.set_data(layers, _clipped(statistics["dZ"]))
        self.saturated_line.set_data(layers, 100 * saturated)
        self.dead_line.set_data(layers, 100 * dead)
        name = HIDDEN_NAMES[hidden]
        self.title.set_text(f"{depth} {name} layer{'s' if depth > 1 else ''} of {self.run.width} units, s = {scale:.3g}: "
                            f"std of A$^{{[{depth}]}}$ {_spread(statistics['A'][-1])}, of dZ$^{{[1]}}$ "
                            f"{_spread(statistics['dZ'][0])}")
        self.fig.bbh_png = lambda: self.blitter.png(self.changing, key)
        self.fig.__dict__.pop("_bbh_description", None)
        every = lambda values, fmt: ", ".join(fmt(v) for v in values)
        return describe(self.fig, f"A network of {depth} hidden {name} layer{'s' if depth > 1 else ''} of {self.run.width} units, weights drawn "
                                  f"at scale s = {scale:.3g} (Xavier's scale is {weight_scale('xavier', self.run.width):.2g}, "
                                  f"He's {weight_scale('he', self.run.width):.2g}). Left, on a log scale, the spread of "
                                  f"A per hidden layer, 1 to {depth}: {every(statistics['A'], _spread)}; and of dZ: "
                                  f"{every(statistics['dZ'], _spread)}. Right, the percent of saturated values per layer: "
                                  f"{every(100 * saturated, lambda v: f'{v:.0f}')}; of dead units: "
                                  f"{every(100 * dead, lambda v: f'{v:.0f}')}", texts=False)


def draw_signals(depth=10, hidden="tanh", scale=0.01):
    """The signal explorer's picture for one setting: ``depth`` hidden layers (1 … 50) of 100 ``hidden`` units,
    weights s · N(0, 1) with s = ``scale``; the spreads of A and dZ per layer, and the saturated and dead units."""
    return SignalView().draw(depth, hidden, scale)


def plot_layer_statistics(statistics, *, title):
    """Per hidden layer, one line per start in ``statistics`` {label: `layer_statistics` dict}: the spread of A
    (left) and of dZ (right), on log scales."""
    fig, axes = plt.subplots(1, 2, figsize=figure_size(WIDE, SLIDE_WIDE), sharey=True)
    for i, (label, stats) in enumerate(statistics.items()):
        for ax, key in zip(axes, ("A", "dZ")):
            layers = np.arange(1, len(stats[key]) + 1)
            ax.plot(layers, _clipped(stats[key]), color=PALETTE[i], ls=LINESTYLES[i % len(LINESTYLES)], lw=2,
                    marker="os^x"[i % 4], ms=4, label=label)
    depth = max(len(stats["A"]) for stats in statistics.values())
    for ax, key in zip(axes, ("A", "dZ")):
        _spread_axis(ax)
        ax.set_xticks(_layer_ticks(depth))
        ax.set_xlabel("hidden layer l")
        ax.set_title(f"std of ${key}^{{[l]}}$ per layer")
    axes[0].set_ylabel("spread (log scale)")
    fig.suptitle(title, fontsize=pt(12))
    fig.tight_layout()
    legend_below(fig)
    lines = "; ".join(f"{label}: A from {_spread(s['A'][0])} to {_spread(s['A'][-1])}, dZ from {_spread(s['dZ'][0])} "
                      f"to {_spread(s['dZ'][-1])}" for label, s in statistics.items())
    return describe(fig, f"Two line charts on log scales, the spread of A (left) and of dZ (right) per hidden layer, "
                         f"one line per start; from the first hidden layer to the last, {lines}")
