"""Computation graphs drawn as boxes and arrows (notebooks 01 and 02), and 01's table of derivatives.

A node is a box with its name, its forward value and, when asked, its derivative dL/d(node) — "dfoo"
in the lecture's code notation. Forward edges are solid arrows; the backward pass is written in
vermilion under each node, so the chain rule reads from right to left.
"""
import re

import matplotlib.pyplot as plt
import numpy as np

from ..math.gradcheck import relative_difference
from ..math.logistic import derivative_agrees, logistic_graph_values
from .alt_text import BOX, describe
from .display import Blitter, offscreen_figure
from .style import BLACK, BLUE, GREY, VERMILLION, figure_size, for_slides, pt

INPUT, COMPUTED, OUTPUT = "#E8F1F8", "#FFFFFF", "#FDF6D8"  # light tints of the palette's blue and yellow


def _draw(ax, nodes, edges, title):
    """Draw ``nodes`` {key: (x, y, lines, fill)} joined by ``edges`` [(from, to)] on ``ax``; return the texts of the
    lines that hold a number, and the room made for them (`_room`): a redraw whose rooms are the same draws the same
    boxes and arrows.

    ``lines`` is a list of (text, colour) pairs stacked in the node's box, or (text, colour, room) for a line that holds
    a number, whose box is sized by ``room`` instead of the text.
    """
    line_height = 1.3 * pt(10)  # points
    boxes, numbers, rooms = {}, [], []
    for key, (x, y, lines, fill) in nodes.items():
        # an invisible block of the same lines sizes the box; each line is then written in its colour
        block = "\n".join(line[2] if len(line) > 2 else line[0] for line in lines)
        boxes[key] = ax.text(x, y, block, ha="center", va="center", fontsize=pt(10), color="none", zorder=3, gid=BOX,
                             bbox=dict(boxstyle="round,pad=0.4", fc=fill, ec=BLUE, lw=1.2))
        boxes[key].bbh_said = "\n".join(line[0] for line in lines)  # what the text alternative reads (alt_text.py)
        top = line_height * (len(lines) - 1) / 2
        for i, (t, colour, *room) in enumerate(lines):
            text = ax.annotate(t, xy=(x, y), xytext=(0, top - i * line_height), textcoords="offset points",
                               ha="center", va="center", fontsize=pt(10), color=colour, zorder=4)
            if room:
                numbers.append(text)
                rooms.append(room[0])
    for start, end in edges:
        ax.annotate("", xy=nodes[end][:2], xytext=nodes[start][:2], zorder=5,
                    arrowprops=dict(arrowstyle="-|>", mutation_scale=14, color=GREY, lw=1.4, shrinkA=2, shrinkB=2,
                                    patchA=boxes[start].get_bbox_patch(), patchB=boxes[end].get_bbox_patch()))
    ax.set_xlim(-0.9, max(n[0] for n in nodes.values()) + 0.9)
    ys = [n[1] for n in nodes.values()]
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.set_axis_off()
    ax.set_title(title)
    return numbers, tuple(rooms)


# the room a number of the graph gets in its box, as wide as any the sliders (±3) can give, so that the boxes keep
# their sizes: "-0.0e-00" holds ±99.999 and a tiny number (dz of a confident right answer, -7.6e-10), and da, which grows
# like -1/a, gets "-00000.000" (-1/σ(-21) = -1.3e+09 fits too)
NUMBER_ROOM, LARGE_NUMBER_ROOM = "-0.0e-00", "-00000.000"


def _room(text, least=NUMBER_ROOM):
    """The text that sizes the box of a line ending in a number: the line with each digit a 0 (digits are equally wide)
    and the number given the room of ``least`` at least."""
    shape = re.sub(r"\d", "0", text)
    number = re.search(r"-?[0.]+(?:e[-+]00)?$", shape)
    short = number is not None and len(number.group(0)) < len(least)
    return shape[:number.start()] + least if short else shape


# ---------------------------------------------------------------------------------------------------
# Logistic regression: x1, x2, w1, w2, b → z → a → L
# ---------------------------------------------------------------------------------------------------
def number(v, digits=6, plus=True):
    """A value for a table: fixed point when it reads well, scientific notation when it is tiny or huge."""
    sign = "+" if plus else ""
    if v == 0:
        return "0"
    if not np.isfinite(v) or abs(v) < 1e-3 or abs(v) >= 1e5:
        return f"{v:{sign}.{max(digits - 4, 1)}e}"
    return f"{v:{sign}.{digits}f}"


LOGISTIC_GRAPH_SIZE = ((9.5, 4.6), (9.5, 5.6))  # inches: in a notebook, on a slide
# laid out by hand (saving needs no second, "tight" pass): the panel, and above it the title
LOGISTIC_GRAPH_AXES = ((0.0, 0.0, 1.0, 0.93), (0.0, 0.0, 1.0, 0.92))  # in a notebook, on a slide


def draw_logistic_graph(x1=1.0, x2=-2.0, w1=0.5, w2=-0.3, b=0.1, y=1, *, show="both", ax=None):
    """The graph x1, x2, w1, w2, b → z = w1x1 + w2x2 + b → a = σ(z) → L(a, y), as a Figure.

    ``show``: "values" (the forward pass), "gradients" (each node's derivative, the backward pass)
    or "both".
    """
    return _logistic_graph(x1, x2, w1, w2, b, y, show=show, ax=ax)[0]


def _logistic_graph(x1, x2, w1, w2, b, y, *, show, ax):
    """`draw_logistic_graph`, and what `_draw` returns: the texts that hold numbers (y's included) and their rooms."""
    if show not in ("values", "gradients", "both"):
        raise ValueError(f"show must be 'values', 'gradients' or 'both'; got {show!r}")
    v = logistic_graph_values(x1, x2, w1, w2, b, y)
    fwd, bwd = show in ("values", "both"), show in ("gradients", "both")

    def numbered(text, colour, least=NUMBER_ROOM):
        return text, colour, _room(text, least)

    def node(name, value=None, grad=None, grad_room=NUMBER_ROOM):
        lines = [(name, BLACK)]
        if fwd and value is not None:
            lines.append(numbered(f"= {number(value, 3, plus=False)}", BLUE))
        if bwd and grad is not None:
            lines.append(numbered(grad, VERMILLION, grad_room))
        return lines

    nodes = {
        "x1": (0, 2.4, node("$x_1$", x1), INPUT),
        "w1": (0, 1.2, node("$w_1$", w1, f"dw₁ = {number(v['dw1'], 3, plus=False)}"), INPUT),
        "x2": (0, 0.0, node("$x_2$", x2), INPUT),
        "w2": (0, -1.2, node("$w_2$", w2, f"dw₂ = {number(v['dw2'], 3, plus=False)}"), INPUT),
        "b": (0, -2.4, node("$b$", b, f"db = {number(v['db'], 3, plus=False)}"), INPUT),
        "z": (2.4, 0.0, node("$z = w_1x_1 + w_2x_2 + b$", v["z"], f"dz = {number(v['dz'], 3, plus=False)}"), COMPUTED),
        "a": (4.8, 0.0, node("$a = \\sigma(z)$", v["a"], f"da = {number(v['da'], 3, plus=False)}", LARGE_NUMBER_ROOM),
              COMPUTED),
        "L": (6.9, 0.0, node(f"$\\mathcal{{L}}(a, y)$, y = {y:g}", v["L"]), OUTPUT),
    }
    name = nodes["L"][2][0][0]
    nodes["L"][2][0] = (name, BLACK, _room(name, least=""))  # y = 0 or 1: the box keeps its size
    edges = [("x1", "z"), ("w1", "z"), ("x2", "z"), ("w2", "z"), ("b", "z"), ("z", "a"), ("a", "L")]
    titles = {"values": "Forward pass: each node's value", "gradients": "Backward pass: each node's derivative dL/d(node)",
              "both": "Values (blue) and derivatives (vermilion)"}  # on one line on a slide too
    fig = ax.figure if ax is not None else plt.figure(figsize=figure_size(*LOGISTIC_GRAPH_SIZE))
    if ax is None:
        ax = fig.add_axes(figure_size(*LOGISTIC_GRAPH_AXES))
    numbers, rooms = _draw(ax, nodes, edges, titles[show])
    fig = describe(fig, "A computation graph drawn as boxes joined by arrows, left to right: x1, w1, x2, w2 and b "
                        "feed z, z feeds a, and a feeds the loss L")
    return fig, numbers, rooms


class LogisticGraphView:
    """The graph explorer's figure (01): `draw_logistic_graph` drawn into one kept figure. Its boxes are sized by the room
    of their numbers (`_room`), not by the numbers, so a move that keeps every room draws the same boxes and arrows: it
    draws only the numbers, over a copy of the rest (`display.Blitter`)."""

    def __init__(self):
        self.fig = offscreen_figure(figure_size(*LOGISTIC_GRAPH_SIZE))
        self.ax = self.fig.add_axes(figure_size(*LOGISTIC_GRAPH_AXES))
        self.blitter = Blitter(self.fig)

    def draw(self, x1, x2, w1, w2, b, y):
        """The graph with every value and derivative for these inputs; returns the figure (with ``bbh_png``)."""
        for text in self.ax.texts[:]:  # the boxes, their lines and the arrows (annotations)
            text.remove()
        fig, numbers, rooms = _logistic_graph(x1, x2, w1, w2, b, y, show="both", ax=self.ax)
        fig.bbh_png = lambda: self.blitter.png(numbers, rooms)
        return fig


def logistic_check_table(values):
    """An HTML table: each derivative, its formula, its analytic value, central differences, and the verdict."""
    formulas = {"da": "−y/a + (1−y)/(1−a)", "dz": "a − y", "dw1": "x₁ dz", "dw2": "x₂ dz", "db": "dz"}
    rows = []
    for name, formula in formulas.items():
        analytic, numeric = values[name], values["numeric"][name]
        diff = relative_difference([analytic], [numeric])
        if derivative_agrees(analytic, numeric, values["tolerance"][name]):
            verdict = f"✓ {diff:.0e}"
        else:
            verdict = "✗ not finite" if not np.isfinite(diff) else f"✗ {diff:.0e}"
        rows.append(f"<tr><td><b>{name}</b></td><td>{formula}</td><td>{number(analytic)}</td><td>{number(numeric)}</td><td>{verdict}</td></tr>")
    head = "<tr><th>derivative</th><th>formula</th><th>chain rule</th><th>central differences</th><th>relative difference</th></tr>"
    return f"<table class='bbh-table'>{head}{''.join(rows)}</table>"


# ---------------------------------------------------------------------------------------------------
# The two-layer network: x → z[1] → a[1] → z[2] → a[2] → L
# ---------------------------------------------------------------------------------------------------
_TWO_LAYER = {"x": (0, 0.4), "W1": (0.6, 1.6), "z1": (2.0, 0.4), "a1": (3.9, -0.8), "W2": (4.6, 1.6), "z2": (6.0, 0.4),
              "a2": (7.9, -0.8), "L": (9.6, 0.4)}
_TWO_LAYER_ON_A_SLIDE = {"W1": (3.3, 2.3), "x": (0, 1.0), "z1": (3.3, 1.0), "a1": (6.6, 1.0), "W2": (0, -0.5),
                         "z2": (0, -1.9), "a2": (3.3, -1.9), "L": (6.6, -1.9)}


def draw_two_layer_graph(*, show="both", ax=None):
    """The two-layer network's graph for one example, with the backward pass's derivatives under each node.

    ``show``: "values" (the forward equations only), "gradients" or "both".
    """
    if show not in ("values", "gradients", "both"):
        raise ValueError(f"show must be 'values', 'gradients' or 'both'; got {show!r}")
    bwd = show in ("gradients", "both")

    # each node's name and gradients (a box's gradients share a line in a notebook; on a slide each has its own)
    labels = {
        "x": (("$x = a^{[0]}$",), INPUT),
        "W1": (("$W^{[1]}, b^{[1]}$", "$dW^{[1]} = dz^{[1]}x^T$", "$db^{[1]} = dz^{[1]}$"), INPUT),
        "z1": (("$z^{[1]} = W^{[1]}x + b^{[1]}$", "$dz^{[1]} = W^{[2]T}dz^{[2]} * g^{[1]\\prime}(z^{[1]})$"), COMPUTED),
        "a1": (("$a^{[1]} = g^{[1]}(z^{[1]})$", "$da^{[1]} = W^{[2]T}dz^{[2]}$"), COMPUTED),
        "W2": (("$W^{[2]}, b^{[2]}$", "$dW^{[2]} = dz^{[2]}a^{[1]T}$", "$db^{[2]} = dz^{[2]}$"), INPUT),
        "z2": (("$z^{[2]} = W^{[2]}a^{[1]} + b^{[2]}$", "$dz^{[2]} = a^{[2]} - y$"), COMPUTED),
        "a2": (("$a^{[2]} = \\sigma(z^{[2]})$", "$da^{[2]}$ (folded into $dz^{[2]}$)"), COMPUTED),
        "L": (("$\\mathcal{L}(a^{[2]}, y)$",), OUTPUT),
    }
    slide = for_slides()
    # on a slide, with its larger text, the graph goes in two rows (layer 1 over layer 2) to fit 960 px
    positions = _TWO_LAYER_ON_A_SLIDE if slide else _TWO_LAYER

    def node(name, *grads):
        # on a slide a line each, the comma kept, so the text alternative reads the same in both
        grads = [g + "," for g in grads[:-1]] + list(grads[-1:]) if slide else [",  ".join(grads)] if grads else []
        return [(name, BLACK)] + [(grad, VERMILLION) for grad in grads if bwd]

    nodes = {key: (*positions[key], node(*texts), fill) for key, (texts, fill) in labels.items()}
    edges = [("x", "z1"), ("W1", "z1"), ("z1", "a1"), ("a1", "z2"), ("W2", "z2"), ("z2", "a2"), ("a2", "L")]
    title = "The two-layer network for one example" + (": forward (black) and backward (vermilion)" if bwd else "")
    fig = ax.figure if ax is not None else plt.figure(figsize=figure_size((11, 4.4), (10.2, 5.8)))
    ax = ax if ax is not None else fig.add_subplot()
    _draw(ax, nodes, edges, title)
    return describe(fig, "A computation graph for one example drawn as boxes joined by arrows, left to right: x and "
                         "W[1], b[1] feed z[1], then a[1]; a[1] and W[2], b[2] feed z[2], then a[2], then the loss L")
