"""Run course notebooks top to bottom in a fresh kernel and store their outputs (what nbval compares).

Usage:  .venv/bin/python tools/run_notebooks.py [NOTEBOOK ...]     (default: every notebook of solutions/ and notebooks/)

Besides executing, it keeps the stored notebooks clean and small:
- an interactive figure (a `helpers` Explorer) is stored as its static image (with alt text) and its one-line text, not as
  a widget reference: a widget reference means nothing without the kernel that made it (JupyterLab
  would show "Error displaying widget: model not found" before the student runs the cell);
- no widget state is saved in the notebook's metadata (it would duplicate every figure), and no timing metadata
  (it changes on every run).
"""
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

ROOT = Path(__file__).resolve().parent.parent
WIDGET = "application/vnd.jupyter.widget-view+json"


def strip_widget_views(nb):
    """Drop widget references from outputs that also carry a static image (an HTML <img>); return how many."""
    dropped = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET in data and ("image/png" in data or "text/html" in data):
                del data[WIDGET]
                dropped += 1
    nb.metadata.pop("widgets", None)
    return dropped


def execute(path, timeout=120, env=None):
    """The notebook at ``path`` run top to bottom in a fresh kernel started in its folder (with the environment ``env``
    if given), each cell's consecutive prints in one output, its widget views stripped; returns it and how many widget
    views were dropped."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute(**({"env": env} if env is not None else {}))
    # a cell's prints arrive as one output or several, as the kernel happens to flush them (05's seeds cell was two in
    # a run under load, and its slide a box taller); JupyterLab shows them as one, a deck as a box each: keep one
    CoalesceStreamsPreprocessor().preprocess(nb, {})
    return nb, strip_widget_views(nb)


def run(path, timeout=120):
    nb, dropped = execute(path, timeout)
    nb.metadata.get("kernelspec", {}).update({"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"})
    nbformat.write(nb, path)
    return dropped


def main(args):
    paths = [Path(a).resolve() for a in args] or sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        dropped = run(path)
        print(f"ran {path.relative_to(ROOT)}" + (f" ({dropped} interactive figure(s) stored as a static image)" if dropped else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
