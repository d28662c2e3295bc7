"""The two editions: notebooks/ (exercises blank, what students open) is generated from solutions/ (the source).

nbval re-runs both against their stored outputs; these tests check that notebooks/ is current, shows no solution,
and that every exercise has its check.
"""
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_editions  # noqa: E402

SOURCES = sorted((ROOT / "solutions").glob("*.ipynb"))


def test_stub_keeps_indentation_and_code_around_the_block():
    source = "def f(x):\n    y = 1\n    ### BEGIN SOLUTION\n    z = x + y\n    ### END SOLUTION\n    return z"
    assert make_editions.stub_solutions(source) == "def f(x):\n    y = 1\n    # YOUR CODE HERE\n    raise NotImplementedError()\n    return z"
    assert make_editions.stub_solutions(source, "z = x - y  # broken") == "def f(x):\n    y = 1\n    z = x - y  # broken\n    return z"
    with pytest.raises(ValueError, match="no ### END SOLUTION"):
        make_editions.stub_solutions("### BEGIN SOLUTION\nx = 1")
    with pytest.raises(ValueError, match="without a ### BEGIN SOLUTION"):
        make_editions.stub_solutions("x = 1\n### END SOLUTION")


def test_both_editions_have_the_same_notebooks():
    assert [p.name for p in SOURCES] == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert len(SOURCES) >= 5  # the lecture's five, and what follows them


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_exercise_edition_is_current(path):
    """notebooks/ is exactly what tools/make_editions.py makes of solutions/ (run `make editions` after editing)."""
    expected = make_editions.exercise_edition(nbformat.read(path, as_version=4), path.name)
    committed = nbformat.read(ROOT / "notebooks" / path.name, as_version=4)
    assert [c.cell_type for c in committed.cells] == [c.cell_type for c in expected.cells]
    for index, (have, want) in enumerate(zip(committed.cells, expected.cells)):
        assert have.source == want.source, f"{path.name} cell {index} is stale: run `make editions`"
        assert have.metadata.get("bbh") == want.metadata.get("bbh"), f"{path.name} cell {index}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_a_student_sees_no_solution(path):
    full = nbformat.read(path, as_version=4)
    student = nbformat.read(ROOT / "notebooks" / path.name, as_version=4)
    for before, after in zip(full.cells, student.cells):
        if make_editions.BEGIN not in before.source:
            continue
        stub = before.metadata.get("bbh", {}).get("stub", "")
        for block in re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", before.source, re.S):
            for line in filter(str.strip, block.splitlines()):
                if line.strip() not in stub:
                    assert line not in after.source.splitlines(), (path.name, line)
    outputs = "".join(o.get("text", "") for c in student.cells if c.cell_type == "code" for o in c.outputs)
    assert "all checks passed" not in outputs  # no stored verdict of a solved exercise
    assert "Using your" not in outputs


def exercises():
    found = []
    for path in SOURCES:
        cells = nbformat.read(path, as_version=4).cells
        ids = [c.metadata.get("bbh", {}).get("exercise") for c in cells]
        checks = [c.metadata.get("bbh", {}).get("check") for c in cells]
        found += [(path.name, i) for i in ids if i]
        assert sorted(filter(None, ids)) == sorted(filter(None, checks)), path.name  # every exercise has its check cell
    return found


def test_at_least_15_checked_exercises_in_the_order_of_the_course():
    found = exercises()
    assert len(found) >= 15
    assert [n for n, _ in found] == sorted(n for n, _ in found)
    assert all(i.startswith(n[:2] + "-") for n, i in found)


def test_every_solution_passes_its_check_in_the_stored_full_edition():
    for path in SOURCES:
        cells = nbformat.read(path, as_version=4).cells
        for cell in cells:
            if cell.metadata.get("bbh", {}).get("check"):
                text = "".join(o.get("text", "") for o in cell.outputs)
                assert "all checks passed" in text, (path.name, cell.source)


@pytest.mark.parametrize("edition", ["solutions", "notebooks"])
def test_a_cells_prints_are_stored_as_one_output(edition):
    """How many stream outputs a cell's prints make depends on when the kernel flushed them; a deck shows each in its
    own box (a slide a box taller in one run and not the next): tools/run_notebooks.py stores them as one."""
    split = []
    for path in sorted((ROOT / edition).glob("*.ipynb")):
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            outputs = cell.get("outputs", [])
            split += [(path.name, index) for a, b in zip(outputs, outputs[1:])
                      if a.output_type == b.output_type == "stream" and a.name == b.name]
    assert split == [], f"(notebook, cell) with consecutive prints stored as several outputs: {split}"


def test_readme_sends_students_to_the_exercise_edition_and_says_where_solutions_are():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?:notebooks|solutions)/[^)]+\.ipynb)\)", readme)
    assert links and all(link.startswith("notebooks/") for link in links)
    assert "solutions/" in readme and "lab/tree/notebooks/" in readme
