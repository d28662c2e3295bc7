"""Figures and interactive explorers: they build without warnings, carry titles and labels, and redraw."""
import html
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers.figures.alt_text import alt_text  # noqa: E402


@pytest.fixture(autouse=True)
def no_warnings_and_close_figures():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
    plt.close("all")


def titles(fig):
    return [ax.get_title() for ax in fig.axes]


def test_logistic_graph_values_follow_the_chain_rule():
    v = helpers.logistic_graph_values(1.0, -2.0, 0.5, -0.3, 0.1, 1)
    assert v["z"] == pytest.approx(0.5 * 1.0 - 0.3 * -2.0 + 0.1)
    assert v["a"] == pytest.approx(float(helpers.sigmoid(v["z"])))
    assert v["dz"] == pytest.approx(v["da"] * v["a"] * (1 - v["a"]))  # dz = da · g'(z) = a − y
    assert v["dw2"] == pytest.approx(-2.0 * v["dz"])
    for name in ("da", "dz", "dw1", "dw2", "db"):
        assert helpers.relative_difference(v[name], v["numeric"][name]) < 1e-7, name


@pytest.mark.parametrize("show", ["values", "gradients", "both"])
def test_graph_figures_have_titles(show):
    assert titles(helpers.draw_logistic_graph(show=show))[0]
    assert "two-layer" in titles(helpers.draw_two_layer_graph(show=show))[0]
    with pytest.raises(ValueError, match="show must be"):
        helpers.draw_logistic_graph(show="everything")


def explorers():
    return {
        "graph": (helpers.graph_explorer, "x1", 2.0),
        "shapes": (helpers.shape_explorer, "n_h", 6),
        "training": (helpers.training_playground, "n_h", 2),
        "deep shapes": (helpers.deep_shape_explorer, "step", 1),
        "logits": (helpers.logits_explorer, "z3", 4.0),
        "signals": (helpers.signal_explorer, "scale", 0.1),
        "backward steps": (helpers.backward_stepper, "step", 3),
    }


@pytest.mark.parametrize("name", list(explorers()))
def test_explorer_redraws_when_a_control_moves(name):
    make, control, value = explorers()[name]
    explorer = make()
    before, count = explorer.figure.value, explorer.redraws
    assert before[:8] == b"\x89PNG\r\n\x1a\n"
    bundle = explorer._repr_mimebundle_()
    assert {"text/html", "text/plain", "application/vnd.jupyter.widget-view+json"} <= set(bundle)
    assert bundle["text/html"].startswith("<p class='bbh-static'") and '<img src="data:image/png;base64,' in bundle["text/html"] and 'alt="' in bundle["text/html"]
    alt = explorer.alt
    assert f"Figure: {html.escape(alt)}" in explorer.described.value and len(alt) >= 80
    explorer.controls[control].value = value
    assert explorer.redraws == count + 1
    assert explorer.figure.value != before
    assert f"Figure: {html.escape(explorer.alt)}" in explorer.described.value


def test_graph_explorer_table_shows_both_derivatives():
    explorer = helpers.graph_explorer()
    assert "central differences" in explorer.notes.value and explorer.notes.value.count("✓") == 5


@pytest.mark.parametrize("n_x, n_h, n_y, m", [(1, 1, 1, 1), (3, 4, 1, 1), (2, 5, 3, 7), (4, 1, 2, 3)])
def test_shape_table_matches_the_real_arrays(n_x, n_h, n_y, m):
    rng = np.random.default_rng(0)
    parameters = helpers.initialize_parameters(n_x, n_h, n_y, seed=1)
    X, Y = rng.standard_normal((n_x, m)), np.ones((n_y, m))
    A2, cache = helpers.forward_propagation(X, parameters)
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    real = {"X": X, **parameters, **cache, **grads, "dZ2": A2 - Y}
    table = {name: shape for name, shape, _ in helpers.shape_table(n_x, n_h, n_y, m)}
    for name, array in real.items():
        assert table[name] == array.shape, name
    assert table["W2ᵀ dZ2"] == (parameters["W2"].T @ real["dZ2"]).shape == table["Z1"]


def texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_shape_figures_show_every_array_of_the_pass():
    fig = helpers.draw_shapes(2, 5, 3, 4, pass_="forward")
    assert "Shapes of the forward pass: n_x = 2, n_h = 5, n_y = 3, m = 4" in texts(fig)
    assert {"Z1", "W1", "X", "b1", "A1", "Z2", "W2", "b2", "A2"} <= set(texts(fig))
    fig = helpers.draw_shapes(2, 5, 3, 4, pass_="backward")
    assert {"dZ2", "dW2", "db2", "dZ1", "dW1", "db1", "W2ᵀ", "Xᵀ", "A1ᵀ", "g′(Z1)"} <= set(texts(fig))
    assert "3×1" in texts(fig) and "5×1" in texts(fig)  # db2 and db1: columns


@pytest.mark.parametrize("sizes", [(8, 8, 4, 8), (1, 1, 1, 1), (8, 1, 4, 1), (1, 8, 1, 8)])
@pytest.mark.parametrize("pass_", ["forward", "backward"])
def test_shape_figure_labels_never_overlap(sizes, pass_):
    fig = helpers.draw_shapes(*sizes, pass_=pass_)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts if t.get_text().strip()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b) or a.intersection(a, b).width * a.intersection(a, b).height < 1, (sizes, pass_)


def test_decision_boundary_agrees_with_predict():
    X, Y = helpers.make_moons(100)
    parameters, costs = helpers.train(X, Y, 3, num_iterations=300)
    fig = helpers.plot_decision_boundary(lambda P: helpers.predict(parameters, P), X, Y, title="moons")
    ax = fig.axes[0]
    assert ax.get_title() == f"moons: {helpers.accuracy(parameters, X, Y):.1f}% correct"
    assert ax.get_xlabel() and ax.get_ylabel()
    fig = helpers.plot_costs(costs)
    assert fig.axes[0].get_ylabel() == "cost $J$" and fig.axes[0].get_xlabel() == "iteration"


def test_playground_reports_divergence_instead_of_crashing():
    explorer = helpers.training_playground()
    explorer.controls["activation"].value = "relu"
    explorer.controls["learning_rate"].value = 2.4
    explorer.controls["n_h"].value = 20
    assert explorer.redraws == 4  # every change redrew, diverged or not


def test_relative_difference_of_nan_or_inf_never_agrees():
    assert np.isnan(helpers.relative_difference([np.nan], [1.0]))
    assert not helpers.relative_difference([1.0], [np.inf]) < 1e-7


def test_graph_explorer_verdicts_are_right_at_5000_slider_settings():
    """Every derivative of the graph explorer agrees with its central difference at every slider setting
    (the sliders' grid: -3 to 3 in steps of 0.1, y = 0 or 1), the extremes |z| = 21 included."""
    from helpers.figures.graph import logistic_check_table
    from helpers.math.logistic import derivative_agrees
    rng = np.random.default_rng(1)
    grid = np.round(np.arange(-30, 31) / 10, 1)
    settings = [tuple(rng.choice(grid, 5)) + (int(rng.integers(2)),) for _ in range(5000)]
    settings += [(3.0, 3.0, 3.0, 3.0, 3.0, y) for y in (0, 1)] + [(-3.0, 3.0, 3.0, -3.0, -3.0, y) for y in (0, 1)]
    for setting in settings:
        v = helpers.logistic_graph_values(*setting)
        for name in ("da", "dz", "dw1", "dw2", "db"):
            assert derivative_agrees(v[name], v["numeric"][name], v["tolerance"][name]), (setting, name)
    extreme = logistic_check_table(helpers.logistic_graph_values(3.0, 3.0, -3.0, -3.0, -3.0, 1))  # z = -21, y = 1
    assert "nan" not in extreme and extreme.count("✓") == 5 and "✗" not in extreme
    tiny = logistic_check_table(helpers.logistic_graph_values(3.0, 3.0, -3.0, -3.0, -3.0, 0))  # z = -21, y = 0
    assert "+7.58e-10" in tiny and "+0.000000" not in tiny  # small values in scientific notation


def test_initialization_explorer_start_buttons_all_act():
    explorer = helpers.initialization_explorer()
    figures = {}
    for start in ("random", "equal", "zeros"):
        explorer.controls["start"].value = start
        figures[start] = explorer.figure.value
        assert explorer.controls["scale"].disabled is (start == "zeros")
    assert len(set(figures.values())) == 3  # each start draws something different
    explorer.controls["start"].value = "random"
    explorer.controls["scale"].value = 0.001  # the smallest scale is still a random, asymmetric start
    assert "largest difference between two rows of W1 after 600 steps: 0" not in explorer.notes.value


def test_playground_remembers_and_continues_training_exactly():
    from helpers.math.training import TrainingCache
    cache = TrainingCache()
    X, Y, p1000, c1000 = cache.get("moons", 3, "tanh", 1.2, 1000)
    _, _, p2000, c2000 = cache.get("moons", 3, "tanh", 1.2, 2000)
    fresh, costs = helpers.train(X, Y, 3, num_iterations=2000, learning_rate=1.2)
    assert np.array_equal(c2000, costs) and all(np.array_equal(p2000[k], fresh[k]) for k in fresh)
    assert cache.get("moons", 3, "tanh", 1.2, 1000)[2] is p1000  # going back trains nothing


def test_each_gallery_bug_shows_its_effect_on_training():
    from helpers.math.training import train_with_backward
    X, Y = helpers.make_flower()
    right, _ = train_with_backward(X, Y, helpers.backward_propagation, num_iterations=600)
    effect = {key: train_with_backward(X, Y, helpers.BUGS[key].backward, num_iterations=600)
              for key in ("forgot_1_over_m", "missing_transpose", "no_keepdims", "g_prime_at_A1", "sign_flipped")}
    assert effect["missing_transpose"][1] == "crashed at step 0: a matrix product's shapes do not fit"
    assert effect["no_keepdims"][1] == "crashed at step 1: b1 became (4, 4)"
    assert effect["sign_flipped"][0][-1] > 2 * right[0]  # gradient ascent: the cost climbs
    assert effect["forgot_1_over_m"][0].max() > 1.5  # steps 400 times too long overshoot
    assert right[-1] < effect["g_prime_at_A1"][0][-1]  # it trains, but worse
    fig = helpers.plot_bug_training(X, Y, ["sign_flipped", "no_keepdims"], num_iterations=50)
    assert [ax.get_title() for ax in fig.axes[:2]] == ["dZ2 with the sign flipped", "np.sum without keepdims"]


def test_a_diverged_run_stops_and_a_chaotic_one_is_described_by_its_start_only():
    """No stored text holds a number that rounding-order chaos decides (it differs between computers' BLAS)."""
    from helpers.math.training import DIVERGED, rounding_decides, train_with_backward
    X, Y = helpers.make_flower()
    costs, what = train_with_backward(X, Y, helpers.BUGS["forgot_1_over_m"].backward)
    assert what == "diverged: at step 2 the cost passed 10 times its start" and len(costs) == 3
    assert costs[-1] > DIVERGED * costs[0] > costs[-2]
    wandering, what = train_with_backward(X, Y, helpers.BUGS["g_prime_at_A1"].backward, num_iterations=400)
    assert what == "" and rounding_decides(X, Y, helpers.BUGS["g_prime_at_A1"].backward, wandering)
    right, _ = train_with_backward(X, Y, helpers.backward_propagation, num_iterations=400)
    assert not rounding_decides(X, Y, helpers.backward_propagation, right)  # a converging run forgets rounding
    fig = helpers.plot_bug_training(X, Y, ["g_prime_at_A1"], num_iterations=400)
    alt = alt_text(fig)
    assert "with the bug from 0.69, then wandering over 400 points" in alt and "right from 0.69 to 0.24 over 400" in alt, alt


def test_explorer_says_what_to_do_when_its_kernel_is_gone():
    explorer = helpers.shape_explorer()
    assert "run the notebook's first code cell, then this cell again" in explorer.status.value
    seen = []
    explorer.status.observe(lambda change: seen.append(change["new"]), names="value")
    explorer.controls["n_h"].value = 7
    assert "redrawing" in seen[0] and "first code cell" in seen[-1]  # busy while drawing, then the hint again


def test_costs_by_scale_shows_the_hidden_layer_barely_moving_at_large_scale():
    X, Y = helpers.make_flower()
    fig = helpers.plot_costs_by_scale(X, Y, scales=[0.01, 10], num_iterations=300)
    moved = {line.get_label(): line.get_ydata()[-1] for line in fig.axes[1].get_lines()}
    assert moved["scale 10"] < 1 < 10 < moved["scale 0.01"]


def move_and_compare_with_a_whole_drawing(explorer, control, value):
    """Move ``control`` to ``value``; the picture the explorer shows (drawn over a kept copy of its unchanging parts,
    display.Blitter) must be the one a whole drawing of the same figure gives."""
    import io

    import matplotlib.image

    from helpers.figures.display import figure_png

    explorer.controls[control].value = value
    drawn = explorer._draw(**explorer.values)
    fig = drawn[0] if isinstance(drawn, tuple) else drawn
    shown = matplotlib.image.imread(io.BytesIO(explorer.figure.value), format="png")
    whole = matplotlib.image.imread(io.BytesIO(figure_png(fig, tight=False)), format="png")
    assert shown.shape == whole.shape
    differ = np.abs(shown[..., :3] - whole[..., :3]).max(axis=-1) > 0.1
    assert not differ.any(), (control, value, differ.mean())


def test_a_live_picture_is_the_pixels_of_the_figure_as_a_png_file():
    """An explorer's live PNG (display.png_bytes: rows unfiltered, zlib level 1) decodes to the pixels that matplotlib's
    own PNG of the same figure holds; a figure whose size in pixels is not whole falls back to matplotlib's PNG."""
    import io

    import matplotlib.image

    from helpers.figures.display import figure_png

    for size in ((6, 3), (6.05, 3.01)):  # 540 x 270 pixels at 90 dpi; 544.5 x 270.9
        pictures = []
        for live in (True, False):
            fig = helpers.draw_shapes(3, 5, 1, m=7)
            fig.set_size_inches(size)
            png = figure_png(fig, tight=False, live=live)
            assert png.startswith(b"\x89PNG\r\n\x1a\n")
            pictures.append(matplotlib.image.imread(io.BytesIO(png), format="png"))
        live, saved = pictures
        assert live.shape == saved.shape and live.shape[1] == int(size[0] * 90)
        assert np.array_equal(live, saved)


def test_a_playground_move_draws_only_what_changed_and_shows_what_a_whole_drawing_shows():
    """After its first picture the playground draws a move over a kept copy of its unchanging parts (display.Blitter):
    the picture must be the one a whole drawing of the same figure gives, after a move and after a diverged run too."""
    explorer = helpers.training_playground()
    for control, value in (("n_h", 2), ("learning_rate", 2.4), ("n_h", 20), ("learning_rate", 0.6), ("num_iterations", 3000),
                           ("num_iterations", 100), ("dataset", "moons")):
        move_and_compare_with_a_whole_drawing(explorer, control, value)


def test_a_playground_move_draws_only_the_panel_it_changes_and_each_panel_stays_in_its_column():
    """The playground keeps its two panels' pixels apart (display.Blitter's parts): other iterations draw no panel
    (the cost panel's axis runs to the slider's end), another data set draws the left panel alone, a run whose cost
    leaves the scale the right one alone; and each panel's drawing (ticks, labels, the legend, its longest title) stays
    inside its column, at every data set, the longest title and a cost far above the usual scale."""
    explorer = helpers.training_playground()
    view, blitter = explorer.view, explorer.view.blitter
    # (control, value, panels drawn); no move draws the whole figure
    moves = [("num_iterations", 3000, 0), ("num_iterations", 100, 0), ("dataset", "moons", 1), ("n_h", 20, 0),
             ("activation", "sigmoid", 0), ("dataset", "xor", 1), ("num_iterations", 3000, 0),
             ("dataset", "circles", 1), ("learning_rate", 2.4, 1), ("dataset", "flower", 1)]
    for control, value, parts in moves:
        before = blitter.whole_drawings, blitter.part_drawings
        explorer.controls[control].value = value
        assert (blitter.whole_drawings - before[0], blitter.part_drawings - before[1]) == (0, parts), (control, value)
        assert_each_panel_stays_in_its_column(view, (control, value))
    assert view.right.get_ylim()[1] > 1.5 and "sigmoid: " in view.left.get_title()  # the moves reached both extremes
    move_and_compare_with_a_whole_drawing(explorer, "dataset", "xor")  # a panel kept, the other drawn: one picture


def assert_each_panel_stays_in_its_column(view, setting):
    """Everything the left panel draws (ticks, labels, a legend beside it, the title) lies left of the view's SPLIT, and
    the right panel's right of it, both inside the figure: each column's pixels are then its own panel's alone."""
    renderer = view.fig.canvas.get_renderer()
    width = view.fig.bbox.width
    left, right = view.left.get_tightbbox(renderer), view.right.get_tightbbox(renderer)
    assert 0 <= left.x0 and left.x1 < view.SPLIT * width < right.x0 and right.x1 <= width, setting


def test_an_initialization_move_keeps_the_cost_panel_unless_its_scale_changes():
    """The initialization explorer keeps its cost panel by the panel's limits: a run that stays on the usual scale draws
    no panel, one far above it (every weight 10) draws the cost panel alone; each panel stays in its column at every
    start and both ends of the scale, and the picture is a whole drawing's."""
    explorer = helpers.initialization_explorer()
    view, blitter = explorer.view, explorer.view.blitter
    for start, scale, parts in (("random", 0.001, 0), ("random", 10.0, 1), ("equal", 10.0, 1), ("zeros", 10.0, 1),
                                ("equal", 0.01, 0), ("random", 1.0, 0)):
        before = blitter.whole_drawings, blitter.part_drawings
        explorer.controls["start"].value, explorer.controls["scale"].value = start, scale
        assert blitter.whole_drawings == before[0] and blitter.part_drawings - before[1] <= parts, (start, scale)
        assert_each_panel_stays_in_its_column(view, (start, scale))
    assert blitter.part_drawings >= 3
    move_and_compare_with_a_whole_drawing(explorer, "scale", 3.0)


def test_a_graph_move_draws_only_the_numbers_and_shows_what_a_whole_drawing_shows():
    """The graph explorer's boxes are sized by the room of their numbers (figures.graph.NUMBER_ROOM), so most moves
    draw only the numbers over a kept copy of the rest: the same picture as a whole drawing, whether a move keeps every
    box's size (a slider's step, y toggled) or reaches the sliders' ends (da of a confident wrong answer, -1e+09)."""
    from helpers.figures import graph

    explorer = helpers.graph_explorer()
    blitter = explorer.view.blitter
    whole_drawings = blitter.whole_drawings
    for control, value in (("x1", 1.1), ("y", 0), ("w2", 2.5), ("b", -3.0), ("x1", -3.0), ("w1", 3.0), ("x2", 3.0)):
        move_and_compare_with_a_whole_drawing(explorer, control, value)
    print("whole drawings:", blitter.whole_drawings - whole_drawings, "of 7 moves")
    assert blitter.whole_drawings == whole_drawings  # no number outgrows its room: every move draws the numbers only
    assert graph._room("dz = -1.301") == graph._room("dz = 2.000") == graph._room("dz = -7.6e-10") == "dz = -0.0e-00"
    assert graph._room("da = -1.3e+09", least="-00000.000") == "da = -00000.000"
    assert graph._room("da = -123456.789", least="-00000.000") == "da = -000000.000"  # more than the sliders can give
    assert graph._room("$L$, y = 1", least="") == "$L$, y = 0"


@pytest.mark.parametrize("values", [(1.0, -2.0, 0.5, -0.3, 0.1, 1), (-3.0, 3.0, 3.0, 3.0, -3.0, 1), (0.0, 0.0, 0.0, 0.0, 0.0, 0),
                                    (-3.0, -3.0, 3.0, 3.0, -3.0, 1), (3.0, 3.0, 3.0, 3.0, 3.0, 1), (3.0, 3.0, 3.0, 3.0, 3.0, 0),
                                    (-3.0, 3.0, -3.0, 2.9, 3.0, 0)])
def test_every_line_of_the_logistic_graph_sits_inside_its_box(values):
    """A box is sized by the room of its lines (a number's room, a name's own text): no line may stick out of it."""
    from helpers.figures.alt_text import BOX

    fig = helpers.draw_logistic_graph(*values)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts if t.get_gid() == BOX]
    lines = [t for t in ax.texts if t.get_gid() != BOX and t.get_text()]
    assert len(boxes) == 8 and len(lines) >= 18
    for line in lines:
        extent = line.get_window_extent(renderer)
        assert any(box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0 and extent.y1 <= box.y1
                   for box in boxes), line.get_text()
    plt.close(fig)


def test_an_initialization_move_draws_only_what_changed_and_shows_what_a_whole_drawing_shows():
    """The initialization explorer draws its curves, title and weights' axis over kept copies of the rest (the cost
    panel kept by its limits): the same picture as a whole drawing of the figure, for every start and both ends of the
    scale."""
    explorer = helpers.initialization_explorer()
    for control, value in (("scale", 10.0), ("start", "equal"), ("scale", 0.001), ("start", "zeros"), ("start", "random")):
        move_and_compare_with_a_whole_drawing(explorer, control, value)


def _marked(fig):
    """The names above the blocks drawn with a thick outline (what the step reads from its cache)."""
    ax = fig.axes[0]
    thick = [p for p in ax.get_children() if type(p).__name__ == "Rectangle" and p.get_linewidth() > 2]
    names = {}
    for t in ax.texts:
        x, y = t.get_position()
        names[(round(x, 3), round(y, 3))] = t.get_text()
    found = set()
    for p in thick:
        x = p.get_x() + p.get_width() / 2
        top = p.get_y() + p.get_height() + 0.04
        found |= {text for (tx, ty), text in names.items() if abs(ty - top) < 1e-3 and abs(tx - x) < 0.5}
    return found


@pytest.mark.parametrize("step, reads", [(3, {"A2ᵀ", "W3ᵀ", "A3"}), (2, {"A1ᵀ", "W2ᵀ", "g′(Z2)"}), (1, {"Xᵀ", "W1ᵀ", "g′(Z1)"})])
def test_each_backward_step_outlines_what_it_reads_from_its_cache(step, reads):
    fig = helpers.draw_deep_shapes([2, 4, 3, 1], m=5, step=step)
    assert _marked(fig) == reads
    said = texts(fig)
    assert f"caches[{step - 1}]" in said and any(t.startswith(f"step {step} reads caches[{step - 1}]") for t in said)
    assert f"dW{step}" in said and f"dA{step - 1}" in said and f"db{step}" in said
    assert "Outlined, read from caches[%d]" % (step - 1) in alt_text(fig)


@pytest.mark.parametrize("dims", [[8, 8, 8, 8, 8, 8, 8], [1, 1], [3, 1, 5, 1]])
@pytest.mark.parametrize("step", [1, -1])
def test_deep_shape_figure_labels_never_overlap_and_stay_inside(dims, step):
    fig = helpers.draw_deep_shapes(dims, m=8, step=len(dims) - 1 if step == -1 else 1)
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    boxes = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts if t.get_text().strip()]
    for i, a in enumerate(boxes):
        assert a.x0 >= -0.5 and a.y0 >= -0.5 and a.x1 <= width + 0.5 and a.y1 <= height + 0.5, (dims, step)
        for b in boxes[i + 1:]:
            assert not a.overlaps(b) or a.intersection(a, b).width * a.intersection(a, b).height < 1, (dims, step)


def test_the_deep_shape_explorer_follows_the_typed_network_and_says_what_it_cannot_draw():
    explorer = helpers.deep_shape_explorer()
    explorer.controls["layer_dims"].value = "3, 5, 5, 2, 1"
    assert explorer.controls["step"].max == 4 and "L = 4" in explorer.alt
    explorer.controls["step"].value = 4
    before = explorer.redraws
    explorer.controls["layer_dims"].value = "2, 3"  # one layer: the step slider runs 1 … 1, in one redraw
    assert explorer.controls["step"].max == 1 and explorer.controls["step"].value == 1
    assert explorer.redraws == before + 1
    assert "Backward step 1 of an L = 1 layer network" in explorer.alt
    explorer.controls["layer_dims"].value = "2, 9, 1"
    assert explorer.alt.startswith("layer_dims: write 2 to 7 whole numbers from 1 to 8") and "'2, 9, 1'" in explorer.alt
    with pytest.raises(ValueError, match="step must be a layer"):
        helpers.draw_deep_shapes([2, 3, 1], step=3)
