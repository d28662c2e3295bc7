"""Time nbgrader's autograde of a class with the sealed grader: N students of one notebook, as an instructor runs it.

    .venv-teach/bin/python benchmarks/grading.py [ASSIGNMENT] [N] [LOOPS]   (default 04_debugging_backprop, 100, 0)

Builds the course in a scratch folder, releases the assignment, hands in N submissions (LOOPS of them with one answer
stuck in an endless loop, the others in turn right, wrong with the first usual mistake, and blank), then runs
`nbgrader autograde` for the whole class in one command, as teaching.md shows, and reports the wall time per student
and for the class beside this machine's speed (a Python loop of 10⁷ additions). Nothing is cached between students.
"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_assignments  # noqa: E402
from exercises import exercises  # noqa: E402
from mistakes import MISTAKES, apply  # noqa: E402

EXERCISES = {e.id: e for e in exercises()}

KINDS = ("correct", "wrong", "blank")


def loop_speed():
    start = time.perf_counter()
    total = 0
    for i in range(10 ** 7):
        total += i
    return time.perf_counter() - start


def submission(release, kind):
    """A student's copy of the release: answers right, wrong (the first usual mistake), blank, or wrong with the first
    one an endless loop."""
    nb = nbformat.read(release, as_version=4)
    looped = False
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("solution") or kind == "blank":
            continue
        exercise = EXERCISES[meta["grade_id"]]
        cell.source = exercise.solution if kind == "correct" else apply(exercise.solution, *MISTAKES[exercise.id][0][1:3])
        if kind == "loop" and not looped:
            name = exercise.check.split("(")[1].rstrip(")")
            cell.source, looped = f"def {name}(*args):\n    while True:\n        pass\n", True
    return nb


def main(assignment="04_debugging_backprop", count=100, loops=0):
    count, loops = int(count), int(loops)
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory() as folder:
        course = make_assignments.build(Path(folder) / "course")
        subprocess.run([bin_dir / "nbgrader", "generate_assignment", assignment], cwd=course, env=env, check=True,
                       capture_output=True)
        release = course / "release" / assignment / f"{assignment}.ipynb"
        for index in range(count):
            target = course / "submitted" / f"student{index:03d}" / assignment
            target.mkdir(parents=True)
            kind = "loop" if index < loops else KINDS[index % len(KINDS)]
            nbformat.write(submission(release, kind), target / release.name)
        start = time.perf_counter()
        done = subprocess.run([bin_dir / "nbgrader", "autograde", assignment], cwd=course, env=env, capture_output=True,
                              text=True)
        seconds = time.perf_counter() - start
        if done.returncode:
            sys.exit(done.stderr[-3000:])
        graded = len(list((course / "autograded").glob(f"*/{assignment}/*.ipynb")))
    print(f"machine: a Python loop of 10^7 additions takes {loop_speed():.2f} s; {os.cpu_count()} cores")
    print(f"nbgrader autograde {assignment}: {graded} students ({loops} of them with an endless loop) in "
          f"{seconds:.0f} s: {seconds / count:.2f} s per student; 100 students: {100 * seconds / count:.0f} s")


if __name__ == "__main__":
    main(*sys.argv[1:4])
