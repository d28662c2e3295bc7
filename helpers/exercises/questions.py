"""Self-check questions the student answers in a cell before seeing the reasoning: ``helpers.answer(question, ...)``
checks the answers, says which is off (never the right value), and shows the reasoning once they are right, or after
three tries."""
from dataclasses import dataclass

from .hints import in_graded_notebook
from .outcomes import BAD, OK, Verdict

TRIES = 3


def _number(right, nudge, tol=1e-6):
    def check(value):
        try:
            return "" if abs(float(value) - right) <= tol * max(1.0, abs(right)) else nudge
        except (TypeError, ValueError):
            return "write a number"
    return check


def _shape(right):
    def check(value):
        try:
            shape = tuple(int(s) for s in value)
        except (TypeError, ValueError):
            return "write a shape as a pair of sizes, (rows, columns)"
        if shape == right:
            return ""
        if shape == right[::-1]:
            return "its two sizes are swapped: which one counts the rows?"
        return "not that shape: write the shapes of the forward pass for these sizes next to it"
    return check


def _names(right, nudge):
    def check(value):
        names = {value} if isinstance(value, str) else set(value) if isinstance(value, (set, list, tuple, frozenset)) else None
        if names is None:
            return "write a set of names, such as {\"dW1\"}"
        if names == right:
            return ""
        return nudge(names)
    return check


def _boolean(right, nudge):
    def check(value):
        if not isinstance(value, bool):
            return "write True or False"
        return "" if value == right else nudge
    return check


def _within(low, high, nudge_low, nudge_high):
    def check(value):
        try:
            value = float(value)
        except (TypeError, ValueError):
            return "write a number"
        return nudge_low if value < low else nudge_high if value > high else ""
    return check


@dataclass(frozen=True)
class Question:
    fields: tuple  # (name, check: value -> "" when right, else what is off)
    reasoning: str


def _spoiled(names):
    if "dW2" in names:
        return "one of them was right all along: which gradients disagreed with central differences in the check?"
    return "not that set: which gradients disagreed with central differences in the check?"


QUESTIONS = {
    "sigma_prime_peak": Question((
        ("sigma_prime_at_0", _number(0.25, "not that: σ(0) = 1/2; differentiate σ and evaluate at 0")),
        ("z_where_largest", _number(0.0, "not there: where is the S-curve of σ steepest?")),
    ), "σ(0) = 1/2, so σ′(0) = 1/2 · 1/2 = 1/4, the largest value σ′ takes: the sigmoid is steepest at z = 0 and "
       "flattens out on both sides. Far from 0, σ′ is close to 0, which is why a saturated unit learns slowly "
       "(notebook 05)."),
    "shapes_three_outputs": Question((
        ("dz2_shape", _shape((3, 1))), ("dW2_shape", _shape((3, 5))), ("dW1_shape", _shape((5, 2))),
    ), "dz2 is 3 × 1 (one entry per output unit), dW2 is 3 × 5 and dW1 is 5 × 2: each dfoo has the shape of foo, and "
       "W^[l] is n_l × n_(l−1). Nothing else changes with more outputs: W2ᵀ dz2 adds up what the three outputs send back "
       "to each hidden unit."),
    "relu_changes": Question((
        ("changed", _names({"dz1"}, lambda names: "not that set: which of the six equations contains the hidden "
                                                  "activation's derivative?")),
        ("relu_prime_at_2", _number(1.0, "not that: what is the slope of max(0, z) at z = 2?")),
        ("relu_prime_at_minus_1", _number(0.0, "not that: what is the slope of max(0, z) at z = −1?")),
    ), "Only dz1 changes, through g′: relu′(z) is 1 where z > 0 and 0 where z < 0 (at exactly 0 there is no derivative; "
       "we take 0). It is read from z1; 1 − a² belongs to tanh only."),
    "squared_error": Question((
        ("still_a2_minus_y", _boolean(False, "derive it again: does σ′(z2) still cancel against da2?")),
        ("dz2_at_a2_09_y_0", _number(0.081, "not that: da2 first, then multiply by σ′(z2) written with a2 = 0.9")),
    ), "With L = ½(a2 − y)², da2 = a2 − y (the ½ cancels the 2), and dz2 = da2 · σ′(z2) = (a2 − y) · a2(1 − a2): "
       "0.9 · 0.9 · 0.1 = 0.081 here. The factor σ′ no longer cancels; it is nearly 0 when a2 is close to 0 or 1, so a "
       "confidently wrong output gets almost no gradient, one reason the cross-entropy is the loss of choice for a "
       "sigmoid output."),
    "choose_n_h": Question((
        ("n_h", _within(3, 10, "look at where the accuracy jumps: below it the boundary has too few bends",
                        "more units cost more per step and gain little here; and training accuracy cannot tell you "
                        "whether they fit the noise")),
    ), "Accuracy jumps between n_h = 2 and n_h = 3, then gains only a few points more, even with 50 units: a few bends "
       "are all the flower needs. A larger network costs more per step and can fit the noise of the training set "
       "(overfitting), which training accuracy cannot show: that needs data held out from training. A small n_h just "
       "past the jump, 4 or 5, is the sensible choice."),
    "bug_lines": Question((
        ("buggy_lines", _names({"db2", "dZ1"}, lambda names: "not those lines: name the variables the two buggy lines "
                                                             "assign")),
        ("spoiled", _names({"db2", "dW1", "db1"}, _spoiled)),
    ), "The line of db2 lacks the 1/m: only db2 is off, by a factor m (relative difference (m − 1)/(m + 1), 0.67 for "
       "m = 5). The line of dZ1 evaluates g′ at A1 instead of Z1: dW1 and db1 are both off, because both are computed "
       "from dZ1, while dW2 is right. One wrong gradient points at its own line; two that share an input point at the "
       "input."),
    "w2_zero": Question((
        ("symmetry_broken", _boolean(True, "think of the hidden units: do they compute the same function at the start?")),
    ), "Yes. The hidden units compute different functions from the first step, because the rows of W1 differ; at the first "
       "step dW2 then gets different entries, and from there every unit has its own gradient. Symmetry needs two units "
       "identical in everything: the same row of W1, the same bias and the same column of W2."),
    "deep_indices": Question((
        ("cache_read_by_step_3", _number(2, "not that index: caches[0] is layer 1's cache; count from there")),
        ("dA_prev_has_1_over_m", _boolean(False, "think of what dA_prev is: a parameter's gradient, or what each "
                                                 "example sends down?")),
    ), "The step for layer 3 reads caches[2]: caches[0] is layer 1's cache, so layer l's is caches[l − 1]. dA_prev "
       "has no 1/m: each of its m columns is one example's own signal, and the average over the examples "
       "is taken once, where the columns are added up, in dW and db."),
    "softmax_dz": Question((
        ("dz_true_class", _number(-0.3, "not that: put da_0 = −1/a_0 (da_1 = da_2 = 0) into your step; the sum "
                                        "Σ_k a_k da_k is then −1")),
        ("dz_class_1", _number(0.2, "not that: da_1 = 0 for a class that is not the true one, so dz_1 is a_1 times "
                                    "(0 − the sum)")),
    ), "dz_0 = 0.7 − 1 = −0.3 and dz_1 = 0.2 − 0 = 0.2: with da = −y/a the sum Σ_k a_k da_k is −Σ_k y_k = −1, so "
       "dz_j = a_j(−y_j/a_j + 1) = a_j − y_j. The softmax with the cross-entropy gives dZ^[L] = A^[L] − Y, the same "
       "first line as the sigmoid's."),
    "ten_sigmoid_layers": Question((
        ("largest_sigma_prime", _number(0.25, "not that: where is σ steepest, and what is σ′ there? (notebook 01)")),
        ("factor_after_10_layers", _number(0.25 ** 10, "not that: each of the ten layers multiplies dZ by a σ′ of at "
                                                       "most your first answer", tol=1e-3)),
    ), "σ′(z) = σ(z)(1 − σ(z)) is largest at z = 0, where it is 1/4; ten σ layers multiply dZ by ten such factors, so "
       "by at most (1/4)^10 ≈ 9.5e-7, less than a millionth, before the weights' own factor n_l s² per layer. That is "
       "why σ is kept for the output, where its σ′ cancels against the cross-entropy, and not used for deep hidden "
       "layers."),
    "backward_twice": Question((
        ("grad_after_two_calls", _number(24.0, "not that: does backward() start a leaf's gradient from 0, or add to "
                                               "what it already holds?")),
        ("grad_after_zero_grad_and_one_call", _number(12.0, "not that: zero_grad() sets w.grad to 0; then one call "
                                                            "adds dL/dw = 6w once")),
    ), "dL/dw = 6w = 12. backward() adds each call's gradient to what a leaf holds, as PyTorch does, so two calls leave "
       "24 (nodes in between get a fresh gradient on each call, the leaves do not); zero_grad() sets it to 0 and one "
       "more call gives 12. A training loop that forgot zero_grad() would step along the sum of all past gradients."),
}
_tries = {}


def answer(question, *values):
    """Check the answers to a self-check question, in the order its cell lists them; print what is off or, once they
    are right (or after three tries), the reasoning. Returns a `Verdict`."""
    if question not in QUESTIONS:
        print(f"{BAD} no self-check question {question!r}: the questions are {', '.join(sorted(QUESTIONS))}")
        return Verdict(False)
    q = QUESTIONS[question]
    names = [name for name, _ in q.fields]
    if len(values) != len(names):
        print(f"{BAD} {question}: expected {len(names)} answers ({', '.join(names)}), got {len(values)}")
        return Verdict(False)
    if any(v is Ellipsis for v in values):
        blank = [n for n, v in zip(names, values) if v is Ellipsis]
        print(f"{BAD} {question}: write your answer first: replace the ... of {', '.join(blank)}, then run the cell.")
        return Verdict(False)
    wrong = [(name, nudge) for (name, check), value in zip(q.fields, values) if (nudge := check(value))]
    _tries[question] = tries = _tries.get(question, 0) + 1
    if not wrong:
        print(f"{OK} {question}: right. Why: {q.reasoning}")
        return Verdict(True)
    for name, nudge in wrong:
        print(f"{BAD} {name}: {nudge}")
    right = [name for name in names if name not in dict(wrong)]
    if right:
        print(f"{OK} right: {', '.join(right)}")
    if in_graded_notebook():
        print("Think again, change your answer and run the cell (in a graded notebook the reasoning is shown once your "
              "answer is right).")
    elif tries >= TRIES:
        print(f"The reasoning, after {tries} tries: {q.reasoning}")
    else:
        print(f"Think again, change your answer and run the cell (the reasoning is shown once it is right, or after "
              f"{TRIES} tries; this was try {tries}).")
    return Verdict(False)


def guessed(**guesses):
    """Whether every guess is written (not ``...``): a cell that shows a result the student should predict first runs
    ``if helpers.guessed(name=value): ...``; until then it prints what to write and shows nothing of the result."""
    blank = [name for name, value in guesses.items() if value is Ellipsis]
    if blank:
        print(f"{BAD} write your guess first: replace the ... of {', '.join(blank)}, then run the cell to see the result.")
        return False
    print("Your guess: " + ", ".join(f"{name} = {value!r}" for name, value in guesses.items()) + ". The result:")
    return True
