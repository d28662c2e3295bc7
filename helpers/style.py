"""The look shared by every figure of the course (view layer: matplotlib, on top of the math layer).

Colours are the Okabe–Ito palette, which stays distinguishable with the common colour-vision
deficiencies; every series also differs by marker or line style, so colour is never the only cue.
Figures have a white background (readable in JupyterLab's dark theme) and fit a laptop screen.

Every figure a notebook shows carries a text alternative for a screen reader: after `setup()`, a matplotlib figure is
shown as an HTML ``<img>`` whose ``alt`` says what kind of figure it is (``describe``) and what it shows (its titles,
axis labels, legend entries and, for a graph drawn as boxes, the text in every box). JupyterLab gives a plain
image output no alt text at all.
"""
import base64
import html
import io
import os
import re

import matplotlib
import matplotlib.text
import numpy as np

# Okabe & Ito (2008), "Color Universal Design"
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#999999"
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, BLACK)

# The two classes of every data set: colour *and* marker differ.
CLASS_COLORS = (BLUE, ORANGE)
CLASS_MARKERS = ("o", "^")
LINESTYLES = ("-", "--", ":", "-.")

FIGSIZE = (7.5, 4.2)  # inches: fits a laptop screen beside the notebook's margins
WIDE = (10, 4.2)
SLIDE_WIDE = (9.6, 4.2)  # a slide shows a figure at most 876 px wide (870 at 90 dpi leaves a margin)

RC = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": 90,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "font.size": 10,
    "image.cmap": "cividis",
}

# On a slide (tools/make_slides.py runs the notebooks with BBH_SLIDES=1) no text of a figure is smaller than the deck's
# body text: 20 px (nbconvert's reveal template), that is 16 points at the figures' 90 dpi.
SLIDE_TEXT_PT = 16
SLIDE_RC = {"font.size": SLIDE_TEXT_PT, "axes.titlesize": SLIDE_TEXT_PT + 1, "axes.labelsize": SLIDE_TEXT_PT,
            "xtick.labelsize": SLIDE_TEXT_PT, "ytick.labelsize": SLIDE_TEXT_PT, "legend.fontsize": SLIDE_TEXT_PT,
            "figure.titlesize": SLIDE_TEXT_PT + 2}


def for_slides():
    """Whether the figures are drawn for the slide decks (``BBH_SLIDES=1``, set by tools/make_slides.py)."""
    return os.environ.get("BBH_SLIDES") == "1"


def pt(size):
    """A font size in points: ``size`` in a notebook; on a slide, at least the deck's body text."""
    return max(size, SLIDE_TEXT_PT) if for_slides() else size


def figure_size(notebook, slide):
    """A figure's size in inches: ``notebook``, or ``slide`` when drawn for a slide (its larger text needs more room)."""
    return slide if for_slides() else notebook


def wrap_titles(fig):
    """On a slide, a panel's title wider than its panel goes on two lines or more (a formula in it is never split);
    the panels are laid out again. Returns ``fig``."""
    renderer = fig.canvas.get_renderer()
    wrapped = False
    for ax in fig.axes:
        title, room = ax.title, ax.get_window_extent(renderer).width
        text, width = title.get_text(), title.get_window_extent(renderer).width
        if not text or width <= room:
            continue
        words = re.split(r"( )", re.sub(r"\$[^$]*\$", lambda m: m.group(0).replace(" ", "\0"), text))[::2]
        per_line = max(8, int(len(text) * room / width))
        lines, line = [], ""
        for word in words:
            if line and len(line) + 1 + len(word) > per_line:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        title.set_text("\n".join(lines + [line]).replace("\0", " "))
        wrapped = True
    if wrapped and all(ax.get_subplotspec() is not None for ax in fig.axes):
        fig.tight_layout()
    return fig


def fit_to_slide(fig, dpi):
    """Drawn for a slide: the figure's titles wrapped (``wrap_titles``) and its smallest text in pixels at ``dpi``, which
    the ``<img>`` carries for tools/slide_audit.py. In a notebook: nothing changes, and None."""
    return smallest_text_px(wrap_titles(fig), dpi) if for_slides() else None


def smallest_text_px(fig, dpi):
    """The size in pixels, at ``dpi``, of the smallest text the figure shows (its titles, labels, ticks, legends, boxes)."""
    fig.canvas.draw()  # tick labels exist once drawn
    sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text)
             if t.get_visible() and t.get_text().strip() and t.get_color() != "none"]
    return round(min(sizes, default=0) * dpi / 72, 1)


# backends that draw to a file only: in a notebook they would show no figure at all
FILE_BACKENDS = {"agg", "cairo", "pdf", "pgf", "ps", "svg", "template"}


def setup():
    """Call once at the top of a notebook: the course's figure style and short, stable number printing.

    In a Jupyter kernel it also makes sure figures appear: an environment that sets ``MPLBACKEND=Agg`` (common
    in Docker images and on hubs) would otherwise draw every figure to nowhere.
    """
    inline_figures()
    accessible_figures()
    matplotlib.rcParams.update({**RC, **(SLIDE_RC if for_slides() else {})})
    np.set_printoptions(precision=4, suppress=True, linewidth=100)


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


BOX = "bbh-box"  # the gid of a text that holds a whole box of a drawn graph (its lines are drawn separately)


_MATH = [(r"\\mathcal\{(\w)\}", r"\1"), (r"\\(tanh|log|exp|max|min)\b", r"\1"), (r"\\\|", "‖"),
         (r"\\cdot", "·"), (r"\\[,;]", " "), (r"\\sigma", "σ"), (r"\\prime", "′"), (r"\^\{T\}|\^T", "ᵀ"),
         (r"\\[a-zA-Z]+", ""), (r"[{}$]", ""), (r"_(\w)", r"\1"), (r"\^", "")]


def plain(text):
    """Mathtext as plain words a screen reader can say: ``$dW^{[1]} = dz^{[1]}x^T$`` → ``dW[1] = dz[1]xᵀ``."""
    for pattern, replacement in _MATH:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())


def level(value):
    """A curve's value as the text alternative says it: 2 significant digits, and 1 from 10 up.

    The end of a long training run (1500 steps, or one that diverges) differs in its third digit between machines
    (their BLAS rounds sums differently), and a stored notebook must read the same everywhere.
    """
    return f"{value:.2g}" if not abs(value) >= 10 else f"{float(f'{value:.1g}'):g}"


def wanders(line):
    """Mark a curve whose path, past its first steps, the computer's rounding decides (a chaotic training run: see
    ``training_plots.rounding_decides``). Its text alternative then says where it starts and that it wanders, never a
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
            bits.append(("boxes: " if not ax.axison else "note: ") + "; ".join(plain(t.get_text()) for t in texts))
        if bits:
            parts.append((f"Panel {number}: " if len(panels) > 1 else "") + "; ".join(bits))
    said = ". ".join(part.strip().rstrip(".") for part in parts if part.strip())
    return f"{said}." if said else "A figure with no title, labels or text."


def img_html(png, alt, text_px=None):
    """PNG bytes as an HTML ``<img>`` with the text alternative ``alt`` (and, drawn for a slide, the size of its smallest
    text in pixels, which tools/slide_audit.py compares with the slide's body text)."""
    size = f' data-text-px="{text_px:g}"' if text_px is not None else ""
    return (f'<img src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" '
            f'alt="{html.escape(alt, quote=True)}"{size}/>')


def figure_html(fig):
    """The figure as an HTML ``<img>`` with its text alternative (a PNG drawn as the inline backend draws it)."""
    text_px = fit_to_slide(fig, fig.dpi)
    buffer = io.BytesIO()
    fig.canvas.print_figure(buffer, format="png", dpi=fig.dpi, bbox_inches="tight",
                            facecolor=fig.get_facecolor(), edgecolor=fig.get_edgecolor())
    return img_html(buffer.getvalue(), alt_text(fig), text_px)


def accessible_figures():
    """In IPython, show every matplotlib figure as ``figure_html`` (an image with alt text) instead of a bare PNG;
    return whether it did. It stays so through a student's own ``%matplotlib inline`` (tests/test_alt_text.py)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    # Load the backend now: the inline backend, when it loads (lazily, at the first figure), resets every figure
    # formatter, which would undo the two lines below.
    plt.switch_backend(matplotlib.get_backend())
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type(Figure, figure_html)
    for mime in ("image/png", "image/svg+xml", "image/jpeg", "application/pdf"):  # a user's profile may ask for any of them:
        formatters[mime].for_type(Figure, lambda fig: None)  # the figure is the <img> with alt text, and only that
    return True


def inline_figures():
    """In a Jupyter kernel, switch to inline figures when the backend would show none; return whether it switched.

    That is a backend that draws to files only (``Agg``), or a window backend that the ``MPLBACKEND``
    environment variable chose (``TkAgg`` on a hub has no screen to open a window on). A backend chosen in the
    notebook (``%matplotlib widget``) is kept.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return False
    backend = matplotlib.get_backend().lower()
    environment = os.environ.get("MPLBACKEND", "").lower()
    from_environment = environment and "inline" not in environment and "ipympl" not in environment and environment != "widget"
    if backend not in FILE_BACKENDS and not from_environment:
        return False
    shell.run_line_magic("matplotlib", "inline")
    return True
