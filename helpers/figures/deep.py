"""Shapes in a network of L layers (notebook 06): one backward step's equations as blocks of their shapes, under the
row of caches, with the cache that step reads marked.

The row shows every layer's cache (caches[0] is layer 1's …); the equations of backward step l read caches[l − 1]: its
A_prev (for dW), W (for dA_prev) and Z (for g′). Those blocks are outlined in the cache's colour.
"""
import matplotlib.pyplot as plt
from matplotlib.colors import to_rgba
from matplotlib.patches import FancyBboxPatch

from .alt_text import describe
from .shapes import Blocks
from .style import BLUE, GREY, VERMILLION, pt


def backward_step(layer_dims, m, l):
    """Backward step ``l`` of the network ``layer_dims`` as one column of equations (blocks and operators)."""
    L = len(layer_dims) - 1
    n, n_prev = layer_dims[l], layer_dims[l - 1]
    A_prev = "X" if l == 1 else f"A{l - 1}"
    if l == L:
        first = [(f"dZ{l}", (n, m)), "=", (f"A{l}", (n, m)), "−", ("Y", (n, m))]
    else:
        first = [(f"dZ{l}", (n, m)), "=", (f"dA{l}", (n, m)), "∗", (f"g′(Z{l})", (n, m))]
    return [[first,
             [(f"dW{l}", (n, n_prev)), "=", "1/m", (f"dZ{l}", (n, m)), "·", (f"{A_prev}ᵀ", (m, n_prev))]],
            [[(f"dA{l - 1}", (n_prev, m)), "=", (f"W{l}ᵀ", (n_prev, n)), "·", (f"dZ{l}", (n, m))],
             [(f"db{l}", (n, 1)), "=", "1/m Σ", (f"dZ{l}", (n, m))]]]


def draw_deep_shapes(layer_dims, m=1, step=None, *, hidden="relu"):
    """The caches of an L-layer network in a row, and the equations of backward step ``step`` (default L) as blocks of
    their shapes; the blocks read from caches[step − 1] are outlined. Returns the Figure."""
    L = len(layer_dims) - 1
    step = L if step is None else step
    if not 1 <= step <= L:
        raise ValueError(f"step must be a layer, 1 … L = {L}; got {step}")
    blocks = Blocks(backward_step(layer_dims, m, step))
    k = pt(10) / 10  # on a slide the text is larger (pt): the boxes and gaps grow with it
    box_w, box_h, gap = 1.55 * k, 1.2 * k, 0.12 * k
    row_width = L * box_w + (L - 1) * gap + 0.2
    title_room, row_room = 0.45 * k, box_h + 0.5 * k
    total_width = max(blocks.width_total, row_width, 6.0)
    total_height = title_room + row_room + blocks.height_total + 0.1
    fig = plt.figure(figsize=(total_width, total_height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, total_width)
    ax.set_ylim(0, total_height)
    ax.set_axis_off()
    top = total_height - title_room
    said = []
    for l in range(1, L + 1):
        x = 0.1 + (l - 1) * (box_w + gap)
        read = l == step
        g = "σ" if l == L else hidden
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        ax.add_artist(FancyBboxPatch((x, top - box_h), box_w, box_h, boxstyle="round,pad=0,rounding_size=0.08",
                                     fc=to_rgba(BLUE, 0.22) if read else "white", ec=BLUE if read else GREY,
                                     lw=2.6 if read else 1))
        lines = [f"A_prev {n_prev}×{m}", f"W {n}×{n_prev}, b {n}×1", f"Z, A {n}×{m}", f"g = {g}"]
        ax.text(x + box_w / 2, top - 0.06 * k, f"caches[{l - 1}]", ha="center", va="top", fontsize=pt(10), weight="bold")
        ax.text(x + box_w / 2, top - 0.34 * k, "\n".join(lines), ha="center", va="top", fontsize=pt(8.5),
                linespacing=1.35)
        said.append(f"caches[{l - 1}], layer {l}: " + ", ".join(lines) + (" (read by this step)" if read else ""))
    cache = ["Xᵀ" if step == 1 else f"A{step - 1}ᵀ", f"W{step}ᵀ"] + ([f"A{step}"] if step == L else [f"g′(Z{step})"])
    ax.text(0.1, top - box_h - 0.25 * k, f"step {step} reads caches[{step - 1}] (highlighted): " + ", ".join(cache)
            + ", outlined below", ha="left", va="center", fontsize=pt(9.5), color=BLUE)
    blocks.draw(ax, 0.1, top - row_room, marked=set(cache), mark_colour=BLUE)
    ax.text(0.1, total_height - 0.08, f"Backward step {step} of L = {L}: layer_dims = {list(layer_dims)}, m = {m}",
            ha="left", va="top", fontsize=pt(12))
    return describe(fig, f"Backward step {step} of an L = {L} layer network with layer_dims {list(layer_dims)} and "
                         f"m = {m}. The caches in a row: {'; '.join(said)}. The step's equations, each matrix a block of "
                         f"its shape: {blocks.said()}. Outlined, read from caches[{step - 1}]: {', '.join(cache)}.",
                    texts=False)


def parse_layer_dims(text, *, largest=8, deepest=6):
    """``"2, 4, 3, 1"`` → [2, 4, 3, 1]; a ValueError that says what is allowed when the text is not such a list."""
    try:
        dims = [int(part) for part in text.replace("[", "").replace("]", "").split(",") if part.strip()]
    except ValueError:
        dims = []
    if not 2 <= len(dims) <= deepest + 1 or not all(1 <= n <= largest for n in dims):
        raise ValueError(f"layer_dims: write 2 to {deepest + 1} whole numbers from 1 to {largest}, separated by commas "
                         f"(n_0 = n_x first, n_L last), e.g. 2, 4, 3, 1; got {text!r}")
    return dims


def draw_message(text):
    """A small figure that says ``text`` (what an explorer shows for a setting it cannot draw)."""
    fig = plt.figure(figsize=(7.0, 1.0))
    fig.text(0.02, 0.5, text, ha="left", va="center", fontsize=pt(11), wrap=True, color=VERMILLION)
    return describe(fig, text, texts=False)
