"""The sealed grader: a graded check whose verdict no student code can reach.

The threat: a graded notebook runs the student's cells and then the test cells in one kernel, so one line in an answer
cell (``helpers.grading = contextlib.nullcontext``, ``helpers.check_propagate = lambda fn: True``, a patched module, a
rewritten file of the editable install) decides its own score. Here the student's code never runs in the grader's
process:

1. `tampering` reads the answer cells (the grader parses them, runs nothing): an import beyond numpy and a few harmless
   modules, a reach into Python's machinery (``__dict__``, ``sys``, ``eval``, ``open``, …) or an assignment to helpers
   or numpy is tampering: every exercise of the notebook scores 0, with a verdict naming the line.
2. The cells run in a `Worker` (``worker.py``, a fresh ``python -I`` per submission, in a scratch folder, no file larger
   than 0 bytes writable, one BLAS thread) where ``helpers`` is a stand-in: each helpers function the answer calls is
   computed here, in the grader, and only the ones its exercise allows (the activations and what its text names); a
   call of any other is refused and scores 0. Importing the real package there is refused.
3. The check itself runs here, on the real helpers, with a `Remote` in place of the student's function: each call
   sends arguments to the worker and gets back plain data (JSON; arrays as raw numeric bytes, never pickled), which the check
   compares with the reference as always. A worker that overruns its time is killed: "did not finish in N s".

What it cannot stop, and says so (docs/teaching.md): code copied from helpers' readable source or the internet, and a
worker that harms the machine with the grading user's rights (run a class's grading in a container if that matters).
"""
import ast
import contextlib
import io
import json
import linecache
import os
import resource
import select
import subprocess
import sys
import tempfile
import textwrap
import time
import types
from pathlib import Path

import numpy as np

from . import hints, worker as wire
from .calling import BUILDING_BLOCKS, _called, _last_locals, changed_argument, delegation
from .capture import StillRunning, _captures
from .outcomes import BAD, NotYet, Stop
from .tampering import tampering

TIMEOUT = 3.0  # seconds per check: a check of a right answer takes under 0.3 s, on a slow machine about 1 s
WIDTH = 100  # feedback lines are wrapped to this many characters
WORKER = Path(wire.__file__).resolve()


def function_codes(cells):
    """{name: code object} of the functions the cells define at their top level, compiled (never run) here, their lines
    in linecache under the cell's label: what a verdict quotes ("look at your line …")."""
    codes = {}
    for label, source in cells:
        filename = f"<cell {label}>"
        try:
            module = compile(source, filename, "exec")
        except (SyntaxError, ValueError):
            continue
        linecache.cache[filename] = (len(source), None, [line + "\n" for line in source.splitlines()], filename)
        for const in module.co_consts:
            if isinstance(const, types.CodeType):
                codes[const.co_name] = const
    return codes


# -- the worker ----------------------------------------------------------------------------------------------------
def public():
    """The ``helpers`` package as the notebooks import it (its public names: the checks, the functions an answer may
    call). This module is one of its own, imported by it, so it is loaded already: no import of a layer above."""
    return sys.modules[__name__.split(".")[0]]


class Gone(Exception):
    """The worker died or overran its time; the message says which, in the student's terms."""


def _limits():
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # no file of the grader's can be written to (Python ignores SIGXFSZ)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


class Worker:
    """One submission's process: it runs the cells, then the student's functions, for as long as it is alive."""

    def __init__(self, cells, timeout=TIMEOUT, codes=None):
        self.timeout, self.codes = timeout, codes or {}
        self.folder = tempfile.TemporaryDirectory(prefix="bbh-grade-")
        threads = {k: "1" for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
        env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "MPLBACKEND": "Agg", **threads}
        self.process = subprocess.Popen([sys.executable, "-I", str(WORKER), str(WORKER.parent)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=self.folder.name, env=env,
                                        preexec_fn=_limits)
        self.buffer = b""
        self.deadline = time.monotonic() + 2 * timeout + 10  # start-up (numpy's import) and the cells
        self.send({"cells": [list(c) for c in cells]})
        self.failed = self.receive("your cells")["failed"]

    @property
    def alive(self):
        return self.process.poll() is None

    def send(self, message):
        try:
            wire.send(self.process.stdin, message)
        except (BrokenPipeError, OSError):
            raise Gone(self._death("the grader's message")) from None

    def receive(self, what):
        size = int.from_bytes(self._read(4, what), "big")
        if size > wire.LIMIT:
            self.close()
            raise Gone(f"{what} sent more than {wire.LIMIT // 2 ** 20} MB back: return the result, not more")
        return json.loads(self._read(size, what))

    def _read(self, count, what):
        fd = self.process.stdout.fileno()
        while len(self.buffer) < count:
            left = self.deadline - time.monotonic()
            ready = select.select([fd], [], [], max(0.0, left))[0] if left > 0 else []
            if not ready:
                self.close()
                raise Gone(f"{what} did not finish in {self.timeout:g} s: look for a loop that never ends (a `while` whose "
                           "condition never changes) or a loop far larger than the exercise needs")
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise Gone(self._death(what))
            self.buffer += chunk
        head, self.buffer = self.buffer[:count], self.buffer[count:]
        return head

    def _death(self, what):
        code = self.process.wait(timeout=5)
        self.close()
        return (f"{what} stopped the grading process (exit code {code}): remove any exit(), os._exit() or code that ends "
                "the process, and return the result instead")

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        self.folder.cleanup()

    def call(self, remote, title, args, allowed, copy_args):
        """``calling.call`` for a function in this worker: the same Stops and results, computed from data."""
        helpers = public()
        functions = []
        permitted = set(BUILDING_BLOCKS) | set(allowed)
        delegated = []
        try:
            self.send({"name": remote.__name__, "title": title, "args": wire.encode(list(args), functions)})
            while True:
                message = self.receive(f"{title}")
                op = message.get("op")
                if op in ("done", "stop"):
                    break
                call_args = wire.decode(message.get("args", {"$list": []}))
                call_kwargs = wire.decode(message.get("kwargs", {"$dict": {}}))
                if op == "helper":
                    name = str(message.get("name"))
                    target = getattr(helpers, name, None)
                    if not isinstance(target, types.FunctionType) or name.startswith("_"):
                        self.send({"error": "missing", "missing": True})
                        continue
                    if name not in permitted:
                        delegated.append(name)
                        self.send({"error": f"helpers.{name} is not allowed in this answer"})
                        continue
                elif op == "callback" and isinstance(message.get("index"), int) and 0 <= message["index"] < len(functions):
                    target = functions[message["index"]]
                else:
                    raise Gone(f"{title} sent the grader something it did not ask for")
                try:
                    value = target(*(call_args if isinstance(call_args, list) else []),
                                   **(call_kwargs if isinstance(call_kwargs, dict) else {}))
                    self.send({"value": wire.encode(value)})
                except Exception as error:  # noqa: BLE001 (the answer gave a helpers function bad arguments: its error)
                    self.send({"error": f"{type(error).__name__}: {error}"[:2000]})
        except Gone as gone:
            raise Stop(str(gone)) from None
        if _captures and message.get("printed"):
            _captures[-1].write(str(message["printed"]))
        if _called:
            for name in message.get("called", []):
                if isinstance(name, str) and all(f.__name__ != name for f in _called[-1]):
                    _called[-1].append(Remote(self, name))
        if delegated:
            raise Stop(delegation(title, delegated[0], allowed))
        if op == "stop":
            raise (NotYet if message.get("blank") else Stop)(str(message.get("text", "")))
        value, after = wire.decode(message.get("value")), wire.decode(message.get("after"))
        local = wire.decode(message.get("locals"))
        _last_locals[0] = local if isinstance(local, dict) else {}
        after = after if isinstance(after, list) and len(after) == len(args) else list(args)
        if copy_args:
            mutated = changed_argument(remote, args, after)
            if mutated:
                raise Stop(f"{title} {mutated}")
        else:  # the caller sees what the function did to its arguments, as with a function of its own process
            for before, now in zip(args, after):
                if isinstance(before, np.ndarray) and isinstance(now, np.ndarray) and now.shape == before.shape:
                    np.copyto(before, now, casting="unsafe")
        return value


class Remote:
    """A student's function that lives in a worker: what a check is given instead of the function itself."""

    def __init__(self, worker, name):
        self.worker, self.__name__, self.__qualname__ = worker, name, name
        self.__code__ = worker.codes.get(name)

    def _remote_call(self, title, args, allowed, copy_args):
        return self.worker.call(self, title, args, allowed, copy_args)

    def __call__(self, *args):
        return self._remote_call(self.__name__, args, (), True)

    def __repr__(self):
        return f"<your function {self.__name__}>"


# -- grading -------------------------------------------------------------------------------------------------------
def parse_check(source):
    """(check name, function name) of a test cell's ``helpers.check_x(my_x)``; ValueError when it has none."""
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "helpers" and node.func.attr.startswith("check_") and len(node.args) == 1
                and isinstance(node.args[0], ast.Name)):
            return node.func.attr, node.args[0].id
    raise ValueError(f"no helpers.check_...(function) in the test cell:\n{source}")


def tampering_verdict(found):
    label, number, line, what = found[0]
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return (f"{BAD} tampering: cell {label}, line {number} `{line}` {what}{more}. A graded answer computes its result with "
            "numpy, helpers' activations and its own functions; this notebook scores 0 and your instructor sees this note.")


def grade(cells, tests, timeout=TIMEOUT):
    """Grade one submission: ``cells`` [(label, source)] (its answer cells and the cells the student added, in order),
    ``tests`` [(grade_id, test cell source)]. Returns [(grade_id, passed, feedback text)], no student code run here."""
    helpers = public()
    found = tampering(cells)
    if found:
        text = tampering_verdict(found)
        return [(grade_id, False, text) for grade_id, _ in tests]
    codes = function_codes(cells)
    results, worker = [], None
    was_graded = list(hints._graded)
    hints._graded[:] = [True]  # the feedback offers the hints a graded notebook gives
    old_after = StillRunning.AFTER
    StillRunning.AFTER = 10.0 ** 6  # no "press ■ to stop it" in a feedback file: the grader stops it
    try:
        for grade_id, test in tests:
            check_name, function_name = parse_check(test)
            printed = io.StringIO()
            try:
                if worker is None or not worker.alive:
                    worker = Worker(cells, timeout, codes)
                worker.deadline = time.monotonic() + timeout
                with contextlib.redirect_stdout(printed):
                    passed = bool(getattr(helpers, check_name)(Remote(worker, function_name)))
            except Gone as gone:
                passed = False
                printed.write(f"{BAD} your cells: {gone}\n")
            if not passed and worker is not None and worker.failed:
                label, error = worker.failed[0]
                printed.write(f"(Your cell {label} stopped with {error}: what comes after that line in it was not run.)\n")
            results.append((grade_id, passed, printed.getvalue().strip()))
    finally:
        StillRunning.AFTER = old_after
        hints._graded[:] = was_graded
        if worker is not None:
            worker.close()
    return results


def wrap(text, width=WIDTH):
    """Feedback lines wrapped at ``width`` characters, continuation lines indented: readable in any box."""
    out = []
    for line in text.splitlines():
        out.extend(textwrap.wrap(line, width, subsequent_indent="    ", break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def plan(nb, course=None):
    """What grading a submitted nbgrader notebook ``nb`` runs: ([(label, source)] of its answer cells and of the code cells
    the student added (a cell id the ``course`` notebook, the assignment's source, does not have), [(grade_id, test
    source)] of its test cells, taken from ``course`` when given, whatever the submission holds). Nothing else runs:
    not the course's own cells (figures, explorers, training demos)."""
    course_cells = course["cells"] if course is not None else []
    course_ids = {cell.get("id") for cell in course_cells}
    tests_of = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in course_cells
                if c.get("cell_type") == "code" and c.get("metadata", {}).get("nbgrader", {}).get("grade")}
    cells, tests = [], []
    for index, cell in enumerate(nb["cells"]):
        if cell.get("cell_type") != "code":
            continue
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        runnable = "\n".join("pass" if line.lstrip().startswith(("%", "!")) else line  # IPython's magics and shell
                             for line in source.splitlines())
        if meta.get("grade") and not meta.get("solution"):
            grade_id = meta.get("grade_id", f"test {index + 1}")
            tests.append((grade_id, tests_of.get(grade_id, source)))
        elif meta.get("solution"):
            cells.append((meta.get("grade_id", str(index + 1)), runnable))
        elif course is not None and cell.get("id") not in course_ids and source.strip():
            cells.append((f"you added ({index + 1})", runnable))
    return cells, tests


def _grade_job(job):
    cells, tests, timeout = job
    return grade(cells, tests, timeout)


def grade_many(jobs, processes=None, timeout=TIMEOUT):
    """{key: future of `grade`'s result} for {key: (cells, tests)}: a class graded side by side, one process per core
    (each submission still in a worker of its own). The caller gathers each result with ``.result()``."""
    import concurrent.futures
    import multiprocessing

    pool = concurrent.futures.ProcessPoolExecutor(max_workers=processes or os.cpu_count() or 1,
                                                  mp_context=multiprocessing.get_context("spawn"))
    futures = {key: pool.submit(_grade_job, (cells, tests, timeout)) for key, (cells, tests) in jobs.items()}
    pool.shutdown(wait=False)
    return futures
