"""The checkers survive what a student's function does to the kernel: floods of output, a patched numpy,
a loop that never ends, an interrupt. Each test fails on the checkers of 2026-11-24 (before issue 11)."""
import functools
import sys
import threading
import time

import numpy as np
import pytest

import answers as a
import helpers
from helpers.exercises import capture
from test_exercises import EXERCISES, run


def printing(fn, times=1, line="a debugging line " * 4):
    """``fn`` that first prints ``times`` lines."""
    @functools.wraps(fn)
    def noisy(*args):
        for i in range(times):
            print(i, line)
        return fn(*args)
    return noisy


def test_a_flood_of_output_is_cut_to_its_first_and_last_lines(capsys):
    # 3 calls × 40,000 lines of 72 characters: about 9 MB printed
    ok, out = run(capsys, helpers.check_sigmoid_prime, printing(a.sigmoid_prime, times=40_000))
    assert ok is True
    assert len(out) < 5_000, f"{len(out):,} characters reached the notebook"
    assert "Your function printed 120,000 lines (9.0 MB); the first 10 and the last 5:" in out
    assert "… 119,985 lines not shown …" in out
    assert "    0 a debugging line" in out and "    39999 a debugging line" in out
    assert out.strip().endswith("✓ sigmoid_prime: all checks passed.")


def test_a_few_printed_lines_are_shown_whole_before_the_verdict(capsys):
    ok, out = run(capsys, helpers.check_propagate, printing(a.propagate_missing_m, times=2))
    assert ok is False
    shown, verdict = out.split("\n✗ ", 1)
    assert shown.startswith("Your function printed:\n    0 a debugging line")
    assert "not shown" not in shown and "missing 1/m" in verdict


def test_one_endless_line_is_cut_and_measured(capsys):
    def endless(z):
        print("x" * 1_000_000, end="")
        return a.sigmoid_prime(z)
    ok, out = run(capsys, helpers.check_sigmoid_prime, endless)
    assert ok is True and len(out) < 2_000
    assert out.count("… (1,000,000 characters)") == 3  # one line per call, not one line for three calls


def test_output_to_stderr_is_captured_too(capsys):
    def to_stderr(z):
        print("on stderr", file=sys.stderr)
        return a.sigmoid_prime(z)
    ok, out = run(capsys, helpers.check_sigmoid_prime, to_stderr)
    assert ok is True and "    on stderr" in out
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("name", EXERCISES)
def test_a_patched_numpy_is_named_with_a_restart_request(capsys, monkeypatch, name):
    checker, right, _ = EXERCISES[name]
    monkeypatch.setattr(np, "sum", None)
    ok, out = run(capsys, checker, right)
    assert ok is False
    assert "numpy was changed in this kernel: np.sum is now None, not numpy's own" in out
    assert "restart the kernel (Kernel → Restart Kernel…)" in out


@pytest.mark.parametrize("name", EXERCISES)
def test_a_numpy_comparison_replaced_cannot_make_garbage_pass(capsys, monkeypatch, name):
    checker = EXERCISES[name][0]
    monkeypatch.setattr(np, "allclose", lambda *args, **kwargs: True)
    monkeypatch.setattr(np, "isclose", lambda *args, **kwargs: True)
    ok, out = run(capsys, checker, lambda *args: args[0])
    assert ok is False
    assert "np.allclose is now <function" in out


def test_a_function_that_patches_numpy_while_it_runs_is_caught(capsys, monkeypatch):
    monkeypatch.setattr(np, "allclose", np.allclose)  # restored after the test

    def sneaky(z):
        np.allclose = lambda *args, **kwargs: True
        return z
    ok, out = run(capsys, helpers.check_sigmoid_prime, sneaky)
    assert ok is False
    assert "sigmoid_prime changed numpy while it ran" in out and "np.allclose" in out


def test_deleting_a_numpy_function_is_named(capsys, monkeypatch):
    monkeypatch.delattr(np.linalg, "norm")
    ok, out = run(capsys, helpers.check_gradient_check, a.gradient_check)
    assert ok is False and "np.linalg.norm is deleted" in out


def test_keyboard_interrupt_stops_the_check_and_leaves_the_kernel_clean(capsys):
    stdout, stderr = sys.stdout, sys.stderr

    def interrupted(*args):
        print("computed dz2")
        raise KeyboardInterrupt
    for checker in (helpers.check_sigmoid_prime, helpers.check_backward_propagation, helpers.check_gradient_check):
        with pytest.raises(KeyboardInterrupt):
            checker(interrupted)
        assert sys.stdout is stdout and sys.stderr is stderr and sys.getprofile() is None
        assert "Your function printed:\n    computed dz2" in capsys.readouterr().out
    for t in [t for t in threading.enumerate() if t.name.startswith("check ")]:
        t.join(timeout=10)  # the watchers were told to stop: they end (at once, unless the machine is busy)
    assert not [t for t in threading.enumerate() if t.name.startswith("check ")]


def test_a_slow_check_says_it_is_still_running(capsys, monkeypatch):
    monkeypatch.setattr(capture.StillRunning, "AFTER", 0.05)  # 40 times less than the function takes: a busy machine
                                                            # delays the watcher's thread, not by seconds
    def stuck_for_a_while(z):
        time.sleep(2.0)
        return a.sigmoid_prime(z)
    ok, out = run(capsys, helpers.check_sigmoid_prime, stuck_for_a_while)
    assert ok is True
    assert "is still running after" in out and "Kernel → Interrupt Kernel (■)" in out
    assert out.index("still running") < out.index("✓ sigmoid_prime: all checks passed")


def test_a_fast_check_says_nothing_about_time(capsys):
    ok, out = run(capsys, helpers.check_sigmoid_prime, a.sigmoid_prime)
    assert ok is True and "still running" not in out


def test_still_running_reaches_the_cell_when_a_later_cell_only_wants_the_verdict(capsys, monkeypatch):
    monkeypatch.setattr(capture.StillRunning, "AFTER", 0.05)

    def slow_forward(X, parameters):
        time.sleep(2.0)
        return a.forward_propagation(X, parameters)
    used = helpers.yours_or_reference(slow_forward, helpers.forward_propagation)
    out = capsys.readouterr().out
    assert used is slow_forward
    assert "still running" in out and "Using your slow_forward: its check passes." in out


def test_interrupting_a_stuck_check_in_a_kernel_keeps_the_kernel_usable():
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")

    def run_cell(code, on_stream=lambda text: None):
        """Run ``code`` in the kernel: what it printed and the name of the error it ended with (or None)."""
        msg_id = client.execute(code)
        out, error = [], None
        while True:
            msg = client.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                out.append(content["text"])
                on_stream(content["text"])
            elif kind == "error":
                error = content["ename"]
            elif kind == "status" and content["execution_state"] == "idle":
                return "".join(out), error

    interrupted = []

    def interrupt_when_told(text):
        if "still running" in text and not interrupted:
            manager.interrupt_kernel()  # what the ■ button does
            interrupted.append(True)
    try:
        run_cell("import helpers\nfrom helpers.exercises import capture\ncapture.StillRunning.AFTER = 0.5")
        out, error = run_cell("def stuck(z):\n    print('started')\n    while True:\n        pass\nhelpers.check_sigmoid_prime(stuck)",
                              interrupt_when_told)
        assert interrupted and error == "KeyboardInterrupt", out
        assert "Your function printed:\n    started" in out
        out, error = run_cell("import sys, threading\nprint(type(sys.stdout).__name__, sys.getprofile(), "
                              "[t.name for t in threading.enumerate() if t.name.startswith('check ')])\n"
                              "print(helpers.check_sigmoid_prime(lambda z: helpers.sigmoid(z) * (1 - helpers.sigmoid(z))))")
        assert error is None and out.splitlines()[0] == "OutStream None []" and out.strip().endswith("Verdict(passed=True)"), out
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
