"""Present a notebook as live slides with working widgets: `make present NB=01` (Voilà's reveal template).

Usage:  .venv-teach/bin/python tools/present.py NOTEBOOK [--no-browser] [--port=N]
        NOTEBOOK: a number (01) or a path; the exercise edition in notebooks/ is shown (no solution on a slide)

Voilà runs the notebook in a kernel and shows its cells as reveal.js slides, explorers live. Nothing is loaded from a
network: reveal.js and jQuery come from the course's pinned copies (tools/slides, installed by `make setup`), served as
the static files of the course's template (tools/present/bbh-reveal), which drops Voilà's Font Awesome style sheets.
Voilà lives in the instructors' venv (.venv-teach), never in the students' environment.
"""
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_slides  # noqa: E402

BUILD = ROOT / "build" / "present"  # a Jupyter data folder: voila/templates/bbh-reveal/
TEMPLATE = "bbh-reveal"
# JupyterLab extensions of the instructors' venv that have no place in a deck (they fail to load in Voilà's page)
NOT_IN_A_DECK = ["@jupyter/nbgrader", "@jupyter-notebook/lab-extension"]


def notebook(name):
    """notebooks/NN_….ipynb for "NN" (or a path as it is)."""
    path = Path(name)
    if path.suffix == ".ipynb":
        return path.resolve()
    found = sorted((ROOT / "notebooks").glob(f"{name}_*.ipynb"))
    if not found:
        numbers = ", ".join(p.name[:2] for p in sorted((ROOT / "notebooks").glob("*.ipynb")))
        raise SystemExit(f"no notebook {name!r} in notebooks/: NB is one of {numbers}, e.g. make present NB=01")
    return found[0]


def template(build=BUILD):
    """The template folder (the repository's files, reveal.js and jQuery as its static files); returns the data folder."""
    folder = build / "voila" / "templates" / TEMPLATE
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "tools" / "present" / TEMPLATE, folder)
    make_slides.install_vendor(folder / "static" / "vendor")
    return build


def command(path, port=None, browser=True):
    """The voila command line that presents ``path``."""
    url_prefix = f"voila/templates/{TEMPLATE}/static/vendor/reveal.js"
    return [str(Path(sys.executable).parent / "voila"), str(path), f"--template={TEMPLATE}", "--Voila.ip=127.0.0.1",
            f"--VoilaConfiguration.resources={{'reveal': {{'url_prefix': '/{url_prefix}', 'scroll': False}}}}",
            *[f"--VoilaConfiguration.extension_denylist={name}" for name in NOT_IN_A_DECK],
            *([f"--port={port}"] if port else []), *([] if browser else ["--no-browser"])]


def main(args):
    names = [a for a in args if not a.startswith("--")]
    if len(names) != 1:
        raise SystemExit(__doc__)
    port = next((a.split("=", 1)[1] for a in args if a.startswith("--port=")), None)
    data = template()
    env = {**os.environ, "JUPYTER_PATH": os.pathsep.join(filter(None, [str(data), os.environ.get("JUPYTER_PATH")]))}
    cmd = command(notebook(names[0]), port, browser="--no-browser" not in args)
    os.execvpe(cmd[0], cmd, env)


if __name__ == "__main__":
    main(sys.argv[1:])
