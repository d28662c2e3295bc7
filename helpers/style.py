"""The look shared by every figure of the course (view layer: matplotlib, on top of the math layer).

Colours are the Okabe–Ito palette, which stays distinguishable with the common colour-vision
deficiencies; every series also differs by marker or line style, so colour is never the only cue.
Figures have a white background (readable in JupyterLab's dark theme) and fit a laptop screen.
"""
import os

import matplotlib
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


# backends that draw to a file only: in a notebook they would show no figure at all
FILE_BACKENDS = {"agg", "cairo", "pdf", "pgf", "ps", "svg", "template"}


def setup():
    """Call once at the top of a notebook: the course's figure style and short, stable number printing.

    In a Jupyter kernel it also makes sure figures appear: an environment that sets ``MPLBACKEND=Agg`` (common
    in Docker images and on hubs) would otherwise draw every figure to nowhere.
    """
    inline_figures()
    matplotlib.rcParams.update(RC)
    np.set_printoptions(precision=4, suppress=True, linewidth=100)


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
