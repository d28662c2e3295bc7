"""docs/teaching.md, followed literally: its numbers come from the course, its commands and links exist."""
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_assignments  # noqa: E402

TEACHING = (ROOT / "docs" / "teaching.md").read_text()


def slide_notes(path):
    """The speaker notes of the deck, one per slide (the metadata ``bbh.notes`` of each cell that starts a slide or a
    subslide, as reveal.js counts them; tools/make_slides.py turns them into the speaker view's notes)."""
    return [c.metadata.get("bbh", {}).get("notes") for c in nbformat.read(path, as_version=4).cells
            if c.metadata.get("slideshow", {}).get("slide_type") in ("slide", "subslide")]


def test_every_slide_has_notes_with_its_minutes_and_a_question():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for number, note in enumerate(slide_notes(path), start=1):
            assert note, f"{path.name}: slide {number} has no speaker notes"
            assert isinstance(note["minutes"], int) and 1 <= note["minutes"] <= 5, (path.name, number, note)
            assert len(note["say"]) > 20 and note["ask"].endswith("?"), (path.name, number, note)


def test_every_question_of_the_notes_has_its_answer_in_the_full_edition_only():
    """The presenter's answers (tools/make_slides.py puts them in the speaker view) are in solutions/, never in the
    exercise edition that students open: some answer a self-check question."""
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        for number, (full, exercise) in enumerate(zip(slide_notes(path), slide_notes(ROOT / "notebooks" / path.name)), 1):
            assert len(full.get("answer", "")) > 10, f"{path.name}: slide {number}'s question has no answer"
            assert "answer" not in exercise and {**exercise, "answer": full["answer"]} == full, (path.name, number)


def test_lecture_times_are_the_sums_of_the_slides_minutes():
    rows = re.findall(r"^\| (0\d) [^|]+\| (\d+) \| (\d+) min \| [^|]+ \| (\d+) min \| (\d+) min \|", TEACHING, flags=re.M)
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert [r[0] for r in rows] == [p.name[:2] for p in notebooks]
    for (number, count, minutes, alone, total), path in zip(rows, notebooks):
        notes = slide_notes(path)
        assert int(count) == len(notes), f"{path.name} has {len(notes)} slides; teaching.md says {count}"
        assert int(minutes) == sum(n["minutes"] for n in notes), number
        assert int(total) == int(minutes) + int(alone), number


def slide_numbers(text):
    """The slide numbers of "1–20, 22–24 (what they hold), 30" (none in "none: …")."""
    numbers = []
    for first, last in re.findall(r"(\d+)(?:–(\d+))?", re.sub(r"\([^)]*\)|^none:.*", "", text)):
        numbers += range(int(first), int(last or first) + 1)
    return numbers


def test_the_session_plans_add_up_and_leave_out_only_what_they_say():
    """"Sessions of 50 or 75 minutes": each plan's minutes are its slides' minutes and fit its session; the slides shown
    and those left for the students are the whole deck, once each; the sessions "1 of 2" and "2 of 2" cover it."""
    section = TEACHING[TEACHING.index("### Sessions of 50 or 75 minutes"):]
    rows = re.findall(r"^\| (0\d) \| (\d+) min(?:, (\d) of (\d))? \| ([^|]+) \| (\d+) min \| ([^|]+) \|$", section, flags=re.M)
    assert len(rows) >= 5 and {r[0] for r in rows} >= {"02", "03"}
    parts = {}
    for number, length, part, of, shown, minutes, left in rows:
        notes = slide_notes(next((ROOT / "notebooks").glob(f"{number}_*.ipynb")))
        shown, left = slide_numbers(shown), slide_numbers(left.strip())
        assert int(minutes) == sum(notes[k - 1]["minutes"] for k in shown), (number, length, part)
        assert int(minutes) <= int(length), (number, length, part)
        if part:
            parts.setdefault((number, length, of), []).extend(shown)
            assert not left
        else:
            assert sorted(shown + left) == list(range(1, len(notes) + 1)), (number, length)
    for (number, _, of), shown in parts.items():
        assert sorted(shown) == list(range(1, len(slide_notes(next((ROOT / "notebooks").glob(f"{number}_*.ipynb")))) + 1))


def test_the_points_and_the_commands_it_names_exist():
    total = int(re.search(r"(\d+) points in all", TEACHING).group(1))
    assert total == sum(make_assignments.POINTS.values())
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"\bmake (\w+)", TEACHING)):
        assert re.search(rf"^{target}:", makefile, flags=re.M), f"teaching.md names `make {target}`, which the Makefile lacks"
    assert "View → Appearance → Presentation Mode" in TEACHING and "Node.js and npm" in TEACHING


def test_relative_links_of_the_docs_lead_to_files():
    for page in ("teaching.md", "answer-key.md"):
        text = (ROOT / "docs" / page).read_text()
        for target in re.findall(r"\]\(([^)#:]+)\)", text):
            assert (ROOT / "docs" / target).exists(), f"{page} links to {target}, which does not exist"


def test_the_explorer_places_teaching_md_gives_are_the_decks():
    """"Jumping to the explorer": each `#/h/v` of teaching.md is where the live deck (tools/present.py's deck notebook,
    made from the notebook's slide metadata) shows the notebook's explorer."""
    import nbformat

    said = dict((n, (int(h), int(v))) for h, v, n in re.findall(r"`#/(\d+)/(\d+)` in\s+(0\d)", TEACHING))
    found = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        h, v = -1, 0
        for cell in nbformat.read(path, as_version=4).cells:
            kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
            h, v = (h + 1, 0) if kind == "slide" else (h, v + 1) if kind == "subslide" else (h, v)
            if any("class='bbh-static'" in o.get("data", {}).get("text/html", "") for o in cell.get("outputs", [])):
                found[path.name[:2]] = (h, v)
    assert said == found
