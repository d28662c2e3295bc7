"""Exercises of notebook 06: the network of L layers. The linear backward step, the activation backward step, the
L-layer forward pass and the backward loop; a wrong answer's verdict names the layer and the cache it read.

The test networks differ in depth, sizes and hidden activation; the second has two layers of 3 units, so an answer that
reads a neighbouring layer's cache gets numbers (which the checker recognises), not only a shape error.
"""
import numpy as np

from ..math.activations import ACTIVATION, g_prime_from_cache, sigmoid, tanh_prime
from ..math.deep import _backward_deep, _forward_deep, initialize_deep
from ..math.gradcheck import numerical_gradients_deep
from .calling import call
from .cases import network_label, prefixed
from .compare import close, compare
from .outcomes import OK, Stop
from .report import report
from .results import check_array, dict_with, kind

# (layer_dims, m, hidden, seed): depth, sizes, m and the hidden activation all differ
DEEP_NETWORKS = (([3, 5, 4, 2], 6, "relu", 0), ([2, 4, 3, 3, 1], 5, "tanh", 1))
CACHE_KEYS = ("A_prev", "W", "b", "Z", "A", "activation")
HIDDEN = ("relu", "tanh", "sigmoid")


def deep_case(layer_dims, m, hidden, seed):
    """Parameters (non-zero biases), X, Y and the forward caches of one test network (sigmoid output)."""
    rng = np.random.default_rng(40 + seed)
    parameters = initialize_deep(layer_dims, "xavier", seed)
    for l in range(1, len(layer_dims)):
        parameters[f"b{l}"] = rng.standard_normal((layer_dims[l], 1)) * 0.3
    X = rng.standard_normal((layer_dims[0], m))
    Y = (rng.uniform(size=(layer_dims[-1], m)) > 0.5).astype(np.float64)
    layers = [(parameters[f"W{l}"], parameters[f"b{l}"]) for l in range(1, len(layer_dims))]
    AL, caches = _forward_deep(X, layers, hidden, "sigmoid")
    return parameters, X, Y, AL, caches


def on_deep_networks(lines, title, check):
    """Run ``check(shown_lines, parameters, X, Y, AL, caches, hidden)`` on each test network, naming it."""
    for index, (dims, m, hidden, seed) in enumerate(DEEP_NETWORKS):
        label = (f"test network {index + 1} of {len(DEEP_NETWORKS)}: "
                 + network_label(layer_dims=dims, m=m, hidden=repr(hidden), L=len(dims) - 1))
        if index == 0:
            lines.append(f"{title} on {label}")
        case = deep_case(dims, m, hidden, seed)
        prefixed(label, lambda: check(lines if index == 0 else [], *case, hidden))
        if index:
            lines.append(f"{OK} the same on {label}")


def _triple(result, what):
    if not isinstance(result, tuple) or len(result) != 3:
        raise Stop(f"{what} should return a tuple of three, (dA_prev, dW, db); got {kind(result)}")
    return result


# --------------------------------------------------------------------------------------------- 1 linear backward
def check_linear_backward(fn):
    """Check ``linear_backward(dZ, cache) -> (dA_prev, dW, db)`` for one layer: dW = (1/m) dZ A_prevᵀ, db =
    (1/m) Σ_columns dZ, dA_prev = Wᵀ dZ (no 1/m: it is not a parameter's gradient)."""

    def check(lines, parameters, X, Y, AL, caches, hidden):
        cache = caches[1]  # layer 2: its A_prev is A1, not X
        m = X.shape[1]
        dZ = np.random.default_rng(m).standard_normal(cache["Z"].shape)
        dA_prev, dW, db = _triple(call(fn, "linear_backward", dZ, cache), "linear_backward")
        W, A_prev = cache["W"], cache["A_prev"]
        check_array("dW", dW, W.shape, m=m, of="W", fn=fn)
        check_array("db", db, cache["b"].shape, m=m, of="b", fn=fn)
        check_array("dA_prev", dA_prev, A_prev.shape, m=m, of="A_prev", fn=fn)
        compare(lines, "dW", dW, dZ @ A_prev.T / m, fn=fn, m=m)
        compare(lines, "db", db, dZ.sum(axis=1, keepdims=True) / m, fn=fn, m=m)
        compare(lines, "dA_prev", dA_prev, W.T @ dZ, fn=fn, m=m, causes=[
            (W.T @ dZ / m, "it is divided by m: dA_prev is not a parameter's gradient but the signal each example sends "
                           "back (one column per example); the 1/m comes once, in dW and db"),
        ])

    return report("linear_backward", lambda lines: on_deep_networks(lines, "Checking one layer's linear backward step", check))


# --------------------------------------------------------------------------------------------- 2 activation backward
def check_activation_backward(fn):
    """Check ``activation_backward(dA, cache) -> dZ = dA ∗ g′(Z)``, g named by ``cache["activation"]``."""

    def run(lines):
        for index, activation in enumerate(("relu", "tanh", "sigmoid")):
            dims, m = [2, 4, 3, 1], 5
            parameters, X, Y, AL, caches = deep_case(dims, m, activation, index)
            cache = caches[1]
            dA = np.random.default_rng(index).standard_normal(cache["Z"].shape)
            label = f"test {index + 1} of 3: a {activation} layer, Z {cache['Z'].shape}"

            if index == 0:
                lines.append(f"Checking dZ = dA ∗ g′(Z) on {label}")

            def check(shown=lines if index == 0 else []):
                dZ = call(fn, "activation_backward", dA, cache, allowed=("relu_prime", "tanh_prime", "sigmoid_prime"))
                check_array("dZ", dZ, cache["Z"].shape, fn=fn)
                Z, A = cache["Z"], cache["A"]
                causes = [(dA, "the factor g′(Z) is missing: A = g(Z) element-wise, so the chain rule multiplies by g′(Z)")]
                causes += [(dA * g_prime_from_cache(Z, A, name), f"it uses {name}'s derivative, but this cache's "
                            f"activation is {activation!r}: read cache['activation']") for name in HIDDEN if name != activation]
                at_A = {"tanh": tanh_prime(A), "sigmoid": sigmoid(A) * (1 - sigmoid(A))}.get(activation)
                if at_A is not None:  # relu′ at A = relu′ at Z: the same numbers
                    causes.append((dA * at_A, "g′ is evaluated at A instead of Z (A is already g(Z)); the cache holds Z"))
                compare(shown, "dZ", dZ, dA * g_prime_from_cache(Z, A, activation), fn=fn, causes=causes)

            prefixed(label, check)
            if index:
                lines.append(f"{OK} the same for a {activation} layer")

    return report("activation_backward", run)


# --------------------------------------------------------------------------------------------- 3 the L-layer forward pass
def check_L_model_forward(fn):
    """Check ``L_model_forward(X, parameters, hidden) -> (AL, caches)``: layers 1 … L−1 ``hidden``, layer L σ; caches a
    list of L dicts {"A_prev", "W", "b", "Z", "A", "activation"}."""

    def check(lines, parameters, X, Y, AL_ref, ref, hidden):
        L = len(ref)
        result = call(fn, "L_model_forward", X, parameters, hidden)
        if not isinstance(result, tuple) or len(result) != 2:
            raise Stop(f"L_model_forward should return a pair (AL, caches); got {kind(result)}")
        AL, caches = result
        if not isinstance(caches, list):
            raise Stop(f"caches should be a list, one dict per layer; got {kind(caches)}")
        if len(caches) != L:
            more = (": the loop stops one layer early (range(1, L) runs l = 1 … L−1; the output layer is layer L)"
                    if len(caches) == L - 1 else "")
            raise Stop(f"caches holds {len(caches)} entries for a network of L = {L} layers: one cache per layer{more}")
        for l, (cache, right) in enumerate(zip(caches, ref), start=1):
            where = f"caches[{l - 1}] (layer {l})"
            dict_with(where, cache, CACHE_KEYS)
            if cache["activation"] != right["activation"]:
                should = "the output layer is σ" if l == L else f"layers 1 … L−1 use hidden = {hidden!r}"
                raise Stop(f"{where} says activation {cache['activation']!r}: {should}")
            own_A = (f"{where}['A_prev'] is layer {l}'s own A: store the A that came into the layer (A^[{l - 1}]) "
                     "before you overwrite it")
            if np.shape(cache["A_prev"]) == right["A"].shape and close(np.asarray(cache["A_prev"], float), right["A"]):
                raise Stop(own_A)
            for key in ("A_prev", "Z", "A"):
                check_array(f"{where}['{key}']", cache[key], right[key].shape)
            compare(lines if l == 1 else [], f"{where}['A_prev']", cache["A_prev"], right["A_prev"], fn=fn)
            compare(lines if l == 1 else [], f"{where}['Z']", cache["Z"], right["Z"], fn=fn,
                    causes=[(right["W"] @ right["A_prev"], f"b{l} is not added")])
            other = "relu" if right["activation"] != "relu" else "tanh"
            compare(lines if l == L else [], f"{where}['A']", cache["A"], right["A"], fn=fn, causes=[
                (sigmoid(right["Z"]) if l < L else ACTIVATION[hidden](right["Z"]),
                 f"layer {l} uses {'σ' if l < L else repr(hidden)}: " + ("only layer L is the output" if l < L else "layer L is the output, σ")),
                (ACTIVATION[other](right["Z"]), f"it is {other}, not {right['activation']!r}")])
        check_array("AL", AL, AL_ref.shape)
        if not close(AL, caches[-1]["A"]):
            raise Stop("the AL you return is not caches[-1]['A']: return the output layer's A")
        lines.append(f"{OK} AL is layer {L}'s A; {L} caches, each with A_prev, W, b, Z, A and its activation")

    return report("L_model_forward", lambda lines: on_deep_networks(lines, "Checking the L-layer forward pass", check))


# --------------------------------------------------------------------------------------------- 4 the backward loop
def _variant(Y, caches, *, shift=0, output_inside=False, dZL_over_m=False, dA_over_m=False):
    """The gradients of a backward loop with one of the usual mistakes (see check_L_model_backward)."""
    L, m = len(caches), Y.shape[1]
    grads, dZ = {}, (caches[-1]["A"] - Y) / (m if dZL_over_m else 1)
    for l in range(L, 0, -1):
        cache = caches[l - 1]
        if l < L:
            read = caches[l - 1 + shift] if 0 <= l - 1 + shift < L else None
            if read is None or read["Z"].shape != cache["Z"].shape:
                return None
            g = "sigmoid" if output_inside else read["activation"]
            dZ = grads[f"dA{l}"] * g_prime_from_cache(read["Z"], read["A"], g)
        grads[f"dW{l}"] = dZ @ cache["A_prev"].T / m
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
        grads[f"dA{l - 1}"] = cache["W"].T @ dZ / (m if dA_over_m else 1)
    return grads


MISTAKES = (
    (dict(dA_over_m=True), "dA_prev is divided by m, so every layer below L gets one more 1/m: the 1/m belongs to dW "
                           "and db only (dA_prev has one column per example)", "dA_prev"),
    (dict(dZL_over_m=True), "it is m times too small: 1/m is applied twice, once in dZ^[L] and again in dW and db", "dZ"),
    (dict(output_inside=True), "layer {l} is a hidden layer ({hidden!r}), but its dZ uses σ′, the output's derivative: "
                               "inside the loop g′ is the hidden activation, read from caches[{i}]['activation']", "dZ"),
    (dict(shift=1), "layer {l}'s dZ reads g′ from caches[{j}], layer {k}'s cache: layer l's cache is caches[l − 1]", "dZ"),
    (dict(shift=-1), "layer {l}'s dZ reads g′ from caches[{j}], layer {k}'s cache: layer l's cache is caches[l − 1]", "dZ"),
)


def check_L_model_backward(fn):
    """Check ``L_model_backward(AL, Y, caches) -> {"dW1".."dWL", "db1".."dbL"}`` (σ output, cross-entropy averaged
    over m) against the reference and central differences, layer L first."""

    def check(lines, parameters, X, Y, AL, caches, hidden):
        L, m = len(caches), X.shape[1]
        keys = [f"d{p}{l}" for l in range(L, 0, -1) for p in "Wb"]
        grads = dict_with("the result", call(fn, "L_model_backward", AL, Y, caches,
                                             allowed=("relu_prime", "tanh_prime", "sigmoid_prime")), keys)
        reference = _backward_deep(Y, caches)
        numeric = numerical_gradients_deep(parameters, X, Y, hidden, "sigmoid", epsilon=1e-6)
        for key in keys:
            check_array(key, grads[key], reference[key].shape, m=m, of=key[1:], fn=fn)
        for key in keys:
            l = int(key[2:])
            causes = []
            for change, sentence, line in MISTAKES:
                variant = _variant(Y, caches, **change)
                if variant is not None and not close(variant[key], reference[key]):
                    j = l - 1 + change.get("shift", 0)
                    causes.append((variant[key], sentence.format(l=l, hidden=hidden, i=l - 1, j=j, k=j + 1), line))
            compare(lines if key in (keys[0], keys[-1]) else [], key, grads[key], reference[key], numeric=numeric[key],
                    causes=causes, fn=fn, m=m, note=f" (layer {l}: its cache is caches[{l - 1}])")
        lines.append(f"{OK} all {L} layers' dW and db match, from layer {L} down to layer 1")

    return report("L_model_backward", lambda lines: on_deep_networks(lines, "Checking the backward loop", check))
