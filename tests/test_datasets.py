"""The data sets: X (2, m), Y (1, m) of 0/1 labels, the same points for the same seed."""
import numpy as np
import pytest

import helpers


@pytest.mark.parametrize("name", helpers.DATASETS)
@pytest.mark.parametrize("m", [2, 7, 400])
def test_shapes_and_labels(name, m):
    X, Y = helpers.load_dataset(name, m)
    assert X.shape == (2, m) and Y.shape == (1, m)
    assert X.dtype == np.float64 and np.all(np.isfinite(X))
    assert set(np.unique(Y)) <= {0.0, 1.0}
    assert 0 < Y.sum() < m  # both classes are present


@pytest.mark.parametrize("name", helpers.DATASETS)
def test_seeded_and_independent_of_global_state(name):
    np.random.seed(123)
    X1, Y1 = helpers.load_dataset(name, seed=5)
    np.random.seed(456)
    X2, Y2 = helpers.load_dataset(name, seed=5)
    X3, _ = helpers.load_dataset(name, seed=6)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    assert not np.array_equal(X1, X3)


def test_flower_has_400_points_half_per_class():
    X, Y = helpers.make_flower()
    assert X.shape == (2, 400) and Y.sum() == 200


@pytest.mark.parametrize("bad", [0, 1, -5, 2.5, "400", True])
def test_bad_m_is_refused(bad):
    with pytest.raises(ValueError, match="m must be"):
        helpers.make_moons(bad)


def test_unknown_dataset_lists_the_known_ones():
    with pytest.raises(ValueError, match="'flower', 'moons', 'circles', 'xor'"):
        helpers.load_dataset("spiral")
