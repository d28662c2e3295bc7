"""Shapes drawn: each equation's matrices as blocks whose height and width follow their shapes (notebook 02).

A product that cannot work (inner sizes that differ) is visible at a glance; the table of the same shapes is
`math/shapes.py`.
"""
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

from .alt_text import describe
from .style import BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION, pt


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
    largest = max(max(item[1]) for column in columns for eq in column for item in eq if isinstance(item, tuple))
    cell = min(0.2, 0.8 / largest)  # inches per row or column of a matrix
    label, gap = 0.24, 0.2  # room for the name above and the shape below a block; space between equations

    def width(item):
        if isinstance(item, str):
            return OPERATOR_WIDTH.get(item, 0.3)
        return max(item[1][1] * cell, 0.55) + 0.08

    def height(eq):
        return max(item[1][0] * cell for item in eq if isinstance(item, tuple)) + 2 * label

    column_widths = [max(sum(width(i) for i in eq) for eq in column) for column in columns]
    rows = max(len(column) for column in columns)
    row_heights = [max(height(column[r]) for column in columns if r < len(column)) for r in range(rows)]
    total_width = sum(column_widths) + 0.6 * (len(columns) - 1) + 0.2
    title_room = 0.45
    total_height = sum(row_heights) + gap * (rows - 1) + title_room + 0.1
    fig = plt.figure(figsize=(max(total_width, 6.0), total_height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, max(total_width, 6.0))
    ax.set_ylim(0, total_height)
    ax.set_axis_off()
    x0 = 0.1
    for column, column_width in zip(columns, column_widths):
        top = total_height - title_room
        for eq, row_height in zip(column, row_heights):
            centre = top - row_height / 2
            x = x0
            for item in eq:
                if isinstance(item, str):
                    ax.text(x + width(item) / 2, centre, item, ha="center", va="center", fontsize=pt(13))
                    x += width(item)
                    continue
                name, (r, c) = item
                w, h = c * cell, r * cell
                slot = width(item)
                left = x + (slot - w) / 2
                # add_artist, not add_patch: the limits are set above, and add_patch's update of them took 60 ms a drawing
                ax.add_artist(Rectangle((left, centre - h / 2), w, h, fc=COLOURS.get(name[0], GREY), ec="black", lw=0.8,
                                        alpha=0.35))
                ax.text(x + slot / 2, centre + h / 2 + 0.04, name, ha="center", va="bottom", fontsize=pt(10), weight="bold")
                ax.text(x + slot / 2, centre - h / 2 - 0.04, f"{r}×{c}", ha="center", va="top", fontsize=pt(9))
                x += slot
            top -= row_height + gap
        x0 += column_width + 0.6
    what = "forward pass" if pass_ == "forward" else "backward pass (dfoo has the shape of foo)"
    ax.text(0.1, total_height - 0.08, f"Shapes of the {what}: n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}",
            ha="left", va="top", fontsize=pt(12))
    said = "; ".join(" ".join(f"{i[0]} ({i[1][0]}×{i[1][1]})" if isinstance(i, tuple) else i for i in eq)
                     for column in columns for eq in column)
    return describe(fig, f"The equations of the {what}, each matrix drawn as a block of its shape "
                         f"(n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}): {said}", texts=False)
