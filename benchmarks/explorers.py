"""How long each interactive figure takes to answer a control, in-process: the redraw a student waits for.

Usage:  .venv/bin/python benchmarks/explorers.py [--repeats N] [--json PATH]

For every explorer and every control, the control is set to each extreme (the ends of a slider, every option
of a toggle or a menu) on a fresh explorer (so no cache of an earlier setting helps), and the redraw is
timed: computing, drawing and encoding the PNG, everything but the trip to the browser (the browser test
measures that). Each explorer's median and heaviest setting are printed. Targets (issue "Learn by doing"):
median ≤ 250 ms, heaviest ≤ 500 ms.
"""
import argparse
import json
import statistics
import time

import matplotlib

matplotlib.use("Agg")

import helpers  # noqa: E402

EXPLORERS = ("graph_explorer", "shape_explorer", "training_playground", "initialization_explorer")


def extremes(control):
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        return values if len(values) <= 4 else [values[0], values[-1]]
    return [control.min, control.max]


def settings(explorer):
    """Every (control, value) the benchmark tries; a value equal to the default is kept too (a redraw all the same)."""
    return [(name, value) for name, control in explorer.controls.items() for value in extremes(control)]


def time_redraw(make, name, value):
    explorer = make()
    control = explorer.controls[name]
    if control.value == value:  # setting the same value sends no change: time a direct redraw
        start = time.perf_counter()
        explorer._redraw()
        return time.perf_counter() - start
    before = explorer.redraws
    start = time.perf_counter()
    control.value = value
    elapsed = time.perf_counter() - start
    assert explorer.redraws == before + 1
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per setting; the best is kept (default 3)")
    parser.add_argument("--json", help="also write the numbers to this file")
    args = parser.parse_args()
    results = {}
    for name in EXPLORERS:
        make = getattr(helpers, name)
        rows = []
        for control, value in settings(make()):
            best = min(time_redraw(make, control, value) for _ in range(args.repeats))
            rows.append({"control": control, "value": value, "ms": round(best * 1e3, 1)})
        times = [r["ms"] for r in rows]
        heaviest = max(rows, key=lambda r: r["ms"])
        results[name] = {"median_ms": statistics.median(times), "max_ms": heaviest["ms"], "settings": rows}
        print(f"{name:25s} median {statistics.median(times):6.0f} ms   heaviest {heaviest['ms']:6.0f} ms "
              f"({heaviest['control']} = {heaviest['value']})   over {len(rows)} settings")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, default=str)


if __name__ == "__main__":
    main()
