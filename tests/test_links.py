"""Launch links, the course's address, licences and citation.

The address is written once, in pyproject.toml; every link to the repository, to Binder or to Colab anywhere in the
course must be made from it and lead to a file that exists.
"""
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import jsonschema  # both come with JupyterLab (jupyter-events), pinned in requirements.txt
import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import launch  # noqa: E402

ADDRESS = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Repository"]
REPO = ADDRESS.removeprefix("https://github.com/")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
TEXT_FILES = [ROOT / name for name in ("README.md", "CONTRIBUTING.md", "CITATION.cff", "docs/teaching.md")]
URL = re.compile(r"https?://[^\s)\"'>\]]+")


def course_texts():
    """(where, text) for every file a reader follows links from: the docs and every cell of every notebook."""
    for path in TEXT_FILES:
        yield path.name, path.read_text()
    for path in NOTEBOOKS:
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            yield f"{path.parent.name}/{path.name} cell {index}", cell.source


def test_the_address_is_a_github_repository():
    assert launch.repository() == ADDRESS
    assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", ADDRESS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_notebook_opens_with_badges_to_itself(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.metadata["bbh"]["launch"] == "badges"
    assert first.metadata["slideshow"]["slide_type"] == "skip"  # not on a lecture slide
    here = f"{path.parent.name}/{path.name}"
    binder = f"https://mybinder.org/v2/gh/{REPO}/HEAD?urlpath=lab/tree/{here}"
    colab = f"https://colab.research.google.com/github/{REPO}/blob/main/{here}"
    assert f"]({binder})" in first.source and f"]({colab})" in first.source
    assert "![Open this notebook in Binder](" in first.source and "![Open this notebook in Colab](" in first.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_notebook_installs_the_course_where_it_is_missing_before_importing_it(path):
    nb = nbformat.read(path, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    setup, imports = code[0], code[1]
    assert setup.metadata["bbh"]["launch"] == "setup" and setup.source == launch.setup_source()
    assert f'course = "{ADDRESS}"' in setup.source and 'f"backprop-by-hand-helpers @ git+{course}"' in setup.source
    assert "import helpers" in imports.source
    assert setup.outputs == []  # where the course is installed it prints nothing (nbval compares that)


def test_the_setup_cell_does_nothing_where_helpers_is_installed():
    result = subprocess.run([sys.executable, "-c", launch.setup_source()], capture_output=True, text=True, cwd=ROOT / "notebooks")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_the_setup_cell_explains_a_failed_install(tmp_path):
    """No network (or no such repository): the cell says what pip said and what to do, instead of a bare traceback."""
    source = launch.setup_source(url=f"file://{tmp_path}/no-such-repository")
    # the Python this environment was made from cannot import the course's package (it lives in .venv)
    base = Path(sys.base_prefix) / "bin" / "python3"
    result = subprocess.run([str(base), "-I", "-c", source], capture_output=True, text=True, cwd=tmp_path,
                            env={"PATH": "/usr/bin:/bin", "PIP_NO_INDEX": "1", "HOME": str(tmp_path)})
    assert "Installing the course's package `helpers` from file://" in result.stdout, result.stdout + result.stderr
    assert result.returncode != 0
    assert "RuntimeError: pip could not install the course's package; it said:" in result.stderr
    assert "Check that this session has internet access, then run this cell again." in result.stderr


def test_every_link_to_the_repository_binder_or_colab_uses_the_address_and_leads_to_a_file():
    checked = 0
    for where, text in course_texts():
        for url in URL.findall(text):
            parsed = urlparse(url)
            if parsed.netloc == "mybinder.org" and parsed.path.startswith("/v2/gh/"):
                assert parsed.path.startswith(f"/v2/gh/{REPO}/"), f"{where}: {url}"
                path = parse_qs(parsed.query)["urlpath"][0].removeprefix("lab/tree/")
            elif parsed.netloc == "colab.research.google.com" and parsed.path.startswith("/github/"):
                assert parsed.path.startswith(f"/github/{REPO}/blob/main/"), f"{where}: {url}"
                path = parsed.path.removeprefix(f"/github/{REPO}/blob/main/")
            elif parsed.netloc == "github.com" and not url.startswith("https://github.com/<"):
                assert url == ADDRESS or url.startswith(f"{ADDRESS}/"), f"{where}: {url} is not the course's address"
                path = parsed.path.removeprefix(f"/{REPO}").removeprefix("/").split("/", 2)[-1] if "/blob/" in url else ""
            else:
                continue
            assert not path or (ROOT / path).exists(), f"{where}: {url} leads to {path}, which does not exist"
            checked += 1
    assert checked >= 2 * len(NOTEBOOKS) + 1  # the badges of every notebook, the README's at least


def test_readme_launches_the_first_notebook_in_binder_and_colab():
    readme = (ROOT / "README.md").read_text()
    binder, colab = launch.links("notebooks/01_logistic_regression_graph.ipynb")
    assert f"]({binder})" in readme and f"]({colab})" in readme


def test_licences_are_in_place_and_named_in_the_readme():
    code, content = (ROOT / "LICENSE").read_text(), (ROOT / "LICENSE-CONTENT").read_text()
    assert code.startswith("MIT License") and "Permission is hereby granted, free of charge" in code
    assert content.startswith("Creative Commons Attribution 4.0 International")
    assert "Section 3 – License Conditions." in content and "Creative Commons may be contacted at creativecommons.org." in content
    readme = (ROOT / "README.md").read_text()
    assert "[MIT License](LICENSE)" in readme and "(LICENSE-CONTENT)" in readme and "CC BY 4.0" in readme
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]


def test_citation_is_valid_cff_1_2_and_points_at_the_address():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    schema = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text())  # the official CFF 1.2.0 schema
    jsonschema.validate(citation, schema, format_checker=jsonschema.FormatChecker())
    assert citation["cff-version"] == "1.2.0"
    assert citation["repository-code"] == ADDRESS
    assert set(citation["license"]) == {"MIT", "CC-BY-4.0"}
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert citation["version"] == version


def test_contributing_says_how_to_report_a_problem_with_a_notebook():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for must in ("which notebook", "which cell", "what it says", "what it should say", "make editions", "make test"):
        assert must in text, must
