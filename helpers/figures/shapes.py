"""Shapes drawn: each equation's matrices as blocks whose height and width follow their shapes (notebook 02).

A product that cannot work (inner sizes that differ) is visible at a glance; the table of the same shapes is
`math/shapes.py`.
"""
import matplotlib.pyplot as plt
from matplotlib.colors import to_rgba
from matplotlib.patches import Rectangle

from .alt_text import describe
from .style import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION, pt


COLOURS = {"W": BLUE, "b": SKY, "X": GREEN, "A": GREEN, "Z": ORANGE, "d": VERMILLION, "g": PURPLE, "Y": GREY}


def _equations(n_x, n_h, n_y, m, pass_):
    """The pass as two columns of equations (layer 1 and layer 2, in the order they run), each a list of
    blocks (name, (rows, cols)) and operator strings."""
    if pass_ == "forward":
        return [
            [[("Z1", (n_h, m)), "=", ("W1", (n_h, n_x)), "·", ("X", (n_x, m)), "+", ("b1", (n_h, 1))],
             [("A1", (n_h, m)), "=", "g(", ("Z1", (n_h, m)), ")"]],
            [[("Z2", (n_y, m)), "=", ("W2", (n_y, n_h)), "·", ("A1", (n_h, m)), "+", ("b2", (n_y, 1))],
             [("A2", (n_y, m)), "=", "σ(", ("Z2", (n_y, m)), ")"]],
        ]
    return [
        [[("dZ2", (n_y, m)), "=", ("A2", (n_y, m)), "−", ("Y", (n_y, m))],
         [("dW2", (n_y, n_h)), "=", "1/m", ("dZ2", (n_y, m)), "·", ("A1ᵀ", (m, n_h))],
         [("db2", (n_y, 1)), "=", "1/m Σ", ("dZ2", (n_y, m))]],
        [[("dZ1", (n_h, m)), "=", ("W2ᵀ", (n_h, n_y)), "·", ("dZ2", (n_y, m)), "∗", ("g′(Z1)", (n_h, m))],
         [("dW1", (n_h, n_x)), "=", "1/m", ("dZ1", (n_h, m)), "·", ("Xᵀ", (m, n_x))],
         [("db1", (n_h, 1)), "=", "1/m Σ", ("dZ1", (n_h, m))]],
    ]


OPERATOR_WIDTH = {"1/m": 0.42, "1/m Σ": 0.62, "g(": 0.3, "σ(": 0.3, ")": 0.15}  # inches


class Blocks:
    """The layout of equations drawn as blocks, in inches (one data unit is one inch), so labels keep their size and
    never overlap whatever the sizes: ``columns`` is a list of columns, each a list of equations, each a list of
    blocks (name, (rows, cols)) and operator strings."""
    LABEL, GAP = 0.24, 0.2  # room for the name above and the shape below a block; space between equations

    def __init__(self, columns):
        self.columns = columns
        largest = max(max(item[1]) for column in columns for eq in column for item in eq if isinstance(item, tuple))
        self.cell = min(0.2, 0.8 / largest)  # inches per row or column of a matrix
        self.column_widths = [max(sum(self.width(i) for i in eq) for eq in column) for column in columns]
        rows = max(len(column) for column in columns)
        self.row_heights = [max(self.height(column[r]) for column in columns if r < len(column)) for r in range(rows)]
        self.width_total = sum(self.column_widths) + 0.6 * (len(columns) - 1) + 0.2
        self.height_total = sum(self.row_heights) + self.GAP * (rows - 1)

    def width(self, item):
        if isinstance(item, str):
            return OPERATOR_WIDTH.get(item, 0.3)
        return max(item[1][1] * self.cell, 0.55) + 0.08

    def height(self, eq):
        return max(item[1][0] * self.cell for item in eq if isinstance(item, tuple)) + 2 * self.LABEL

    def draw(self, ax, x0, top, *, marked=(), mark_colour=BLACK):
        """Draw every column from (x0, top) down; a block whose name is in ``marked`` gets a thick outline."""
        for column, column_width in zip(self.columns, self.column_widths):
            y = top
            for eq, row_height in zip(column, self.row_heights):
                self._equation(ax, eq, x0, y - row_height / 2, marked, mark_colour)
                y -= row_height + self.GAP
            x0 += column_width + 0.6

    def _equation(self, ax, eq, x, centre, marked, mark_colour):
        for item in eq:
            if isinstance(item, str):
                ax.text(x + self.width(item) / 2, centre, item, ha="center", va="center", fontsize=pt(13))
                x += self.width(item)
                continue
            name, (r, c) = item
            w, h = c * self.cell, r * self.cell
            slot = self.width(item)
            left = x + (slot - w) / 2
            thick = name in marked
            # add_artist, not add_patch: the limits are set by the caller, and add_patch's update of them took 60 ms a drawing
            colour = COLOURS.get(name[0], GREY)
            if thick:  # a solid outline around a paler fill
                ax.add_artist(Rectangle((left, centre - h / 2), w, h, fc=to_rgba(colour, 0.5), ec=mark_colour, lw=2.6))
            else:
                ax.add_artist(Rectangle((left, centre - h / 2), w, h, fc=colour, ec="black", lw=0.8, alpha=0.35))
            ax.text(x + slot / 2, centre + h / 2 + 0.04, name, ha="center", va="bottom", fontsize=pt(10), weight="bold")
            ax.text(x + slot / 2, centre - h / 2 - 0.04, f"{r}×{c}", ha="center", va="top", fontsize=pt(9))
            x += slot

    def said(self):
        """The equations as words, for the text alternative."""
        return "; ".join(" ".join(f"{i[0]} ({i[1][0]}×{i[1][1]})" if isinstance(i, tuple) else i for i in eq)
                         for column in self.columns for eq in column)


def draw_shapes(n_x, n_h, n_y, m=1, *, pass_="forward"):
    """Draw the forward or backward equations with each matrix as a block of its shape; returns the Figure.

    Layer 1 is on the left, layer 2 on the right (the backward pass runs right to left). The drawing is laid
    out in inches (one data unit is one inch), so labels keep their size and never overlap whatever the sizes.
    """
    if pass_ not in ("forward", "backward"):
        raise ValueError(f"pass_ must be 'forward' or 'backward'; got {pass_!r}")
    columns = _equations(n_x, n_h, n_y, m, pass_)
    if pass_ == "backward":
        columns = columns[::-1]  # layer 1 on the left in both passes
    blocks = Blocks(columns)
    title_room = 0.45
    total_width = max(blocks.width_total, 6.0)
    total_height = blocks.height_total + title_room + 0.1
    fig = plt.figure(figsize=(total_width, total_height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, total_width)
    ax.set_ylim(0, total_height)
    ax.set_axis_off()
    blocks.draw(ax, 0.1, total_height - title_room)
    what = "forward pass" if pass_ == "forward" else "backward pass (dfoo has the shape of foo)"
    ax.text(0.1, total_height - 0.08, f"Shapes of the {what}: n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}",
            ha="left", va="top", fontsize=pt(12))
    return describe(fig, f"The equations of the {what}, each matrix drawn as a block of its shape "
                         f"(n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}): {blocks.said()}", texts=False)
