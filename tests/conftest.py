"""Shared fixtures. Hypothesis runs derandomized, so a failure reproduces on every machine."""
import numpy as np
import pytest
from hypothesis import HealthCheck, settings

import helpers

settings.register_profile(
    "course", derandomize=True, deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("course")

ACTIVATIONS = ("tanh", "relu", "sigmoid")


def random_problem(n_x, n_h, n_y, m, *, seed=0, soft=False, dtype=np.float64, scale=0.5):
    """Parameters, X and Y of the given sizes, drawn with their own generator."""
    rng = np.random.default_rng(seed)
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)) * scale,
        "b1": rng.standard_normal((n_h, 1)) * 0.5,
        "W2": rng.standard_normal((n_y, n_h)) * scale,
        "b2": rng.standard_normal((n_y, 1)) * 0.5,
    }
    parameters = {k: v.astype(dtype) for k, v in parameters.items()}
    X = rng.standard_normal((n_x, m)).astype(dtype)
    Y = rng.uniform(0, 1, (n_y, m)) if soft else (rng.uniform(0, 1, (n_y, m)) > 0.5)
    return parameters, X, Y.astype(dtype)


@pytest.fixture
def problem():
    """A 3-4-2 network with m = 5 examples (float64)."""
    return random_problem(3, 4, 2, 5, seed=42)


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """``executed(variant, path)``: the notebook at ``path`` run in a variant's environment (tools/variants.py), once per
    test process (a test file runs in one worker): tests/test_variant_*.py and tests/test_slides.py compare it with the
    stored outputs, and tests/test_slides.py builds the decks from the same "slides" runs."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    import variants

    runs = {}

    def get(name, path):
        if (name, path) not in runs:
            runs[name, path] = variants.run(variants.VARIANTS[name], path, tmp_path_factory.mktemp(name))
        return runs[name, path]

    return get
