"""The nbgrader round trip, with nbgrader itself (.venv-teach, installed by `make setup`, not the students' env).

`make assignments` writes the course as nbgrader source; nbgrader's generate_assignment releases it; three students
hand in each assignment: "correct" (every exercise solved), "wrong" (every exercise with its first mistake of
tools/mistakes.py) and "blank" (the release as handed out); nbgrader's autograde scores them and generate_feedback
writes their feedback. Correct gets every point; wrong and blank get 0 for every exercise; the wrong one's
feedback carries each check's diagnosis.
"""
import concurrent.futures
import html
import json
import re
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_assignments  # noqa: E402
from exercises import exercises  # noqa: E402
from mistakes import MISTAKES, apply  # noqa: E402

GRADING = ROOT / ".venv-teach" / "bin"
EXERCISES = {e.id: e for e in exercises()}
ASSIGNMENTS = sorted(p.stem for p in (ROOT / "solutions").glob("*.ipynb"))
STUDENTS = ("correct", "wrong", "blank")
# exercises whose solution calls the student's function of an earlier exercise (wrong too in the "wrong" submission)
CALLS = {"03-predict": "my_forward_propagation", "03-train": "my_forward_propagation",
         "04-gradient-check": "my_numerical_gradient"}

GRADES = """\
import json, sys
from nbgrader.api import Gradebook
assignment, students = sys.argv[1], sys.argv[2:]
with Gradebook("sqlite:///gradebook.db") as gradebook:
    notebook = gradebook.find_assignment(assignment).notebooks[0].name
    print(json.dumps({s: {g.name: [g.score, g.max_score] for g in gradebook.find_submission_notebook(notebook, assignment, s).grades}
                      for s in students}))
"""


def answer(release, student):
    """The student's copy of a released notebook: each exercise cell solved, wrong (first mistake) or untouched."""
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        exercise_id = cell.metadata.get("bbh", {}).get("exercise")
        if exercise_id is None or student == "blank":
            continue
        solution = EXERCISES[exercise_id].solution
        if student == "wrong":
            _, old, new, _ = MISTAKES[exercise_id][0]
            solution = apply(solution, old, new)
        cell.source = solution
    return nb


def nbgrader(course, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "JUPYTER_PLATFORM_DIRS")}
    env["PATH"] = f"{GRADING}{os.pathsep}{env.get('PATH', '')}"  # nbgrader runs alembic from PATH
    done = subprocess.run([GRADING / "nbgrader", *args], cwd=course, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    return done


def round_trip(course, name):
    """Release, hand in, autograde and give feedback on one assignment in its own nbgrader course folder."""
    nbgrader(course, "generate_assignment", name, "--force")
    release = course / "release" / name / f"{name}.ipynb"
    for student in STUDENTS:
        folder = course / "submitted" / student / name
        folder.mkdir(parents=True)
        nbformat.write(answer(release, student), folder / release.name)
    nbgrader(course, "autograde", name, "--force")
    nbgrader(course, "generate_feedback", name, "--force")
    grades = subprocess.run([GRADING / "python", "-c", GRADES, name, *STUDENTS], cwd=course, capture_output=True,
                            text=True, check=True)
    return json.loads(grades.stdout)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Run the round trip of every assignment once, two at a time (each in its own course folder and gradebook).

    {assignment: {student: {grade_id: [score, max_score]}}}, and {assignment: its course folder}.
    """
    if not (GRADING / "nbgrader").exists():
        pytest.fail("nbgrader is not installed in .venv-teach: run `make setup` (the instructors' tools' own venv)")
    courses = {name: make_assignments.build(tmp_path_factory.mktemp(name)) for name in ASSIGNMENTS}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        scores = dict(zip(ASSIGNMENTS, pool.map(round_trip, courses.values(), courses)))
    return scores, courses


def points_of(name):
    return {f"{e.id}-test": make_assignments.POINTS[e.id] for e in EXERCISES.values() if e.notebook.stem == name}


def test_the_source_has_nbgrader_metadata_for_every_exercise(tmp_path):
    course = make_assignments.build(tmp_path)
    for name in ASSIGNMENTS:
        nb = nbformat.read(course / "source" / name / f"{name}.ipynb", as_version=4)
        meta = [c.metadata["nbgrader"] for c in nb.cells if "nbgrader" in c.metadata]
        tests = {m["grade_id"]: m["points"] for m in meta if m["grade"]}
        assert tests == points_of(name) and tests
        assert all(m["locked"] and not m["solution"] for m in meta if m["grade"])
        assert all(not m["locked"] for m in meta if not m["grade"])
        assert not any(c.metadata.get("bbh", {}).get("launch") == "badges" for c in nb.cells)
    assert (course / "nbgrader_config.py").read_text().startswith("# nbgrader's configuration")


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_correct_gets_every_point_wrong_and_blank_none(graded, name):
    scores = graded[0][name]
    expected = points_of(name)
    for student in STUDENTS:
        tests = {k: v for k, v in scores[student].items() if k.endswith("-test")}
        assert {k: v[1] for k, v in tests.items()} == expected
        want = (lambda points: points) if student == "correct" else (lambda points: 0)
        assert {k: v[0] for k, v in tests.items()} == {k: want(p) for k, p in expected.items()}, (student, tests)


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_the_feedback_carries_each_checks_diagnosis(graded, name):
    course = graded[1][name]
    feedback = {s: text_of(course / "feedback" / s / name / f"{name}.html") for s in STUDENTS}
    for exercise in (e for e in EXERCISES.values() if e.notebook.stem == name):
        says = MISTAKES[exercise.id][0][3]
        if exercise.id in CALLS:  # its own mistake hides behind the wrong function it calls, and the verdict says so
            says = f"Your function calls your {CALLS[exercise.id]}, which does not pass its own check yet"
        assert says in feedback["wrong"], (exercise.id, says)
    assert feedback["blank"].count("not implemented yet") >= len([e for e in EXERCISES.values()
                                                                 if e.notebook.stem == name and not e.stub])
    count = len([e for e in EXERCISES.values() if e.notebook.stem == name])
    assert feedback["wrong"].count("CheckFailed: ✗") == count
    assert "CheckFailed" not in feedback["correct"] and feedback["correct"].count("all checks passed.") >= count


def text_of(page):
    """The text of an HTML page, tags removed and entities decoded (the feedback as a student reads it)."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))
