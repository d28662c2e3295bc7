"""Every figure a student sees has a text alternative: stored outputs, plain matplotlib figures, and explorers."""
import base64
import os
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

import helpers  # noqa: E402
from helpers.figures import alt_text, display  # noqa: E402
from helpers.figures.shapes import draw_shapes  # noqa: E402
from helpers.figures.initialization import plot_costs_by_scale, plot_saturation, plot_symmetry  # noqa: E402
from helpers.math.initialization import constant_parameters  # noqa: E402
from helpers.math.training import train_with_history  # noqa: E402
from helpers.figures.bugs import plot_bug_training  # noqa: E402
from helpers.figures.training import plot_costs, plot_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
IMG = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)"/>$')  # at the end: an explorer puts a caption first


def flower():
    return helpers.make_flower()


FIGURES = {
    "logistic graph": lambda: helpers.draw_logistic_graph(show="both"),
    "two-layer graph": lambda: helpers.draw_two_layer_graph(show="values"),
    "shapes": lambda: draw_shapes(3, 4, 1, 5, pass_="backward"),
    "data set": lambda: plot_dataset(*flower()),
    "decision boundary": lambda: helpers.plot_decision_boundary(lambda P: (P[0] > 0).astype(int), *flower()),
    "costs": lambda: plot_costs(np.linspace(0.7, 0.2, 50)),
    "training": lambda: helpers.plot_training(*helpers.train(*flower(), 3, num_iterations=20), *flower()),
    "bugs": lambda: plot_bug_training(*flower(), ["forgot_1_over_m"], num_iterations=20),
    "symmetry": lambda: plot_symmetry({"zeros": train_with_history(*flower(), constant_parameters(2, 4, 1, 0.0), num_iterations=5)[1]}),
    "saturation": lambda: plot_saturation(flower()[0], scales=[0.01, 1]),
    "costs by scale": lambda: plot_costs_by_scale(*flower(), scales=[0, 0.01], num_iterations=20),
}


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_of_helpers_says_what_it_is_and_what_it_shows(name):
    fig = FIGURES[name]()
    try:
        alt = alt_text.alt_text(fig)
        assert fig._bbh_description, f"{name}: no describe() sentence"
        assert alt.startswith(fig._bbh_description[0]) and len(alt) >= 120, alt
        assert "$" not in alt and "\\" not in alt and "{" not in alt, alt  # mathtext turned into words
    finally:
        plt.close(fig)


def test_alt_text_of_a_plain_figure_comes_from_its_titles_labels_legend_and_curves():
    fig, ax = plt.subplots()
    ax.plot([3.0, 2.0, 1.0], label="$J$ with $\\alpha = 0.1$")
    ax.set(title="Cost", xlabel="iteration", ylabel="cost $J$")
    ax.legend()
    assert alt_text.alt_text(fig) == ("Cost; horizontal axis iteration, vertical axis cost J; legend: J with = 0.1; "
                                   "J with = 0.1 from 3 to 1 over 3 points.")
    plt.close(fig)


def test_mathtext_becomes_words():
    assert alt_text.plain("$dW^{[1]} = dz^{[1]}x^T$") == "dW[1] = dz[1]xᵀ"
    assert alt_text.plain("$\\mathcal{L}(a, y)$") == "L(a, y)"
    assert alt_text.plain("$A^{[1]} = \\tanh(Z^{[1]})$") == "A[1] = tanh(Z[1])"
    assert alt_text.plain("$g'(z^{[1]})$ and $\\sigma(z)$") == "g'(z[1]) and σ(z)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_stored_figure_is_an_image_with_alt_text(path):
    figures = 0
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            assert "image/png" not in data, "a bare PNG: no text alternative"
            if "<img" in data.get("text/html", ""):
                png, alt = IMG.search(data["text/html"]).groups()
                assert base64.b64decode(png).startswith(b"\x89PNG")
                assert len(alt) >= 80, alt
                figures += 1
    assert figures >= 1


def test_an_explorer_stores_its_figure_with_alt_text_and_updates_it_live():
    explorer = helpers.graph_explorer()
    html = explorer._repr_mimebundle_()["text/html"]
    assert html.startswith("<p class='bbh-static'") and "the controls appear when the cell runs" in html  # not a dead picture
    png, alt = IMG.search(html).groups()
    assert "x1 = 1.000" in alt and alt == explorer.alt
    assert "Figure: A computation graph" in explorer.described.value  # live: read by a screen reader, not shown
    assert "position:absolute;width:1px;height:1px" in explorer.described.value
    explorer.controls["x1"].value = 2.0
    assert "x1 = 2.000" in explorer.described.value and "x1 = 2.000" in explorer.alt


# the kernel's own inline backend; Agg as Docker and CI images set it; TkAgg as a hub may set it, with no screen
@pytest.mark.parametrize("backend", [None, "Agg", "TkAgg"])
def test_in_a_kernel_a_figure_is_shown_with_alt_text_even_when_the_backend_loads_later(backend):
    """The inline backend resets every figure formatter when it loads (at the first figure): setup() loads it
    first, so its own formatter stays, also through a student's own `%matplotlib inline`. A backend that MPLBACKEND
    chose and that would show nothing in a notebook gives way to the inline one."""
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "DISPLAY", "WAYLAND_DISPLAY")}
    if backend:
        env["MPLBACKEND"] = backend
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in (
        "import matplotlib.pyplot as plt\nimport helpers\nhelpers.setup()",
        "fig, ax = plt.subplots()\nax.plot([1, 2, 3])\nax.set(title='A line', xlabel='x', ylabel='y')\nplt.show()",
        "%matplotlib inline\nplt.plot([1, 2])\nplt.show()",
    )]
    NotebookClient(nb, kernel_name="python3", timeout=60, resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute(env=env)
    assert [o for c in nb.cells for o in c.outputs if o.output_type == "stream"] == []  # no warning either
    shown = nb.cells[1].outputs[0]["data"]
    assert set(shown) == {"text/plain", "text/html"}
    assert IMG.fullmatch(shown["text/html"]).group(2) == "A line; horizontal axis x, vertical axis y; the curve goes from 1 to 3 over 3 points."
    assert set(nb.cells[2].outputs[0]["data"]) == {"text/plain", "text/html"}


def test_a_figure_with_nothing_to_say_still_gets_an_alt_and_is_shown():
    fig = plt.figure()
    fig.text(0.5, 0.5, "")
    assert alt_text.alt_text(fig) == "A figure with no title, labels or text."
    png, alt = IMG.fullmatch(display.figure_html(fig)).groups()
    assert base64.b64decode(png).startswith(b"\x89PNG") and alt == "A figure with no title, labels or text."
    plt.close(fig)
