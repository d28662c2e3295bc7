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


def fit_to_slide(fig, dpi, *, tight=True):
    """Drawn for a slide: the figure's titles wrapped (``wrap_titles``), and what tools/slide_audit.py reads off the
    ``<img>`` (`display.img_html`): the size of its smallest text in pixels at ``dpi``, how many texts reach past the
    picture's edges (saved as laid out, ``tight=False``; a "tight" picture grows to hold every text) and how many
    legends cover plotted data. In a notebook: nothing changes, and None."""
    if not for_slides():
        return None
    wrap_titles(fig)
    return {"text-px": smallest_text_px(fig, dpi), "text-cut": 0 if tight else len(texts_cut(fig)),
            "legend-over": len(legends_over_data(fig))}


def _shown(text):
    return (text.get_visible() and text.get_text().strip() and text.get_color() != "none"
            and (text.axes is None or text.axes.get_visible()))


def drawn_texts(fig):
    """The texts that a drawing of the figure draws (a tick label beyond the axis' limits, or of an axis that is switched
    off, exists but is not drawn); some may be see-through, drawn for their box only (`_shown` tells)."""
    renderer = fig.canvas.get_renderer()
    drawn = {}
    draw_text = renderer.draw_text

    def record(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if mtext is not None:
            drawn[id(mtext)] = mtext
        return draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    renderer.draw_text = record
    try:
        fig.canvas.draw()
    finally:
        del renderer.draw_text
    return [text for text in drawn.values() if text.get_visible() and (text.axes is None or text.axes.get_visible())]


def texts_cut(fig):
    """The texts of the figure that reach past its edges, or whose box does: in a picture saved as laid out, they are cut."""
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    cut = []
    for text in drawn_texts(fig):
        patch = text.get_bbox_patch()
        boxes = ([text.get_window_extent(renderer)] if _shown(text) else []) + (
            [patch.get_window_extent(renderer)] if patch is not None and patch.get_visible() else [])
        if any(box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1 for box in boxes):
            cut.append(text)
    return cut


def legend_beside(ax, **options):
    """The panel's legend outside it, to its right, top-aligned (a legend inside a panel may cover its data)."""
    return ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, **options)


def legend_below(fig, columns=4):
    """One legend for the whole figure, under its panels, each label once (the panels' legends removed): a legend inside
    a panel may cover its data. The figure is saved "tight", which makes room for it."""
    entries = {}
    for ax in fig.axes:
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        for handle, label in zip(*ax.get_legend_handles_labels()):
            entries.setdefault(label, handle)
    return fig.legend(list(entries.values()), list(entries), loc="upper center", bbox_to_anchor=(0.5, 0.0),
                      ncol=min(columns, len(entries)))


def _dense(points, step=3.0):
    """Points along a polyline in pixels, at most ``step`` apart (a legend over a straight stretch covers data too)."""
    points = points[np.isfinite(points).all(axis=1)]
    if len(points) < 2:
        return points
    gaps = np.ceil(np.hypot(*np.diff(points, axis=0).T) / step).astype(int).clip(1, 2000)
    parts = [a + np.linspace(0, 1, n, endpoint=False)[:, None] * (b - a) for a, b, n in zip(points[:-1], points[1:], gaps)]
    return np.concatenate(parts + [points[-1:]])


def legends_over_data(fig):
    """The legends (drawn) that cover plotted data or text: a point of a curve, a marker, a bar's or an outline's edge,
    or a contour line inside the legend's box, in any panel (a legend beside one panel may reach into the next), or a
    text the figure draws (a neighbour's tick labels, a title) overlapping it."""
    from matplotlib.collections import PathCollection
    from matplotlib.contour import ContourSet

    texts = [t for t in drawn_texts(fig) if _shown(t)]
    renderer = fig.canvas.get_renderer()
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None] + list(fig.legends)
    covering = []
    for legend in legends:
        if not legend.get_visible():
            continue
        box = legend.get_window_extent(renderer)
        if any(_overlap(box, t.get_window_extent(renderer)) for t in texts if not _in_legend(t, legends)):
            covering.append(legend)
            continue
        pieces = []
        for ax in (a for a in fig.axes if a.get_visible()):
            for line in ax.get_lines():
                if line.get_visible():
                    pieces.append(_dense(line.get_transform().transform(np.asarray(line.get_xydata(), float))))
            for patch in ax.patches:
                if patch.get_visible():
                    pieces.append(_dense(patch.get_transform().transform(patch.get_path().vertices)))
            for collection in ax.collections:
                if not collection.get_visible() or (isinstance(collection, ContourSet) and collection.filled):
                    continue
                if isinstance(collection, PathCollection):  # markers: their centres, the box grown by a marker's radius
                    pieces.append(collection.get_offset_transform().transform(collection.get_offsets()))
                else:
                    pieces += [_dense(collection.get_transform().transform(path.vertices)) for path in collection.get_paths()]
        points = np.concatenate([p for p in pieces if len(p)] or [np.empty((0, 2))])
        inside = ((points[:, 0] > box.x0 - 2) & (points[:, 0] < box.x1 + 2)
                  & (points[:, 1] > box.y0 - 2) & (points[:, 1] < box.y1 + 2))
        if inside.any():
            covering.append(legend)
    return covering


def _overlap(a, b, slack=1.0):
    """Whether boxes ``a`` and ``b`` (display pixels) share more than a ``slack``-wide strip."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > slack and min(a.y1, b.y1) - max(a.y0, b.y0) > slack


def _in_legend(text, legends):
    """Whether ``text`` is an entry or the title of one of ``legends``."""
    return any(text in legend.get_texts() or text is legend.get_title() for legend in legends)


def smallest_text_px(fig, dpi):
    """The size in pixels, at ``dpi``, of the smallest text the figure shows (its titles, labels, ticks, legends, boxes)."""
    sizes = [t.get_fontsize() for t in drawn_texts(fig) if _shown(t)]
    return round(min(sizes, default=0) * dpi / 72, 1)
