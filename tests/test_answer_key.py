"""The TAs' answer key (docs/answer-key.md) and the mistakes behind it (tools/mistakes.py) against the checkers.

Every mistake is a real edit of a solution cell, and its check fails with the verdict written beside it; every
solution passes; the page is what tools/answer_key.py writes today."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import answer_key  # noqa: E402
from exercises import exercises, verdict_of  # noqa: E402
from mistakes import MISTAKES, apply  # noqa: E402

EXERCISES = exercises()
CASES = [(e.id, k) for e in EXERCISES for k in range(len(MISTAKES.get(e.id, [])))]


def before(exercise):
    return [e for e in EXERCISES[: EXERCISES.index(exercise)] if e.notebook == exercise.notebook]


def test_every_exercise_has_mistakes_and_every_mistake_an_exercise():
    assert [e.id for e in EXERCISES] == list(MISTAKES)
    assert len(EXERCISES) >= 15 and all(len(m) >= 1 for m in MISTAKES.values())
    assert sum(len(m) for m in MISTAKES.values()) >= 30


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_the_solution_passes_its_check(exercise):
    printed = verdict_of(exercise, exercise.solution, before(exercise))
    assert printed.strip().endswith("all checks passed."), printed


@pytest.mark.parametrize("exercise_id, k", CASES, ids=[f"{i}-{k}" for i, k in CASES])
def test_each_mistake_gets_its_verdict(exercise_id, k):
    exercise = next(e for e in EXERCISES if e.id == exercise_id)
    what, old, new, says = MISTAKES[exercise_id][k]
    printed = verdict_of(exercise, apply(exercise.solution, old, new), before(exercise))
    last = printed.strip().splitlines()[-1]
    assert last.startswith("✗ ") and says in last, printed


def test_a_mistake_must_name_a_line_of_the_solution():
    with pytest.raises(ValueError, match="occurs 0 times"):
        apply("a = 1\n", "b = 2", "b = 3")
    with pytest.raises(ValueError, match="occurs 2 times"):
        apply("a = 1\na = 1\n", "a = 1", "a = 2")


def test_the_answer_key_page_is_current():
    page = answer_key.PAGE.read_text()
    assert page == answer_key.render(), "docs/answer-key.md is not current: run .venv/bin/python tools/answer_key.py"
    for exercise in EXERCISES:
        assert f"### {exercise.id}" in page
