"""The activations and their derivatives: g′ matches central differences; σ never overflows."""
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers

PAIRS = [
    (helpers.sigmoid, helpers.sigmoid_prime),
    (helpers.tanh, helpers.tanh_prime),
    (helpers.relu, helpers.relu_prime),
]


@pytest.mark.parametrize("g, g_prime", PAIRS, ids=["sigmoid", "tanh", "relu"])
@given(z=st.floats(-6, 6).filter(lambda z: abs(z) > 1e-3))
def test_derivative_matches_central_differences(g, g_prime, z):
    numeric = helpers.numerical_gradient(lambda t: g(t), z, epsilon=1e-6)
    assert float(g_prime(z)) == pytest.approx(numeric, rel=1e-6, abs=1e-9)


def test_sigmoid_known_values():
    np.testing.assert_allclose(helpers.sigmoid(np.array([0.0, 2.0, -2.0])), [0.5, 0.8807970779778823, 0.11920292202211755], rtol=1e-15)
    assert helpers.sigmoid(1.0) == pytest.approx(0.7310585786300049, rel=1e-15)


def test_sigmoid_prime_is_a_times_one_minus_a():
    z = np.linspace(-5, 5, 11)
    a = helpers.sigmoid(z)
    np.testing.assert_allclose(helpers.sigmoid_prime(z), a * (1 - a), rtol=1e-15)


def test_tanh_prime_is_one_minus_a_squared():
    z = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(helpers.tanh_prime(z), 1 - np.tanh(z) ** 2, rtol=1e-14)


def test_relu_prime_is_zero_at_zero_and_below():
    np.testing.assert_array_equal(helpers.relu_prime(np.array([-2.0, 0.0, 3.0])), [0.0, 0.0, 1.0])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_never_overflows_or_warns(dtype):
    info = np.finfo(dtype)
    z = np.array([info.min, -1e4, -800, -100, -89, 0, 89, 100, 800, 1e4, info.max], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a = helpers.sigmoid(z)
        helpers.sigmoid_prime(z)
    assert a.dtype == dtype
    assert np.all(np.isfinite(a)) and np.all((a >= 0) & (a <= 1))
    assert a[0] == 0 and a[-1] == 1 and a[5] == 0.5


@pytest.mark.parametrize("g", [helpers.sigmoid, helpers.tanh, helpers.relu, helpers.sigmoid_prime, helpers.tanh_prime, helpers.relu_prime])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_activation_keeps_dtype_and_shape(g, dtype):
    z = np.linspace(-2, 2, 12, dtype=dtype).reshape(3, 4)
    before = z.copy()
    out = g(z)
    assert out.dtype == dtype and out.shape == (3, 4)
    np.testing.assert_array_equal(z, before)
