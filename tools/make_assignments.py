"""Write an nbgrader course directory from the course: one assignment per notebook, made from solutions/.

Usage:  make assignments                  (writes grading/; DEST=... elsewhere)
        .venv-teach/bin/python tools/make_assignments.py [DEST]

Then, from DEST, nbgrader's own commands with .venv-teach/bin first on PATH (docs/teaching.md shows them; a test runs
them as written): generate_assignment, autograde, generate_feedback, export. DEST keeps the gradebook, the
submissions and the feedback: only source/, nbgrader_config.py and feedback/mathjax/ are rewritten.

What it writes, in nbgrader's metadata (schema 3):
- each exercise cell is an autograded answer (a solution cell) with the exercise's id as grade_id; its
  BEGIN/END SOLUTION block becomes nbgrader's stub in the release. The find-the-bugs exercise (04) holds its solution
  in the source (which therefore passes its own tests) and is released as its broken code (ReleaseStart);
- each check cell becomes a locked autograder test worth POINTS[id];
- nothing that answers a graded exercise: no launch badges, no speaker notes or other course metadata, no cell after
  a check that shows what its exercise derives (RESULTS: replaced by a note, WITHHELD), a cell's ``bbh.graded`` source
  in place of its own (04's gallery without the fixes), and ``helpers.graded_notebook()`` in the imports (no equation
  hint, no self-check reasoning before a right answer). A self-check question's cell is released with its blanks;
- nbgrader_config.py: autograde by the sealed grader (SealedGrade, helpers/exercises/sealed.py) instead of nbgrader's
  Execute, which would run the answers and the tests in one kernel; feedback pages with a local MathJax.
"""

import copy
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor

from exercises import RESULTS, exercises
from make_editions import BEGIN, SOURCE, stub_solutions

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "grading"  # outside build/: `make clean` keeps the gradebook, the submissions and the feedback
COURSE_ID = "backprop-by-hand"

# points per exercise: one per array or idea the check verifies, roughly the work in it
POINTS = {
    "01-sigmoid-prime": 1, "01-logistic-backward": 2, "01-propagate": 3,
    "02-forward-one-example": 2, "02-gradient-shapes": 1, "02-backward-one-example": 3, "02-backward-relu": 2,
    "02-backward-sigmoid": 2, "02-dz2-squared-error": 1, "02-backward-three-layers": 3,
    "03-forward-propagation": 2, "03-compute-cost": 1, "03-backward-propagation": 4, "03-update-parameters": 1,
    "03-predict": 1, "03-train": 2,
    "04-numerical-gradient": 2, "04-gradient-check": 2, "04-fix-the-bugs": 3,
    "05-initialize-parameters": 2,
    "06-linear-backward": 2, "06-activation-backward": 2, "06-L-model-forward": 2, "06-L-model-backward": 3,
    "07-softmax": 2, "07-softmax-cost": 1, "07-softmax-backward": 3, "07-train-deep": 3,
    "08-predicted-std": 3, "08-initialize-deep": 2, "08-layer-statistics": 3, "08-unit-shares": 2,
    "09-matmul-backward": 2, "09-sum-to": 2, "09-topological-order": 3, "09-backward-pass": 3,
}

# a graded release leaves out what shows a graded exercise's result (its derivation's outcome, after its check): the
# student derives it; the full notebook can be handed out after the deadline
WITHHELD = ("*Left out of the graded edition: what follows here shows the result of an exercise you are graded on. "
            "Your instructor shares the full notebook after the deadline.*")
# the line a graded notebook adds to its imports: hints stop before the equation, a self-check reasons once right
GRADED = "helpers.graded_notebook()  # hints stop before the equation; a self-check reasons once you are right"

CONFIG = f"""\
# nbgrader's configuration for the Backprop by Hand assignments (written by tools/make_assignments.py).
import contextlib
from pathlib import Path

from nbconvert.preprocessors import ClearMetadataPreprocessor, Preprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, ClearMarkScheme,
                                    ClearOutput, ClearSolutions, ComputeChecksums, IgnorePattern,
                                    IncludeHeaderFooter, InstantiateTests, LimitOutput, LockCells, SaveAutoGrades,
                                    SaveCells)
from traitlets import Bool, Float

COURSE = Path(__file__).resolve().parent
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "{COURSE_ID}"
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}
# feedback/<student>/<assignment>/*.html loads MathJax from feedback/mathjax/ (make assignments copies it there): the
# LaTeX renders offline, and a feedback page never makes a request to a CDN
# (nbgrader's feedback template calls MathJax's macro without the URL: a copy of it that passes the URL, made here)
c.HTMLExporter.mathjax_url = "../../mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"


def _feedback_template():
    import nbgrader

    templates = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    ours = COURSE / ".templates" / "feedback"
    ours.mkdir(parents=True, exist_ok=True)
    original = (templates / "feedback" / "index.html.j2").read_text()
    (ours / "index.html.j2").write_text(original.replace("{{{{ mathjax() }}}}", "{{{{ mathjax(resources.mathjax_url) }}}}"))
    (ours / "conf.json").write_text((templates / "feedback" / "conf.json").read_text())
    c.HTMLExporter.template_name = "feedback"
    c.HTMLExporter.extra_template_basedirs = [str(ours.parent), str(templates)]


_feedback_template()


class ReleaseStart(Preprocessor):
    \"\"\"The find-the-bugs exercise starts from its broken code (bbh.stub), not from nbgrader's empty stub.\"\"\"

    enabled = Bool(True)

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            stub = cell.metadata.pop("bbh", {{}}).get("stub")
            if stub is not None:
                cell.source = stub
        return nb, resources


class SealedGrade(Preprocessor):
    \"\"\"Autograde without running the student's code in the grader: helpers.exercises.sealed runs the answer cells
    and the code cells the student added (a cell id the source does not have) in a worker process per submission and
    fills each test cell with its check's verdict: a stream when it passes, an error (which nbgrader scores 0) when it
    does not. The course's own cells (figures, explorers, training demos) never run; nothing an answer cell does can
    reach a check (docs/teaching.md, "What a student could try").\"\"\"

    enabled = Bool(True)
    timeout = Float(3.0, help="seconds a check may take before the answer is scored 0 as not finishing").tag(config=True)

    ahead = {{}}  # (assignment, notebook) → {{student: future verdicts}}: the class graded side by side (grade_many)

    def preprocess(self, nb, resources):
        import nbformat
        from helpers.exercises.sealed import grade, plan, wrap

        info = resources["nbgrader"]
        source = COURSE / "source" / info["assignment"] / f"{{info['notebook']}}.ipynb"
        course = nbformat.read(source, as_version=4) if source.exists() else None
        cells, tests = plan(nb, course)
        done = self._ahead(info, course).pop(info["student"], None)
        if done is not None and done.plan == (cells, tests):
            verdicts = done.result()
        else:  # the first one, or one that differs from what was read ahead: graded here, as nbgrader holds it
            verdicts = grade(cells, tests, self.timeout)
        test_cells = [cell for cell in nb.cells if cell.cell_type == "code"
                      and cell.metadata.get("nbgrader", {{}}).get("grade") and not cell.metadata["nbgrader"].get("solution")]
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        for count, (cell, (_, passed, text)) in enumerate(zip(test_cells, verdicts), 1):
            lines = wrap(text).splitlines() or ["✗ no verdict"]
            cell.execution_count = count
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="\\n".join(lines) + "\\n") if passed else
                            nbformat.v4.new_output("error", ename="CheckFailed", evalue=lines[-1], traceback=lines)]
        return nb, resources

    def _ahead(self, info, course):
        \"\"\"On the first submission of a notebook: every submission nbgrader is about to grade (the students the command
        names), read and handed to one grading process per core, so the class is graded while nbgrader records it.\"\"\"
        import fnmatch
        import nbformat
        from helpers.exercises.sealed import grade_many, plan

        key = (info["assignment"], info["notebook"])
        if key not in self.ahead:
            pattern = self.config.CourseDirectory.get("student_id", "*") or "*"
            jobs = {{}}
            for path in sorted(COURSE.glob(f"submitted/*/{{key[0]}}/{{key[1]}}.ipynb")):
                student = path.parent.parent.name
                if student != info["student"] and fnmatch.fnmatch(student, pattern):
                    with contextlib.suppress(Exception):  # an unreadable one is graded when nbgrader reaches it
                        jobs[student] = plan(nbformat.read(path, as_version=4), course)
            futures = grade_many(jobs, timeout=self.timeout) if len(jobs) > 1 else {{}}
            for student, future in futures.items():
                future.plan = jobs[student]
            self.ahead[key] = futures
        return self.ahead[key]


# nbgrader 0.9.6's lists (requirements-teach.txt pins it): ReleaseStart after ClearSolutions; SealedGrade in the
# place of Execute, which would run the submission and its tests in one kernel
c.GenerateAssignment.preprocessors = [IncludeHeaderFooter, InstantiateTests, LockCells, ClearSolutions, ReleaseStart,
                                      ClearOutput, CheckCellMetadata, ComputeChecksums, SaveCells, ClearHiddenTests,
                                      ClearMarkScheme, ComputeChecksums, CheckCellMetadata]
c.Autograde.autograde_preprocessors = [SealedGrade, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
"""

TEST = """\
# Autograded ({points} point{s}): the check fails this cell, with its diagnosis, unless the answer is right.
with helpers.grading():
    {check}
"""


def nbgrader(cell, **fields):
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False, "locked": False, **fields}


def assignment(path):
    """The nbgrader source notebook made of the full-edition notebook at ``path``: no launch badges, no speaker notes or
    other course metadata, no cell after a check that shows the result its exercise derives (`RESULTS`), and a cell
    with ``bbh.graded`` as that source (what it runs in a graded notebook: 04's gallery without the fixes)."""
    nb = nbformat.read(path, as_version=4)
    ids = {e.id: e for e in exercises() if e.notebook == path}
    cells, shown = [], set()
    for cell in nb.cells:
        bbh = cell.metadata.pop("bbh", {})
        if bbh.get("launch") == "badges":
            continue
        cell = copy.deepcopy(cell)
        if "graded" in bbh:  # the cell as a graded notebook runs it (04's gallery: without the fixes)
            cell.source = bbh["graded"]
        if "exercise" in bbh:
            exercise = ids[bbh["exercise"]]
            nbgrader(cell, solution=True, grade_id=exercise.id)
            if exercise.stub:  # released as its broken code (ReleaseStart), graded by its test
                cell.metadata["bbh"] = {"stub": exercise.start}
        elif "check" in bbh:
            points = POINTS[bbh["check"]]
            cell.source = TEST.format(points=points, s="" if points == 1 else "s", check=cell.source.strip()).rstrip()
            nbgrader(cell, grade=True, locked=True, points=points, grade_id=f"{bbh['check']}-test")
            shown.update(RESULTS.get(bbh["check"], ()))
        elif "selfcheck" in bbh or "guess" in bbh:  # a self-check question or a guess: ungraded, released with its `...`
            cell.source = stub_solutions(cell.source, bbh["stub"])
        elif cell.cell_type == "code" and BEGIN in cell.source:
            raise ValueError(f"{path.name}: a solution block outside an exercise cell")
        elif any(result in "".join(cell.source.split()) for result in shown):
            if not (cells and cells[-1].source == WITHHELD):
                cells.append(nbformat.v4.new_markdown_cell(WITHHELD, metadata={"slideshow": {"slide_type": "slide"}}))
            continue
        cells.append(cell)
    imports = next(c for c in cells if c.cell_type == "code" and "import helpers" in c.source)
    imports.source = imports.source.rstrip() + "\n" + GRADED
    nb.cells = cells
    nb, _ = ClearOutputPreprocessor().preprocess(nb, {})
    return nb


def build(dest=DEFAULT):
    """Write DEST/nbgrader_config.py and DEST/source/<notebook>/<notebook>.ipynb for each notebook; return DEST."""
    dest = Path(dest)
    source = dest / "source"
    if source.exists():
        shutil.rmtree(source)
    for path in sorted(SOURCE.glob("*.ipynb")):
        folder = source / path.stem
        folder.mkdir(parents=True)
        nbformat.write(assignment(path), folder / path.name)
    (dest / "nbgrader_config.py").write_text(CONFIG)
    copy_mathjax(dest / "feedback" / "mathjax")
    return dest


def copy_mathjax(target):
    """The parts of MathJax the feedback pages load (npm's copy, `make setup`); without npm the math shows as LaTeX."""
    from make_slides import MODULES, VENDOR

    if not (MODULES / "mathjax").exists():
        print("MathJax is not installed (npm, `make setup`): feedback pages will show their math as LaTeX source")
        return
    for part in VENDOR["mathjax"]:
        source, to = MODULES / "mathjax" / part, target / part
        to.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, to, dirs_exist_ok=True)
        else:
            shutil.copy2(source, to)


if __name__ == "__main__":
    dest = build(*sys.argv[1:2])
    names = sorted(p.name for p in (dest / "source").iterdir())
    print(f"wrote the nbgrader course {dest} with {len(names)} assignments: {', '.join(names)}")
    print(f"next: cd {dest} && nbgrader generate_assignment <assignment>   (nbgrader: .venv-teach/bin/)")
