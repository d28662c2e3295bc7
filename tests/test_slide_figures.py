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


def test_a_text_or_a_box_past_the_pictures_edge_is_counted_as_cut_and_only_if_drawn(slides):
    fig = plt.figure(figsize=(4, 3))
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.plot([0, 1], [0, 1])
    ax.set_xlim(0, 1)  # tick labels beyond the limits exist but are not drawn: not cut
    assert style.texts_cut(fig) == []
    title = fig.text(0.5, 0.99, "a title whose top is past the picture's edge", ha="center", va="bottom")
    box = ax.text(0.95, 0.5, "x", color="none", bbox=dict(boxstyle="round,pad=2"), transform=fig.transFigure)
    assert set(style.texts_cut(fig)) == {title, box}  # the see-through text's box sticks out at the right
    title.set_visible(False)
    assert style.texts_cut(fig) == [box]
    marks = style.fit_to_slide(fig, 90, tight=False)
    assert marks["text-cut"] == 1 and style.fit_to_slide(fig, 90)["text-cut"] == 0  # a "tight" picture grows to hold it


def test_a_legend_over_a_curve_markers_or_text_is_counted_and_one_beside_the_panel_is_not(slides):
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3))
    left.plot([0, 2], [0, 2], label="a straight line through the legend")  # no vertex inside the legend: a stretch of it
    left.set_xlim(0, 1), left.set_ylim(0, 1)
    left.legend(loc="upper right")
    right.scatter([0.9], [0.9], label="a marker")
    right.set_xlim(0, 1), right.set_ylim(0, 1)
    right.legend(loc="upper right")
    fig.canvas.draw()
    assert style.legends_over_data(fig) == [left.get_legend(), right.get_legend()]
    style.legend_beside(left)
    right.get_legend().remove()
    assert style.legends_over_data(fig) == [left.get_legend()]  # beside its panel, over the next one's tick labels
    fig.subplots_adjust(left=0.05, right=0.98, wspace=2.5)
    assert style.legends_over_data(fig) == []
    assert style.fit_to_slide(fig, 90)["legend-over"] == 0
    style.legend_below(fig)  # the panels' entries in one legend under them, each once
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["a straight line through the legend", "a marker"]
    assert left.get_legend() is None and style.legends_over_data(fig) == []


@pytest.mark.parametrize("for_slides", [False, True])
def test_the_training_figure_keeps_its_legend_off_the_cost_panel(monkeypatch, for_slides):
    """plot_training's classes' legend sits between its panels, clear of the cost panel's tick labels (it covered "0.7")."""
    import helpers

    monkeypatch.setenv("BBH_SLIDES", "1" if for_slides else "0")
    X, Y = helpers.make_flower()
    parameters, costs = helpers.train(X, Y, n_h=4, num_iterations=50, learning_rate=1.2)
    fig = helpers.plot_training(parameters, costs, X, Y, resolution=40)
    fig.canvas.draw()
    assert style.legends_over_data(fig) == [] and style.texts_cut(fig) == []
    plt.close(fig)
