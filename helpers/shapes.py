"""Shapes as a debugging tool: "dfoo has the shape of foo" (view and interaction layers).

`shape_table` lists the shape of every array of the forward and backward pass for given layer sizes;
`draw_shapes` draws each equation's matrices as blocks whose height and width follow their shapes, so
a product that cannot work (inner sizes that differ) is visible at a glance.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

from .explorer import Explorer
from .style import BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION


def shape_table(n_x, n_h, n_y, m=1):
    """Every array of one forward and backward pass: a list of (name, shape, why) rows.

    Names are the vectorized ones (X, Z1, dW1...); with m = 1 they are the single-example x, z1, dW1...
    """
    return [
        ("X", (n_x, m), "n_x features, one column per example"),
        ("W1", (n_h, n_x), "one row per hidden unit, one column per input"),
        ("b1", (n_h, 1), "one bias per hidden unit, a column"),
        ("Z1", (n_h, m), "W1 X is (n_h, n_x)(n_x, m)"),
        ("A1", (n_h, m), "g applied element-wise keeps the shape"),
        ("W2", (n_y, n_h), "one row per output unit, one column per hidden unit"),
        ("b2", (n_y, 1), "one bias per output unit"),
        ("Z2", (n_y, m), "W2 A1 is (n_y, n_h)(n_h, m)"),
        ("A2", (n_y, m), "σ keeps the shape"),
        ("dZ2", (n_y, m), "the shape of Z2"),
        ("dW2", (n_y, n_h), "dZ2 A1ᵀ is (n_y, m)(m, n_h): the shape of W2"),
        ("db2", (n_y, 1), "summed over the m columns, kept as a column: the shape of b2"),
        ("W2ᵀ dZ2", (n_h, m), "(n_h, n_y)(n_y, m): already the shape of Z1"),
        ("g′(Z1)", (n_h, m), "element-wise, the shape of Z1"),
        ("dZ1", (n_h, m), "W2ᵀ dZ2 ∗ g′(Z1): element-wise product of two (n_h, m)"),
        ("dW1", (n_h, n_x), "dZ1 Xᵀ is (n_h, m)(m, n_x): the shape of W1"),
        ("db1", (n_h, 1), "summed over the m columns, kept as a column: the shape of b1"),
    ]


def print_shape_table(n_x, n_h, n_y, m=1):
    """Print `shape_table` as aligned rows (deterministic text, for a notebook)."""
    print(f"n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}")
    for name, shape, why in shape_table(n_x, n_h, n_y, m):
        print(f"  {name:9s} {str(shape):9s} {why}")


COLOURS = {"W": BLUE, "b": SKY, "X": GREEN, "A": GREEN, "Z": ORANGE, "d": VERMILLION, "g": PURPLE, "Y": GREY}


def _equations(n_x, n_h, n_y, m, pass_):
    """Each equation as a list of blocks (name, (rows, cols)) and operator strings."""
    if pass_ == "forward":
        return [
            [("Z1", (n_h, m)), "=", ("W1", (n_h, n_x)), "·", ("X", (n_x, m)), "+", ("b1", (n_h, 1))],
            [("A1", (n_h, m)), "=", "g(", ("Z1", (n_h, m)), ")"],
            [("Z2", (n_y, m)), "=", ("W2", (n_y, n_h)), "·", ("A1", (n_h, m)), "+", ("b2", (n_y, 1))],
        ]
    return [
        [("dZ2", (n_y, m)), "=", ("A2", (n_y, m)), "−", ("Y", (n_y, m))],
        [("dW2", (n_y, n_h)), "=", "1/m", ("dZ2", (n_y, m)), "·", ("A1ᵀ", (m, n_h))],
        [("dZ1", (n_h, m)), "=", ("W2ᵀ", (n_h, n_y)), "·", ("dZ2", (n_y, m)), "∗", ("g′(Z1)", (n_h, m))],
        [("dW1", (n_h, n_x)), "=", "1/m", ("dZ1", (n_h, m)), "·", ("Xᵀ", (m, n_x))],
    ]


def draw_shapes(n_x, n_h, n_y, m=1, *, pass_="forward", ax=None):
    """Draw the forward or backward equations with each matrix as a block of its shape; returns the Figure."""
    if pass_ not in ("forward", "backward"):
        raise ValueError(f"pass_ must be 'forward' or 'backward'; got {pass_!r}")
    equations = _equations(n_x, n_h, n_y, m, pass_)
    largest = max(max(item[1]) for eq in equations for item in eq if isinstance(item, tuple))
    unit = min(0.45, 3.2 / largest)  # one row or column of a matrix, in drawing units
    row_height = max(max(item[1][0] for item in eq if isinstance(item, tuple)) for eq in equations) * unit + 1.2
    fig = ax.figure if ax is not None else plt.figure(figsize=(9, 4.6 if pass_ == "forward" else 6.2))
    ax = ax if ax is not None else fig.add_subplot()
    top, width = 0.0, 0.0
    for eq in equations:
        x = 0.0
        height = max(item[1][0] for item in eq if isinstance(item, tuple)) * unit
        centre = top - row_height / 2
        for item in eq:
            if isinstance(item, str):
                ax.text(x + 0.35, centre, item, ha="center", va="center", fontsize=16)
                x += 0.7 + 0.12 * max(0, len(item) - 1)
                continue
            name, (rows, cols) = item
            w, h = cols * unit, rows * unit
            colour = COLOURS.get(name[0], GREY)
            ax.add_patch(Rectangle((x, centre - h / 2), w, h, fc=colour, ec="black", lw=1, alpha=0.35))
            label_x = x + w / 2
            ax.text(label_x, centre + h / 2 + 0.12, name, ha="center", va="bottom", fontsize=10, weight="bold")
            ax.text(label_x, centre - h / 2 - 0.12, f"{rows}×{cols}", ha="center", va="top", fontsize=9)
            x += max(w, 0.9) + 0.25
        width = max(width, x)
        top -= row_height
    ax.set_xlim(-0.2, width + 0.2)
    ax.set_ylim(top - 0.1, 0.1)
    ax.set_aspect("equal")
    ax.set_axis_off()
    what = "forward pass" if pass_ == "forward" else "backward pass (dfoo has the shape of foo)"
    ax.set_title(f"Shapes of the {what}: n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}")
    return fig


def shape_explorer():
    """Sliders for n^[0] = n_x, n^[1] = n_h, n^[2] = n_y and m; redraws every matrix as a block of its shape."""
    def slider(name, value, top):
        return widgets.IntSlider(value=value, min=1, max=top, description=name, continuous_update=False)

    controls = {
        "n_x": slider("n⁰ = n_x", 3, 8), "n_h": slider("n¹ = n_h", 4, 8), "n_y": slider("n² = n_y", 1, 4),
        "m": slider("m", 1, 8),
        "pass_": widgets.ToggleButtons(options=[("forward", "forward"), ("backward", "backward")], value="forward", description="pass"),
    }
    return Explorer(controls, lambda **v: draw_shapes(**v), description="Shape explorer: move a slider to redraw every matrix as a block of its shape (needs a running kernel).")
