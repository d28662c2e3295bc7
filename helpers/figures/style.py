"""The look shared by every figure of the course: colours, sizes, fonts, and the larger text of the slide decks.

Colours are the Okabe–Ito palette, which stays distinguishable with the common colour-vision
deficiencies; every series also differs by marker or line style, so colour is never the only cue.
Figures have a white background (readable in JupyterLab's dark theme) and fit a laptop screen.
`helpers.setup()` (in `display.py`) applies this style at the top of every notebook.
"""
import os
import re

import matplotlib
import matplotlib.text

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
