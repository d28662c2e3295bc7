"""Write the launch cells at the top of every notebook: Binder and Colab badges, then a set-up cell.

Usage:  .venv/bin/python tools/launch.py          (`make editions` runs it on solutions/ before it writes notebooks/)

The course's address is written once, in pyproject.toml ([project.urls] Repository); these cells are made from it,
and tests/test_links.py checks every link in the course against it. Two cells, both marked `bbh.launch` in their
metadata and left out of the slides:

1. a markdown cell of badges: Binder opening *this* notebook in JupyterLab, and Colab opening it from GitHub;
2. a code cell, just before the notebook's imports, that installs the course's package from the repository when
   `helpers` cannot be imported (Colab, a bare Jupyter) and does nothing, printing nothing, where it is installed.
"""
import re
import sys
import tomllib
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BINDER = "https://mybinder.org/v2/gh/{repo}/HEAD?urlpath=lab/tree/{path}"
COLAB = "https://colab.research.google.com/github/{repo}/blob/main/{path}"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PACKAGE = PROJECT["name"]  # what pip installs: backprop-by-hand-helpers


def repository():
    """The course's address, from pyproject.toml: ``https://github.com/OWNER/NAME``."""
    url = PROJECT["urls"]["Repository"]
    if not re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", url):
        raise ValueError(f"pyproject.toml: [project.urls] Repository must be https://github.com/OWNER/NAME; got {url!r}")
    return url


def links(path_in_repo, url=None):
    """The Binder and Colab addresses that open the notebook at ``path_in_repo`` (e.g. notebooks/01_….ipynb)."""
    repo = (url or repository()).removeprefix("https://github.com/")
    return BINDER.format(repo=repo, path=path_in_repo), COLAB.format(repo=repo, path=path_in_repo)


def badge_cell(path_in_repo, url=None):
    binder, colab = links(path_in_repo, url)
    source = (
        f"[![Open this notebook in Binder](https://mybinder.org/badge_logo.svg)]({binder}) "
        f"[![Open this notebook in Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab})\n\n"
        "*No installation?* **Binder** opens this notebook in JupyterLab with everything installed (it may take a minute "
        "to start). **Colab** needs a Google account; its first code cell installs the course's package. Both sessions "
        "are temporary and end after a while without activity: keep your work with *File → Download* (Binder) or "
        "*File → Save a copy in Drive* (Colab)."
    )
    cell = nbformat.v4.new_markdown_cell(source, metadata={"bbh": {"launch": "badges"}, "slideshow": {"slide_type": "skip"}})
    cell.id = "launch-badges"  # fixed ids: regenerating the cells changes nothing
    return cell


def setup_source(url=None):
    url = url or repository()
    return f'''\
# Set-up. Where the course's package `helpers` is installed (make lab, Binder, a hub), this does
# nothing. Elsewhere (Colab, a bare Jupyter) it installs it from the course's repository: about
# 20 s, once per session.
import importlib, importlib.util, subprocess, sys

course = "{url}"
if importlib.util.find_spec("helpers") is None:
    print(f"Installing the course's package `helpers` from {{course}} ...")
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                          f"{PACKAGE} @ git+{{course}}"], capture_output=True, text=True)
    importlib.invalidate_caches()
    if pip.returncode != 0 or importlib.util.find_spec("helpers") is None:
        raise RuntimeError("pip could not install the course's package; it said:\\n"
                           + pip.stderr[-1500:] + "\\nCheck that this session has internet access, "
                           "then run this cell again.")
    print("Done: the course's package is installed.")'''


def setup_cell(url=None):
    cell = nbformat.v4.new_code_cell(setup_source(url), metadata={"bbh": {"launch": "setup"}, "slideshow": {"slide_type": "skip"}})
    cell.id = "launch-setup"
    return cell


def apply(nb, path_in_repo, url=None):
    """Put fresh launch cells into ``nb`` (replacing old ones): badges first, set-up before the first code cell."""
    nb.cells = [cell for cell in nb.cells if "launch" not in cell.metadata.get("bbh", {})]
    first_code = next(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code")
    nb.cells.insert(first_code, setup_cell(url))
    nb.cells.insert(0, badge_cell(path_in_repo, url))
    return nb


def main():
    url = repository()
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        old = [cell.source for cell in nb.cells if "launch" in cell.metadata.get("bbh", {})]
        apply(nb, f"solutions/{path.name}", url)
        new = [cell.source for cell in nb.cells if "launch" in cell.metadata.get("bbh", {})]
        if old != new:
            nbformat.write(nb, path)
            print(f"launch cells written: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
