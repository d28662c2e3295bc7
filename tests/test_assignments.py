"""The nbgrader round trip, with nbgrader itself (.venv-teach, installed by `make setup`, not the students' env).

`make assignments` writes the course as nbgrader source; nbgrader's generate_assignment releases it; three students
hand in each assignment: "correct" (every exercise solved), "wrong" (every exercise with its first mistake of
tools/mistakes.py), "blank" (the release as handed out) and three who cheat (`CHEATS`): nbgrader's autograde scores
them with the sealed grader and generate_feedback writes their feedback. Correct gets every point, everyone else 0
for every exercise; the wrong one's feedback carries each check's diagnosis.
"""
import ast
import html
import inspect
import json
import os
import re
import time
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_assignments  # noqa: E402
from exercises import RESULTS, exercises  # noqa: E402
from mistakes import MISTAKES, apply  # noqa: E402

GRADING = ROOT / ".venv-teach" / "bin"
REFUSED = "which computes what this exercise asks you to compute"
EXERCISES = {e.id: e for e in exercises()}
ASSIGNMENTS = sorted(p.stem for p in (ROOT / "solutions").glob("*.ipynb"))
# students who cheat, each with the wrong answers (or none of their own): switching the checks off from an answer cell,
# patching helpers' modules, and answering by calling the reference
CHEATS = {
    "switch-off": "import contextlib\nhelpers.grading = contextlib.nullcontext\n"
                  "helpers.{check} = lambda fn: True\nhelpers.exercises.report.report = lambda title, run: True\n",
    "patch": "h = helpers\nfor name in dir(h):\n    if name.startswith('check_'):\n        setattr(h, name, lambda fn: True)\n",
}
STUDENTS = ("correct", "wrong", "blank", *CHEATS, "reference")
# exercises whose solution calls the student's function of an earlier exercise (wrong too in the "wrong" submission)
CALLS = {"03-predict": "my_forward_propagation", "03-train": "my_forward_propagation",
         "04-gradient-check": "my_numerical_gradient", "07-train-deep": "my_softmax_cost"}

# nbgrader's own commands, through its Python API in one process (its start costs 3 s, once, not once per command):
# "release" generates every assignment; "grade" autogrades every student's submission, writes their feedback and
# prints the grades {assignment: {student: {grade_id: [score, max_score, needs_manual_grade]}}}
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
    if step == "validate":
        from nbgrader.validator import Validator
        Validator(config=config).validate_and_print(f"{course}/source/{assignment}/{assignment}.ipynb")
        continue
    if step == "release":
        done(api.generate_assignment(assignment, force=True), f"generate_assignment {assignment}")
        continue
    for student in students:
        done(api.autograde(assignment, student, force=True), f"autograde {assignment} {student}")
    done(api.generate_feedback(assignment, force=True), f"generate_feedback {assignment}")
if step == "grade":
    with Gradebook(f"sqlite:///{course}/gradebook.db") as gradebook:
        print(json.dumps({a: {s: {g.name: [g.score, g.max_score, g.needs_manual_grade]
                                  for g in gradebook.find_submission_notebook(
            gradebook.find_assignment(a).notebooks[0].name, a, s).grades} for s in students} for a in assignments}))
"""


def reference_call(exercise):
    """An answer that hands its arguments to the helpers function of the same name (the reference)."""
    name = EXERCISES[exercise].check.split("(")[1].rstrip(")")
    reference = name.removeprefix("my_").removeprefix("fixed_")
    return f"def {name}(*args, **kwargs):\n    return helpers.{reference}(*args, **kwargs)\n"


def answer(release, student):
    """The student's copy of a released notebook: each exercise cell solved, wrong (first mistake), untouched, wrong and
    cheating (`CHEATS`), or a call of the reference. The wrong one also tags every test cell skip-execution (which
    nbclient would honour) to switch its checks off."""
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if student in ("wrong", *CHEATS) and meta.get("grade"):
            cell.metadata["tags"] = cell.metadata.get("tags", []) + ["skip-execution"]
        exercise_id = meta.get("grade_id") if meta.get("solution") else None
        if exercise_id is None or student == "blank":
            continue
        solution = EXERCISES[exercise_id].solution
        if student == "reference":
            solution = reference_call(exercise_id)
        elif student != "correct":
            _, old, new, _ = MISTAKES[exercise_id][0]
            solution = apply(solution, old, new)
        if student in CHEATS:
            check = EXERCISES[exercise_id].check.split("(")[0].removeprefix("helpers.")
            solution = CHEATS[student].format(check=check) + solution
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
    gradebook, nbgrader in one process. {assignment: {student: {grade_id: [score, max_score, needs_manual_grade]}}}, and
    the course folder."""
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


def test_no_submission_needs_a_manual_grade(graded):
    """teaching.md tells TAs that after autograde no cell needs a manual grade (formgrader's flag), whatever the
    submission: right, wrong, blank, cheating or calling the reference."""
    flagged = [(name, student, grade_id) for name, students in graded[0].items() for student, grades in students.items()
               for grade_id, (_, _, manual) in grades.items() if manual]
    assert flagged == [] and len(graded[0]) == len(ASSIGNMENTS)


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
    assert feedback["wrong"].count("✗ ") >= count and "Traceback" not in feedback["wrong"]
    assert feedback["correct"].count("all checks passed.") == count and "✗" not in feedback["correct"]
    assert feedback["switch-off"].count("✗ tampering: cell") == count
    assert feedback["reference"].count(REFUSED) + feedback["reference"].count("has no attribute") >= count


def test_feedback_lines_are_wrapped_and_its_math_needs_no_network(graded):
    course, outputs = graded[1], 0
    for page in (course / "feedback").rglob("*.html"):
        text = page.read_text()
        outputs += text.count("output_subarea")
        for block in re.findall(r'<div class="output_subarea output_\w+ output_\w+">\s*<pre>(.*?)</pre>', text, flags=re.S):
            widest = max(len(html.unescape(re.sub(r"<[^>]+>", "", line))) for line in block.splitlines() or [""])
            assert widest <= 104, (page, widest)
        assert not re.search(r"<script[^>]+src=[\"']https?:", text) and "cdnjs" not in text, page
        assert 'src="../../mathjax/MathJax.js' in text
    assert outputs >= len(STUDENTS) * len(EXERCISES)
    assert (course / "feedback" / "mathjax" / "MathJax.js").exists() or not (ROOT / "tools/slides/node_modules").exists()


def text_of(page):
    """The text of an HTML page, tags removed, entities decoded and runs of white space (wrapped lines) made one space:
    the feedback as a student reads it."""
    body = re.sub(r"<(style|script)\b.*?</\1>", "", page.read_text(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split())


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_autograde_runs_no_course_cell_and_fills_every_test(graded, name):
    nb = nbformat.read(graded[1] / "autograded" / "correct" / name / f"{name}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            graded_cell = cell.metadata.get("nbgrader", {}).get("grade")
            assert bool(cell.outputs) == bool(graded_cell), cell.source[:80]


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_a_release_shows_no_answer(graded, name):
    """No line of a solution (nor its right-hand side), no derivation's result (`RESULTS`) and no speaker note is in
    the release after the exercise it answers (what stands above an exercise is its setting, and the find-the-bugs
    exercise's own code is its start), nor anywhere in what a released cell shows when it runs."""
    release = nbformat.read(graded[1] / "release" / name / f"{name}.ipynb", as_version=4)
    full = {c.get("id"): c for c in nbformat.read(ROOT / "solutions" / f"{name}.ipynb", as_version=4).cells}
    cells = release.cells
    # what running a released cell shows: the full edition's stored output of the same cell, when its source is the same
    runs = [squeeze(json.dumps(full[c.get("id")].get("outputs", []), ensure_ascii=False).replace("\\n", "\n"))
            for c in cells if c.get("id") in full and full[c.get("id")].source == c.source]
    assert len(runs) >= 10  # most cells are released as they are
    for exercise in (e for e in EXERCISES.values() if e.notebook.stem == name):
        at = next(i for i, c in enumerate(cells) if c.metadata.get("nbgrader", {}).get("grade_id") == exercise.id)
        assert squeeze(cells[at].source) == squeeze(exercise.start if exercise.stub else cells[at].source)
        shown = [squeeze(json.dumps(c, ensure_ascii=False).replace("\\n", "\n")) for c in cells[at + 1:]]
        for answer_ in answer_lines(exercise) | set(RESULTS.get(exercise.id, ())):
            assert not any(answer_ in text for text in shown), (exercise.id, answer_)
            assert not any(answer_ in text for text in runs), (exercise.id, answer_, "in what a cell shows when run")
    assert not any("notes" in c.metadata.get("bbh", {}) or "bbh" in c.metadata for c in cells)


def squeeze(text):
    return "".join(text.split())


def answer_lines(exercise):
    """The lines of an exercise's solution that its start does not have, and their right-hand sides, spaces removed
    (a call of the student's own function or of an activation is a step, not an answer)."""
    given = {squeeze(line.split("#")[0]) for line in exercise.start.splitlines()}  # a given line, its comment aside
    found = set()
    for line in exercise.solution.splitlines():
        code = line.split("#")[0].strip()
        if not code or code.startswith(("def ", "return", '"""')) or squeeze(code) in given:
            continue
        parts = [code] + ([code.split("=", 1)[1]] if re.match(r"^[\w\[\]\"', ]+=[^=]", code) else [])
        for part in parts:
            if len(squeeze(part)) >= 8 and not re.fullmatch(r"(helpers\.(sigmoid|tanh|relu)|my_\w+)\(.*\)", part.strip()):
                found.add(squeeze(part))
    return found


def test_every_source_passes_its_own_tests(graded):
    """`nbgrader validate` on each source notebook: run top to bottom in a kernel, every test cell passes."""
    out = nbgrader("validate", graded[1], ASSIGNMENTS)
    assert out.count("Success! Your notebook passes all the tests.") == len(ASSIGNMENTS), out[-3000:]


def test_cheats_that_get_past_the_reading_still_score_nothing(monkeypatch):
    """The grader's second line: with `tampering` switched off, the worker holds: patched helpers are the worker's
    stand-in, the real package cannot be imported there, and a reference call is refused by the grader."""
    from helpers.exercises import sealed

    monkeypatch.setattr(sealed, "tampering", lambda cells: [])
    exercise = EXERCISES["01-propagate"]
    wrong = apply(exercise.solution, *MISTAKES[exercise.id][0][1:3])
    attempts = [CHEATS["switch-off"].format(check="check_propagate") + wrong, CHEATS["patch"] + wrong,
                "import sys\nsys.modules.pop('helpers')\nimport helpers\n" + reference_call(exercise.id),
                "network = __import__('helpers.math.logistic')\n" + reference_call(exercise.id),
                reference_call(exercise.id)]
    for attempt in attempts:
        (_, passed, text), = sealed.grade([(exercise.id, attempt)], [(exercise.id, exercise.check)])
        assert not passed and "✗ propagate" in text, (attempt, text)
    (_, passed, text), = sealed.grade([(exercise.id, exercise.solution)], [(exercise.id, exercise.check)])
    assert passed, text


def test_an_answer_that_never_finishes_is_stopped_and_told_so():
    from helpers.exercises import sealed

    exercise = EXERCISES["01-sigmoid-prime"]
    start = time.monotonic()
    results = sealed.grade([(exercise.id, "def my_sigmoid_prime(z):\n    while True:\n        pass\n"),
                            ("01-propagate", EXERCISES["01-propagate"].solution)],
                           [(exercise.id, exercise.check), ("01-propagate", EXERCISES["01-propagate"].check)], timeout=1)
    assert time.monotonic() - start < 8
    assert not results[0][1] and "did not finish in 1 s" in results[0][2]
    assert results[1][1], results[1][2]  # a fresh worker for the next check


def test_no_honest_answer_is_called_tampering():
    """Every solution, every usual mistake and every answer the checker tests use (tests/answers.py) reads clean: a false
    "tampering" would cost an honest student the whole notebook."""
    import answers
    from helpers.exercises.tampering import tampering

    sources = [e.solution for e in EXERCISES.values()] + [e.start for e in EXERCISES.values()]
    sources += [apply(EXERCISES[i].solution, old, new) for i, found in MISTAKES.items() for _, old, new, _ in found]
    module = inspect.getsource(answers)
    sources += [ast.get_source_segment(module, f) for f in ast.parse(module).body if isinstance(f, ast.FunctionDef)
                and "sys.exit" not in ast.get_source_segment(module, f)]  # exiting is tampering, and says so
    assert len(sources) > 140
    flagged = [(source[:60], found) for source in sources for found in [tampering([("cell", source)])] if found]
    assert not flagged
    assert tampering([("cell", "h = helpers\nh.grading = None")]) == []  # an alias: the worker's isolation holds (test above)
    for cheat in ("helpers.check_propagate = print", "import sys", "np.sum = sum", "x = vars(helpers)", "import helpers.math",
                  "f.__globals__", "getattr(helpers, name)", "exec('1')", "helpers = None", "import helpers.exercises", "np.lib.npyio.os.remove('x')"):
        assert tampering([("cell", cheat)]), cheat


def test_make_clean_keeps_the_gradebook():
    """`make clean` removes the environments and build/, never the grading folder `make assignments` writes by default
    (the gradebook, the submissions and the feedback live there)."""
    clean = subprocess.run(["make", "-n", "clean"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    dest = subprocess.run(["make", "-n", "-p", "assignments"], cwd=ROOT, capture_output=True, text=True).stdout
    default = re.search(r"^DEST :?= (\S+)", dest, re.M).group(1)
    removed = [word.rstrip("/") for line in clean.splitlines() if line.startswith("rm ") for word in line.split()[2:]]
    assert removed and default == "grading" and make_assignments.DEFAULT == ROOT / default
    assert not any(default == r or default.startswith(r + "/") for r in removed), removed


def test_the_students_copy_holds_the_exercise_edition_and_no_answers(tmp_path):
    import make_student

    dest = make_student.build(tmp_path / "student")
    names = {p.name for p in dest.iterdir()}
    assert {"notebooks", "helpers", "requirements.txt", "pyproject.toml", "binder", "README.md", "LICENSE"} <= names
    assert not names & {"solutions", "docs", "tests", "tools", "benchmarks", "Makefile", "grading", "build"}
    shipped = sorted(p.name for p in (dest / "notebooks").glob("*.ipynb"))
    assert shipped == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")) and shipped
    for name in shipped:
        assert (dest / "notebooks" / name).read_bytes() == (ROOT / "notebooks" / name).read_bytes()
    every_file = [p for p in dest.rglob("*") if p.is_file()]
    assert not any("BEGIN SOLUTION" in p.read_text(errors="ignore") for p in every_file)
    assert not any(p.name in ("answer-key.md", "mistakes.py") for p in every_file)
    for link in re.findall(r"\]\(([^)#]+)\)", (dest / "README.md").read_text()):
        assert link.startswith("http") or (dest / link).exists(), link


def test_the_hub_image_pins_nbgitpuller_on_the_students_runtime():
    lines = [l for l in (ROOT / "requirements-hub.txt").read_text().splitlines() if l and not l.startswith("#")]
    assert lines[0] == "-r requirements.txt" and re.fullmatch(r"nbgitpuller==\d+\.\d+\.\d+", lines[1]) and len(lines) == 2
    teaching = (ROOT / "docs" / "teaching.md").read_text()
    assert "pip install -r requirements-hub.txt" in teaching and "make student" in teaching


def test_the_hub_requirements_resolve_on_top_of_the_students_runtime():
    """nbgitpuller at the hub's pin is installed beside nbgrader (`make setup`, .venv-teach), and what it requires is
    satisfied by the runtime's pins (requirements.txt): the hub image installs it without moving any of them."""
    from packaging.requirements import Requirement

    pin = re.search(r"nbgitpuller==(\S+)", (ROOT / "requirements-hub.txt").read_text()).group(1)
    assert f"nbgitpuller=={pin}" in (ROOT / "requirements-teach.txt").read_text()
    done = subprocess.run([GRADING / "python", "-c", "import json, importlib.metadata as m, nbgitpuller; "
                           "print(json.dumps([m.version('nbgitpuller'), m.requires('nbgitpuller')]))"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    version, requires = json.loads(done.stdout)
    assert version == pin
    runtime = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements.txt").read_text(), flags=re.M))
    runtime = {k.lower().replace("_", "-"): v for k, v in runtime.items()}
    for text in requires:
        requirement = Requirement(text)
        assert requirement.specifier.contains(runtime[requirement.name.lower().replace("_", "-")]), text


def test_teaching_md_grading_commands_run_as_written(tmp_path):
    """The bash block of teaching.md's "Assigning and grading with nbgrader", run line by line in a copy of the course
    (its folders linked), one student's submission put where its comment says: every command works as written."""
    teaching = (ROOT / "docs" / "teaching.md").read_text()
    section = teaching[teaching.index("## Assigning and grading with nbgrader"):]
    block = re.search(r"```bash\n(.*?)```", section, flags=re.S).group(1)
    for entry in ROOT.iterdir():
        if entry.name not in ("grading", "build", ".git"):
            (tmp_path / entry.name).symlink_to(entry)
    assignment = re.search(r"nbgrader generate_assignment (\w+)", block).group(1)
    script = ["set -e"]
    for line in block.splitlines():
        script.append(line)
        if line.startswith("# ...") and "submitted/" in line:  # the instructor collects the notebooks: one student
            script.append(f"mkdir -p submitted/alice/{assignment} && cp release/{assignment}/{assignment}.ipynb "
                          f"submitted/alice/{assignment}/")
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "JUPYTER_PLATFORM_DIRS")}
    done = subprocess.run(["bash", "-c", "\n".join(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    grading = tmp_path / "grading"
    assert (grading / "feedback" / "alice" / assignment / f"{assignment}.html").exists()
    grades = (grading / "grades.csv").read_text()
    assert "alice" in grades and assignment in grades


def test_a_graded_gallery_shows_each_bug_without_its_fix(capsys):
    import helpers

    for key, bug in helpers.BUGS.items():
        helpers.show_bug(key, fix=False)
        shown = capsys.readouterr().out
        assert bug.wrong in shown and "right:" not in shown and bug.right not in shown, key
    helpers.show_bug("g_prime_at_A1")
    assert helpers.BUGS["g_prime_at_A1"].right in capsys.readouterr().out


def test_a_graded_notebook_keeps_the_equation_and_the_reasoning_back(capsys, monkeypatch):
    """In a graded release (its imports call helpers.graded_notebook()), the third hint, the equation, is not given,
    and a self-check shows its reasoning only once the answer is right: never after three wrong tries."""
    import helpers
    from helpers.exercises import hints, questions

    monkeypatch.setattr(hints, "_given", {})
    monkeypatch.setattr(hints, "_graded", [])
    monkeypatch.setattr(questions, "_tries", {})
    helpers.graded_notebook()
    for _ in range(3):
        helpers.hint("sigmoid_prime")
    shown = capsys.readouterr().out
    assert "Hint 2 of 2" in shown and hints.HINTS["sigmoid_prime"][-1] not in shown and "the equation, is not given" in shown
    reasoning = questions.QUESTIONS["sigma_prime_peak"].reasoning
    for _ in range(4):
        helpers.answer("sigma_prime_peak", *[-7.0] * len(questions.QUESTIONS["sigma_prime_peak"].fields))
    assert reasoning not in capsys.readouterr().out
    release = make_assignments.assignment(ROOT / "solutions" / "01_logistic_regression_graph.ipynb")
    assert sum(make_assignments.GRADED in c.source for c in release.cells) == 1


def test_the_sealed_grader_says_what_the_notebook_says():
    """Every usual mistake of tools/mistakes.py and every solution, checked in a kernel (the student's function in the
    checker's process) and by the sealed grader (the function in a worker): the same verdict, word for word."""
    from exercises import verdict_of
    from helpers.exercises import sealed

    compared = 0
    for index, exercise in enumerate(EXERCISES.values()):
        before = [e for e in list(EXERCISES.values())[:index] if e.notebook == exercise.notebook]
        answers_ = [exercise.solution] + [apply(exercise.solution, old, new) for _, old, new, _ in MISTAKES[exercise.id]]
        for source in answers_:
            kernel = verdict_of(exercise, source, before)
            cells = [(e.id, e.solution) for e in before] + [(exercise.id, source)]
            (_, passed, text), = sealed.grade(cells, [(exercise.id, exercise.check)])
            assert text.strip() == kernel.strip().replace("of 3.", "of 2."), (exercise.id, text, kernel)
            assert passed == (source == exercise.solution)
            compared += 1
    assert compared == len(EXERCISES) + sum(len(found) for found in MISTAKES.values())


def test_a_cell_that_stops_early_is_named_in_the_verdict():
    from helpers.exercises import sealed

    exercise = EXERCISES["01-sigmoid-prime"]
    (_, passed, text), = sealed.grade([(exercise.id, "scale = 1 / 0\n" + exercise.solution)],
                                      [(exercise.id, exercise.check)])
    assert not passed and "not defined" in text and "Your cell 01-sigmoid-prime stopped with ZeroDivisionError" in text
