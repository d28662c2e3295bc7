"""Figures drawn for a slide (BBH_SLIDES=1, as tools/make_slides.py runs the notebooks): larger text, same figures.

The decks themselves are audited in tests/test_slides.py (no figure text smaller than the body text on any slide);
these tests pin the pieces: the notebook's figures are untouched without BBH_SLIDES, a long title wraps between
words and never inside a formula, and the measured text size is the smallest text the figure shows.
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from helpers.figures import style  # noqa: E402


@pytest.fixture
def slides(monkeypatch):
    monkeypatch.setenv("BBH_SLIDES", "1")
    yield
    plt.close("all")


def test_without_bbh_slides_a_notebook_gets_its_own_sizes(monkeypatch):
    monkeypatch.delenv("BBH_SLIDES", raising=False)
    assert not style.for_slides()
    assert style.pt(8.5) == 8.5 and style.figure_size(style.WIDE, style.SLIDE_WIDE) == style.WIDE


def test_on_a_slide_no_font_is_smaller_than_the_body_text(slides):
    assert style.pt(8.5) == style.pt(10) == style.SLIDE_TEXT_PT and style.pt(20) == 20
    assert style.figure_size(style.WIDE, style.SLIDE_WIDE) == style.SLIDE_WIDE
    assert style.SLIDE_WIDE[0] * 90 <= 876  # the widest figure a slide shows at its own size


def test_a_long_title_wraps_between_words_and_never_inside_a_formula(slides):
    fig, ax = plt.subplots(figsize=(4, 3))
    title = "Hidden activations $A^{[1]} = \\tanh(Z^{[1]})$ at the start of training, for each scale"
    ax.set_title(title, fontsize=16)
    style.wrap_titles(fig)
    lines = ax.get_title().split("\n")
    assert len(lines) >= 2 and " ".join(lines) == title
    assert all(line.count("$") % 2 == 0 for line in lines), lines  # each formula whole on one line
    renderer = fig.canvas.get_renderer()
    assert ax.title.get_window_extent(renderer).width <= ax.get_window_extent(renderer).width * 1.15


def test_a_title_that_fits_is_left_alone(slides):
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.set_title("Cost during training")
    style.wrap_titles(fig)
    assert ax.get_title() == "Cost during training"


def test_the_smallest_text_is_measured_in_pixels(slides):
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.plot([0, 1], label="a curve")
    ax.tick_params(labelsize=9)
    ax.set_title("Big", fontsize=20)
    ax.legend(fontsize=12)
    assert style.smallest_text_px(fig, 90) == pytest.approx(9 * 90 / 72, abs=0.1)  # the tick labels
