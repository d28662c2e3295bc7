"""The gallery of bugs: each one is caught by the tool the notebook says catches it, and the checker names it."""
import numpy as np
import pytest

import helpers
from helpers.math.bugs import problem

BACKWARD_BUGS = [key for key, bug in helpers.BUGS.items() if bug.backward is not None and bug.activation == "tanh"]


@pytest.mark.parametrize("key, expected", [
    ("forgot_1_over_m", "gradient check: relative difference 0.67: a bug (> 1e-4)"),
    ("g_prime_at_A1", "gradient check: relative difference 0.036: a bug (> 1e-4)"),
    ("sign_flipped", "gradient check: relative difference 1: a bug (> 1e-4)"),
    ("no_keepdims", "gradient check: relative difference < 1e-7: right"),
    ("missing_transpose", "the backward pass crashes with a ValueError: the inner sizes 5 and 2 of a matrix product differ"),
    ("relu_prime_at_zero", "gradient check: relative difference < 1e-7: right"),
])
def test_gradient_check_verdicts(key, expected):
    assert helpers.diagnose(key)[0] == expected


def test_keepdims_bug_is_caught_by_the_shape_check():
    assert helpers.diagnose("no_keepdims")[1].startswith("shape check: db1 must be a 2-D array; got db1 (4,), which is 1-D")
    for key in ("forgot_1_over_m", "g_prime_at_A1", "sign_flipped"):
        assert helpers.diagnose(key)[1] == "shape check: every gradient has the shape of its parameter"


def test_missing_transpose_runs_silently_when_m_equals_n_x():
    assert helpers.diagnose("missing_transpose", m=2)[0].endswith("a bug (> 1e-4)")


def test_relu_kink_fools_the_gradient_check_for_both_conventions():
    assert "a bug" in helpers.diagnose("relu_prime_at_zero", kink=True)[0]
    parameters, X, Y = problem(kink=True)
    assert helpers.gradient_check(parameters, X, Y, "relu") > 1e-4  # helpers' own relu′(0) = 0 as well


def test_bias_as_vector_is_silent_in_numpy_and_refused_by_helpers():
    lines = helpers.diagnose("bias_as_vector")
    assert "runs and gives a (4, 4) Z1" in lines[0]
    assert "b1 must be a column (n_h, 1); got b1 (4,), which is 1-D" in lines[1]


@pytest.mark.parametrize("key, cause", [
    ("forgot_1_over_m", "dW2 is wrong: it is m times too large: a missing 1/m"),
    ("missing_transpose", "raised ValueError"),
    ("no_keepdims", "db1 has shape (4,), expected (4, 1) (db1 has the shape of b1): it is 1-D, the mark of np.sum(..., axis=1) without keepdims=True"),
    ("g_prime_at_A1", "dW1 is wrong: g′ is evaluated at A1 instead of Z1"),
    ("sign_flipped", "dW2 is wrong: the sign of dZ2 is flipped"),
])
def test_checker_names_each_bug(capsys, key, cause):
    assert bool(helpers.check_backward_propagation(helpers.BUGS[key].backward)) is False
    assert cause in capsys.readouterr().out


def test_find_the_bugs_checker_gives_only_the_gradient_check_numbers(capsys):
    assert bool(helpers.check_fixed_backward(helpers.broken_backward_propagation)) is False
    out = capsys.readouterr().out
    assert "✓ dW2: relative difference" in out and "✗ db2: relative difference 6.7e-01" in out and "✗ dW1" in out
    for giveaway in ("1/m", "g′", "A1", "keepdims", "sign"):  # the student finds the cause
        assert giveaway not in out


def test_every_backward_bug_really_differs_from_backprop():
    parameters, X, Y = problem()
    A2, cache = helpers.forward_propagation(X, parameters)
    right = helpers.backward_propagation(parameters, cache, X, Y)
    for key in BACKWARD_BUGS:
        if key in ("missing_transpose", "no_keepdims"):
            continue
        wrong = helpers.BUGS[key].backward(parameters, cache, X, Y)
        assert any(not np.allclose(wrong[k], right[k]) for k in right), key
