"""The exercise checkers: True for a right answer, False with a cause a student can act on, never a raise."""
import numpy as np
import pytest

import helpers


def reference_backward(parameters, cache, X, Y):
    return helpers.backward_propagation(parameters, cache, X, Y)


def equations_backward(parameters, cache, X, Y, *, sign=1, g=None, m_factor=1, keepdims=True):
    m = X.shape[1]
    dZ2 = sign * (cache["A2"] - Y)
    g_prime = 1 - cache["A1"] ** 2 if g is None else g(cache)
    dZ1 = parameters["W2"].T @ dZ2 * g_prime
    return {
        "dW2": m_factor * dZ2 @ cache["A1"].T / m,
        "db2": np.sum(dZ2, axis=1, keepdims=True) / m,
        "dW1": m_factor * dZ1 @ X.T / m,
        "db1": np.sum(dZ1, axis=1, keepdims=keepdims) / m,
    }


def check(capsys, checker, fn):
    result = checker(fn)
    return result, capsys.readouterr().out


def test_backward_checker_accepts_the_reference(capsys):
    ok, out = check(capsys, helpers.check_backward_propagation, reference_backward)
    assert ok is True
    assert "✓ backward_propagation: all checks passed." in out
    assert "dW1 (4, 3) matches the reference and finite differences" in out


@pytest.mark.parametrize(
    "fn, cause",
    [
        (lambda p, c, X, Y: equations_backward(p, c, X, Y, m_factor=X.shape[1]), "dW2 is wrong: it is m times too large: a missing 1/m"),
        (lambda p, c, X, Y: equations_backward(p, c, X, Y, sign=-1), "dW2 is wrong: the sign of dZ2 is flipped: dZ2 = A2 − Y, not Y − A2"),
        (lambda p, c, X, Y: equations_backward(p, c, X, Y, g=lambda c: helpers.tanh_prime(c["A1"])), "dW1 is wrong: g′ is evaluated at A1 instead of Z1"),
        (lambda p, c, X, Y: equations_backward(p, c, X, Y, g=lambda c: 1.0), "dW1 is wrong: the element-wise factor g′(Z1) is missing"),
        (lambda p, c, X, Y: equations_backward(p, c, X, Y, keepdims=False), "db1 has shape (4,), expected (4, 1) (db1 has the shape of b1): it is 1-D, the mark of np.sum(..., axis=1) without keepdims=True"),
        (lambda p, c, X, Y: {**reference_backward(p, c, X, Y), "dW1": reference_backward(p, c, X, Y)["dW1"].T}, "dW1 has shape (3, 4), expected (4, 3) (dW1 has the shape of W1): it is the transposed shape"),
        (lambda p, c, X, Y: {**reference_backward(p, c, X, Y), "db2": reference_backward(p, c, X, Y)["db2"] + 0.1}, "db2 is wrong (max difference from the reference 0.1; relative difference from finite differences"),
    ],
    ids=["missing-1/m", "sign", "g-prime-at-A1", "no-g-prime", "no-keepdims", "transpose", "other"],
)
def test_backward_checker_names_the_cause(capsys, fn, cause):
    ok, out = check(capsys, helpers.check_backward_propagation, fn)
    assert ok is False
    assert cause in out


def not_implemented(*args):
    # YOUR CODE HERE
    raise NotImplementedError()


@pytest.mark.parametrize("checker", [helpers.check_propagate, helpers.check_backward_propagation, helpers.check_backward_one_example, helpers.check_initialization])
def test_not_implemented_is_reported_not_raised(capsys, checker):
    ok, out = check(capsys, checker, not_implemented)
    assert ok is False and "is not implemented yet" in out


def _raise(error):
    def fn(*args):
        raise error
    return fn


@pytest.mark.parametrize("checker", [helpers.check_propagate, helpers.check_backward_propagation, helpers.check_backward_one_example, helpers.check_initialization])
@pytest.mark.parametrize(
    "fn, says",
    [
        (lambda *a: None, "got None (did you forget the return?)"),
        (lambda *a: [1, 2], "got a list"),
        (lambda *a: (1, 2, 3), "got a tuple of 3"),
        (_raise(ValueError("shapes (4,3) and (5,2) not aligned")), "raised ValueError: shapes (4,3) and (5,2) not aligned. A matrix product got shapes that do not fit"),
        (_raise(KeyError("A3")), "raised KeyError: 'A3'. A dict key is misspelt or missing"),
        (_raise(ZeroDivisionError("division by zero")), "raised ZeroDivisionError"),
        (lambda *a: np.log(np.zeros(3)), "numpy warned: divide by zero encountered in log"),
        ("not a function", "expected a function, got str"),
    ],
    ids=["None", "list", "tuple", "ValueError", "KeyError", "ZeroDivision", "numpy-warning", "not-callable"],
)
def test_checkers_never_raise(capsys, checker, fn, says):
    ok, out = check(capsys, checker, fn)
    assert ok is False
    assert says in out or ("should return" in out or "should be" in out), out


def test_checker_does_not_let_the_student_mutate_its_problem(capsys):
    def mutating(parameters, cache, X, Y):
        grads = reference_backward(parameters, cache, X, Y)
        X *= 0  # a student bug that would corrupt the reference if the checker passed its own arrays
        return grads
    ok, out = check(capsys, helpers.check_backward_propagation, mutating)
    assert ok is True


def test_propagate_checker(capsys):
    ok, out = check(capsys, helpers.check_propagate, helpers.propagate)
    assert ok is True and "✓ dw (3, 1) matches the reference and finite differences" in out

    def missing_m(w, b, X, Y):
        grads, cost = helpers.propagate(w, b, X, Y)
        return {"dw": grads["dw"] * X.shape[1], "db": grads["db"]}, cost

    def flipped(w, b, X, Y):
        grads, cost = helpers.propagate(w, b, X, Y)
        return {"dw": -grads["dw"], "db": -grads["db"]}, cost

    def row(w, b, X, Y):
        grads, cost = helpers.propagate(w, b, X, Y)
        return {"dw": grads["dw"].T, "db": grads["db"]}, cost

    assert "dw is wrong: it is m times too large: a missing 1/m" in check(capsys, helpers.check_propagate, missing_m)[1]
    assert "dw is wrong: its sign is flipped: dZ = A − Y, not Y − A" in check(capsys, helpers.check_propagate, flipped)[1]
    assert "dw has shape (1, 3), expected (3, 1)" in check(capsys, helpers.check_propagate, row)[1]


def test_one_example_checker(capsys):
    def right(parameters, cache, x, y):
        dz2 = cache["A2"] - y
        dz1 = parameters["W2"].T @ dz2 * (1 - cache["A1"] ** 2)
        return {"dz2": dz2, "dW2": dz2 @ cache["A1"].T, "db2": dz2, "dz1": dz1, "dW1": dz1 @ x.T, "db1": dz1}

    ok, out = check(capsys, helpers.check_backward_one_example, right)
    assert ok is True and "dz1 (4, 1) matches the reference" in out

    def swapped(parameters, cache, x, y):
        result = right(parameters, cache, x, y)
        return {**result, "dW2": cache["A1"] @ result["dz2"].T}

    ok, out = check(capsys, helpers.check_backward_one_example, swapped)
    assert ok is False and "dW2 has shape (4, 1), expected (1, 4)" in out and "transpose" in out


def test_initialization_checker(capsys):
    def right(n_x, n_h, n_y, seed):
        rng = np.random.default_rng(seed)
        return {"W1": rng.standard_normal((n_h, n_x)) * 0.01, "b1": np.zeros((n_h, 1)),
                "W2": rng.standard_normal((n_y, n_h)) * 0.01, "b2": np.zeros((n_y, 1))}

    ok, out = check(capsys, helpers.check_initialization, right)
    assert ok is True and "identical to helpers.initialize_parameters(seed=0)" in out

    def zeros(n_x, n_h, n_y, seed):
        return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)), "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}

    def large(n_x, n_h, n_y, seed):
        p = right(n_x, n_h, n_y, seed)
        return {**p, "W1": p["W1"] * 100}

    def global_state(n_x, n_h, n_y, seed):
        np.random.seed(seed)
        return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
                "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}

    assert "W1 is all zeros: every hidden unit would compute the same function forever" in check(capsys, helpers.check_initialization, zeros)[1]
    assert "multiply the random draw by 0.01" in check(capsys, helpers.check_initialization, large)[1]
    assert "used numpy's global random state" in check(capsys, helpers.check_initialization, global_state)[1]
