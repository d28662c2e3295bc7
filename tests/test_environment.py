"""The notebooks pass nbval and show their figures whatever the user's environment says about plotting:
MPLBACKEND=Agg (Docker and CI images, some hubs) and an IPython profile that asks for SVG figures."""
import os
import subprocess
import sys
from pathlib import Path

import nbclient
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def nbval(env_changes):
    """Run nbval (strict, as `make test` does) on the exercise edition in a child pytest with ``env_changes``."""
    env = {**os.environ, **env_changes}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "notebooks"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    return result.returncode, result.stdout[-3000:] + result.stderr[-2000:]


def test_nbval_passes_with_mplbackend_agg_and_a_user_profile_asking_for_svg_figures(tmp_path):
    # both at once (one child run of every notebook, not two): each alone breaks the stored figures without the fix
    profile = tmp_path / "ipython" / "profile_default"
    profile.mkdir(parents=True)
    (profile / "ipython_kernel_config.py").write_text("c.InlineBackend.figure_formats = {'svg'}\n")
    code, out = nbval({"MPLBACKEND": "Agg", "IPYTHONDIR": str(tmp_path / "ipython")})
    assert code == 0, out


def images(nb):
    """The code cells that show a figure (an <img> with alt text, or a bare PNG)."""
    return [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code" for output in cell.get("outputs", [])
            if "image/png" in output.get("data", {}) or "<img" in output.get("data", {}).get("text/html", "")]


@pytest.mark.parametrize("path, backend", [(NOTEBOOKS[0], "Agg"), (NOTEBOOKS[2], "Agg"), (NOTEBOOKS[4], "TkAgg")],
                         ids=lambda x: getattr(x, "stem", x))
def test_helpers_setup_shows_figures_whatever_mplbackend_says(path, backend, monkeypatch):
    # a plain kernel, as a student's JupyterLab on a hub that sets MPLBACKEND starts it (no nbval, no conftest)
    stored = nbformat.read(path, as_version=4)
    monkeypatch.setenv("MPLBACKEND", backend)
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(path.parent)}}).execute()
    assert images(stored), "the notebook should have figures"
    assert images(nb) == images(stored)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "non-interactive" not in printed
