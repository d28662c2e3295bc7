"""Small 2-D data sets made with numpy, no downloads. Each returns X (2, m) and Y (1, m).

Examples are columns, as everywhere in the course. Every generator takes a ``seed`` (or a
``np.random.Generator``) and uses its own generator, so the same call gives the same points anywhere.
Labels are 0.0/1.0 floats; the classes are not separable by a straight line, which is the point:
logistic regression fails on them and a hidden layer does not.
"""
import numpy as np

DATASETS = ("flower", "moons", "circles", "xor")


def _check_m(m):
    if isinstance(m, bool) or not isinstance(m, (int, np.integer)) or m < 2:
        raise ValueError(f"m must be a whole number of examples >= 2; got {m!r}")


def _shuffled(rng, points, labels):
    order = rng.permutation(points.shape[1])
    return points[:, order], labels[:, order].astype(np.float64)


def make_flower(m=400, *, petals=4, noise=0.2, seed=1):
    """A flower with ``petals`` x 2 petals of two interleaved classes (red/blue); X (2, m), Y (1, m).

    Points lie on the curve r = 4 sin(petals · t) in polar coordinates; class 0 takes the angles t in
    [0, π), class 1 those in [π, 2π), each with Gaussian ``noise`` on t and on r.
    """
    _check_m(m)
    rng = np.random.default_rng(seed)
    per_class = [m // 2, m - m // 2]
    X, Y = [], []
    for label, n in enumerate(per_class):
        t = np.linspace(label * np.pi, (label + 1) * np.pi, n) + rng.normal(0, noise, n)
        r = 4 * np.sin(petals * t) + rng.normal(0, noise, n)
        X.append(np.stack([r * np.sin(t), r * np.cos(t)]))
        Y.append(np.full((1, n), label))
    return np.concatenate(X, axis=1), np.concatenate(Y, axis=1).astype(np.float64)


def make_moons(m=400, *, noise=0.2, seed=0):
    """Two interleaving half circles ("moons"); X (2, m), Y (1, m)."""
    _check_m(m)
    rng = np.random.default_rng(seed)
    n0 = m // 2
    t0 = np.linspace(0, np.pi, n0)
    t1 = np.linspace(0, np.pi, m - n0)
    upper = np.stack([np.cos(t0), np.sin(t0)])
    lower = np.stack([1 - np.cos(t1), 0.5 - np.sin(t1)])
    X = np.concatenate([upper, lower], axis=1) + rng.normal(0, noise, (2, m))
    Y = np.concatenate([np.zeros((1, n0)), np.ones((1, m - n0))], axis=1)
    return _shuffled(rng, X, Y)


def make_circles(m=400, *, noise=0.1, factor=0.5, seed=0):
    """A small circle (class 1) inside a large one (class 0); X (2, m), Y (1, m)."""
    _check_m(m)
    rng = np.random.default_rng(seed)
    n0 = m // 2
    t = rng.uniform(0, 2 * np.pi, m)
    radius = np.where(np.arange(m) < n0, 1.0, factor)
    X = radius * np.stack([np.cos(t), np.sin(t)]) + rng.normal(0, noise, (2, m))
    Y = (np.arange(m) >= n0)[None, :]
    return _shuffled(rng, X, Y)


def make_xor(m=400, *, noise=0.0, seed=0):
    """XOR: points in the square [−1, 1]², class 1 where x1 and x2 have the same sign; X (2, m), Y (1, m)."""
    _check_m(m)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (2, m))
    Y = (X[0] * X[1] > 0)[None, :].astype(np.float64)
    if noise:
        X = X + rng.normal(0, noise, (2, m))
    return X, Y


def load_dataset(name, m=400, *, seed=None):
    """One of the data sets by name: "flower", "moons", "circles" or "xor"; returns X (2, m), Y (1, m)."""
    makers = {"flower": make_flower, "moons": make_moons, "circles": make_circles, "xor": make_xor}
    if name not in makers:
        raise ValueError(f"unknown data set {name!r}; the known ones are {', '.join(repr(n) for n in DATASETS)}")
    return makers[name](m) if seed is None else makers[name](m, seed=seed)
