"""Benchmark of one training step of the two-layer network (not a test: it reports numbers).

Usage:  .venv/bin/python benchmarks/step.py [--quick]

It measures, with medians over repeated runs:
- one training step (forward + cost + backward + update) at 2-4-1 m=400, 784-128-1 m=1000 and
  784-512-1 m=20000, in float64 and float32, two ways: through the public, checked functions
  (what a notebook calls) and through the bare equations, unchecked (`helpers.train` runs them as a leaner loop
  that writes every array in place, `helpers.math.descent.descend`: the whole training below times it);
- the achieved GFLOP/s as a percentage of this machine's numpy matmul peak (a large square matmul
  of the same dtype), counting the matmuls a step needs: forward W1·X and W2·A1, backward dW2, W2ᵀ·dZ2
  and dW1 (no dX), i.e. 2·(2·n_h·n_x·m) + 3·(2·n_y·n_h·m);
- the vectorized backward pass against `backward_propagation_loop` at 2-4-1, m=1000;
- the whole 10,000-iteration training on the flower data set.
OpenBLAS worker threads spin for about 0.1 s after a matmul and slow whatever runs next, so every
timed series starts after a short sleep.
"""
import argparse
import os
import platform
import statistics
import sys
import time

import numpy as np

import helpers
from helpers.math.network import _backward, _cost, _forward

SIZES = [(2, 4, 1, 400), (784, 128, 1, 1000), (784, 512, 1, 20000)]
SETTLE = 0.15  # seconds of sleep before each timed series (OpenBLAS threads stop spinning)


def median_time(fn, repeats, inner=1):
    """Median over ``repeats`` runs of the time of ``inner`` calls, per call, in seconds (best run in BEST)."""
    fn()  # warm up: first-touch page faults, caches
    time.sleep(SETTLE)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - start) / inner)
    BEST[fn] = min(times)
    return statistics.median(times)


BEST = {}  # the fastest run of each timed function: this VM's timings are noisy, the best run shows the floor


def matmul_peak(dtype, n=3000):
    a = np.random.default_rng(0).standard_normal((n, n)).astype(dtype)
    b = np.random.default_rng(1).standard_normal((n, n)).astype(dtype)
    seconds = median_time(lambda: a @ b, repeats=5)
    return 2 * n ** 3 / seconds / 1e9


def step_flops(n_x, n_h, n_y, m):
    return 2 * (2 * n_h * n_x * m) + 3 * (2 * n_y * n_h * m)


def problem(n_x, n_h, n_y, m, dtype):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n_x, m)).astype(dtype)
    Y = (rng.uniform(size=(n_y, m)) > 0.5).astype(dtype)
    parameters = helpers.initialize_parameters(n_x, n_h, n_y, scale=0.05, seed=1, dtype=dtype)
    return parameters, X, Y


def public_step(parameters, X, Y, learning_rate=1.2):
    A2, cache = helpers.forward_propagation(X, parameters)
    cost = helpers.compute_cost(A2, Y)
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    return helpers.update_parameters(parameters, grads, learning_rate), cost


def bare_step(parameters, X, Y, learning_rate=1.2):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    A2, cache = _forward(X, W1, b1, W2, b2, "tanh")
    cost = _cost(A2, Y)
    grads = _backward(X, Y, W2, cache["Z1"], cache["A1"], A2, "tanh")
    new = {k: parameters[k] - learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}
    return new, cost


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    blas = "unknown BLAS"
    try:
        config = np.show_config(mode="dicts")
        blas = f"{config['Build Dependencies']['blas']['name']} {config['Build Dependencies']['blas']['version']}"
    except Exception:
        pass
    return f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, numpy {np.__version__} ({blas})"


def main(quick=False):
    print(f"Machine: {machine()}")
    peaks = {dtype: matmul_peak(dtype) for dtype in (np.float64, np.float32)}
    for dtype, peak in peaks.items():
        print(f"numpy matmul peak ({np.dtype(dtype).name}, 3000 x 3000): {peak:.1f} GFLOP/s")
    print()
    print("| step | dtype | public, checked: median (best) | bare: median (best) | GFLOP/s (bare) | % of matmul peak (public / bare) |")
    print("|---|---|---|---|---|---|")
    results = {}
    for n_x, n_h, n_y, m in SIZES:
        for dtype in (np.float64, np.float32):
            parameters, X, Y = problem(n_x, n_h, n_y, m, dtype)
            new_public, cost_public = public_step(parameters, X, Y)
            new_bare, cost_bare = bare_step(parameters, X, Y)
            for k in new_public:  # the same equations: the same numbers
                assert new_public[k].dtype == dtype and np.array_equal(new_public[k], new_bare[k]), k
            assert cost_public == cost_bare
            large = m * n_h > 1e6
            repeats, inner = (3 if quick else 7, 1) if large else (7, 50 if quick else 500)
            run_public, run_bare = (lambda: public_step(parameters, X, Y)), (lambda: bare_step(parameters, X, Y))
            t_public = median_time(run_public, repeats, inner)
            t_bare = median_time(run_bare, repeats, inner)
            flops = step_flops(n_x, n_h, n_y, m)
            peak = peaks[dtype]
            results[(n_x, n_h, n_y, m, np.dtype(dtype).name)] = (t_public, t_bare)
            print(f"| {n_x}-{n_h}-{n_y} m={m} | {np.dtype(dtype).name} | {_fmt(t_public)} (best {_fmt(BEST[run_public])}) | "
                  f"{_fmt(t_bare)} (best {_fmt(BEST[run_bare])}) | "
                  f"{flops / t_bare / 1e9:.1f} | {100 * flops / t_public / 1e9 / peak:.0f}% / {100 * flops / t_bare / 1e9 / peak:.0f}% |")
    big64 = results[(784, 512, 1, 20000, "float64")]
    big32 = results[(784, 512, 1, 20000, "float32")]
    print(f"\nfloat32 vs float64 at 784-512-1 m=20000: {big64[0] / big32[0]:.2f}x faster (public), {big64[1] / big32[1]:.2f}x (bare)")

    parameters, X, Y = problem(2, 4, 1, 1000, np.float64)
    A2, cache = helpers.forward_propagation(X, parameters)
    t_vec = median_time(lambda: helpers.backward_propagation(parameters, cache, X, Y), 7, 200)
    t_loop = median_time(lambda: helpers.backward_propagation_loop(parameters, cache, X, Y), 5, 1)
    loop, vec = helpers.backward_propagation_loop(parameters, cache, X, Y), helpers.backward_propagation(parameters, cache, X, Y)
    agree = max(float(np.max(np.abs(loop[k] - vec[k]))) for k in vec)
    print(f"backward at 2-4-1 m=1000: vectorized {_fmt(t_vec)}, per-example loop {_fmt(t_loop)}: "
          f"{t_loop / t_vec:.0f}x faster (max difference {agree:.1e})")

    X, Y = helpers.make_flower()
    time.sleep(SETTLE)
    runs = []
    for _ in range(1 if quick else 3):
        start = time.perf_counter()
        parameters, costs = helpers.train(X, Y, 4, num_iterations=10_000, learning_rate=1.2)
        runs.append(time.perf_counter() - start)
    print(f"train on the flower (2-4-1, m=400, 10,000 iterations, lr 1.2): {statistics.median(runs):.2f} s "
          f"(median of {len(runs)}), accuracy {helpers.accuracy(parameters, X, Y):.2f}%")


def _fmt(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    main(parser.parse_args().quick)
    sys.exit(0)
