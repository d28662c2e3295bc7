"""Exercises of notebook 07: a stable softmax, its backward step through the Jacobian, the cross-entropy of a softmax
output, each checked on columns of logits whose sizes differ (n classes, m examples), large logits included; and the
capstone's training loop (relu layers, a softmax output), compared step by step with the reference."""
import numpy as np

from ..math.deep import _cost_deep, _forward_deep, initialize_deep, one_hot, softmax
from ..math.gradcheck import numerical_gradient
from .calling import call
from .cases import prefixed
from .compare import close, compare
from .deep import _variant
from .outcomes import OK, Stop
from .report import report
from .results import check_array, dict_with, kind, scalar

# (n classes, m examples, scale of the logits, seed): the sizes differ, so a sum over the wrong axis shows in the shape
CASES = ((4, 3, 2.0, 0), (3, 5, 1.0, 1))


def _logits(n, m, scale, seed):
    return np.random.default_rng(seed).standard_normal((n, m)) * scale


def _cases(lines, title, check):
    """Run ``check(shown_lines, n, m, scale, seed)`` on each case, naming it in a failure's verdict."""
    for index, case in enumerate(CASES):
        label = f"test {index + 1} of {len(CASES)}: n = {case[0]} classes, m = {case[1]}"
        if index == 0:
            lines.append(f"{title} on {label}")
        prefixed(label, lambda: check(lines if index == 0 else [], *case))


def check_softmax(fn):
    """Check ``softmax(Z) -> A``: each column e^(Z) / Σ e^(Z) over its own entries, and stable for logits of ±1000."""

    def case(shown, n, m, scale, seed):
        Z = _logits(n, m, scale, seed)
        A = call(fn, "softmax", Z)
        check_array("A", A, Z.shape, fn=fn)
        E, shifted = np.exp(Z), np.exp(Z - Z.max(axis=0, keepdims=True))
        rows = ("each row sums to 1: softmax normalises each column (one example's n scores), so sum over axis=0")
        compare(shown, "A", A, softmax(Z), fn=fn, causes=[
            (E / E.sum(axis=1, keepdims=True), rows),
            (shifted / shifted.sum(axis=1, keepdims=True), rows),
            (E / E.sum(), "it divides by the sum over every entry: each column (example) has its own sum"),
            (E, "the exponentials are not divided by their sum"),
            (np.exp(Z - Z.max(axis=1, keepdims=True)) / np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=0),
             "the shift subtracts each row's maximum: subtract each column's own maximum, so the column's ratios "
             "do not change", ("E", "max")),
        ])

    def run(lines):
        _cases(lines, "Checking softmax", case)
        lines.append(f"{OK} every column sums to 1, on {len(CASES)} sizes")
        big = np.array([[1000.0, -1000.0], [999.0, -1000.0], [0.0, -998.0]])
        overflows = ("with logits of ±1000 (test 3): e^1000 overflows. Subtract each column's largest entry before the "
                     "exponential (it cancels in the ratio)")
        try:
            A = call(fn, "softmax", big)
        except Stop as stop:
            raise Stop(overflows) if "overflow" in str(stop) or "invalid value" in str(stop) else stop
        check_array("A", A, big.shape, fn=fn)
        if not np.all(np.isfinite(np.asarray(A, dtype=float))):
            raise Stop(overflows)
        compare([], "A for logits of ±1000", A, softmax(big), fn=fn)
        lines.append(f"{OK} stable: logits of ±1000 give finite probabilities")

    return report("softmax", run)


def check_softmax_backward(fn):
    """Check ``softmax_backward(dA, A) -> dZ``: dA sent back through the softmax's Jacobian, column by column,
    dZ_j = Σ_k (∂a_k/∂z_j) dA_k."""

    def case(shown, n, m, scale, seed):
        A = softmax(_logits(n, m, scale, seed))
        dA = np.random.default_rng(10 + seed).standard_normal((n, m))
        dZ = call(fn, "softmax_backward", dA, A)
        check_array("dZ", dZ, A.shape, fn=fn)
        right = A * (dA - np.sum(A * dA, axis=0, keepdims=True))
        Z = np.log(A)
        numeric = np.column_stack([  # the same vector-Jacobian product by central differences, one column at a time
            numerical_gradient(lambda z, j=j: float(softmax(z.reshape(-1, 1))[:, 0] @ dA[:, j]), Z[:, j], 1e-6)
            for j in range(m)])
        compare(shown, "dZ", dZ, right, numeric=numeric, fn=fn, causes=[
            (dA * A * (1 - A), "it keeps only the Jacobian's diagonal, as for n separate sigmoids: every a_k shares the "
                               "denominator Σ e^(z_i), so z_j moves every a_k, not only a_j"),
            (A * (dA - np.sum(A * dA, axis=1, keepdims=True)), "the sum Σ_k a_k dA_k runs over a row: it belongs to one "
                                                                "example, a column (axis=0)"),
            (A * dA - np.sum(A * dA, axis=0, keepdims=True), "the term with the sum lacks its factor a_j"),
        ])

    def run(lines):
        _cases(lines, "Checking dZ through the softmax's Jacobian", case)
        lines.append(f"{OK} the same for {CASES[1][0]} classes and m = {CASES[1][1]}")

    return report("softmax_backward", run)


def check_softmax_cost(fn):
    """Check ``softmax_cost(A, Y) -> float``: J = −(1/m) Σ over all entries of Y log A (Y one-hot, A a softmax)."""

    def case(shown, n, m, scale, seed):
        A, Y = softmax(_logits(n, m, scale, seed)), one_hot(np.random.default_rng(50 + seed).integers(0, n, (1, m)), n)
        cost = scalar("the cost", call(fn, "softmax_cost", A, Y))
        right = -float(np.sum(Y * np.log(A))) / m
        compare(shown, "cost", cost, right, fn=fn, m=m, causes=[
            (right - float(np.sum((1 - Y) * np.log(1 - A))) / m, "it adds (1 − Y) log(1 − A), the sigmoid's term for "
             "y = 0: with softmax the classes compete in one distribution, and only the true class's log counts"),
            (right / n, "it is divided by m·n (np.mean over every entry): J averages over the m examples only"),
            (-right, "its sign is flipped: log A ≤ 0, and the cost adds up −log's, so it is ≥ 0"),
        ])

    def run(lines):
        _cases(lines, "Checking the cross-entropy of a softmax", case)
        lines.append(f"{OK} the same with {CASES[1][0]} classes and m = {CASES[1][1]}")

    return report("softmax_cost", run)


# --------------------------------------------------------------------------------------------- the capstone's training loop
# (layer_dims, m, num_iterations, learning_rate, seed of the data): every argument differs between the two tests
TRAIN_CASES = (([4, 5, 3], 9, 6, 0.5, 0), ([3, 6, 4, 4], 7, 4, 0.3, 1))


def _train_case(dims, m, seed):
    rng = np.random.default_rng(60 + seed)
    X = rng.standard_normal((dims[0], m))
    y = np.arange(m) % dims[-1]  # every class present
    return X, one_hot(y.reshape(1, m), dims[-1])


def _trajectory(X, Y, dims, iterations, alpha, *, sign=1.0, dZL=None, **mistake):
    """The costs and parameters of the training loop (relu hidden, softmax output, he start with seed 0), or of the same
    loop with one of the usual mistakes: ``mistake`` as in deep.py's MISTAKES, ``dZL`` a function of (AL, Y) used for
    dZ^[L], ``sign`` = −1 for a step up the gradient."""
    parameters = initialize_deep(dims, "he", 0)
    layers = [(parameters[f"W{l}"], parameters[f"b{l}"]) for l in range(1, len(dims))]
    costs = []
    with np.errstate(all="ignore"):
        for _ in range(iterations):
            AL, caches = _forward_deep(X, layers, "relu", "softmax")
            costs.append(_cost_deep(AL, Y, "softmax"))
            if dZL is not None:  # dZ^[L] computed another way: the loop's Y stands in for it (caches[-1]['A'] − Y)
                grads = _variant(AL - dZL(AL, Y), caches)
            else:
                grads = _variant(Y, caches, **mistake)
            if grads is None:  # the mistake cannot happen in this network (a neighbour's cache of another shape)
                return None, None
            for l, (W, b) in enumerate(layers, start=1):
                W -= sign * alpha * grads[f"dW{l}"]
                b -= sign * alpha * grads[f"db{l}"]
    return parameters, np.array(costs)


TRAIN_MISTAKES = (  # (the mistake, the verdict, the line to look at: a name the answer assigns, and text in that line)
    (dict(sign=-1.0), "the cost rises: the update adds the gradient (W + α dW); gradient descent steps against it, "
                      "W − α dW", ("parameters", "learning_rate")),
    (dict(dZL=lambda AL, Y: (AL - Y) * AL * (1 - AL)), "dZ^[L] is multiplied by A(1 − A) as for a sigmoid output: with "
                                                       "softmax and the cross-entropy, your derivation's dZ^[L] needs no g′",
     ("dZ", "AL")),
    (dict(dZL=lambda AL, Y: (AL - Y) / Y.shape[1]), "1/m is applied twice: in dZ^[L] and again in dW and db", ("dZ", "AL")),
    (dict(dA_over_m=True), "dA_prev is divided by m, so the layers below L get one more 1/m: the 1/m belongs to dW and "
                           "db only", ("dA", "")),
    (dict(output_inside=True), "a hidden layer's dZ uses σ′: inside the loop g′ is the hidden activation, relu",
     ("dZ", "dA")),
    (dict(shift=1), "a hidden layer's dZ reads g′ from the cache above it: layer l's cache is caches[l − 1]", ("dZ", "dA")),
)


def _first_step(fn, X, Y, dims, alpha):
    """After one step, the first parameter (from layer L down) that differs from the reference's: a Stop naming it."""
    result = call(fn, "train_deep", X, Y, dims, 1, alpha,
                  allowed=("initialize_deep", "L_model_forward", "update_parameters_deep", "relu_prime"))
    parameters, reference = result[0], _trajectory(X, Y, dims, 1, alpha)[0]
    start = initialize_deep(dims, "he", 0)
    for l in range(len(dims) - 1, 0, -1):
        for key in (f"W{l}", f"b{l}"):
            if np.shape(parameters[key]) == reference[key].shape and not close(parameters[key], reference[key]):
                above = f" (the layers above it are right)" if l < len(dims) - 1 else ""
                step, right = np.ravel(parameters[key] - start[key]), np.ravel(reference[key] - start[key])
                big = np.abs(right) > 1e-8 * np.abs(right).max()
                ratio = float(np.median(step[big] / right[big])) if big.any() else 0.0
                proportional = big.any() and abs(ratio - 1) > 1e-6 and np.allclose(step, ratio * right, rtol=1e-6,
                                                                                   atol=1e-12)
                if proportional and ratio < 0:
                    raise Stop(f"costs[0] is right but the first update is not: {key} moved the other way, {ratio:.3g} "
                               f"times the reference's step{above}: the update adds α d{key}; gradient descent "
                               "subtracts it")
                if proportional:
                    raise Stop(f"costs[0] is right but the first update is not: {key}'s step is {ratio:.3g} times the "
                               f"reference's, the right direction with a wrong size{above}. Look at the 1/m of d{key} (m is "
                               "the number of examples, X.shape[1]) and at the learning rate of its update")
                raise Stop(f"costs[0] is right but the first update is not: after one step {key} differs from the "
                           f"reference{above}. Look at layer {l}'s gradient d{key} (its cache is caches[{l - 1}]) and its "
                           "update")


def check_train_deep(fn):
    """Check ``train_deep(X, Y, layer_dims, num_iterations, learning_rate) -> (parameters, costs)``: relu hidden layers,
    a softmax output, the cross-entropy; starting from ``helpers.initialize_deep(layer_dims, seed=0)`` and recording
    the cost before each update, as ``helpers.train_deep(…, output="softmax")`` does. Compared step by step."""

    def case(lines, dims, m, iterations, alpha, seed):
        X, Y = _train_case(dims, m, seed)
        result = call(fn, "train_deep", X, Y, dims, iterations, alpha,
                      allowed=("initialize_deep", "L_model_forward", "update_parameters_deep", "relu_prime"))
        if not isinstance(result, tuple) or len(result) != 2:
            raise Stop(f"train_deep should return a pair (parameters, costs); got {kind(result)}")
        parameters, costs = result
        L = len(dims) - 1
        dict_with("parameters", parameters, [f"{p}{l}" for l in range(1, L + 1) for p in "Wb"])
        if not isinstance(costs, (list, tuple, np.ndarray)) or np.ndim(costs) != 1:
            raise Stop(f"costs should be a list (or 1-D array) of numbers, one per iteration; got {kind(costs)}")
        costs = np.array([scalar(f"costs[{i}]", c) for i, c in enumerate(costs)])
        if len(costs) != iterations:
            raise Stop(f"costs holds {len(costs)} numbers for num_iterations = {iterations}: record the cost once per "
                       "iteration")
        ref_parameters, ref_costs = _trajectory(X, Y, dims, iterations, alpha)
        if len(costs) > 1 and np.allclose(costs[:-1], ref_costs[1:], rtol=1e-6):
            raise Stop("the costs are one step ahead: each is recorded after its update, so costs[0] is not the cost of "
                       "the starting parameters; record the cost before updating")
        n = dims[-1]
        for wrong, why in ((ref_costs[0] / n, "it is divided by m·n (np.mean over every entry): the cost averages over "
                                              "the m examples only"),
                           (-ref_costs[0], "its sign is flipped: the cost adds up −log's")):
            if np.isclose(costs[0], wrong, rtol=1e-6):
                raise Stop(f"costs[0] is the cost of the right start, but {why}")
        if not np.isclose(costs[0], ref_costs[0], rtol=1e-6):
            raise Stop("the first cost is not the cross-entropy of a softmax at helpers.initialize_deep(layer_dims, "
                       "seed=0): start from it (relu hidden layers, output='softmax' in the forward pass), and compute the cost as "
                       "your my_softmax_cost does")
        if np.allclose(costs, costs[0], rtol=1e-12):
            raise Stop("the cost never changes: update the parameters inside the loop (and use the updated ones in the "
                       "next forward pass)")
        for other in (0.5, 0.3, 1.0, 0.1, 0.01):
            if other != alpha and np.allclose(costs, _trajectory(X, Y, dims, iterations, other)[1], rtol=1e-6):
                raise Stop(f"the costs are those of learning rate {other}, but this call's learning_rate is {alpha}: use "
                           "the argument learning_rate, not a number of your own")
        causes = [(_trajectory(X, Y, dims, iterations, alpha, **change)[1], sentence, line)
                  for change, sentence, line in TRAIN_MISTAKES]
        try:
            compare(lines, "costs", costs, ref_costs, fn=fn, causes=causes)
        except Stop as stop:
            if "wrong:" in str(stop):  # a known mistake, named
                raise
            _first_step(fn, X, Y, dims, alpha)  # which layer's first update differs
            raise
        for key in ref_parameters:
            check_array(key, parameters[key], ref_parameters[key].shape)
            compare(lines if key == "W1" else [], f"the trained {key}", parameters[key], ref_parameters[key], fn=fn)
        lines.append(f"{OK} all {L} layers trained as the reference; the cost fell from {costs[0]:.4f} to "
                     f"{costs[-1]:.4f} in {iterations} steps")

    def run(lines):
        for index, (dims, m, iterations, alpha, seed) in enumerate(TRAIN_CASES):
            label = f"test {index + 1} of {len(TRAIN_CASES)}: layer_dims = {dims}, m = {m}, num_iterations = " \
                    f"{iterations}, learning_rate = {alpha}"
            if index == 0:
                lines.append(f"Checking the training loop on {label}")
            prefixed(label, lambda: case(lines if index == 0 else [], dims, m, iterations, alpha, seed))

    return report("train_deep", run)
