"""The autodiff engine's speed (issue 24): one training step of notebook 03's network (2-4-1, tanh, the flower,
m = 400) through `helpers.autodiff.Node` against the same step written by hand, median of many steps.

    .venv/bin/python benchmarks/autodiff.py            # about 20 s

- *engine*: build the graph (forward and cost), zero the gradients, ``J.backward()``, update; the cost as notebook
  09 writes it first (σ and two logs, nine nodes) and fused (`Node.logistic_cost`, one node: what frameworks do);
- *hand, public*: forward_propagation, compute_cost, backward_propagation, update_parameters (each checks its
  arguments at the door);
- *hand, bare*: `helpers.train`'s loop (math.descent.descend: eighteen numpy calls a step, arrays written in place),
  per step.
Both give the same parameters to rounding (asserted). Then where the engine's time goes, by cProfile.
"""
import cProfile
import io
import pstats
import statistics
import time

import numpy as np

import helpers
from helpers.autodiff import Node
from helpers.math.descent import descend

ROUNDS, ROUND_STEPS = 10, 300
RATE = 1.2


def loop_seconds():
    start, total = time.perf_counter(), 0
    for i in range(10 ** 7):
        total += i
    return time.perf_counter() - start


def engine_step(X, Y, nodes, fused=False):
    """One step through the engine: the cost as notebook 09 first writes it (σ, two logs: nine nodes), or fused (one
    node, `Node.logistic_cost`, whose backward step is (A − Y)/m)."""
    W1, b1, W2, b2 = nodes
    m = X.shape[1]
    A1 = (W1 @ X + b1).tanh()
    Z2 = W2 @ A1 + b2
    if fused:
        J = Z2.logistic_cost(Y)
    else:
        A2 = Z2.sigmoid()
        J = -(Y * A2.log() + (1 - Y) * (1 - A2).log()).sum() / m
    for node in nodes:
        node.zero_grad()
    J.backward()
    for node in nodes:
        node.value -= RATE * node.grad


def hand_step(X, Y, parameters):
    A2, cache = helpers.forward_propagation(X, parameters)
    helpers.compute_cost(A2, Y)
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    return helpers.update_parameters(parameters, grads, RATE)


def timed(step, *args):
    """The median time of one step over ROUND_STEPS steps."""
    times = []
    for _ in range(ROUND_STEPS):
        start = time.perf_counter()
        step(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    X, Y = helpers.make_flower()
    start = helpers.initialize_parameters(2, 4, 1, seed=0)
    print(f"machine: a Python loop of 10^7 additions takes {loop_seconds():.2f} s")
    nodes = [Node(start[k], name=k) for k in ("W1", "b1", "W2", "b2")]
    fused_nodes = [Node(start[k], name=k) for k in ("W1", "b1", "W2", "b2")]
    parameters = {k: v.copy() for k, v in start.items()}
    W1, b1, W2, b2 = (start[k].copy() for k in ("W1", "b1", "W2", "b2"))
    state = {"parameters": parameters}

    def public_step():
        state["parameters"] = hand_step(X, Y, state["parameters"])

    def bare_round():
        t = time.perf_counter()
        descend(X, Y, W1, b1, W2, b2, RATE, "tanh", np.empty(ROUND_STEPS))
        return (time.perf_counter() - t) / ROUND_STEPS

    # the four in turn, round after round: a machine whose speed drifts (another program, a clock) slows all four
    rounds = []
    for _ in range(ROUNDS):
        rounds.append({"engine": timed(engine_step, X, Y, nodes), "fused": timed(engine_step, X, Y, fused_nodes, True),
                       "public": timed(public_step), "bare": bare_round()})
    parameters = state["parameters"]
    same = max(float(np.max(np.abs(node.value - parameters[k]))) for run in (nodes, fused_nodes)
               for node, k in zip(run, ("W1", "b1", "W2", "b2")))
    assert same < 1e-9, same
    assert float(np.max(np.abs(W1 - parameters["W1"]))) < 1e-9

    def median(key):
        return statistics.median(r[key] for r in rounds)

    def ratio(top, bottom):
        ratios = sorted(r[top] / r[bottom] for r in rounds)
        return f"{statistics.median(ratios):.1f}x ({ratios[0]:.1f}–{ratios[-1]:.1f})"
    print(f"one step, m = 400, medians of {ROUNDS} rounds of {ROUND_STEPS} steps: engine {median('engine') * 1e6:.0f} µs "
          f"(fused cost {median('fused') * 1e6:.0f} µs), hand public {median('public') * 1e6:.0f} µs, "
          f"hand bare {median('bare') * 1e6:.0f} µs")
    print(f"engine / hand bare: {ratio('engine', 'bare')}; fused / hand bare: {ratio('fused', 'bare')}; "
          f"engine / hand public: {ratio('engine', 'public')}; fused / hand public: {ratio('fused', 'public')} "
          f"(median and range over the rounds)")
    print(f"after {ROUNDS * ROUND_STEPS} steps each, all parameters agree to {same:.1e}")
    profile = cProfile.Profile()
    profile.runcall(lambda: [engine_step(X, Y, nodes) for _ in range(500)])
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(8)
    print("where the engine's time goes (500 steps):\n" + "\n".join(out.getvalue().splitlines()[6:20]))
    print(f"machine after: loop {loop_seconds():.2f} s")


if __name__ == "__main__":
    main()
