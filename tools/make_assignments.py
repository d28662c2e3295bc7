"""Write an nbgrader course directory from the course: one assignment per notebook, made from solutions/.

Usage:  make assignments                  (writes build/nbgrader; DEST=... elsewhere)
        .venv-teach/bin/python tools/make_assignments.py [DEST]

Then, from DEST, nbgrader's own commands (nbgrader is installed in .venv-teach by `make setup`, never in the
students' environment):

    nbgrader generate_assignment 01_logistic_regression_graph     # release/: what students get
    nbgrader autograde 01_logistic_regression_graph               # submitted/<student>/... → autograded/
    nbgrader generate_feedback 01_logistic_regression_graph       # feedback/<student>/...html

What it writes, in nbgrader's metadata (schema 3):
- each exercise cell is an autograded answer (a solution cell) with the exercise's id as grade_id; its
  BEGIN/END SOLUTION block becomes nbgrader's stub in the release. The find-the-bugs exercise (04) starts from
  broken code instead, so its cell holds that code, unlocked, and is graded by its test alone;
- each check cell becomes a locked autograder test worth POINTS[id], its check run in grading mode:

      with helpers.grading():
          helpers.check_propagate(my_propagate)

  a failed check raises with its verdict, so the cell errors, scores 0 and its feedback carries the diagnosis;
  a passing check scores every point. An answer that calls the course's reference instead of computing fails;
- the launch badges are left out (they open the public notebooks); a self-check question's cell is released with
  its blanks (`...`) and graded by nobody; every other cell stays as it is;
- autograde runs the answer and test cells and what they need, not the cells that only show a figure or an explorer
  (nbgrader_config.py's GradeWhatCounts): grading a class takes a third less time.
"""
import ast
import copy
import inspect
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor

from exercises import exercises
from make_editions import BEGIN, SOURCE, stub_solutions

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "build" / "nbgrader"
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
}

# helpers' functions that only show something (a figure, an explorer, a table) and change nothing: never mutating an
# argument is a rule of every helpers function, so a cell made only of calls to them cannot change what is graded
SHOWS = ("plot_", "draw_", "print_shape_table", "show_bug", "training_playground")


def shows_only(source):
    """Whether a code cell is only calls of helpers' display functions (and plt.show()), each result discarded."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    calls = [s.value.func for s in body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call)]
    return bool(body) and len(calls) == len(body) and all(
        isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name)
        and ((f.value.id == "helpers" and (f.attr.startswith(SHOWS) or f.attr.endswith("_explorer")))
             or (f.value.id == "plt" and f.attr == "show")) for f in calls)


CONFIG = f"""\
# nbgrader's configuration for the Backprop by Hand assignments (written by tools/make_assignments.py).
import ast

from nbconvert.preprocessors import ClearMetadataPreprocessor, Preprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, Execute, IgnorePattern, LimitOutput,
                                    SaveAutoGrades)
from traitlets import Bool

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "{COURSE_ID}"
# a check takes well under a second; training in 03 and the gradient checks of 04 take a few seconds
c.ExecutePreprocessor.timeout = 300
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}

{{SHOWS_ONLY}}

class GradeWhatCounts(Preprocessor):
    \"\"\"Autograde runs the answer and test cells and what they need, not the figures and explorers between them
    (a cell that only shows something is tagged skip-execution, which nbgrader's Execute honours). A submission's own
    skip-execution tags are removed first: a student cannot switch off a test cell with one.\"\"\"

    enabled = Bool(True)  # nbconvert's preprocessors are off unless enabled

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            tags = [t for t in cell.metadata.get("tags", []) if t != "skip-execution"]
            graded = cell.metadata.get("nbgrader", {{}}).get("grade", False)
            if cell.cell_type == "code" and not graded and shows_only(cell.source):
                tags.append("skip-execution")
            if tags or "tags" in cell.metadata:
                cell.metadata["tags"] = tags
        return nb, resources


# nbgrader 0.9.6's list (requirements-teach.txt pins it), with GradeWhatCounts before Execute
c.Autograde.autograde_preprocessors = [GradeWhatCounts, Execute, IgnorePattern, ClearMetadataPreprocessor,
                                       LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
""".replace("{SHOWS_ONLY}", f"SHOWS = {SHOWS!r}\n\n\n" + inspect.getsource(shows_only).rstrip() + "\n")

TEST = """\
# Autograded ({points} point{s}): the check fails this cell, with its diagnosis, unless the answer is right.
with helpers.grading():
    {check}
"""


def nbgrader(cell, **fields):
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False, "locked": False, **fields}


def assignment(path):
    """The nbgrader source notebook made of the full-edition notebook at ``path``."""
    nb = nbformat.read(path, as_version=4)
    ids = {e.id: e for e in exercises() if e.notebook == path}
    cells = []
    for cell in nb.cells:
        bbh = cell.metadata.get("bbh", {})
        if bbh.get("launch") == "badges":
            continue
        cell = copy.deepcopy(cell)
        if "exercise" in bbh:
            exercise = ids[bbh["exercise"]]
            if exercise.stub:  # starts from broken code: nbgrader would replace a marked block with its stub
                cell.source = exercise.start
                nbgrader(cell, grade_id=exercise.id)
            else:
                nbgrader(cell, solution=True, grade_id=exercise.id)
        elif "check" in bbh:
            points = POINTS[bbh["check"]]
            cell.source = TEST.format(points=points, s="" if points == 1 else "s", check=cell.source.strip()).rstrip()
            nbgrader(cell, grade=True, locked=True, points=points, grade_id=f"{bbh['check']}-test")
        elif "selfcheck" in bbh:  # a self-check question: ungraded, released with its blanks (`...`) to fill
            cell.source = stub_solutions(cell.source, bbh["stub"])
        elif cell.cell_type == "code" and BEGIN in cell.source:
            raise ValueError(f"{path.name}: a solution block outside an exercise cell")
        cells.append(cell)
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
    return dest


if __name__ == "__main__":
    dest = build(*sys.argv[1:2])
    names = sorted(p.name for p in (dest / "source").iterdir())
    print(f"wrote the nbgrader course {dest} with {len(names)} assignments: {', '.join(names)}")
    print(f"next: cd {dest} && nbgrader generate_assignment <assignment>   (nbgrader: .venv-teach/bin/)")
