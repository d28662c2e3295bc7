"""Write the exercise edition of the course, notebooks/, from the full edition, solutions/.

Usage:  .venv/bin/python tools/make_editions.py [OUTPUT_DIR]      (default: notebooks/)
        then .venv/bin/python tools/run_notebooks.py, which stores the outputs of both editions (`make editions`
        does both).

solutions/ is the source: every notebook with its exercises solved, for instructors and for self-study. The
exercise edition, what `make lab`, the README's links and the launch badges open, is generated from it and never
edited by hand. The answers of the speaker notes (``bbh.notes.answer``) stay in solutions/. In each code cell every
solution block, from a line `### BEGIN SOLUTION` to a line `### END SOLUTION` (the nbgrader convention), becomes at
the block's indentation either

    # YOUR CODE HERE
    raise NotImplementedError()

or, when the cell's metadata holds `bbh.stub` (the find-the-bugs exercise), those lines: the broken code the
student starts from. Outputs are cleared here; the checkers report a stub as "not implemented yet" and later cells
fall back on the reference, so the edition runs top to bottom without an error. tests/test_editions.py fails when
notebooks/ is not what this tool makes of solutions/.
"""
import copy
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor

import launch

ROOT = Path(__file__).resolve().parent.parent
SOURCE, EXERCISES = ROOT / "solutions", ROOT / "notebooks"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
STUB = ["# YOUR CODE HERE", "raise NotImplementedError()"]


def stub_solutions(source, stub=None):
    """The cell's source with each solution block replaced by a stub; raises ValueError on an unclosed block."""
    out, inside = [], False
    for line in source.splitlines():
        marker = line.strip()
        if marker == BEGIN:
            if inside:
                raise ValueError(f"a {BEGIN} line inside a solution block")
            indent = line[: len(line) - len(line.lstrip())]
            out += [f"{indent}{s}" if s else "" for s in (stub.splitlines() if stub else STUB)]
            inside = True
        elif marker == END:
            if not inside:
                raise ValueError(f"a {END} line without a {BEGIN} line")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ValueError(f"a {BEGIN} line has no {END} line")
    return "\n".join(out)


def exercise_edition(nb, name):
    """A copy of the full-edition notebook ``name`` with every solution stubbed, every output cleared, and launch
    badges that open the exercise edition."""
    nb = launch.apply(copy.deepcopy(nb), f"{EXERCISES.name}/{name}")
    for cell in nb.cells:
        if cell.cell_type == "code" and BEGIN in cell.source:
            bbh = cell.metadata.get("bbh", {})
            cell.source = stub_solutions(cell.source, bbh.get("stub"))
            bbh.pop("stub", None)
    nb, _ = ClearOutputPreprocessor().preprocess(nb, {})
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.get("bbh", {}).get("notes", {}).pop("answer", None)  # the presenter's, in solutions/ only
    return nb


def build(output_dir=EXERCISES, notebooks=None):
    """Write the exercise edition of each notebook of solutions/ into ``output_dir``; return their paths."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks or sorted(SOURCE.glob("*.ipynb")):
        target = output_dir / path.name
        nbformat.write(exercise_edition(nbformat.read(path, as_version=4), path.name), target)
        written.append(target)
    return written


if __name__ == "__main__":
    for target in build(*sys.argv[1:2]):
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
