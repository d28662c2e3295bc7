"""Exercises of notebook 08: the variance rule's prediction layer by layer, an initializer for any depth and method,
and per-layer statistics of a forward and backward pass (spreads, the step's size, saturated and dead units). Every
test network's widths differ from layer to layer, so n_l and n_{l−1} cannot be mixed up unseen."""
import numpy as np

from ..math.activations import g_prime_from_cache
from ..math.deep import _backward_deep, _forward_deep, initialize_deep
from ..math.signals import layer_statistics, predicted_std, unit_shares, weight_scale
from .calling import call
from .cases import prefixed
from .compare import compare, line_of
from .outcomes import OK, Stop
from .report import report
from .results import check_array, dict_with, kind

# (layer_dims, method, hidden, E[x²]): the widths differ, so n_l for n_{l−1} changes the numbers
PREDICTION_CASES = (([5, 4, 6, 3, 1], "he", "relu", 2.0), ([3, 7, 2, 4, 1], "xavier", "tanh", 0.5),
                    ([4, 6, 5, 2], 0.3, "relu", 1.5))
G_PRIMES = ("relu_prime", "tanh_prime", "sigmoid_prime")  # helpers' g′: the statistics may call them


def _each(lines, title, cases, check, label):
    for index, case in enumerate(cases):
        name = f"test {index + 1} of {len(cases)}: {label(*case)}"
        if index == 0:
            lines.append(f"{title} on {name}")
        prefixed(name, lambda: check(lines if index == 0 else [], *case))
    lines.append(f"{OK} the same on the other {len(cases) - 1} test{'s' if len(cases) > 2 else ''}")


def _rule(dims, method, hidden, mean_square_x, *, fan=lambda dims, l: dims[l - 1], squared=True, halve=None,
          first_halved=False, carry_std=False, root=True):
    """The variance rule with one slip or none (the verdicts' variants)."""
    halve = hidden == "relu" if halve is None else halve
    q = mean_square_x / 2 if first_halved else mean_square_x
    out = []
    for l in range(1, len(dims) - 1):
        n = fan(dims, l)
        s = weight_scale(method, n)
        variance = n * (s ** 2 if squared else s) * q
        out.append(np.sqrt(variance) if root else variance)
        q = variance / 2 if halve else variance
        q = np.sqrt(q) if carry_std else q
    return np.array(out)


def check_predicted_std(fn):
    """Check ``predicted_std(layer_dims, method, hidden, mean_square_x)``: the std of Z^[l] by the variance rule for the
    hidden layers l = 1 … L−1."""

    def case(shown, dims, method, hidden, mean_square_x):
        value = call(fn, "predicted_std", list(dims), method, hidden, mean_square_x,
                     allowed=("weight_scale",))
        if isinstance(value, list):
            value = np.array(value, dtype=float)
        check_array("the result", value, (len(dims) - 2,), fn=fn) if not (
            isinstance(value, np.ndarray) and value.shape == (len(dims) - 1,)) else None
        if isinstance(value, np.ndarray) and value.shape == (len(dims) - 1,):
            raise Stop(f"the result has {len(dims) - 1} entries, one per layer 1 … L; the rule here is for the hidden "
                       f"layers 1 … L−1 only ({len(dims) - 2} entries): leave out the output layer")
        other = "tanh" if hidden == "relu" else "relu"
        compare(shown, "the result", value, predicted_std(dims, method, hidden, mean_square_x), fn=fn, causes=[
            (_rule(dims, method, hidden, mean_square_x, root=False),
             "these are variances: the question asks for standard deviations (the square root)"),
            (_rule(dims, method, hidden, mean_square_x, fan=lambda d, l: d[l]),
             "it uses n_l, the layer's own width: how many products w·a does one unit of layer l add up?"),
            (_rule(dims, method, hidden, mean_square_x, squared=False),
             "the weights' scale s enters as it is: what is the variance of s · N(0, 1)?"),
            (_rule(dims, method, hidden, mean_square_x, halve=hidden != "relu"),
             f"the mean square that {hidden} passes on is treated as {other}'s: which of the two keeps only the "
             f"positive half of a symmetric z?"),
            (_rule(dims, method, hidden, mean_square_x, first_halved=True),
             "the input's mean square is halved too: X is not a relu's output, so layer 1 sees E[x²] as given"),
            (_rule(dims, method, hidden, mean_square_x, carry_std=True),
             "it passes on a standard deviation where the rule needs the mean square E[a²] of the layer below"),
        ])

    def run(lines):
        _each(lines, "Checking predicted_std", PREDICTION_CASES, case,
              lambda dims, method, hidden, q: f"{dims}, {method!r}, {hidden}, E[x²] = {q:g}")

    return report("predicted_std", run)


INIT_CASES = (([4, 3, 5, 2], "he", 0), ([3, 6, 2, 4, 1], "xavier", 1), ([5, 2, 3], 0.05, 2))


def _init_variant(dims, method, seed, *, fan=lambda d, l: d[l - 1], root=True, per_layer_rng=False, factors=None,
                  number_over_n=False):
    rng = np.random.default_rng(seed)
    out = {}
    for l in range(1, len(dims)):
        if per_layer_rng:
            rng = np.random.default_rng(seed)
        n = fan(dims, l)
        c = (factors or {"he": 2.0, "xavier": 1.0}).get(method) if isinstance(method, str) else None
        s = (np.sqrt(method / n) if number_over_n else method) if c is None else (np.sqrt(c / n) if root else c / n)
        out[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * s
        out[f"b{l}"] = np.zeros((dims[l], 1))
    return out


def check_initialize_deep(fn):
    """Check ``initialize_deep(layer_dims, method, seed)``: W^[l] (n_l, n_{l−1}) from one generator, layer by layer,
    times √(2/n_{l−1}) (he), √(1/n_{l−1}) (xavier) or the number given; b^[l] zeros (n_l, 1)."""

    def case(shown, dims, method, seed):
        state = np.random.get_state()[1].copy()
        L = len(dims) - 1
        keys = [f"{p}{l}" for l in range(1, L + 1) for p in "Wb"]
        p = dict_with("the result", call(fn, "initialize_deep", list(dims), method, seed, allowed=("weight_scale",)), keys)
        extra = sorted(set(map(str, p)) - set(keys))
        if extra:
            raise Stop(f"the result has keys {extra} beyond W1 … W{L}, b1 … b{L}: layer_dims {dims} has L = {L} layers")
        ref = initialize_deep(dims, method, seed)
        for l in range(1, L + 1):
            check_array(f"W{l}", p[f"W{l}"], (dims[l], dims[l - 1]), fn=fn)
            check_array(f"b{l}", p[f"b{l}"], (dims[l], 1), fn=fn)
            if not np.all(np.asarray(p[f"b{l}"]) == 0):
                raise Stop(f"b{l} should start at zero: the random W already make the units differ")
        if not np.array_equal(np.random.get_state()[1], state):
            raise Stop("it used numpy's global random state (np.random.seed / np.random.randn): draw from "
                       "rng = np.random.default_rng(seed), made once before the loop")
        for l in range(1, L + 1):
            name = f"W{l}"
            swapped = {"he": "xavier", "xavier": "he"}.get(method)
            where = "scale" if line_of(fn, "scale") else ("parameters", "W")  # the line of the scale, or of W
            compare(shown, name, p[name], ref[name], fn=fn, wrong_line=where, causes=[
                (_init_variant(dims, method, seed, fan=lambda d, k: d[k])[name],
                 "the scale divides by n_l, the layer's own width: use n_{l−1}, the number of inputs each unit adds up",
                 where),
                (_init_variant(dims, method, seed, root=False)[name],
                 "the scale is a variance (c / n): the weights are multiplied by its square root, the std", where),
                (_init_variant(dims, method, seed, per_layer_rng=True)[name],
                 "each layer starts a new generator from the same seed, so the layers' draws repeat: make "
                 "rng = np.random.default_rng(seed) once, before the loop"),
                (_init_variant(dims, method, seed, number_over_n=True)[name] if not swapped else None,
                 f"a number is the weights' scale itself: multiply the draws by {method!r} as it is", where),
                (_init_variant(dims, swapped, seed)[name] if swapped else None,
                 f"these are {swapped!r}'s weights: method {method!r} has the other factor under the square root",
                 where),
            ])

    def run(lines):
        _each(lines, "Checking initialize_deep", INIT_CASES, case,
              lambda dims, method, seed: f"{dims}, {method!r}, seed {seed}")
        lines.append(f"{OK} the global random state is untouched")

    return report("initialize_deep", run)


# (layer_dims, hidden, m, seed): a relu network and a tanh one, widths that differ
STAT_NETWORKS = (([4, 6, 3, 5, 1], "relu", 7, 0), ([3, 5, 4, 2], "tanh", 6, 1), ([2, 4, 3, 1], "sigmoid", 5, 2))


def _pass(dims, hidden, m, seed, *, bias=0.0, scale="xavier"):
    """One forward and backward pass on a small network: (caches, grads)."""
    rng = np.random.default_rng(100 + seed)
    parameters = initialize_deep(dims, scale, seed)
    layers = [(parameters[f"W{l}"], parameters[f"b{l}"] + (bias if l < len(dims) - 1 else 0.0))
              for l in range(1, len(dims))]
    X = rng.standard_normal((dims[0], m))
    Y = (rng.random((dims[-1], m)) < 0.5).astype(float)
    _, caches = _forward_deep(X, layers, hidden, "sigmoid")
    return caches, _backward_deep(Y, caches)


def _stat_variants(caches, grads):
    hidden = caches[:-1]
    dZ = [grads[f"dA{c['l']}"] * g_prime_from_cache(c["Z"], c["A"], c["activation"]) for c in hidden]
    norm = np.linalg.norm
    return {
        "A": [(np.array([np.std(c["Z"]) for c in hidden]), "it is the spread of Z^[l]: the statistic is of A^[l] = g(Z^[l])"),
              (np.array([np.var(c["A"]) for c in hidden]), "these are variances: take the standard deviation, np.std"),
              (np.array([np.std(c["A"], ddof=1) for c in hidden]),
               "ddof=1: the spread here is numpy's plain np.std (ddof=0), as the reference computes it")],
        "dZ": [(np.array([np.std(grads[f"dA{c['l']}"]) for c in hidden]),
                "it is the spread of dA^[l]: dZ^[l] = dA^[l] ∗ g′(Z^[l]), the activation's step of notebook 06"),
               (np.array([np.std(d) for d in dZ]) ** 2, "these are variances: take the standard deviation, np.std"),
               (np.array([np.std(grads[f"dA{c['l']}"] * g_prime_from_cache(c["A"], np.tanh(c["A"]), "tanh"))
                          if c["activation"] == "tanh" else np.nan for c in hidden]),
                "tanh′ is evaluated at A: it is tanh′(Z) = 1 − tanh(Z)², which the cache gives as 1 − A²", "dZ")],
        "dW": [(np.array([np.std(grads[f"dW{c['l'] + 1}"]) for c in hidden]), "it reads the dW of layer l + 1"),
               (np.array([np.var(grads[f"dW{c['l']}"]) for c in hidden]), "these are variances: take np.std")],
        "ratio": [(np.array([norm(c["W"]) / norm(grads[f"dW{c['l']}"]) for c in hidden]),
                   "it is upside down: ‖dW^[l]‖ / ‖W^[l]‖, the step's size relative to the weights"),
                  (np.array([np.std(grads[f"dW{c['l']}"]) / np.std(c["W"]) for c in hidden]),
                   "it divides standard deviations: the ratio is of the norms, np.linalg.norm(dW) / np.linalg.norm(W)"),
                  (np.array([norm(grads[f"dW{c['l']}"]) / norm(caches[c['l']]["W"]) for c in hidden]),
                   "it divides by the next layer's W: the weights of layer l are caches[l − 1]['W']")],
    }


def check_layer_statistics(fn):
    """Check ``layer_statistics(caches, grads)``: per hidden layer the std of A, dZ, dW and ‖dW‖ / ‖W‖."""

    def case(shown, dims, hidden, m, seed):
        caches, grads = _pass(dims, hidden, m, seed)
        ref = layer_statistics(caches, grads)
        stats = dict_with("the result", call(fn, "layer_statistics", caches, grads, allowed=G_PRIMES), tuple(ref))
        n = len(dims) - 2
        variants = _stat_variants(caches, grads)
        for key in ref:
            value = stats[key]
            if isinstance(value, list):
                value = np.array(value, dtype=float)
            if isinstance(value, np.ndarray) and value.shape == (n + 1,):
                raise Stop(f"the result's {key!r} has {n + 1} entries, one per layer 1 … L: the statistics are of the "
                           f"hidden layers 1 … L−1 ({n} entries), caches[:-1]")
            check_array(f"the result's {key!r}", value, (n,), fn=fn)
            compare(shown, f"the result's {key!r}", value, ref[key], fn=fn,
                    causes=variants[key], wrong_line=key)

    def run(lines):
        _each(lines, "Checking layer_statistics", STAT_NETWORKS, case,
              lambda dims, hidden, m, seed: f"{dims}, {hidden}, m = {m}")

    return report("layer_statistics", run)


# (layer_dims, hidden, m, seed, bias of the hidden layers, scale): saturated tanh and σ, relu units that die
SHARE_NETWORKS = (([3, 8, 6, 1], "relu", 9, 0, -1.0, "he"), ([4, 6, 5, 1], "tanh", 8, 1, 0.0, 3.0),
                  ([3, 5, 4, 1], "sigmoid", 7, 2, 0.0, 6.0))


def check_unit_shares(fn):
    """Check ``unit_shares(caches) -> (saturated, dead)``: per hidden layer, the share of values with g′(z) < 0.01 (tanh,
    σ) and the share of relu units whose z ≤ 0 on every example."""

    def case(shown, dims, hidden, m, seed, bias, scale):
        caches, _ = _pass(dims, hidden, m, seed, bias=bias, scale=scale)
        if hidden == "relu":  # a unit whose weights and bias are all 0 has z = 0 exactly: dead (relu′(0) is taken as 0)
            caches[0]["W"][0] = 0.0
            caches[0]["b"][0] = 0.0
            caches[0]["Z"][0] = 0.0
            caches[0]["A"][0] = 0.0
        ref = unit_shares(caches)
        result = call(fn, "unit_shares", caches, allowed=G_PRIMES)
        if not (isinstance(result, tuple) and len(result) == 2):
            raise Stop(f"return a pair (saturated, dead); got {kind(result)}")
        n = len(dims) - 2
        hiddens = caches[:-1]
        for index, (name, value) in enumerate(zip(("saturated", "dead"), result)):
            value = np.array(value, dtype=float) if isinstance(value, list) else value
            check_array(name, value, (n,), fn=fn)
            if np.allclose(value, 100 * ref[index]) and np.any(ref[index] > 0):
                raise Stop(f"{name} is in percent: return a share between 0 and 1 (the figure multiplies by 100)")
            g = [g_prime_from_cache(c["Z"], c["A"], c["activation"]) for c in hiddens]
            causes = {
                "saturated": [(np.array([np.mean(x < 0.01) for x in g]),
                               "relu is counted too: relu has no ceiling, its slope is 1 for every z > 0 (its zeros are "
                               "the dead units' business); only tanh and σ saturate"),
                              (np.array([np.mean(np.abs(c["A"]) > 0.99) if c["activation"] != "relu" else 0.0
                                         for c in hiddens]),
                               "it counts |a| > 0.99: the measure is the slope, g′(z) < 0.01")],
                "dead": [(np.array([np.mean(c["Z"] <= 0) if c["activation"] == "relu" else 0.0 for c in hiddens]),
                          "it counts values z ≤ 0, not units: a unit is dead when its whole row of Z is ≤ 0, on every "
                          "example (np.all over axis=1)"),
                         (np.array([np.mean(np.all(c["Z"] <= 0, axis=0)) if c["activation"] == "relu" else 0.0
                                    for c in hiddens]),
                          "it looks down the columns (axis=0, the examples): a unit is a row of Z, dead when its whole "
                          "row is ≤ 0"),
                         (np.array([np.mean(np.all(c["Z"] < 0, axis=1)) if c["activation"] == "relu" else 0.0
                                    for c in hiddens]),
                          "z < 0 misses a unit whose z is exactly 0 everywhere: relu′(0) is taken as 0, so it is dead "
                          "too (z ≤ 0)")],
            }[name]
            compare(shown, name, value, ref[index], fn=fn, causes=causes)

    def run(lines):
        _each(lines, "Checking unit_shares", SHARE_NETWORKS, case,
              lambda dims, hidden, m, seed, bias, scale: f"{dims}, {hidden}, m = {m}")

    return report("unit_shares", run)
