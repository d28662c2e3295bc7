"""The student edition: solutions stubbed, outputs cleared, and every notebook still runs top to bottom."""
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_student  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    make_student.build(out)
    return out


def test_stub_keeps_indentation_and_code_around_the_block():
    source = "def f(x):\n    y = 1\n    ### BEGIN SOLUTION\n    z = x + y\n    ### END SOLUTION\n    return z"
    assert make_student.stub_solutions(source) == "def f(x):\n    y = 1\n    # YOUR CODE HERE\n    raise NotImplementedError()\n    return z"
    with pytest.raises(ValueError, match="no ### END SOLUTION"):
        make_student.stub_solutions("### BEGIN SOLUTION\nx = 1")


def test_every_notebook_has_an_exercise():
    for path in NOTEBOOKS:
        assert make_student.BEGIN in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_solutions_are_gone_and_outputs_cleared(student_dir, path):
    full = nbformat.read(path, as_version=4)
    student = nbformat.read(student_dir / path.name, as_version=4)
    assert len(student.cells) == len(full.cells)
    for before, after in zip(full.cells, student.cells):
        if after.cell_type != "code":
            assert after.source == before.source
            continue
        assert after.outputs == [] and after.execution_count is None
        if make_student.BEGIN in before.source:
            solution = before.source.split(make_student.BEGIN)[1].split(make_student.END)[0]
            for line in filter(str.strip, solution.splitlines()):
                assert line not in after.source.splitlines(), line
            assert "raise NotImplementedError()" in after.source
        else:
            assert after.source == before.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_notebook_runs_and_reports_not_implemented(student_dir, path):
    nb = nbformat.read(student_dir / path.name, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(student_dir)}}).execute()
    text = "".join(out.get("text", "") for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs)
    errors = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs if out.output_type == "error"]
    assert not errors
    assert "is not implemented yet" in text
