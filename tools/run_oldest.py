"""Execute notebooks as Colab would: in this Python (an environment of old versions, without the course's package),
each notebook's own set-up cell installs helpers, here from a local clone instead of the repository's address.

Usage (CI, .ci/oldest-supported):  VENV/bin/python tools/run_oldest.py CLONE NOTEBOOK...

Fails on any error in any cell, on anything printed to stderr (a warning), on a figure without a text alternative,
and if installing the course changed any package but its own (on Colab that would
mean replacing Colab's own numpy, matplotlib, ipywidgets or IPython). Prints the time per notebook.
"""
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def installed():
    freeze = subprocess.run([sys.executable, "-m", "pip", "freeze", "--disable-pip-version-check"],
                            capture_output=True, text=True, check=True).stdout
    return {line.split("==")[0].split(" @ ")[0].lower(): line for line in freeze.splitlines() if line}


def main(clone, *notebooks):
    clone = Path(clone).resolve()
    address = tomllib.loads((clone / "pyproject.toml").read_text())["project"]["urls"]["Repository"]
    before = installed()
    assert "backprop-by-hand-helpers" not in before, "the course's package is already installed: nothing to test"
    for path in map(Path, notebooks):
        nb = nbformat.read(path, as_version=4)
        setup = next(cell for cell in nb.cells if cell.metadata.get("bbh", {}).get("launch") == "setup")
        spec, line = 'f"backprop-by-hand-helpers @ git+{course}"', f'course = "{address}"'
        assert spec in setup.source and line in setup.source
        # pip takes `name @ git+file:///…` for invalid (a URL with no host), so the local clone goes in unnamed
        setup.source = setup.source.replace(spec, 'f"git+{course}"').replace(line, f'course = "file://{clone}"')
        start = time.perf_counter()
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
        printed = "".join(o.get("text", "") for o in setup.outputs)
        outputs = [o for cell in nb.cells for o in cell.get("outputs", [])]
        errors = [o for o in outputs if o.get("output_type") == "error"]
        assert not errors, errors
        warnings = [o["text"] for o in outputs if o.get("name") == "stderr"]
        assert not warnings, f"{path.name} printed to stderr (a warning a student would see):\n" + "".join(warnings)[:3000]
        bare = [o for o in outputs if "image/png" in o.get("data", {})]
        assert not bare, f"{path.name}: {len(bare)} figure(s) shown as a bare PNG, without a text alternative"
        figures = sum('<img src="data:image/png;base64,' in o.get("data", {}).get("text/html", "") for o in outputs)
        print(f"ok {path.parent.name}/{path.name}: {time.perf_counter() - start:.1f} s"
                f", {figures} figure(s) with alt text" + (" (its set-up cell installed the course)" if "Installing" in printed else ""))
    after = installed()
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed == {"backprop-by-hand-helpers"}, f"installing the course changed other packages: {sorted(changed)}"
    print(f"ok: the set-up cell installed only the course's package; {len(after)} packages, none changed")


if __name__ == "__main__":
    main(*sys.argv[1:])
