"""Binder builds from binder/ and the README's links lead somewhere."""
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parent.parent


def test_runtime_pins_python_3_11_or_newer():
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    major, minor = map(int, re.fullmatch(r"python-(\d+)\.(\d+)", runtime).groups())
    assert (major, minor) >= (3, 11)


def test_the_readme_links_every_notebook_and_each_link_exists():
    readme = (ROOT / "README.md").read_text()
    relative = re.findall(r"\]\((notebooks/[^)]+\.ipynb)\)", readme)
    # every notebook of the course, each once (a new notebook gets its row in the README's table)
    assert sorted(relative) == sorted(f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb")), relative
    for link in relative:
        assert (ROOT / link).exists(), link
    badges = re.findall(r"\((https://mybinder\.org/v2/gh/[^)]+)\)", readme)
    assert badges
    for badge in badges:
        path = parse_qs(urlparse(badge).query)["urlpath"][0]
        assert path.startswith("lab/tree/") and (ROOT / path.removeprefix("lab/tree/")).exists(), path


def test_every_notebook_is_linked_from_the_readme():
    readme = (ROOT / "README.md").read_text()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert f"notebooks/{path.name}" in readme, path.name


def test_docs_links_exist():
    readme = (ROOT / "README.md").read_text()
    for link in re.findall(r"\]\(((?:docs|benchmarks)/[^)]+)\)", readme):
        assert (ROOT / link).exists(), link
