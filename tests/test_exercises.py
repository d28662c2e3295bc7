"""Every exercise of the course answered blank, wrong and right: the checker passes exactly the right answers
and names the cause of each wrong one. The answers are in tests/answers.py."""
import numpy as np
import pytest

import answers as a
import helpers
from helpers.exercises.outcomes import Verdict

# checker, the right answer, [(a wrong answer, what the verdict must say)]
EXERCISES = {
    "01 sigmoid_prime": (helpers.check_sigmoid_prime, a.sigmoid_prime, [
        (a.sigmoid_prime_z, "it uses z where σ(z) belongs"),
        (a.sigmoid_prime_tanh_rule, "that is tanh's rule, 1 − a²"),
    ]),
    "01 logistic_backward": (helpers.check_logistic_backward, a.logistic_backward, [
        (a.logistic_backward_no_sigma_prime, "dz is wrong: it equals da: the chain rule has a second factor, ∂a/∂z"),
        (a.logistic_backward_w_for_x, "dw is wrong: it uses the weight w where ∂z/∂w belongs"),
    ]),
    "01 propagate": (helpers.check_propagate, a.propagate, [
        (a.propagate_missing_m, "dw is wrong: it is m times too large: a missing 1/m"),
        (a.propagate_delegates, "calls helpers.propagate, which computes what this exercise asks you to compute"),
    ]),
    "02 forward_one_example": (helpers.check_forward_one_example, a.forward_one_example, [
        (a.forward_one_example_sigmoid_hidden, "a1 is wrong: the hidden layer here is tanh"),
        (a.forward_one_example_transposed, "forward_one_example failed in a matrix product: `parameters['W1'].T @ x` multiplies (3, 4) by (3, 1): the inner sizes 4 and 3 differ"),
    ]),
    "02 gradient_shapes": (helpers.check_gradient_shapes, a.gradient_shapes, [
        (a.gradient_shapes_dW1_transposed, "dW1 is (3, 4), its two sizes swapped: which size counts W1's rows?"),
    ]),
    "02 backward_one_example": (helpers.check_backward_one_example, a.six, [
        (a.six_g_prime_at_a1, "dz1 is wrong: g′ is evaluated at a1 instead of z1"),
        (a.six_sigmoid_prime, "dz1 is wrong: it uses the sigmoid's derivative; the hidden layer is tanh"),
    ]),
    "02 backward_one_example_relu": (helpers.check_backward_one_example_relu, a.six_relu, [
        (a.six_relu_with_tanh_prime, "dz1 is wrong: that factor is tanh's derivative; the hidden layer is now relu"),
    ]),
    "02 backward_one_example_sigmoid": (helpers.check_backward_one_example_sigmoid, a.six_sigmoid_hidden, [
        (a.six_sigmoid_hidden_with_tanh_prime, "dz1 is wrong: that factor is tanh's derivative; the hidden layer is now a sigmoid"),
    ]),
    "02 dz2_squared_error": (helpers.check_dz2_squared_error, a.dz2_squared_error, [
        (a.dz2_cross_entropy, "that is the cross-entropy's dz2; with the squared error the output's σ′ does not cancel"),
    ]),
    "02 backward_three_layers": (helpers.check_backward_three_layers, a.three_layers, [
        (a.three_layers_no_g2, "dz2 is wrong: the factor of the second hidden activation is missing"),
    ]),
    "03 forward_propagation": (helpers.check_forward_propagation, a.forward_propagation, [
        (a.forward_propagation_no_b1, "Z1 is wrong: b1 is not added"),
    ]),
    "03 compute_cost": (helpers.check_compute_cost, a.compute_cost, [
        (a.compute_cost_mean, "[test 2 of 2: n_y = 3, m = 4] cost is wrong: it is divided by m·n_y"),
        (a.compute_cost_integer_division, "it is all zeros; `1 // m` is integer division"),
    ]),
    "03 backward_propagation": (helpers.check_backward_propagation, a.backward, [
        (a.backward_sigmoid_prime, "dW1 is wrong: it uses the sigmoid's derivative A1(1 − A1); the hidden layer is tanh"),
        (a.backward_integer_division, "dW2 is wrong: it is all zeros; `1 // m` is integer division (0 when m > 1): write 1 / m"),
        (a.backward_hard_coded_m, "it is divided by 400 instead of m = 5: is m hard-coded (your line has 400)?"),
        (a.backward_axis_0, "db1 has shape (1, 5), expected (4, 1) (db1 has the shape of b1): it has one entry per example, the mark of a sum over axis=0"),
        (a.backward_summed_to_scalar, "db1 is a single number, expected an array of shape (4, 1)"),
        (a.backward_missing_transpose, "`(1 / m * dZ1) @ X` multiplies (4, 5) by (3, 5): the inner sizes 5 and 3 differ. Write each shape next to the equation; a missing or extra transpose (.T) is the usual cause (in your code, the line `dW1 = (1 / m) * dZ1 @ X`)"),
    ]),
    "03 update_parameters": (helpers.check_update_parameters, a.update_parameters, [
        (a.update_parameters_ascent, "W1 is wrong: it adds α dW1: gradient descent subtracts"),
    ]),
    "03 predict": (helpers.check_predict, a.predict, [
        (a.predict_probabilities, "they are the probabilities A2"),
    ]),
    "03 train": (helpers.check_train, a.train, [
        (a.train_never_updates, "the cost never changes: assign the updated parameters back"),
        (a.train_delegates, "calls helpers.train, which computes what this exercise asks you to compute"),
    ]),
    "04 numerical_gradient": (helpers.check_numerical_gradient, a.numerical_gradient, [
        (a.numerical_gradient_one_sided, "f is only evaluated at x + ε: use central differences"),
        (a.numerical_gradient_not_restored, "after your function x has changed"),
        (a.numerical_gradient_over_epsilon, "it is twice the derivative: divide by 2ε"),
    ]),
    "04 gradient_check": (helpers.check_gradient_check, a.gradient_check, [
        (a.gradient_check_absolute, "the relative difference divides ‖g − g_num‖ by ‖g‖ + ‖g_num‖"),
        (a.gradient_check_delegates, "calls helpers.gradient_check, which computes what this exercise asks you to compute"),
    ]),
    "04 fixed_backward_propagation": (helpers.check_fixed_backward, a.fixed_backward, [
        (a.still_broken, "✗ db2: relative difference 6.7e-01"),
        (a.half_fixed, "dW1, db1 disagree with central differences"),
    ]),
    "05 initialize_parameters": (helpers.check_initialization, a.initialize, [
        (a.initialize_zeros, "hidden units 1 and 2 start identical"),
        (a.initialize_large, "multiply the random draw by 0.01"),
    ]),
    "06 linear_backward": (helpers.check_linear_backward, a.linear_backward, [
        (a.linear_backward_dA_over_m, "dA_prev is wrong: it is divided by m: dA_prev is not a parameter's gradient"),
        (a.linear_backward_no_keepdims, "db has shape (4,), expected (4, 1) (db has the shape of b): it is 1-D, the mark of np.sum(..., axis=1) without keepdims=True"),
    ]),
    "06 activation_backward": (helpers.check_activation_backward, a.activation_backward, [
        (a.activation_backward_always_tanh, "[test 1 of 3: a relu layer, Z (3, 5)] dZ is wrong: it uses tanh's derivative, but this cache's activation is 'relu': read cache['activation']"),
        (a.activation_backward_at_A, "[test 2 of 3: a tanh layer, Z (3, 5)] dZ is wrong: g′ is evaluated at A instead of Z"),
    ]),
    "06 L_model_forward": (helpers.check_L_model_forward, a.L_model_forward, [
        (a.L_model_forward_stops_early, "caches holds 2 entries for a network of L = 3 layers: one cache per layer: the loop stops one layer early"),
        (a.L_model_forward_stores_new_A, "caches[0] (layer 1)['A_prev'] is layer 1's own A: store the A that came into the layer"),
        (a.L_model_forward_hidden_everywhere, "caches[2] (layer 3)['A'] is wrong: layer 3 uses 'relu': layer L is the output, σ"),
    ]),
    "06 L_model_backward": (helpers.check_L_model_backward, a.L_model_backward_using_steps, [
        (a.L_model_backward_dA_over_m, "dW2 is wrong: dA_prev is divided by m, so every layer below L gets one more 1/m"),
        (a.L_model_backward_m_twice, "dW3 is wrong: it is m times too small: 1/m is applied twice, once in dZ^[L] and again in dW and db"),
        (a.L_model_backward_output_inside, "dW2 is wrong: layer 2 is a hidden layer ('relu'), but its dZ uses σ′, the output's derivative"),
        (a.L_model_backward_off_by_one, "caches[0] for layer 1 … caches[L − 1] for layer L: is the index off by one? (your line `dZ = activation_backward(dA, caches[l])`)"),
        (a.L_model_backward_index_error, "IndexError: list index out of range. caches holds one cache per layer, caches[0] for layer 1 … caches[L − 1] for layer L: is the index off by one? (your line `cache = caches[l]`)"),
    ]),
    "07 softmax": (helpers.check_softmax, a.softmax, [
        (a.softmax_rows, "A is wrong: each row sums to 1: softmax normalises each column"),
        (a.softmax_unstable, "e^1000 overflows. Subtract each column's largest entry before the exponential"),
    ]),
    "07 softmax_backward": (helpers.check_softmax_backward, a.softmax_backward_jacobian, [
        (a.softmax_backward_diagonal, "dZ is wrong: it keeps only the Jacobian's diagonal, as for n separate sigmoids"),
    ]),
    "07 softmax_cost": (helpers.check_softmax_cost, a.softmax_cost, [
        (a.softmax_cost_sigmoid_terms, "cost is wrong: it adds (1 − Y) log(1 − A), the sigmoid's term"),
    ]),
    "07 train_deep": (helpers.check_train_deep, a.train_deep, [
        (a.train_deep_sigmoid_output, "costs is wrong: dZ^[L] is multiplied by A(1 − A) as for a sigmoid output"),
        (a.train_deep_reference, "calls helpers.train_deep, which computes what this exercise asks you to compute"),
        (a.train_deep_fixed_rate, "the costs are those of learning rate 0.5, but this call's learning_rate is 0.3"),
        (a.train_deep_m_of_classes, "W2's step is 3 times the reference's, the right direction with a wrong size"),
    ]),
    "08 predicted_std": (helpers.check_predicted_std, a.predicted_std, [
        (a.predicted_std_variances, "these are variances: the question asks for standard deviations"),
        (a.predicted_std_own_width, "it uses n_l, the layer's own width"),
        (a.predicted_std_never_halved, "the mean square that relu passes on is treated as tanh's"),
        (a.predicted_std_output_too, "leave out the output layer"),
        (a.predicted_std_scale_not_squared, "the weights' scale s enters as it is"),
    ]),
    "08 initialize_deep": (helpers.check_initialize_deep, a.initialize_deep, [
        (a.initialize_deep_no_root, "the scale is a variance (c / n): the weights are multiplied by its square root"),
        (a.initialize_deep_own_width, "the scale divides by n_l, the layer's own width"),
        (a.initialize_deep_rng_per_layer, "each layer starts a new generator from the same seed"),
        (a.initialize_deep_global, "it used numpy's global random state"),
        (a.initialize_deep_transposed, "W1 has shape (4, 3), expected (3, 4): it is the transposed shape"),
        (a.initialize_deep_reference, "calls helpers.initialize_deep, which computes what this exercise asks you to compute"),
    ]),
    "08 layer_statistics": (helpers.check_layer_statistics, a.layer_statistics, [
        (a.layer_statistics_no_g_prime, "it is the spread of dA^[l]"),
        (a.layer_statistics_every_layer, "the statistics are of the hidden layers 1 … L−1"),
        (a.layer_statistics_ratio_upside_down, "it is upside down"),
        (a.layer_statistics_of_Z, "it is the spread of Z^[l]"),
        (a.layer_statistics_g_prime_at_A, "tanh′ is evaluated at A"),
    ]),
    "08 unit_shares": (helpers.check_unit_shares, a.unit_shares, [
        (a.unit_shares_values_not_units, "it counts values z ≤ 0, not units"),
        (a.unit_shares_relu_saturates, "relu is counted too"),
        (a.unit_shares_strict, "z < 0 misses a unit whose z is exactly 0 everywhere"),
        (a.unit_shares_percent, "dead is in percent"),
        (a.unit_shares_axis0, "it looks down the columns (axis=0, the examples)"),
    ]),
    "09 matmul_backward": (helpers.check_matmul_backward, a.matmul_backward, [
        (a.matmul_backward_transposes_swapped, "failed in a matrix product"),
        (a.matmul_backward_over_m, "a matrix product's backward step has no 1/m"),
    ]),
    "09 sum_to": (helpers.check_sum_to, a.sum_to, [
        (a.sum_to_no_keepdims, "the result has shape (3,), expected (3, 1)"),
        (a.sum_to_mean, "not their mean"),
        (a.sum_to_columns_only, "back to (1, 5), a row added to every row] the result has shape (3, 1), expected (1, 5)"),
    ]),
    "09 topological_order": (helpers.check_topological_order, a.topological_order, [
        (a.topological_order_no_seen, "b is in the list 2 times"),
        (a.topological_order_reversed, "reversed?"),
        (a.topological_order_leaves_missing, "a is missing"),
    ]),
    "09 backward_pass": (helpers.check_backward_pass, a.backward_pass, [
        (a.backward_pass_forward_order, "the steps ran in the forward order"),
        (a.backward_pass_overwrites, "each use overwrote the one before"),
        (a.backward_pass_no_seed, "the root's gradient is 0"),
    ]),
}
WRONG = [(name, wrong, says) for name, (_, _, wrongs) in EXERCISES.items() for wrong, says in wrongs]


def run(capsys, checker, fn):
    result = checker(fn)
    assert isinstance(result, Verdict), f"a check returns a Verdict (shown as nothing in Jupyter), not {result!r}"
    return bool(result), capsys.readouterr().out


def test_the_ladder_has_at_least_20_exercises_in_course_order():
    assert len(EXERCISES) >= 20
    assert list(EXERCISES) == sorted(EXERCISES, key=lambda name: name[:2])


@pytest.mark.parametrize("name", EXERCISES)
def test_right_answer_passes(capsys, name):
    checker, right, _ = EXERCISES[name]
    ok, out = run(capsys, checker, right)
    assert ok is True, out
    assert "all checks passed" in out and "✗" not in out


@pytest.mark.parametrize("name", EXERCISES)
def test_blank_answer_is_not_implemented_yet(capsys, name):
    checker, _, _ = EXERCISES[name]
    ok, out = run(capsys, checker, a.blank)
    assert ok is False
    assert out.strip().splitlines()[-1].startswith("✗ ")
    assert out.strip().endswith(": not implemented yet: replace `raise NotImplementedError()` with your code and run the cell again")
    assert "test network" not in out.splitlines()[-1]


@pytest.mark.parametrize("name, wrong, says", WRONG, ids=[f"{n}-{w.__name__}" for n, w, _ in WRONG])
def test_wrong_answer_fails_with_its_cause(capsys, name, wrong, says):
    checker, _, _ = EXERCISES[name]
    ok, out = run(capsys, checker, wrong)
    assert ok is False, out
    assert says in out, out


@pytest.mark.parametrize("name", EXERCISES)
def test_checkers_never_raise_whatever_the_function_does(capsys, name):
    checker = EXERCISES[name][0]
    for fn in (lambda *args: None, lambda *args: [1, 2], "not a function", lambda *args: 1 / 0):
        ok, out = run(capsys, checker, fn)
        assert ok is False and "✗" in out


# --------------------------------------------------------------------------------------------------
# False passes and false fails that students met (each test fails on the checkers of 2026-11-23)
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fn, says", [
    (a.propagate_complex, "dw holds complex numbers (dtype complex128)"),
    (a.propagate_strings, "dw has dtype <U"),
    (a.propagate_objects, "dw has dtype object, not numbers"),
    (a.propagate_float16, "dw is float16, which keeps only about 3 significant digits"),
    (a.propagate_exits, "propagate called sys.exit()"),
    (a.propagate_delegates, "calls helpers.propagate, which computes what this exercise asks you to compute"),
    (lambda w, b, X, Y: helpers.propagate(w, b, X, Y), "calls helpers.propagate, which computes what this exercise asks you to compute"),
])
def test_no_false_pass_and_no_escape(capsys, fn, says):
    ok, out = run(capsys, helpers.check_propagate, fn)
    assert ok is False, out
    assert says in out, out


def test_float16_is_never_called_a_bug_below_the_threshold(capsys):
    out = run(capsys, helpers.check_propagate, a.propagate_float16)[1]
    assert "above 1e-4" not in out


def test_an_earlier_cells_variable_is_named_not_used(capsys):
    namespace = {"np": np, "dz2": np.ones((1, 1))}  # cell 11 of notebook 02 left a dz2 in the kernel
    exec(
        "def backward_one_example(parameters, cache, x, y):\n"
        "    W2 = parameters['W2']\n"
        "    dZ2 = cache['A2'] - y\n"
        "    dz1 = (W2.T @ dz2) * (1 - cache['A1'] ** 2)\n"
        "    return {'dz2': dz2, 'dW2': dz2 @ cache['A1'].T, 'db2': dz2, 'dz1': dz1, 'dW1': dz1 @ x.T, 'db1': dz1}\n",
        namespace,
    )
    ok, out = run(capsys, helpers.check_backward_one_example, namespace["backward_one_example"])
    assert ok is False
    assert "reads `dz2`, a variable of the notebook (a (1, 1) array from an earlier cell)" in out
    assert "your function assigns dZ2: Python names are case-sensitive" in out
    del namespace["dz2"]  # after a restart: a NameError that names the near miss
    ok, out = run(capsys, helpers.check_backward_one_example, namespace["backward_one_example"])
    assert ok is False and "Your function assigns `dZ2` but uses `dz2`" in out


def test_a_wrong_dZ1_is_pointed_at_not_dW1(capsys):
    out = run(capsys, helpers.check_backward_propagation, a.backward_sigmoid_prime_written_out)[1]
    assert "✓ dW2" in out and "✓ db2" in out
    assert "dW1 is wrong: it uses the sigmoid's derivative A1(1 − A1)" in out
    assert "look at your line `dZ1 = (W2.T @ dZ2) * A1 * (1 - A1)`" in out and "W2ᵀ dZ2 ∗ g′(Z1)" not in out


def test_an_unknown_layer1_mistake_points_at_dZ1(capsys):
    def odd_g(parameters, cache, X, Y):
        return a.backward(parameters, cache, X, Y, g=lambda Z1, A1: 1 - A1 ** 4)
    out = run(capsys, helpers.check_backward_propagation, odd_g)[1]
    assert "dW1 and db1 are both wrong while dW2 and db2 are right, so look at dZ1" in out


def test_the_second_network_is_named_before_a_crash_on_it(capsys):
    def only_one_output(parameters, cache, X, Y):
        grads = a.backward(parameters, cache, X, Y)
        if Y.shape[0] > 1:
            raise ValueError("this code assumed n_y = 1")
        return grads
    out = run(capsys, helpers.check_backward_propagation, only_one_output)[1]
    assert "Checking the backward pass on test network 1 of 2: n_x = 3, n_h = 4, n_y = 1, m = 5" in out
    assert "[test network 2 of 2: n_x = 2, n_h = 5, n_y = 3, m = 7] backward_propagation raised ValueError: this code assumed n_y = 1" in out


def test_initialization_with_w2_zero_is_accepted_it_trains(capsys):
    ok, out = run(capsys, helpers.check_initialization, a.initialize_w2_zero)
    assert ok is True, out
    X, Y = helpers.make_flower()
    start = a.initialize_w2_zero(2, 4, 1, 0)
    parameters, _ = helpers.train(X, Y, 4, num_iterations=3000, initial_parameters=start)
    assert helpers.accuracy(parameters, X, Y) > 85
    assert helpers.row_spread(parameters["W1"]) > 1


def test_yours_or_reference(capsys):
    assert helpers.yours_or_reference(a.blank, helpers.backward_propagation) is helpers.backward_propagation
    out = capsys.readouterr().out
    assert "does not pass its check yet (not implemented yet)" in out and "using helpers.backward_propagation meanwhile" in out
    assert helpers.yours_or_reference(a.backward, helpers.backward_propagation) is a.backward
    assert capsys.readouterr().out == "Using your backward: its check passes.\n"


def test_an_answer_that_changes_its_arguments_is_refused_and_the_checkers_problem_stays_intact(capsys):
    def mutating(parameters, cache, X, Y):
        grads = a.backward(parameters, cache, X, Y)
        X *= 0  # a student bug that would corrupt the reference if the checker passed its own arrays
        return grads
    ok, out = run(capsys, helpers.check_backward_propagation, mutating)
    assert ok is False and "backward_propagation changed its argument `X` in place" in out, out
    assert run(capsys, helpers.check_backward_propagation, a.backward)[0] is True


def test_calling_helpers_one_line_equations_is_delegating(capsys):
    def with_helpers(parameters, cache, x, y):
        dz2 = helpers.output_error(cache["A2"], y)
        dz1 = helpers.hidden_error(parameters["W2"], dz2, 1 - cache["A1"] ** 2)
        return {"dz2": dz2, "dW2": helpers.weight_gradient(dz2, cache["A1"]), "db2": dz2, "dz1": dz1,
                "dW1": helpers.weight_gradient(dz1, x), "db1": dz1}
    ok, out = run(capsys, helpers.check_backward_one_example, with_helpers)
    assert ok is False and "calls helpers.output_error, which computes what this exercise asks you to compute" in out


def test_a_loss_of_precision_is_named_as_such(capsys):
    def rounded(parameters, grads, learning_rate):
        return {k: parameters[k] - learning_rate * grads["d" + k].astype(np.float16) for k in ("W1", "b1", "W2", "b2")}
    out = run(capsys, helpers.check_update_parameters, rounded)[1]
    assert "W1 is wrong (largest difference from the reference" in out and "lost precision (float16 or float32" in out


# --------------------------------------------------------------------------------------------------
# Grading mode (the nbgrader assignments' test cells): a failed check fails the cell with its verdict
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", EXERCISES)
def test_grading_mode_raises_the_same_verdict_and_passes_the_right_answer(capsys, name):
    checker, right, wrongs = EXERCISES[name]
    wrong = wrongs[0][0]
    _, out = run(capsys, checker, wrong)
    verdict = out.strip().splitlines()[-1]
    with helpers.grading():
        assert bool(checker(right)) is True
        assert capsys.readouterr().out.strip().endswith("all checks passed.")
        for fn, says in ((wrong, verdict), (a.blank, "not implemented yet")):
            with pytest.raises(helpers.CheckFailed) as failed:
                checker(fn)
            assert isinstance(failed.value, AssertionError)
            assert str(failed.value).startswith("✗ ") and says in str(failed.value)
            assert str(failed.value) not in capsys.readouterr().out  # said once, by the error
    assert bool(checker(wrong)) is False  # grading mode ends with its block
    assert capsys.readouterr().out.strip().splitlines()[-1] == verdict


def test_grading_mode_leaves_yours_or_reference_quiet(capsys):
    with helpers.grading():
        assert helpers.yours_or_reference(a.blank, helpers.backward_propagation) is helpers.backward_propagation
    assert "using helpers.backward_propagation meanwhile" in capsys.readouterr().out


def test_initialization_with_w1_zero_is_accepted_it_trains(capsys):
    """W1 = 0 with W2 random breaks the symmetry through W2's columns (dZ1 differs by unit), like W2 = 0 with W1 random."""
    def w1_zero(n_x, n_h, n_y, seed):
        p = a.initialize(n_x, n_h, n_y, seed)
        return {**p, "W1": np.zeros((n_h, n_x))}
    ok, out = run(capsys, helpers.check_initialization, w1_zero)
    assert ok is True, out
    X, Y = helpers.make_flower()
    parameters, _ = helpers.train(X, Y, 4, num_iterations=3000, initial_parameters=w1_zero(2, 4, 1, 0))
    assert helpers.accuracy(parameters, X, Y) > 85


def test_a_function_that_calls_a_failing_one_of_the_students_says_so(capsys):
    namespace = {"np": np, "helpers": helpers}
    exec("def my_forward_propagation(X, parameters):\n"
         "    A1 = np.tanh(parameters['W1'] @ X + parameters['b1'])\n"
         "    A2 = helpers.sigmoid(parameters['W2'] @ A1 + parameters['b2'])\n"
         "    return 1 - A2, {}\n"
         "def my_predict(parameters, X):\n"
         "    A2, _ = my_forward_propagation(X, parameters)\n"
         "    return (A2 > 0.5).astype(float)\n", namespace)
    ok, out = run(capsys, helpers.check_predict, namespace["my_predict"])
    assert ok is False
    assert out.strip().endswith(". Your function calls your my_forward_propagation, which does not pass its own check yet: "
                                "fix my_forward_propagation first (run its check cell), then check this one again."), out
    namespace["my_forward_propagation"] = a.forward_propagation
    exec("def my_predict(parameters, X):\n    return my_forward_propagation(X, parameters)[0]\n", namespace)
    ok, out = run(capsys, helpers.check_predict, namespace["my_predict"])  # the function it calls passes: not named
    assert ok is False and "they are the probabilities A2" in out and "does not pass its own check" not in out
