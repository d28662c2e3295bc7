"""Write the student edition of the course: build/student/<notebook>.ipynb for every notebook.

Usage:  .venv/bin/python tools/make_student.py [OUTPUT_DIR]      (default: build/student)

In each notebook, every solution block, from a line `### BEGIN SOLUTION` to a line `### END SOLUTION`
(the nbgrader convention), becomes a stub at the block's indentation:

    # YOUR CODE HERE
    raise NotImplementedError()

and all outputs and execution counts are cleared. The exercise checkers of `helpers` report such a stub as
"not implemented yet", so a student notebook runs top to bottom without an error.
"""
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor, Preprocessor

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


def stub_solutions(source):
    """The cell's source with each solution block replaced by a stub; raises ValueError on an unclosed block."""
    out, inside = [], False
    for line in source.splitlines():
        marker = line.strip()
        if marker == BEGIN:
            indent = line[: len(line) - len(line.lstrip())]
            out += [f"{indent}# YOUR CODE HERE", f"{indent}raise NotImplementedError()"]
            inside = True
        elif marker == END:
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ValueError(f"a {BEGIN} line has no {END} line")
    return "\n".join(out)


class ClearSolutions(Preprocessor):
    """Replace every solution block of a code cell by a `raise NotImplementedError()` stub."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and BEGIN in cell.source:
            cell.source = stub_solutions(cell.source)
        return cell, resources


def build(output_dir=ROOT / "build" / "student", notebooks=None):
    """Write the student notebooks into ``output_dir``; return their paths."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks or sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for preprocessor in (ClearSolutions(), ClearOutputPreprocessor()):
            nb, _ = preprocessor.preprocess(nb, {})
        target = output_dir / path.name
        nbformat.write(nb, target)
        written.append(target)
    return written


if __name__ == "__main__":
    for target in build(*sys.argv[1:2]):
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
