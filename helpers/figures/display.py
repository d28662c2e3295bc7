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

import matplotlib
import matplotlib.image
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

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
    the last few keys are kept (going back to a data set or an axis seen before draws no panel again)."""

    KEPT = 8  # copies of the unchanging parts kept, the most recently used (a copy is the figure's pixels, ~1.4 MB)

    def __init__(self, fig):
        self.fig = fig
        self._backgrounds = {}  # key → the pixels of the unchanging parts, the most recently used last
        self.whole_drawings = 0  # how many times it drew everything (a key not kept)

    def png(self, changing, key):
        """The figure as PNG bytes, where ``changing`` are the artists that a move changes and ``key`` all that the rest
        depends on (the data set, the axes' limits): a key not kept draws everything again and keeps the new copy."""
        canvas = self.fig.canvas
        for artist in changing:
            artist.set_animated(True)  # left out of a whole drawing, drawn below
        try:
            background = self._backgrounds.pop(key, None)
            if background is None:
                canvas.draw()
                background = canvas.copy_from_bbox(self.fig.bbox)
                self.whole_drawings += 1
                while len(self._backgrounds) >= self.KEPT:
                    self._backgrounds.pop(next(iter(self._backgrounds)))
            else:
                canvas.restore_region(background)
            self._backgrounds[key] = background
            for artist in sorted(changing, key=lambda a: a.get_zorder()):  # in the order a whole drawing draws them
                self.fig.draw_artist(artist)
            buffer = io.BytesIO()
            # compress_level 1: a fifth larger than the default 6, in half the time (a live picture, never stored)
            matplotlib.image.imsave(buffer, np.asarray(canvas.buffer_rgba()), format="png", pil_kwargs={"compress_level": 1})
            return buffer.getvalue()
        finally:
            for artist in changing:
                artist.set_animated(False)


def figure_png(fig, dpi=90, tight=True, live=False):
    """The figure as PNG bytes on a white background; the figure is closed (it is not shown twice).

    ``tight=False`` saves the figure as laid out, one drawing pass instead of two: for figures that
    place themselves (an explorer's redraw is timed by its user). ``live``: a picture shown once and never stored,
    compressed at level 1 (a fifth larger than the default level 6, written in half the time).
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", bbox_inches="tight" if tight else None,
                pil_kwargs={"compress_level": 1} if live else None)
    plt.close(fig)
    return buffer.getvalue()


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
