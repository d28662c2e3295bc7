"""The course's exercises as the tools see them: read from the full edition, solutions/.

An exercise is a code cell with ``metadata.bbh.exercise`` (its id, e.g. "03-backward-propagation") followed by a
check cell with ``metadata.bbh.check`` (the same id). Its solution is the cell with the BEGIN/END SOLUTION lines
removed; its start is what the exercise edition shows (a stub, or the broken code of ``bbh.stub``).
"""
import contextlib
import io
import linecache
from dataclasses import dataclass
from pathlib import Path

import nbformat

from make_editions import BEGIN, END, SOURCE, stub_solutions


# what a derivation-first exercise's derivation finds (spaces removed): on no screen above the exercise, revealed after
# its check (tests/test_verdicts.py), and withheld from the graded release (tools/make_assignments.py)
RESULTS = {
    "01-sigmoid-prime": ("a(1-a)", "a*(1-a)"),
    "01-logistic-backward": ("=a-y", "dw=x*dz", "dw=x\\,dz", "dw_1=x_1\\,dz"),
    "02-gradient-shapes": ("hastheshapeof", "print_shape_table"),
    "02-backward-one-example": ("W^{[2]T}dz^{[2]}*", "W2.T@dz2", "dz^{[1]}=W"),
    "02-backward-relu": ("(z1>0)", "relu}'(z)=1"),
    "02-backward-sigmoid": ("a^{[1]}(1-a^{[1]})", "a1*(1-a1)"),
    "02-dz2-squared-error": ("a^{[2]}(1-a^{[2]})", "(a2-y)*a2*(1-a2)"),
    "02-backward-three-layers": ("W^{[3]T}", "W3.T@dz3", "W^{[l+1]T}"),
    "03-backward-propagation": ("dZ^{[2]}A^{[1]T}", "dZ2@A1.T", "np.sum(dZ", "\\texttt{np.sum}(dZ"),
    "06-linear-backward": ("dZ^{[l]}A^{[l-1]T}", "dA^{[l-1]}=W^{[l]T}dZ^{[l]}"),
    "06-L-model-backward": ("dZ^{[l-1]}&=dA^{[l-1]}*",),
    "07-softmax-backward": ("a_k(\\delta_{kj}-a_j)", "A*(dA-np.sum(A*dA", "np.diag(a)-np.outer(a,a)", "a_k-a_k^2",
                            "a_j\\Big(-\\frac{y_j}{a_j}+1"),
    "09-matmul-backward": ("dA=dZ\\,B^T",),
    "08-predicted-std": ("n_{l-1}\\,s^2", "\\tfrac{1}{2}\\mathrm{Var}(z)", "\\frac12\\mathrm{Var}(z)", "n_l\\,s^2\\,\\mathrm{Var}",
                         ),
}


@dataclass
class Exercise:
    id: str
    notebook: Path
    index: int  # of the exercise cell in the notebook
    source: str  # with the BEGIN/END SOLUTION lines
    check: str  # the check cell's source, e.g. "helpers.check_propagate(my_propagate)"
    stub: str = None  # bbh.stub: the broken code the find-the-bugs exercise starts from

    @property
    def solution(self):
        return without_markers(self.source)

    @property
    def start(self):
        return stub_solutions(self.source, self.stub)


def without_markers(source):
    return "\n".join(line for line in source.splitlines() if line.strip() not in (BEGIN, END))


def exercises(source_dir=SOURCE):
    """Every exercise of the course, in course order."""
    found = []
    for path in sorted(Path(source_dir).glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        for index, cell in enumerate(cells):
            bbh = cell.metadata.get("bbh", {})
            if "exercise" in bbh:
                check = cells[index + 1]
                if check.metadata.get("bbh", {}).get("check") != bbh["exercise"]:
                    raise ValueError(f"{path.name}: exercise {bbh['exercise']} is not followed by its check cell")
                found.append(Exercise(bbh["exercise"], path, index, cell.source, check.source, bbh.get("stub")))
    return found


def run_cell(source, namespace, name):
    """Execute ``source`` in ``namespace`` as a notebook cell would be, its lines findable (for the checker's pointers)."""
    filename = f"<cell {name}>"
    linecache.cache[filename] = (len(source), None, [line + "\n" for line in source.splitlines()], filename)
    exec(compile(source, filename, "exec"), namespace)


def verdict_of(exercise, source, before=()):
    """What the check cell prints for the exercise cell ``source``, after the solutions of the exercises ``before``."""
    import numpy as np

    import helpers

    namespace = {"np": np, "helpers": helpers}
    for earlier in before:
        run_cell(earlier.solution, namespace, earlier.id)
    run_cell(source, namespace, exercise.id)
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        run_cell(exercise.check, namespace, exercise.id + " check")
    return printed.getvalue()
