"""Write the students' copy of the course: what an nbgitpuller link (or a student's clone) should hold, and no answers.

Usage:  make student                      (writes build/student; DEST=... elsewhere)
        python3 tools/make_student.py [DEST]

It holds the exercise edition (notebooks/), the helpers package and what installs and launches it (pyproject.toml,
requirements.txt, binder/), the licences and a README for students. It never holds solutions/, docs/ (the answer
key, the teaching guide), tests/, tools/, benchmarks/ or the Makefile. Publish it as a repository (or a branch) of
its own and point the nbgitpuller link at it: docs/teaching.md, "A JupyterHub".
"""
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "build" / "student"
# what the students get, as it is in the course (folders copied whole, without caches)
PARTS = ("notebooks", "helpers", "binder", "pyproject.toml", "requirements.txt", "LICENSE", "LICENSE-CONTENT", "CITATION.cff")
FIRST = "notebooks/01_logistic_regression_graph.ipynb"

README = f"""\
# Backprop by Hand

An interactive course on *why* backpropagation's equations are what they are: five notebooks, from logistic
regression as a computation graph to a two-layer network trained on m examples at once, each with exercises you
derive, write and check.

- **On your course's JupyterHub**: the link your instructor gave you opened [notebook 01]({FIRST}); open the next one
  from the file browser (`notebooks/`). Your work stays in your home folder: opening the link again adds new
  material and keeps your changes.
- **On your own computer** (Python 3.11 or newer), from this folder:

  ```bash
  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt
  .venv/bin/jupyter lab {FIRST}
  ```

Each exercise is a cell that ends in `raise NotImplementedError()`: replace that line with your code and run the
check cell below it, which says what is right and, when something is not, which line to look at.
`helpers.hint("name")` gives hints one at a time.

The course is open source (MIT for the code, CC BY 4.0 for the text and figures: LICENSE, LICENSE-CONTENT).
"""


def build(dest=DEFAULT):
    """Write the students' copy into ``dest`` (replacing an older one); return ``dest``."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=ignore)
        else:
            shutil.copy2(source, dest / part)
    (dest / "README.md").write_text(README)
    (dest / ".gitignore").write_text(".venv/\n__pycache__/\n.ipynb_checkpoints/\n*.egg-info/\n")
    return dest


if __name__ == "__main__":
    dest = build(*sys.argv[1:2])
    print(f"wrote the students' copy of the course to {dest}: publish it as a repository of its own (docs/teaching.md)")
