"""The nbgrader round trip, with nbgrader itself (.venv-teach, installed by `make setup`, not the students' env).

`make assignments` writes the course as nbgrader source; nbgrader's generate_assignment releases it; three students
hand in each assignment: "correct" (every exercise solved), "wrong" (every exercise with its first mistake of
tools/mistakes.py) and "blank" (the release as handed out); nbgrader's autograde scores them and generate_feedback
writes their feedback. Correct gets every point; wrong and blank get 0 for every exercise; the wrong one's
feedback carries each check's diagnosis.
"""
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

# nbgrader's own commands, through its Python API in one process (its start costs 3 s, once, not once per command):
# "release" generates every assignment; "grade" autogrades every student's submission, writes their feedback and
# prints the grades {assignment: {student: {grade_id: [score, max_score]}}}
NBGRADER = """\
import json, sys
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader

step, course, assignments, students = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4].split(",")
config = PyFileConfigLoader("nbgrader_config.py", path=course).load_config()
api = NbGraderAPI(coursedir=CourseDirectory(config=config, root=course), config=config)


def done(result, what):
    if not result["success"]:
        sys.exit(f"nbgrader {what} failed:\\n{result.get('log', '')[-3000:]}\\n{result.get('error', '')[-6000:]}")


for assignment in assignments:
    if step == "release":
        done(api.generate_assignment(assignment, force=True), f"generate_assignment {assignment}")
        continue
    for student in students:
        done(api.autograde(assignment, student, force=True), f"autograde {assignment} {student}")
    done(api.generate_feedback(assignment, force=True), f"generate_feedback {assignment}")
if step == "grade":
    with Gradebook(f"sqlite:///{course}/gradebook.db") as gradebook:
        print(json.dumps({a: {s: {g.name: [g.score, g.max_score] for g in gradebook.find_submission_notebook(
            gradebook.find_assignment(a).notebooks[0].name, a, s).grades} for s in students} for a in assignments}))
"""


def answer(release, student):
    """The student's copy of a released notebook: each exercise cell solved, wrong (first mistake) or untouched.
    The wrong one also tags every test cell skip-execution (which nbclient would honour) to switch its checks off."""
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        if student == "wrong" and cell.metadata.get("nbgrader", {}).get("grade"):
            cell.metadata["tags"] = cell.metadata.get("tags", []) + ["skip-execution"]
        exercise_id = cell.metadata.get("bbh", {}).get("exercise")
        if exercise_id is None or student == "blank":
            continue
        solution = EXERCISES[exercise_id].solution
        if student == "wrong":
            _, old, new, _ = MISTAKES[exercise_id][0]
            solution = apply(solution, old, new)
        cell.source = solution
    return nb


def nbgrader(step, course, assignments):
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "JUPYTER_PLATFORM_DIRS")}
    env["PATH"] = f"{GRADING}{os.pathsep}{env.get('PATH', '')}"  # nbgrader runs alembic from PATH
    done = subprocess.run([GRADING / "python", "-c", NBGRADER, step, str(course), ",".join(assignments), ",".join(STUDENTS)],
                          cwd=course, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, f"nbgrader's {step} failed:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Release every assignment, hand in each student's copy, autograde and give feedback: one course folder, one
    gradebook, nbgrader in one process. {assignment: {student: {grade_id: [score, max_score]}}}, and the course folder."""
    if not (GRADING / "nbgrader").exists():
        pytest.fail("nbgrader is not installed in .venv-teach: run `make setup` (the instructors' tools' own venv)")
    course = make_assignments.build(tmp_path_factory.mktemp("course"))
    nbgrader("release", course, ASSIGNMENTS)
    for name in ASSIGNMENTS:
        release = course / "release" / name / f"{name}.ipynb"
        for student in STUDENTS:
            folder = course / "submitted" / student / name
            folder.mkdir(parents=True)
            nbformat.write(answer(release, student), folder / release.name)
    scores = json.loads(nbgrader("grade", course, ASSIGNMENTS).strip().splitlines()[-1])
    return scores, course


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
    course = graded[1]
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


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_autograde_runs_answers_and_tests_not_the_figures(graded, name):
    nb = nbformat.read(graded[1] / "autograded" / "correct" / name / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    shows = [c for c in code if make_assignments.shows_only(c.source)]
    graded_cells = [c for c in code if c.metadata.get("nbgrader", {}).get("grade") or c.metadata.get("nbgrader", {}).get("solution")]
    assert shows and all(not c.outputs for c in shows)  # a figure or an explorer always shows something when run
    assert graded_cells and all(c.execution_count is not None for c in graded_cells)


def test_a_cell_shows_only_when_it_only_calls_helpers_display_functions():
    assert make_assignments.shows_only("helpers.plot_bug_training(X, Y, keys)\nplt.show()")
    assert make_assignments.shows_only("# the explorer\nhelpers.shape_explorer()")
    for busy in ["fig = helpers.plot_costs(costs)", "helpers.plot_costs(costs)\nX = X + 1", "helpers.train(X, Y, 4)",
                 "helpers.setup()", "np.random.seed(0)\nplt.show()", "", "helpers.plot_costs(", "plot_costs(costs)"]:
        assert not make_assignments.shows_only(busy), busy
