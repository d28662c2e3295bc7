"""The plumbing every interactive figure of the course shares: controls above a figure that redraws.

An `Explorer` is a row of controls above a figure that is redrawn whenever a control changes. A
notebook makes one with a single call into helpers (e.g. ``helpers.graph_explorer()``) and shows it
as the cell's value. Three promises:

- Live (JupyterLab, Binder): moving a control redraws the figure; heavy controls pass
  ``continuous_update=False`` so the figure is redrawn once, when the control is released.
- Stored (the committed notebook, an HTML export, a slide): the cell's output also carries the figure in its
  default state, as an image with a text alternative, so a reader without a kernel still sees it (or hears it).
- Accessible live: the figure's text alternative (``figures.alt_text``) follows every redraw, in a visually hidden
  text right after the image, which a screen reader reads (an ``Image`` widget has no alt, and setting its
  tooltip breaks its view in ipywidgets 8.1).
- Deterministic for nbval: the text that is compared is a fixed one-line description. The figure is
  the value of an `ipywidgets.Image` (PNG bytes), not a display inside an Output widget: redrawing
  sends no output message, so nothing run-dependent reaches the cell's outputs.
"""
import contextlib
import html as html_text

import ipywidgets as widgets

from ..figures.alt_text import alt_text
from ..figures.display import figure_png, img_html, non_interactive
from ..figures.style import fit_to_slide, for_slides, wrap_titles


class Explorer(widgets.VBox):
    """Controls above a figure drawn by ``draw(**values)``, redrawn when any control changes.

    ``controls`` maps each keyword of ``draw`` to its widget (a slider, a toggle, a dropdown...).
    ``draw`` returns a matplotlib Figure, or a pair (Figure, html) whose HTML is shown under it
    (a table of numbers, say). ``description`` is the plain text a reader without a kernel sees. A figure that carries
    ``bbh_png``, a function giving its PNG bytes faster than saving it anew (`figures.display.Blitter`), is drawn so
    on every move; its first picture (the one stored and put on a slide) is saved in full.
    """

    def __init__(self, controls, draw, *, description, columns=3, tight=True):
        self.controls = dict(controls)
        self._draw = draw
        self._description = description
        self._tight = tight
        self.figure = widgets.Image(format="png")
        self.notes = widgets.HTML()
        self.described = widgets.HTML()  # the figure's text alternative, for screen readers only
        # Live, the status says "redrawing…" while a change is drawn. After a kernel restart the controls are
        # dead and nothing answers: the hint says so, and what to do.
        self.status = widgets.HTML(_STATUS_READY)
        self.redraws = 0  # how many times the figure was drawn (tests and the browser test read it)
        items = list(self.controls.values())
        for control in items:
            if hasattr(control.style, "description_width"):
                control.style.description_width = "initial"  # show the whole label, e.g. "learning rate"
        rows = [widgets.HBox(items[i:i + columns]) for i in range(0, len(items), columns)]
        super().__init__(rows + [self.status, self.figure, self.described, self.notes])
        self.add_class("bbh-explorer")
        self._static_png = self._redraw(measure=True)
        self._static_alt, self._static_marks = self.alt, self._marks
        if self._marks:  # drawn for a slide: the size of its smallest text, for the live deck's test (tests/test_present.py)
            self.figure.add_class(f"bbh-text-px-{self._marks['text-px']:g}")
        for control in items:
            control.observe(self._on_change, names="value")

    @property
    def values(self):
        """The current value of every control, by keyword."""
        return {name: control.value for name, control in self.controls.items()}

    @contextlib.contextmanager
    def without_redraw(self, name):
        """Change the control ``name`` (its range, say) without a redraw: for a change the figure already shows."""
        control = self.controls[name]
        control.unobserve(self._on_change, names="value")
        try:
            yield control
        finally:
            control.observe(self._on_change, names="value")

    def _on_change(self, change):
        self.status.value = _STATUS_BUSY
        try:
            self._redraw()
        finally:
            self.status.value = _STATUS_READY

    def _redraw(self, measure=False):
        with non_interactive():
            result = self._draw(**self.values)
        fig, html = result if isinstance(result, tuple) else (result, "")
        self.alt = alt_text(fig)
        fast = getattr(fig, "bbh_png", None)  # a figure that draws only what changed (figures.display.Blitter)
        if measure:  # the picture a page without a kernel shows: what the slide audit reads (two more drawing passes)
            self._marks = fit_to_slide(fig, 90, tight=self._tight)
        elif for_slides():  # a live deck: the titles wrapped as in that picture, nothing measured
            wrap_titles(fig)
        png = fast() if fast is not None and not measure else figure_png(fig, tight=self._tight, live=not measure)
        if fast is not None and measure:
            fast()  # keeps the unchanging parts for the moves to come (the first move need not draw everything)
        self.figure.value = png
        self.described.value = _SCREEN_READER_ONLY.format(html_text.escape(f"Figure: {self.alt}"))
        self.notes.value = html
        self.redraws += 1
        return png

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)  # ipywidgets >= 8 (7 displays itself, live only)
        bundle["text/plain"] = self._description
        # what a page without a kernel shows (a stored notebook, a slide): the picture, and what makes it move
        bundle["text/html"] = _STATIC_CAPTION + img_html(self._static_png, self._static_alt, self._static_marks)
        return bundle


_STATIC_CAPTION = ("<p class='bbh-static' style='font-size:85%;color:#555'>A picture of the starting values: "
                   "the controls appear when the cell runs in Jupyter.</p>")
_HINT = ("If moving a control changes nothing (no “redrawing…” here), the kernel was restarted or stopped: "
         "run the notebook's first code cell, then this cell again.")
_STATUS_READY = f"<div class='bbh-status' style='font-size:85%;color:#555'>{_HINT}</div>"
# visually hidden, read by screen readers (the usual "sr-only" rule, inline so it works on Colab too)
_SCREEN_READER_ONLY = ("<span class='bbh-figure-alt' style='position:absolute;width:1px;height:1px;margin:-1px;"
                       "padding:0;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0'>{}</span>")
_STATUS_BUSY = "<div class='bbh-status' style='font-size:85%;color:#0072B2'>⟳ redrawing…</div>"
