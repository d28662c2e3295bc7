"""Every figure's text alternative, for a screen reader: what kind of figure it is and what it shows.

A figure-drawing function says what kind of figure it made (``describe``); ``alt_text`` adds what the figure shows: its
titles, axis labels, legend entries, where each curve starts and ends and, for a graph drawn as boxes, the text in
every box. `display.py` puts it in the ``alt`` of the image a notebook shows (JupyterLab gives a plain image output
no alt text at all).
"""
import re

import numpy as np


def describe(fig, text, *, texts=True):
    """Say what kind of figure ``fig`` is, for its text alternative (e.g. "A computation graph, left to right …");
    ``alt_text`` adds what the figure shows. A figure of several panels collects one sentence per call.
    ``texts=False``: the sentence already says what the figure's loose texts say (leave them out). Returns ``fig``."""
    said = fig.__dict__.setdefault("_bbh_description", [])
    if text not in said:
        said.append(text)
    if not texts:
        fig._bbh_skip_texts = True
    return fig


BOX = "bbh-box"  # the gid of a text that holds a whole box of a drawn graph (its lines are drawn separately; what it
# says is its ``bbh_said`` when it has one: a box sized by room for its numbers holds zeros, figures/graph.py)


_MATH = [(r"\\mathcal\{(\w)\}", r"\1"), (r"\\(tanh|log|exp|max|min)\b", r"\1"), (r"\\\|", "‖"),
         (r"\\cdot", "·"), (r"\\[,;]", " "), (r"\\sigma", "σ"), (r"\\prime", "′"), (r"\^\{T\}|\^T", "ᵀ"),
         (r"\\[a-zA-Z]+", ""), (r"[{}$]", ""), (r"_(\w)", r"\1"), (r"\^", "")]


_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


def plain(text):
    """Mathtext as plain words a screen reader can say: ``$dW^{[1]} = dz^{[1]}x^T$`` → ``dW[1] = dz[1]xᵀ``, and
    ``dw₁`` → ``dw1``."""
    for pattern, replacement in _MATH:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.translate(_SUBSCRIPTS).split())


def level(value):
    """A curve's value as the text alternative says it: 2 significant digits, and 1 from 10 up.

    The end of a long training run (1500 steps, or one that diverges) differs in its third digit between machines
    (their BLAS rounds sums differently), and a stored notebook must read the same everywhere.
    """
    return f"{value:.2g}" if not abs(value) >= 10 else f"{float(f'{value:.1g}'):g}"


def wanders(line):
    """Mark a curve whose path, past its first steps, the computer's rounding decides (a chaotic training run: see
    ``math/training.py``'s ``rounding_decides``). Its text alternative then says where it starts and that it wanders, never a
    later value: that value differs between computers, and a stored notebook reads the same on all of them."""
    line._bbh_wanders = True
    return line


def alt_text(fig):
    """The figure's text alternative: its description, then per panel its title, axes, legend and box texts."""
    parts = list(getattr(fig, "_bbh_description", []))
    if fig._suptitle is not None and fig._suptitle.get_text():
        parts.append(plain(fig._suptitle.get_text()))
    panels = [ax for ax in fig.axes if ax.get_visible()]
    for number, ax in enumerate(panels, 1):
        bits = [plain(ax.get_title())] if ax.get_title() else []
        if ax.axison and (ax.get_xlabel() or ax.get_ylabel()):
            bits.append(f"horizontal axis {plain(ax.get_xlabel()) or 'unlabelled'}, "
                        f"vertical axis {plain(ax.get_ylabel()) or 'unlabelled'}")
        legend = ax.get_legend()
        if legend is not None:
            bits.append("legend: " + ", ".join(plain(t.get_text()) for t in legend.get_texts()))
        for line in ax.get_lines():
            y = np.asarray(line.get_ydata(), dtype=float)
            if y.size > 1 and getattr(line, "_bbh_wanders", False):
                bits.append(f"{plain(line.get_label())} from {level(y[0])}, then wandering over {y.size} points "
                            "(past its first steps, the computer's rounding decides its path)")
            elif y.size > 1 and not line.get_label().startswith("_"):
                bits.append(f"{plain(line.get_label())} from {level(y[0])} to {level(y[-1])} over {y.size} points")
            elif y.size > 1 and len(ax.get_lines()) == 1:
                bits.append(f"the curve goes from {level(y[0])} to {level(y[-1])} over {y.size} points")
        texts = [t for t in ax.texts if t.get_gid() == BOX] or [
            t for t in ax.texts if t.get_visible() and t.get_color() != "none" and t.get_text().strip()]
        if texts and not getattr(fig, "_bbh_skip_texts", False):
            bits.append(("boxes: " if not ax.axison else "note: ")
                        + "; ".join(plain(getattr(t, "bbh_said", t.get_text())) for t in texts))  # a box's lines
        if bits:
            parts.append((f"Panel {number}: " if len(panels) > 1 else "") + "; ".join(bits))
    said = ". ".join(part.strip().rstrip(".") for part in parts if part.strip())
    return f"{said}." if said else "A figure with no title, labels or text."
