"""Notebook 09's backward stepper: the engine run one node at a time on notebook 03's network gives, at every step,
gradients equal to notebook 03's equations; the picture shows the step (the node outlined, arrows back to the parents
that get a gradient, the caption) and, drawn over a kept copy, is the picture a whole drawing gives."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

import helpers  # noqa: E402
from helpers.autodiff.steps import PARENTS, two_layer_backward_steps  # noqa: E402
from helpers.figures.alt_text import alt_text  # noqa: E402
from helpers.figures.autodiff import NODES, StepperView, stepper_table  # noqa: E402
from helpers.math.gradcheck import relative_difference  # noqa: E402
# test_views' autouse fixture (warnings are errors, figures closed after each test) applies here too, imported
from test_views import move_and_compare_with_a_whole_drawing, no_warnings_and_close_figures  # noqa: E402, F401

ORDER = [None, "J", "Z2", "W2A1", "A1", "Z1", "W1X"]  # the nodes whose step runs, in the order backward() runs them


def flower_steps():
    X, Y = helpers.make_flower()
    return two_layer_backward_steps(X, Y, helpers.initialize_parameters(2, 4, 1, seed=0))


@settings(max_examples=20, deadline=None)
@given(n_x=st.integers(1, 4), n_h=st.integers(1, 5), m=st.integers(1, 6), seed=st.integers(0, 10_000))
def test_every_step_sets_the_gradients_notebook_03s_equations_give(n_x, n_h, m, seed):
    rng = np.random.default_rng(seed)
    X, Y = rng.standard_normal((n_x, m)), (rng.random((1, m)) < 0.5).astype(float)
    parameters = {k: v * 50 for k, v in helpers.initialize_parameters(n_x, n_h, 1, seed=seed).items()}  # not linear
    steps, values, hand = two_layer_backward_steps(X, Y, parameters)
    assert [step.node for step in steps] == ORDER
    for before, step in zip(steps, steps[1:]):
        # a step adds its parents' gradients (X, a constant, gets none) and changes none set before
        assert list(step.grads)[:len(before.grads)] == list(before.grads)
        assert set(step.grads) - set(before.grads) == set(step.parents) - {"X"}
        for key, grad in step.grads.items():
            assert grad.shape == values[key].shape  # dfoo has the shape of foo
            assert relative_difference(grad, hand[key]) < 1e-10, (step.node, key)
    assert "X" not in steps[-1].grads and len(steps[-1].grads) == 10


def test_the_by_hand_column_would_catch_a_wrong_gradient():
    steps, _, hand = flower_steps()
    assert "✗" not in stepper_table(steps[-1], hand)
    wrong = dict(hand, W1=hand["W1"] * 400)  # as if the 1/m were missing
    rows = stepper_table(steps[-1], wrong).split("<tr>")
    assert [row for row in rows if "✗ differs" in row] == [row for row in rows if "<b>W1.grad</b>" in row]


def test_the_picture_shows_the_step_and_says_it():
    steps, values, hand = flower_steps()
    view = StepperView(values, PARENTS)
    fig = view.draw(steps, 3)
    assert len(view._marks) == 3  # the outline of W2A1 and two arrows back, to W2 and to A1
    said = alt_text(fig)
    assert "Step 3 of 6: W[2]A[1] (@) sends its gradient to W[2] and A[1]." in said
    assert view.lines["W2"].get_text() == "grad = $dW^{[2]}$" and view.lines["W1"].get_text() == "not yet"
    view.draw(steps, 6)
    assert len(view._marks) == 2  # W1X outlined, one arrow back: none to X, a constant
    assert view.lines["X"].get_text() == "a constant"
    assert all(view.lines[key].get_text().startswith("grad = ") for key in NODES if key != "X")
    assert "(X is a constant: it gets none)" in alt_text(fig)
    table = stepper_table(steps[6], hand)
    assert "W1.grad += g Xᵀ" in table and table.count("✓ to 1e-10") == 10


def test_each_step_drawn_over_a_kept_copy_is_a_whole_drawing_and_no_move_draws_everything():
    explorer = helpers.backward_stepper()
    before = explorer.view.blitter.whole_drawings
    for step in (1, 2, 3, 4, 5, 6, 0, 3):
        move_and_compare_with_a_whole_drawing(explorer, "step", step)
    # the comparison drew whole figures of its own; the explorer's moves themselves drew none
    explorer = helpers.backward_stepper()
    before = explorer.view.blitter.whole_drawings
    for step in (6, 1, 4):
        explorer.controls["step"].value = step
    assert explorer.view.blitter.whole_drawings == before
    assert "tanh: Z1.grad += g (1 − A1²)" in explorer.notes.value and "<b>W1.grad</b>" not in explorer.notes.value


@pytest.mark.parametrize("step", range(7))
def test_every_step_has_a_rule_and_a_caption(step):
    steps, values, hand = flower_steps()
    table = stepper_table(steps[step], hand)
    assert table.startswith("<p><b>") and table.count("<tr>") == len(steps[step].grads) + 1


def test_on_a_slide_the_text_under_the_figure_is_the_rule_and_one_line(monkeypatch):
    monkeypatch.setenv("BBH_SLIDES", "1")
    steps, _, hand = flower_steps()
    text = stepper_table(steps[3], hand)
    assert "<table" not in text and "@: W2.grad += g A1ᵀ" in text
    assert "6 of the 6 gradients set so far equal notebook 03's equations" in text
    wrong = stepper_table(steps[3], dict(hand, W2=-hand["W2"]))
    assert "5 of the 6 gradients" in wrong
