"""How a figure reaches the page: set-up of a notebook, figures as images with alt text, and PNG bytes for explorers.

After `setup()`, a matplotlib figure is shown as an HTML ``<img>`` whose ``alt`` is its text alternative
(`alt_text.py`), in a kernel whatever its backend; `figure_png` and `non_interactive` are what an explorer
(`widgets/explorer.py`) draws with.
"""
import base64
import contextlib
import html
import io
import os
import struct
import zlib

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from .alt_text import alt_text
from .style import RC, SLIDE_RC, fit_to_slide, for_slides

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


def img_html(png, alt, marks=None):
    """PNG bytes as an HTML ``<img>`` with the text alternative ``alt`` (and, drawn for a slide, what tools/slide_audit.py
    checks: ``marks`` from `style.fit_to_slide`, as data attributes: the size of its smallest text in pixels, the texts
    cut at its edges, the legends over data)."""
    data = "".join(f' data-{name}="{value:g}"' for name, value in (marks or {}).items())
    return (f'<img src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" '
            f'alt="{html.escape(alt, quote=True)}"{data}/>')


def figure_html(fig):
    """The figure as an HTML ``<img>`` with its text alternative (a PNG drawn as the inline backend draws it)."""
    marks = fit_to_slide(fig, fig.dpi)
    buffer = io.BytesIO()
    fig.canvas.print_figure(buffer, format="png", dpi=fig.dpi, bbox_inches="tight",
                            facecolor=fig.get_facecolor(), edgecolor=fig.get_edgecolor())
    return img_html(buffer.getvalue(), alt_text(fig), marks)


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


def offscreen_figure(figsize):
    """A figure that pyplot does not manage (nothing shows it at the end of a cell), drawn by Agg: an explorer keeps one and
    draws into it again on each move, so matplotlib's layouts of texts that did not change (kept per figure) are reused."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=figsize, dpi=90)  # an explorer's PNG is drawn at 90 dpi (figure_png)
    FigureCanvasAgg(fig)
    return fig


class Blitter:
    """Draw a figure's unchanging parts once; on each later redraw, only the artists that change, on top of a copy of
    those parts ("blitting"): an explorer's panels, ticks and labels are not drawn again on every move. The copies of
    the last few keys are kept (going back to a data set or an axis seen before draws no panel again).

    A figure of side-by-side panels can also be kept panel by panel (``parts``): a move that changes one panel's axes
    draws that panel alone, over the figure's background, and takes the other panels' pixels from their copies.
    """

    KEPT = 8  # copies kept of each part, the most recently used (a whole figure's copy is its pixels, ~1.4 MB)

    def __init__(self, fig):
        self.fig = fig
        self._backgrounds = {}  # part → {key → the pixels of its unchanging parts}, the most recently used last
        self.whole_drawings = 0  # how many times it drew the figure's unchanging parts (a key not kept)
        self.part_drawings = 0  # how many times it drew one of the parts alone

    def png(self, changing, key, parts=()):
        """The figure as PNG bytes, where ``changing`` are the artists that a move changes and ``key`` all that the rest
        depends on (the data set, the axes' limits): a key not kept draws everything again and keeps the new copy.

        ``parts``: triples (x0, x1, axes, key), an Axes drawn in the column of the figure between x0 and x1 (figure
        fractions) with everything it draws (ticks, labels, a legend beside it), and what it depends on; ``key`` is then
        what the rest of the figure depends on. Each column's drawing must stay inside it (tests check): the picture is
        then the one a whole drawing gives, pixel for pixel.
        """
        canvas = self.fig.canvas
        # hidden while the unchanging parts are drawn (not only "animated": an Axes draws an animated image all the same)
        shown = [artist.get_visible() for artist in changing]
        for artist in changing:
            artist.set_visible(False)
        try:
            axes = [ax for _, _, ax, _ in parts]
            self._restore_or_draw("figure", key, self.fig.bbox, lambda: self._draw_without(axes))
            width, height = self.fig.bbox.width, self.fig.bbox.height
            for x0, x1, ax, part_key in parts:
                column = Bbox.from_extents(x0 * width, 0, x1 * width, height)
                self._restore_or_draw(ax, part_key, column, lambda: ax.draw(canvas.get_renderer()))
        finally:
            for artist, visible in zip(changing, shown):
                artist.set_visible(visible)
        for artist in sorted(changing, key=lambda a: a.get_zorder()):  # in the order a whole drawing draws them
            self.fig.draw_artist(artist)
        return png_bytes(np.asarray(canvas.buffer_rgba()))

    def _restore_or_draw(self, part, key, bbox, draw):
        """Put back the pixels of ``part`` kept for ``key``; if none are kept, ``draw()`` it and keep a copy of ``bbox``."""
        canvas, kept = self.fig.canvas, self._backgrounds.setdefault(part, {})
        background = kept.pop(key, None)
        if background is None:
            draw()
            background = canvas.copy_from_bbox(bbox)
            if part == "figure":
                self.whole_drawings += 1
            else:
                self.part_drawings += 1
            while len(kept) >= self.KEPT:
                kept.pop(next(iter(kept)))
        else:
            canvas.restore_region(background)
        kept[key] = background

    def _draw_without(self, axes):
        """Draw the whole figure but ``axes`` (the parts, drawn on their own after it)."""
        shown = [ax.get_visible() for ax in axes]
        for ax in axes:
            ax.set_visible(False)
        try:
            self.fig.canvas.draw()
        finally:
            for ax, visible in zip(axes, shown):
                ax.set_visible(visible)


def figure_png(fig, dpi=90, tight=True, live=False):
    """The figure as PNG bytes on a white background; the figure is closed (it is not shown twice).

    ``tight=False`` saves the figure as laid out, one drawing pass instead of two: for figures that
    place themselves (an explorer's redraw is timed by its user). ``live``: a picture shown once and never stored,
    written by `png_bytes` (in a third of the time).
    """
    buffer = io.BytesIO()
    if live and not tight:
        fig.savefig(buffer, format="rgba", dpi=dpi, facecolor="white")  # the pixels, encoded below
        width, height = int(fig.get_figwidth() * dpi), int(fig.get_figheight() * dpi)
        if width * height * 4 == buffer.tell():
            plt.close(fig)
            return png_bytes(np.frombuffer(buffer.getvalue(), np.uint8).reshape(height, width, 4))
        buffer = io.BytesIO()  # a size rounded otherwise: saved as a PNG below
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", bbox_inches="tight" if tight else None)
    plt.close(fig)
    return buffer.getvalue()


def png_bytes(rgba):
    """A PNG file of ``rgba``, an array (height, width, 4) of bytes, written for speed: a live picture, shown once.

    Rows unfiltered, zlib at level 1: a figure's flat colours compress nearly as well as with PNG's row filters, which
    Pillow's encoder tries on every row (three times the time for the same picture, and no smaller file).
    """
    height, width, _ = rgba.shape
    rows = np.empty((height, 1 + 4 * width), np.uint8)
    rows[:, 0] = 0  # each row's filter: none
    rows[:, 1:] = rgba.reshape(height, -1)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits a channel, RGBA, no interlacing
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
            + chunk(b"IEND", b""))


@contextlib.contextmanager
def non_interactive():
    """Draw without the inline backend also showing the figure at the end of the cell (an explorer shows it itself),
    and without matplotlib's warning about many open figures (an explorer closes each one it draws)."""
    with plt.rc_context({"figure.max_open_warning": 0}):
        was = matplotlib.is_interactive()
        plt.ioff()
        try:
            yield
        finally:
            if was:
                plt.ion()
