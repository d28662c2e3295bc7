"""docs/teaching.md, followed literally: its numbers come from the course, its commands and links exist."""
import math
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_assignments  # noqa: E402

TEACHING = (ROOT / "docs" / "teaching.md").read_text()
MINUTES_PER_SLIDE = 2.5


def slides(path):
    """The deck's slide count: one per cell that starts a slide or a subslide (as reveal.js shows them)."""
    return sum(c.metadata.get("slideshow", {}).get("slide_type") in ("slide", "subslide")
               for c in nbformat.read(path, as_version=4).cells)


def test_lecture_times_are_the_slide_counts_times_two_and_a_half_minutes():
    rows = re.findall(r"^\| (0\d) [^|]+\| (\d+) \| (\d+) min \|", TEACHING, flags=re.M)
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert [r[0] for r in rows] == [p.name[:2] for p in notebooks]
    for (number, count, minutes), path in zip(rows, notebooks):
        assert int(count) == slides(path), f"{path.name} has {slides(path)} slides; teaching.md says {count}"
        assert int(minutes) == 5 * math.ceil(int(count) * MINUTES_PER_SLIDE / 5), number


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
