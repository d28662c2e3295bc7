"""Verdicts that are never wrong (the issue "Derive, don't transcribe"): every false pass, false fail and misleading
message students met, each a test that fails on the checkers of 2026-12-01 (commit 8822590); then hints in steps,
self-check questions, and a kernel that says which cell to run."""
import sys
from pathlib import Path

import numpy as np
import pytest

import answers as a
import helpers
from helpers.exercises import hints, kernel, questions
from test_exercises import EXERCISES, run

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))  # the course's exercises as tools see them
from exercises import RESULTS as DERIVED  # noqa: E402
REFUSED = "which computes what this exercise asks you to compute"


def cells(source):
    """The functions defined by ``source`` as if by a notebook cell (so the checker can quote their lines)."""
    import exercises as course
    namespace = {"np": np, "helpers": helpers}
    course.run_cell(source, namespace, f"test {abs(hash(source))}")
    return namespace


# ------------------------------------------------------------------------------------------------- false passes
def test_central_differences_are_not_a_backward_pass(capsys):
    def numeric(parameters, cache, X, Y):
        return helpers.numerical_gradients(parameters, X, Y)
    ok, out = run(capsys, helpers.check_backward_propagation, numeric)
    assert ok is False and f"calls helpers.numerical_gradients, {REFUSED}" in out, out


def test_the_reference_training_loop_under_another_name_is_refused(capsys):
    def my_train(X, Y, n_h, num_iterations, learning_rate, seed):
        start = helpers.initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=seed)
        parameters, history = helpers.train_with_history(X, Y, start, num_iterations=num_iterations, learning_rate=learning_rate)
        return parameters, list(history["costs"])
    ok, out = run(capsys, helpers.check_train, my_train)
    assert ok is False and f"calls helpers.train_with_history, {REFUSED}" in out, out


def test_propagate_from_helpers_one_equation_functions_is_refused(capsys):
    def my_propagate(w, b, X, Y):
        m = X.shape[1]
        A = helpers.sigmoid(w.T @ X + b)
        dZ = A - Y
        return {"dw": helpers.weight_gradient(dZ, X).T, "db": helpers.bias_gradient(dZ).item()}, helpers.compute_cost(A, Y)
    ok, out = run(capsys, helpers.check_propagate, my_propagate)
    assert ok is False and REFUSED in out and "helpers.weight_gradient" in out, out


@pytest.mark.parametrize("name", ["backward_propagation_loop", "numerical_gradients"])
def test_a_reference_as_the_fixed_backward_pass_is_refused(capsys, name):
    def fixed(parameters, cache, X, Y):
        if name == "numerical_gradients":
            return helpers.numerical_gradients(parameters, X, Y)
        return helpers.backward_propagation_loop(parameters, cache, X, Y)
    ok, out = run(capsys, helpers.check_fixed_backward, fixed)
    assert ok is False and f"calls helpers.{name}, {REFUSED}" in out, out


def test_the_building_blocks_an_exercise_names_are_allowed(capsys):
    for checker, right in ((helpers.check_sigmoid_prime, a.sigmoid_prime), (helpers.check_train, a.train)):
        assert run(capsys, checker, right)[0] is True
    ok, out = run(capsys, helpers.check_backward_one_example, a.six_g_prime_at_a1)  # helpers.tanh_prime is named
    assert ok is False and "g′ is evaluated at a1 instead of z1" in out


def test_an_answer_that_overwrites_its_argument_is_refused(capsys):
    def in_place(z):
        a_ = 1 / (1 + np.exp(-z))
        z[:] = a_ * (1 - a_)
        return z
    ok, out = run(capsys, helpers.check_sigmoid_prime, in_place)
    assert ok is False and "sigmoid_prime changed its argument `z` in place" in out, out


def test_an_update_that_mutates_the_parameters_dict_is_refused(capsys):
    def update(parameters, grads, learning_rate):
        for name in ("W1", "b1", "W2", "b2"):
            parameters[name] -= learning_rate * grads["d" + name]
        return parameters
    ok, out = run(capsys, helpers.check_update_parameters, update)
    assert ok is False and "changed the dict `parameters` it was given" in out, out


def test_a_learning_rate_of_its_own_is_refused(capsys):
    def my_train(X, Y, n_h, num_iterations, learning_rate, seed):
        return a.train(X, Y, n_h, num_iterations, 1.2, seed)
    ok, out = run(capsys, helpers.check_train, my_train)
    assert ok is False and "the costs are those of learning rate 1.2, but this call's learning_rate is 0.5" in out, out


def _first_arguments(checker, right):
    seen = []

    def spy(*args):
        seen.append(args)
        return right(*args)
    checker(spy)
    return seen


@pytest.mark.parametrize("name", EXERCISES)
def test_every_argument_varies_across_a_checks_tests(capsys, name):
    """An answer that ignores one argument (uses the first test's value instead) fails: every argument varies."""
    checker, right, _ = EXERCISES[name]
    calls = _first_arguments(checker, right)
    capsys.readouterr()
    first = calls[0]
    for index in range(len(first)):
        if all(_same(call[index], first[index]) for call in calls):
            pytest.fail(f"{name}: argument {index + 1} is the same in every test")

        def ignoring(*args, index=index):
            args = list(args)
            args[index] = first[index]
            return right(*args)
        ok, out = run(capsys, checker, ignoring)
        assert ok is False, f"{name}: an answer ignoring argument {index + 1} passes:\n{out}"


def _same(x, y):
    if isinstance(x, dict) and isinstance(y, dict):
        return x.keys() == y.keys() and all(_same(x[k], y[k]) for k in x)
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):  # caches: a list of dicts of arrays
        return len(x) == len(y) and all(_same(u, v) for u, v in zip(x, y))
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        return np.shape(x) == np.shape(y) and np.array_equal(x, y)
    return x is y or x == y


# -------------------------------------------------------------------------------------------------- false fails
def test_the_compute_cost_template_accepts_a_1x1_cost(capsys):
    import exercises as course
    exercise = next(e for e in course.exercises() if e.id == "03-compute-cost")
    assert "float(cost)" not in exercise.start  # the template no longer turns a (1, 1) cost into a TypeError
    start = exercise.start.replace("    # YOUR CODE HERE\n    raise NotImplementedError()",
                                   "    cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2), keepdims=True) / m")
    out = course.verdict_of(exercise, start)
    assert "✓ compute_cost: all checks passed." in out, out


def test_a_nudge_restored_by_arithmetic_is_no_change(capsys):
    def nudging(f, x, epsilon):
        grad = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            x[i] += epsilon
            plus = f(x)
            x[i] -= 2 * epsilon
            minus = f(x)
            x[i] += epsilon
            grad[i] = (plus - minus) / (2 * epsilon)
        return grad
    ok, out = run(capsys, helpers.check_numerical_gradient, nudging)
    assert ok is True, out


def test_a_real_change_of_x_is_told_to_save_and_restore(capsys):
    ok, out = run(capsys, helpers.check_numerical_gradient, a.numerical_gradient_not_restored)
    assert ok is False and "save each entry's value before nudging it and put that saved value back" in out, out


# ------------------------------------------------------------------------------------- misleading messages
def test_m_from_the_wrong_axis_is_not_called_a_missing_1_over_m(capsys):
    f = cells("def my_compute_cost(A2, Y):\n    m = A2.shape[0]\n"
              "    cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m\n    return cost\n")["my_compute_cost"]
    ok, out = run(capsys, helpers.check_compute_cost, f)
    assert ok is False and "missing 1/m" not in out
    assert "it is divided by your m = 1, but there are 5 examples: m is the number of columns" in out, out


def test_a_1d_result_without_np_sum_is_not_blamed_on_keepdims(capsys):
    source = ("def my_backward(parameters, cache, X, Y):\n    m = X.shape[1]\n    grads = answer(parameters, cache, X, Y)\n"
              "    db1 = grads['db1'].ravel()\n    return {**grads, 'db1': db1}\n")
    namespace = cells("answer = None\n" + source)
    namespace["answer"] = a.backward
    ok, out = run(capsys, helpers.check_backward_propagation, namespace["my_backward"])
    assert ok is False and "keepdims" not in out and "it is 1-D, where a column (n, 1) is expected" in out, out


def test_a_matrix_product_where_an_elementwise_one_is_meant(capsys):
    f = cells("def my_backward(parameters, cache, X, Y):\n    m = X.shape[1]\n    W2 = parameters['W2']\n"
              "    A1, A2 = cache['A1'], cache['A2']\n    dZ2 = A2 - Y\n    dZ1 = W2.T @ dZ2 @ (1 - A1 ** 2)\n"
              "    return {'dW1': dZ1 @ X.T / m, 'db1': np.sum(dZ1, axis=1, keepdims=True) / m,\n"
              "            'dW2': dZ2 @ A1.T / m, 'db2': np.sum(dZ2, axis=1, keepdims=True) / m}\n")["my_backward"]
    ok, out = run(capsys, helpers.check_backward_propagation, f)
    assert "`(W2.T @ dZ2) @ (1 - A1 ** 2)` multiplies (4, 5) by (4, 5)" in out, out
    assert "is an element-wise product (`*`) meant where `@` is written?" in out and "transpose" not in out, out


def test_a_wrong_dZ1_line_is_blamed_not_the_right_dW1_line(capsys):
    f = cells("def my_backward(parameters, cache, X, Y):\n    m = X.shape[1]\n    W2 = parameters['W2']\n"
              "    A1, A2 = cache['A1'], cache['A2']\n    dZ2 = A2 - Y\n    dW2 = dZ2 @ A1.T / m\n"
              "    db2 = np.sum(dZ2, axis=1, keepdims=True) / m\n    dZ1 = (W2.T @ dZ2) * (1 - A1)\n"
              "    dW1 = dZ1 @ X.T / m\n"
              "    db1 = np.sum((W2.T @ dZ2) * (1 - A1 ** 2), axis=1, keepdims=True) / m\n"
              "    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}\n")["my_backward"]
    ok, out = run(capsys, helpers.check_backward_propagation, f)
    assert ok is False and "look at your line `dZ1 = (W2.T @ dZ2) * (1 - A1)`" in out, out
    assert "your line `dW1" not in out


def test_m_minus_1_is_not_a_hard_coded_m(capsys):
    def minus_one(parameters, cache, X, Y):
        return a.backward(parameters, cache, X, Y, scale=1 / (X.shape[1] - 1))
    ok, out = run(capsys, helpers.check_backward_propagation, minus_one)
    assert "it is divided by m − 1 = 4 instead of m = 5" in out and "hard-coded" not in out, out


def test_a_wrong_number_is_not_a_multiple_of_the_right_one(capsys):
    f = cells("def my_compute_cost(A2, Y):\n    m = Y.shape[1]\n"
              "    cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(A2)) / m\n    return cost\n")["my_compute_cost"]
    ok, out = run(capsys, helpers.check_compute_cost, f)
    assert ok is False and "times the right value" not in out and "look at your line `cost = " in out, out


def test_another_notebooks_function_is_named_as_such(capsys):
    f = cells("def my_backward_one_example(parameters, cache, x, y):\n"
              "    dz2 = cache['A2'] - y\n    g = my_sigmoid_prime(cache['Z1'])\n    return {}\n")["my_backward_one_example"]
    ok, out = run(capsys, helpers.check_backward_one_example_sigmoid, f)
    assert "`my_sigmoid_prime` is a function this kernel does not have" in out and "used before" not in out, out


def test_a_hard_coded_epsilon_is_named(capsys):
    def fixed_epsilon(f, x, epsilon):
        return a.numerical_gradient(f, x, 1e-7)
    ok, out = run(capsys, helpers.check_numerical_gradient, fixed_epsilon)
    assert ok is False and "only evaluated at x + ε" not in out
    assert "f was evaluated at x nudged by 1e-07, but this check passed epsilon = 1e-05" in out, out


def test_costs_recorded_after_the_update_are_called_one_step_ahead(capsys):
    def late(X, Y, n_h, num_iterations, learning_rate, seed):
        parameters = helpers.initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=seed)
        costs = []
        for _ in range(num_iterations):
            A2, cache = a.forward_propagation(X, parameters)
            parameters = a.update_parameters(parameters, a.backward(parameters, cache, X, Y), learning_rate)
            costs.append(a.compute_cost(a.forward_propagation(X, parameters)[0], Y))
        return parameters, costs
    ok, out = run(capsys, helpers.check_train, late)
    assert ok is False and "the costs are one step ahead" in out and "initialize_parameters" not in out, out


def test_one_term_of_da_with_the_wrong_sign_is_not_called_a_flipped_sign(capsys):
    def one_term(x, w, b, y):
        result = a.logistic_backward(x, w, b, y)
        s = 1 / (1 + np.exp(-((w.T @ x).item() + b)))
        return {**result, "da": y / s + (1 - y) / (1 - s)}
    ok, out = run(capsys, helpers.check_logistic_backward, one_term)
    assert ok is False and "its sign is flipped" not in out
    assert "da is wrong: its sign is wrong for y = 1: look at the term of da that is left when y = 1" in out, out


# --------------------------------------------------------------------------------- no target equation printed
TARGETS = {  # the equations a derivation-first exercise asks for: no verdict on a wrong answer prints them
    "01 sigmoid_prime": ("a(1 − a)",), "01 logistic_backward": ("a − y", "x dz", "a(1 − a)"),
    "02 backward_one_example": ("W2ᵀ dz2 ∗", "1 − a1²", "1 − A1²", "dz1 xᵀ"),
    "02 backward_one_example_relu": ("(z1 > 0)", "(Z1 > 0)"), "02 dz2_squared_error": ("a2(1 − a2)",),
    "03 backward_propagation": ("(1/m) dZ", "keepdims=True)", "dZ2 A1ᵀ", "dZ1 Xᵀ"),
}


@pytest.mark.parametrize("name", TARGETS)
def test_a_wrong_answer_is_never_told_the_equation(capsys, name):
    checker, _, wrongs = EXERCISES[name]
    for wrong, _ in wrongs:
        out = run(capsys, checker, wrong)[1]
        assert not [t for t in TARGETS[name] if t in out], out
        assert f'helpers.hint("{name[3:]}")' in out or "does not pass its own check" in out, out


# ------------------------------------------------------------------------------------------------ hints in steps
def test_hints_come_one_step_at_a_time_and_a_verdict_offers_the_next(capsys, monkeypatch):
    monkeypatch.setattr(hints, "_given", {})
    out = run(capsys, helpers.check_sigmoid_prime, a.sigmoid_prime_z)[1]
    assert out.strip().endswith('Stuck? helpers.hint("sigmoid_prime") gives hint 1 of 3.')
    for step, title in enumerate(("where to look", "the principle", "the equation"), start=1):
        helpers.hint("my_sigmoid_prime" if step == 2 else "sigmoid_prime")
        said = capsys.readouterr().out
        assert said.startswith(f"Hint {step} of 3 for sigmoid_prime ({title}): ")
        offer = run(capsys, helpers.check_sigmoid_prime, a.sigmoid_prime_z)[1].strip()
        assert offer.endswith(f"gives hint {step + 1} of 3.") if step < 3 else "Stuck?" not in offer
    assert "a * (1 - a)" in said
    helpers.hint("sigmoid_prime")
    assert "That was the last hint for sigmoid_prime" in capsys.readouterr().out


def test_every_exercise_has_three_hints():
    import exercises as course
    names = set()
    for exercise in course.exercises():
        name = exercise.check.split("(")[1].rstrip(")").strip()
        names.add(name[3:] if name.startswith("my_") else name)
    names = {n if n != "helpers.broken_backward_propagation" else "fixed_backward_propagation" for n in names}
    assert names <= set(hints.HINTS), names - set(hints.HINTS)
    assert all(len(steps) == 3 for steps in hints.HINTS.values())


# ---------------------------------------------------------------------------------------- self-check questions
def test_a_self_check_takes_an_answer_before_it_shows_the_reasoning(capsys, monkeypatch):
    monkeypatch.setattr(questions, "_tries", {})
    reasoning = questions.QUESTIONS["sigma_prime_peak"].reasoning
    assert not helpers.answer("sigma_prime_peak", ..., ...)
    out = capsys.readouterr().out
    assert "write your answer first" in out and reasoning not in out
    assert not helpers.answer("sigma_prime_peak", 0.5, 0)
    out = capsys.readouterr().out
    assert "✗ sigma_prime_at_0: not that" in out and "✓ right: z_where_largest" in out and reasoning not in out
    assert "0.25" not in out
    assert helpers.answer("sigma_prime_peak", 1 / 4, 0.0)
    assert reasoning in capsys.readouterr().out


def test_three_wrong_tries_show_the_reasoning(capsys, monkeypatch):
    monkeypatch.setattr(questions, "_tries", {})
    for _ in range(3):
        helpers.answer("relu_changes", {"dz1", "dW1"}, 1, 0)
    out = capsys.readouterr().out
    assert out.count("✗ changed") == 3 and out.count(questions.QUESTIONS["relu_changes"].reasoning) == 1


def test_every_reveal_box_became_a_question_the_student_answers():
    import nbformat
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    asked = set()
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            assert "Reveal the answer" not in cell.source and "<details>" not in cell.source, path.name
            question = cell.metadata.get("bbh", {}).get("selfcheck")
            if question:
                asked.add(question)
                assert "= ..." in cell.source and f'helpers.answer("{question}"' in cell.source
    assert asked == set(questions.QUESTIONS)


# ---------------------------------------------------------------------------------------------- Jupyter's errors
@pytest.mark.parametrize("name, namespace, says", [
    ("my_sigmoid_prime", {}, "run the exercise cell that defines it (the cell with `def my_sigmoid_prime(...)`"),
    ("my_sigmoid_prime", {"my_sigmoid_prim": print}, "but this kernel has `my_sigmoid_prim`: the exercise cell defines a "
                                                     "different name"),
    ("helpers", {}, "run the notebook's first cells (the set-up and the imports) first"),
    ("X", {}, "Run them (Run → Run All Above Selected Cell), then this cell"),
])
def test_a_name_error_says_which_cell_to_run(name, namespace, says):
    assert says in kernel.explain(name, namespace)


def test_a_misspelt_definition_is_named_by_the_check(capsys):
    namespace = cells("def my_sigmoid_prime(z):\n    raise NotImplementedError()\n\n"
                      "def my_sigmoid_prim(z):\n    a = helpers.sigmoid(z)\n    return a * (1 - a)\n")
    ok, out = run(capsys, helpers.check_sigmoid_prime, namespace["my_sigmoid_prime"])
    assert ok is False and "This kernel also has a function `my_sigmoid_prim`" in out, out


def test_a_kernel_says_which_cell_to_run_before_the_first_one_and_after_a_restart():
    """In a kernel of the course's environment (make setup installs the IPython configuration that loads helpers'
    messages at start), a check run before any cell, and a cell run without those above it, say what to run."""
    from nbclient import NotebookClient
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("helpers.check_sigmoid_prime(my_sigmoid_prime)"),
                nbformat.v4.new_code_cell("import helpers"),
                nbformat.v4.new_code_cell("helpers.check_sigmoid_prime(my_sigmoid_prime)"),
                nbformat.v4.new_code_cell("print(X.shape)"),
                nbformat.v4.new_code_cell("def my_sigmoid_prime(z):\n    a = helpers.sigmoid(z)\n    return a * (1 - a)\n"
                                          "helpers.check_sigmoid_prime(my_sigmoid_prime)")]
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=60).execute()
    errors = ["\n".join(o.get("traceback", [])) + o.get("evalue", "") for c in nb.cells for o in c.outputs
              if o.output_type == "error"]
    assert len(errors) == 3, errors
    assert "run the notebook's first cells" in errors[0]
    assert "run the exercise cell that defines it" in errors[1] and "Traceback" not in errors[1], errors[1]
    assert "Run All Above Selected Cell" in errors[2]
    last = nb.cells[-1].outputs
    assert [o.output_type for o in last] == ["stream"] and last[0].text.strip().endswith("all checks passed.")  # no bare True


# ------------------------------------------------------------------------------------------- derivation first


def _screen(cell):
    text = cell.source + "".join(o.get("text", "") + "".join(o.get("data", {}).get("text/plain", ""))
                                 for o in cell.get("outputs", []))
    return "".join(text.split())


@pytest.mark.parametrize("exercise", DERIVED)
def test_a_derivation_first_exercise_shows_its_result_only_after_its_check(exercise):
    import nbformat
    root = Path(__file__).resolve().parent.parent
    path = next((root / "notebooks").glob(f"{exercise[:2]}_*.ipynb"))
    cells_ = nbformat.read(path, as_version=4).cells
    at = next(i for i, c in enumerate(cells_) if c.metadata.get("bbh", {}).get("exercise") == exercise)
    above = [(i, p) for i, c in enumerate(cells_[:at]) for p in DERIVED[exercise] if p in _screen(c)]
    assert not above, f"{path.name}: the result is on screen above the exercise (cell, text): {above}"
    after = "".join(_screen(c) for c in cells_[at + 2:])
    assert any(p in after for p in DERIVED[exercise]), f"{path.name}: {exercise}'s result is never revealed"
    assert cells_[at + 2].metadata["slideshow"]["slide_type"] in ("slide", "subslide")  # the reveal is the next slide


def test_two_columns_of_one_shape_are_not_called_an_elementwise_product(capsys):
    f = cells("def my_backward_three_layers(parameters, cache, x, y):\n    dz3 = cache['A3'] - y\n"
              "    dz2 = (parameters['W3'].T @ dz3) * (1 - cache['A2'] ** 2)\n    W3 = parameters['W3']\n"
              "    dz1 = (W3.T @ dz2) * (1 - cache['A1'] ** 2)\n    return {}\n")["my_backward_three_layers"]
    out = run(capsys, helpers.check_backward_three_layers, f)[1]
    assert "element-wise" not in out and "a dz goes back through the weights of its own layer, here layer 2" in out, out
