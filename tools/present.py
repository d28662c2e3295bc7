"""Present a notebook as live slides with working widgets: `make present NB=01` (Voilà's reveal template).

Usage:  .venv-teach/bin/python tools/present.py NOTEBOOK [--no-browser] [--port=N]
        NOTEBOOK: a number (01) or a path; the exercise edition in notebooks/ is shown (no solution on a slide)

Voilà shows a notebook only once it has run every cell (03 takes 10–20 s), so it is given a *deck notebook*
(`deck`): the notebook as `make slides` runs it (figures drawn for a slide), in which every cell's output is already
there, as HTML, and only the imports and the explorers run. The deck is made once per change of the notebook or of
helpers (build/present/decks/, by `make slides` or by the first `make present` after a change) and then appears in
a few seconds, its explorers live, drawn for a slide (BBH_SLIDES=1) in the kernel Voilà starts for the page; a kernel
whose page is gone (closed, reloaded) is ended after CULL_SECONDS.

Nothing is loaded from a network: reveal.js and jQuery come from the course's pinned copies (tools/slides, installed by
`make setup`), served as the static files of the course's template (tools/present/bbh-reveal), which drops Voilà's
Font Awesome style sheets. Voilà lives in the instructors' venv (.venv-teach), never in the students' environment.
"""
import copy
import hashlib
import html
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

BUILD = ROOT / "build" / "present"  # a Jupyter data folder: voila/templates/bbh-reveal/
DECKS = BUILD / "decks"
# a kernel without a page (closed or reloaded) is ended once it has been idle this long; Voilà checks every CULL_EVERY s
CULL_SECONDS, CULL_EVERY = 10, 5
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


def output_html(output):
    """One stored output as the HTML the deck shows in its place."""
    if output.output_type == "stream":
        return f'<pre class="bbh-stream">{html.escape(output.text)}</pre>'
    if output.output_type == "error":
        return f'<pre class="bbh-stream">{html.escape(output.ename)}: {html.escape(output.evalue)}</pre>'
    data = output.get("data", {})
    if "text/html" in data:
        return data["text/html"]
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            return f'<img src="data:{mime};base64,{data[mime].strip()}" alt="{html.escape(data.get("text/plain", ""))}"/>'
    return f'<pre class="bbh-stream">{html.escape(data.get("text/plain", ""))}</pre>' if "text/plain" in data else ""


def live(cell):
    """Whether the deck runs ``cell``: the imports (an explorer needs helpers set up) and the explorers (a run keeps an
    explorer as its picture, captioned by helpers.widgets.explorer's "bbh-static" paragraph: run_notebooks drops the
    widget itself)."""
    return cell.cell_type == "code" and ("import helpers" in cell.source or any(
        "class='bbh-static'" in o.get("data", {}).get("text/html", "") for o in cell.get("outputs", [])))


def deck(executed):
    """The deck notebook of an executed notebook: its markdown as it is; each code cell that is not `live` replaced by a
    raw HTML cell holding its outputs (Voilà shows them as they are, runs nothing); the live cells as code."""
    import nbformat  # (here, not at the top: the preparing page is written before anything slow is imported)

    nb = copy.deepcopy(executed)
    cells = []
    for cell in nb.cells:
        slideshow = cell.metadata.get("slideshow", {})
        if cell.cell_type != "code":
            cells.append(cell)
        elif slideshow.get("slide_type") == "skip" and not live(cell):
            continue  # not on a slide, and nothing to run (the set-up cell that installs helpers on Colab)
        elif live(cell):
            cell.outputs, cell.execution_count = [], None
            cells.append(cell)
        else:
            shown = "".join(f'<div class="bbh-output">{output_html(o)}</div>' for o in cell.outputs)
            cells.append(nbformat.v4.new_raw_cell(shown, metadata={"slideshow": slideshow, "raw_mimetype": "text/html",
                                                                   "format": "text/html"}))
    nb.cells = cells
    return nb


def fingerprint(path):
    """What a deck depends on: the notebook and every file of helpers."""
    digest = hashlib.sha256(Path(path).read_bytes())
    for source in sorted((ROOT / "helpers").rglob("*.py")):
        digest.update(source.relative_to(ROOT).as_posix().encode() + source.read_bytes())
    return digest.hexdigest()


def deck_path(path, executed=None, decks=DECKS):
    """build/present/decks/<notebook>.ipynb, made now if the notebook or helpers changed since it was made (from
    ``executed``, the run `make slides` already made, or from a run for slides of its own)."""
    target, stamp = decks / Path(path).name, decks / f"{Path(path).stem}.fingerprint"
    key = fingerprint(path)
    if target.exists() and stamp.exists() and stamp.read_text() == key:
        return target
    if executed is None:
        started = time.perf_counter()
        print(f"preparing the live deck of {Path(path).name} (once after each change; make slides does it too)...", flush=True)
        import make_slides  # (nbconvert: imported when needed, after the preparing page is on screen)

        executed = make_slides.run_for_slides(path)
        print(f"prepared in {time.perf_counter() - started:.0f} s", flush=True)
    import nbformat

    decks.mkdir(parents=True, exist_ok=True)
    nbformat.write(deck(executed), target)
    stamp.write_text(key)
    return target


def template(build=BUILD):
    """The template folder (the repository's files, reveal.js and jQuery as its static files); returns the data folder."""
    folder = build / "voila" / "templates" / TEMPLATE
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "tools" / "present" / TEMPLATE, folder)
    from vendor import install_vendor  # (not make_slides: nbconvert takes 3 s to import on a slow machine)

    install_vendor(folder / "static" / "vendor")
    return build


def command(path, port=None, browser=True):
    """The voila command line that presents ``path``."""
    url_prefix = f"voila/templates/{TEMPLATE}/static/vendor/reveal.js"
    return [str(Path(sys.executable).parent / "voila"), str(path), f"--template={TEMPLATE}", "--Voila.ip=127.0.0.1",
            f"--MappingKernelManager.cull_idle_timeout={CULL_SECONDS}", f"--MappingKernelManager.cull_interval={CULL_EVERY}",
            "--MappingKernelManager.cull_connected=False",
            f"--VoilaConfiguration.resources={{'reveal': {{'url_prefix': '/{url_prefix}', 'scroll': False}}}}",
            *[f"--VoilaConfiguration.extension_denylist={name}" for name in NOT_IN_A_DECK],
            *([f"--port={port}"] if port else []), *([] if browser else ["--no-browser"])]


PREPARING = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Preparing the live deck</title>
<style>body {{ font: 28px/1.4 sans-serif; margin: 18vh 12vw; color: #222; }} small {{ color: #555; font-size: 20px; }}</style>
</head><body>
<h1 style="font-size: 40px">{title}</h1>
<p id="bbh-preparing">Preparing the live deck: starting Voilà and the explorers… <span id="bbh-seconds">0</span> s</p>
<p><small>A few seconds; 10–20 s the first time after the notebook or helpers changed (<code>make slides</code> prepares
the live decks too). The deck opens here by itself.</small></p>
<script>
// Voilà answers once it is listening: then this page goes to the deck (which shows once the explorers are drawn)
const deck = {url!r}, started = Date.now();
setInterval(() => {{ document.getElementById("bbh-seconds").textContent = Math.round((Date.now() - started) / 1000); }}, 500);
(function poll() {{
  fetch(deck + "voila/static/", {{mode: "no-cors", cache: "no-store"}}).then(() => location.replace(deck), () => setTimeout(poll, 250));
}})();
</script>
</body></html>
"""


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preparing_page(path, url, build=BUILD):
    """build/present/preparing-NN.html: what the browser shows at once, until Voilà listens; then it opens the deck."""
    page = build / f"preparing-{Path(path).name[:2]}.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    title = html.escape(Path(path).stem.replace("_", " ", 1).replace("_", " "))
    page.write_text(PREPARING.format(title=title, url=url), encoding="utf-8")
    return page


def main(args):
    names = [a for a in args if not a.startswith("--")]
    if len(names) != 1:
        raise SystemExit(__doc__)
    port = next((a.split("=", 1)[1] for a in args if a.startswith("--port=")), None) or free_port()
    source = notebook(names[0])
    # at once: a page that says what is happening, in the browser (the deck itself takes seconds to appear)
    page = preparing_page(source, f"http://127.0.0.1:{port}/")
    print(f"preparing page: {page}", flush=True)
    if "--no-browser" not in args:
        import webbrowser

        webbrowser.open(page.as_uri())
    data = template()
    path = deck_path(source)
    # the explorers' kernel draws for a slide: the deck's text size
    env = {**os.environ, "BBH_SLIDES": "1",
           "JUPYTER_PATH": os.pathsep.join(filter(None, [str(data), os.environ.get("JUPYTER_PATH")]))}
    os.environ.update(env)  # for Voilà's kernels too
    sys.argv = command(path, port, browser=False)
    lazy_iri_checks()
    from voila.app import main as voila  # Voilà in this process: what `exec voila …` would run, with the stand-in above

    sys.exit(voila())


def lazy_iri_checks():
    """Put off the import of rfc3987_syntax until an IRI is checked (no Jupyter schema has one): jsonschema imports it as
    Voilà starts, and it builds some 35 parsers as it is imported, 1.7 of the 4 s of Voilà's start on a slow machine
    (jupyter-server/jupyter_server#1559). A stand-in module takes its place; its one function imports the real one."""
    import importlib
    import importlib.util
    import types

    name = "rfc3987_syntax"
    if name in sys.modules or importlib.util.find_spec(name) is None:
        return
    stand_in = types.ModuleType(name, "stands in for rfc3987_syntax until it is needed (tools/present.py)")

    def is_valid_syntax(*args, **kwargs):
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name).is_valid_syntax(*args, **kwargs)

    stand_in.is_valid_syntax = is_valid_syntax
    sys.modules[name] = stand_in


if __name__ == "__main__":
    main(sys.argv[1:])
