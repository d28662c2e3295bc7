"""How long each interactive figure takes to answer a control, in-process: the redraw a student waits for.

Usage:  .venv/bin/python benchmarks/explorers.py [--passes N] [--json PATH]

Measured as a student meets it: the explorer is made once (the notebook's cell ran), then each control is moved
to settings the explorer has not seen (both ends and the middle of a slider, every option of a toggle or a menu of
up to four), one at a time, each on a fresh explorer (so no remembered setting helps), timed once: a first visit,
never the best of several. Timed is the redraw: computing, drawing and encoding the PNG, everything but the trip
to the browser (tests/test_browser.py measures that). ``--passes N`` repeats the whole pass and reports each
setting's median over the passes (each still a first visit). The machine's speed is printed beside the numbers:
a Python loop of 10^7 additions. Targets (issue "In front of a class"): median ≤ 250 ms and heaviest ≤ 500 ms on
a machine where that loop takes 1.8 s.
"""
import argparse
import json
import os
import statistics
import time

import matplotlib

matplotlib.use("Agg")

import helpers  # noqa: E402

EXPLORERS = ("graph_explorer", "shape_explorer", "training_playground", "initialization_explorer", "deep_shape_explorer",
             "logits_explorer", "signal_explorer", "backward_stepper")
# what a student types into a text box: a deeper network, the largest the explorer draws, the smallest
TYPED = {"layer_dims": ["3, 5, 5, 2, 1", "8, 8, 8, 8, 8, 8, 8", "2, 3"]}


def loop_seconds():
    """The machine's speed: seconds for a Python loop of 10^7 additions."""
    start, total = time.perf_counter(), 0
    for i in range(10 ** 7):
        total += i
    return time.perf_counter() - start


def visits(control, name=None):
    """The values a student's first moves reach: what a student types in a text box (TYPED), every option of a short
    menu or short slider, else both ends and the middle."""
    if name in TYPED:
        return TYPED[name]
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        return values if len(values) <= 4 else [values[0], values[len(values) // 2], values[-1]]
    if hasattr(control, "base"):  # a log slider: its min and max are exponents
        return [control.base ** control.min, control.base ** ((control.min + control.max) / 2), control.base ** control.max]
    if isinstance(control.value, int) and control.max - control.min <= 7:  # a few steps (the backward stepper): all
        return list(range(control.min, control.max + 1))
    middle = control.min + (control.max - control.min) / 2
    middle = round(middle) if isinstance(control.value, int) else round(middle, 1)
    return [control.min, middle, control.max]


def settings(explorer):
    """Every (control, value) the benchmark moves to, except the control's starting value (not a move)."""
    return [(name, value) for name, control in explorer.controls.items() for value in visits(control, name) if value != control.value]


def time_move(make, name, value):
    """Seconds from setting a fresh explorer's control to ``value`` to its new PNG."""
    explorer = make()
    before = explorer.redraws
    start = time.perf_counter()
    explorer.controls[name].value = value
    elapsed = time.perf_counter() - start
    assert explorer.redraws == before + 1, (name, value)
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=1, help="whole passes; each setting's median is kept (default 1)")
    parser.add_argument("--json", help="also write the numbers to this file")
    args = parser.parse_args()
    loop = loop_seconds()
    print(f"machine: a Python loop of 10^7 additions takes {loop:.2f} s; {os.cpu_count()} cores")
    results = {"loop_seconds": round(loop, 2)}
    for name in EXPLORERS:
        make = getattr(helpers, name)
        rows = []
        for control, value in settings(make()):
            ms = statistics.median(time_move(make, control, value) for _ in range(args.passes)) * 1e3
            rows.append({"control": control, "value": value, "ms": round(ms, 1)})
        times = [r["ms"] for r in rows]
        heaviest = max(rows, key=lambda r: r["ms"])
        results[name] = {"median_ms": statistics.median(times), "max_ms": heaviest["ms"], "settings": rows}
        print(f"{name:25s} median {statistics.median(times):6.0f} ms   heaviest {heaviest['ms']:6.0f} ms "
              f"({heaviest['control']} = {heaviest['value']})   over {len(rows)} first visits")
    print(f"machine after: loop {loop_seconds():.2f} s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, default=str)


if __name__ == "__main__":
    main()
