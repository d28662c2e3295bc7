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
- the launch badges are left out (they open the public notebooks); every other cell stays as it is.
"""
import copy
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor

from exercises import exercises
from make_editions import BEGIN, SOURCE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "build" / "nbgrader"
COURSE_ID = "backprop-by-hand"

# points per exercise: one per array or idea the check verifies, roughly the work in it
POINTS = {
    "01-sigmoid-prime": 1, "01-logistic-backward": 2, "01-propagate": 3,
    "02-forward-one-example": 2, "02-backward-one-example": 3, "02-backward-relu": 2, "02-dz2-squared-error": 1,
    "03-forward-propagation": 2, "03-compute-cost": 1, "03-backward-propagation": 4, "03-update-parameters": 1,
    "03-predict": 1, "03-train": 2,
    "04-numerical-gradient": 2, "04-gradient-check": 2, "04-fix-the-bugs": 3,
    "05-initialize-parameters": 2,
}

CONFIG = f"""\
# nbgrader's configuration for the Backprop by Hand assignments (written by tools/make_assignments.py).
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "{COURSE_ID}"
# a check takes well under a second; training in 03 and the gradient checks of 04 take a few seconds
c.ExecutePreprocessor.timeout = 300
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}
"""

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
