"""Exercise of notebook 05: an initialization that breaks the symmetry and keeps the weights small."""
import numpy as np

from ..math.initialization import identical_units
from ..math.network import initialize_parameters
from .calling import call
from .outcomes import OK, Stop
from .report import report
from .results import check_array, dict_with


def check_initialization(fn):
    """Check ``initialize_parameters(n_x, n_h, n_y, seed)``: hidden units that differ, small weights, zero b, seeded."""

    def run(lines):
        n_x, n_h, n_y = 3, 4, 2
        state = np.random.get_state()[1].copy()
        p = dict_with("the result", call(fn, "initialize_parameters", n_x, n_h, n_y, 0),
                      ("W1", "b1", "W2", "b2"))
        shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
        for key, shape in shapes.items():
            check_array(key, p[key], shape)
            if not np.all(np.isfinite(np.asarray(p[key], dtype=np.float64))):
                raise Stop(f"{key} holds NaN or inf")
        lines.append(f"{OK} shapes: W1 {shapes['W1']}, b1 {shapes['b1']}, W2 {shapes['W2']}, b2 {shapes['b2']}")
        same = identical_units(p)
        if same:
            j, k = same[0]
            raise Stop(f"hidden units {j + 1} and {k + 1} start identical (same weights in W1, b1 and W2): they would get the same "
                       f"gradients and stay identical forever (symmetry); draw W1 at random, rng.standard_normal(({n_h}, {n_x})) * 0.01")
        largest = max(float(np.abs(p["W1"]).max()), float(np.abs(p["W2"]).max()))
        if largest > 0.1:
            key = "W1" if np.abs(p["W1"]).max() >= np.abs(p["W2"]).max() else "W2"
            raise Stop(f"{key} has entries as large as {largest:.2g}: multiply the random draw by 0.01 "
                       "(large weights saturate tanh and σ, and learning starts slowly)")
        lines.append(f"{OK} every hidden unit starts different (symmetry broken), and the weights are small (largest |w| = {largest:.3f})")
        for key in ("b1", "b2"):
            if not np.all(p[key] == 0):
                raise Stop(f"{key} should start at zero (the random W already break the symmetry): use np.zeros(({shapes[key][0]}, 1))")
        lines.append(f"{OK} b1 and b2 start at zero")
        again = call(fn, "initialize_parameters", n_x, n_h, n_y, 0)
        other = call(fn, "initialize_parameters", n_x, n_h, n_y, 1)
        if not (isinstance(again, dict) and np.array_equal(np.asarray(again.get("W1")), p["W1"])):
            raise Stop("the same seed gave different weights: make a generator from the seed, rng = np.random.default_rng(seed)")
        if isinstance(other, dict) and all(np.array_equal(np.asarray(other.get(k)), p[k]) for k in ("W1", "W2")):
            raise Stop("another seed gave the same weights: draw from np.random.default_rng(seed), not from a fixed seed")
        if not np.array_equal(np.random.get_state()[1], state):
            raise Stop("it used numpy's global random state (np.random.seed / np.random.randn): use rng = np.random.default_rng(seed) instead")
        lines.append(f"{OK} the same seed gives the same weights, another seed others; the global random state is untouched")
        sizes = dict(n_x=2, n_h=5, n_y=1)  # every size differs from the first call's: none may be ignored
        q = dict_with("the result", call(fn, "initialize_parameters", *sizes.values(), 3), ("W1", "b1", "W2", "b2"))
        for key, shape in {"W1": (5, 2), "b1": (5, 1), "W2": (1, 5), "b2": (1, 1)}.items():
            check_array(f"{key} for n_x = 2, n_h = 5, n_y = 1", q[key], shape)
        lines.append(f"{OK} the shapes for n_x = 2, n_h = 5, n_y = 1 too")
        ref = initialize_parameters(n_x, n_h, n_y, seed=0)
        if np.allclose(p["W1"], ref["W1"]) and np.allclose(p["W2"], ref["W2"]):
            lines.append(f"{OK} identical to helpers.initialize_parameters(seed=0)")

    return report("initialize_parameters", run)
