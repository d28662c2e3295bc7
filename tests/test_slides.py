"""`make slides`: offline reveal.js decks, one per notebook, with equations rendered and nothing from a network.

The decks are built from the runs of the "slides" variant (tools/variants.py: figures drawn for a slide, OpenBLAS's
Sandybridge kernel), which the first tests here also compare with the stored outputs of both editions
(2/3 of "a stored output is a property of the course, not of the machine"; tests/test_variant_*.py are the others):
each notebook runs once for both."""
import json
import os
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_slides  # noqa: E402
import slide_audit  # noqa: E402
import variants  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REMOTE = re.compile(r"""(?:src|href)=["']https?://|import\s+\w+\s+from\s+["']https?://|url\(["']?https?://""")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def decks(tmp_path_factory, executed):
    """The decks of `make slides`, built from the runs that the tests above compare with the stored outputs."""
    if shutil.which("npm") is None and not (make_slides.MODULES / "reveal.js").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("make slides needs npm under CI")
        pytest.skip("npm is not installed: make slides cannot fetch reveal.js")
    out = tmp_path_factory.mktemp("slides")
    return make_slides.build(out, run=lambda path: executed("slides", path))


test_the_slides_variant_takes_effect, test_the_stored_outputs_are_what_the_slides_variant_computes = \
    variants.tests("slides")


def test_one_deck_per_notebook(decks):
    assert [d.name for d in decks] == [f"{p.stem}.slides.html" for p in NOTEBOOKS]


@pytest.mark.parametrize("index", range(len(NOTEBOOKS)))
def test_deck_loads_nothing_from_a_network(decks, index):
    html = decks[index].read_text(encoding="utf-8")
    assert not REMOTE.findall(html)
    for local in re.findall(r"""(?:src|href)=["'](vendor/[^"'?]+)""", html):
        assert (decks[index].parent / local).exists(), local
    assert 'data-mime-type="application/vnd.jupyter.widget-view+json"' not in html


def require_chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("no Chromium under CI=true")
        pytest.skip("no Chromium to open the deck")


def test_deck_runs_offline_with_equations_rendered(decks):
    require_chromium()
    from playwright.sync_api import sync_playwright

    remote = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                          "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})

        def block(route):
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                remote.append(route.request.url)
                route.abort()

        page.route("**/*", block)
        page.goto(decks[0].as_uri())
        page.wait_for_function("() => document.querySelector('.reveal.ready') !== null", timeout=30_000)
        page.wait_for_function("() => document.querySelectorAll('.MathJax_CHTML, mjx-container').length > 0", timeout=30_000)
        slides = page.evaluate("() => document.querySelectorAll('.reveal .slides section').length")
        page.screenshot(path=str(decks[0].parent / "first-slide.png"))
        browser.close()
    assert remote == []
    assert slides > 5


def test_every_slide_fits_1280x720_and_1024x768_with_notes_large_figure_text_and_no_solution(decks):
    """tools/slide_audit.py steps through every slide of every deck at both sizes, fragments shown."""
    require_chromium()
    totals = slide_audit.main(decks[0].parent)
    assert totals == dict.fromkeys(totals, 0), totals


def test_the_audit_sees_each_kind_of_fault(tmp_path):
    """Too tall, too wide, no question, small figure text, a broken word, a figure's text cut, a legend over data, a tool
    comment, a bare boolean, an answer beside its question: one slide each, found at both sizes."""
    require_chromium()
    notes = {"minutes": 1, "say": "What the presenter says here.", "ask": "What does the class think?",
             "answer": "What the presenter answers."}
    cells = [
        nbformat.v4.new_markdown_cell("## Too tall\n\n" + "\n\n".join(f"Line {i}." for i in range(30))),
        nbformat.v4.new_markdown_cell("## Too wide\n\n$$" + " + ".join(f"x_{{{i}}}" for i in range(90)) + "$$"),
        nbformat.v4.new_markdown_cell("## Fits"),
        # a figure not drawn by helpers for a slide: matplotlib's 10-point text is half the slide's body text
        nbformat.v4.new_code_cell("%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()"),
        # a slide (of a column: a subslide) taller than 95% of 720 px but shown within 720 px (reveal.js scales it):
        # nbconvert's template gives it a scroll bar at 1280x720 (here always; on 02's slide 19 by timing), the decks
        # of make slides do not (tools/make_slides.py: SCROLLING)
        nbformat.v4.new_markdown_cell('<div style="height: 666px"></div>'),
    ]
    png = ("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
           "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082")  # 1 × 1 pixel
    hex_lines = "\n".join(f'    "{png[i:i + 32]}"' for i in range(0, len(png), 32))
    marked = ("from IPython.display import HTML\nfrom helpers.figures.display import img_html\npng = bytes.fromhex(\n"
              + hex_lines + ")\nHTML(img_html(png, 'a figure', {marks!r}))")
    cells += [
        # 6: a word broken anywhere (a style that lets the browser break inside words), and a hyphenated word at a line's
        # end (make slides keeps it whole: it does not count)
        nbformat.v4.new_markdown_cell('<pre style="white-space: pre-wrap; overflow-wrap: anywhere">'
                                      + "x" * 400 + "</pre>\n\n<pre>" + "word " * 14 + "a 1-D vector</pre>"),
        # 7, 8: what helpers records in a figure it draws for a slide: a text cut at its edge, a legend over its data
        nbformat.v4.new_code_cell(marked.format(marks={"text-px": 20, "text-cut": 1, "legend-over": 0})),
        nbformat.v4.new_code_cell(marked.format(marks={"text-px": 20, "text-cut": 0, "legend-over": 1})),
        # 9: a comment for the test tool on screen (make slides drops it from the top of a code cell, not from markdown)
        nbformat.v4.new_markdown_cell("`# NBVAL_IGNORE_OUTPUT` on a slide"),
        # 10: a bare boolean
        nbformat.v4.new_code_cell("1 + 1 == 2"),
        # 11: a question and, on the same slide, the output that answers it
        nbformat.v4.new_markdown_cell("How much is 6 times 7?", metadata={"bbh": {"asks": "product"}}),
        nbformat.v4.new_code_cell("print(6 * 7)", metadata={"bbh": {"answers": "product"}}),
        # 12: the same answer on the next slide, and a code cell whose test-tool comment make slides drops
        nbformat.v4.new_code_cell("# NBVAL_IGNORE_OUTPUT\n# (nbval skips comparing it)\nprint(6 * 7)",
                                  metadata={"bbh": {"answers": "product"}}),
    ]
    asks = [notes["ask"], notes["ask"], "No question here.", notes["ask"], notes["ask"]] + [notes["ask"]] * 7
    for cell, ask in zip([c for c in cells if c.source != "print(6 * 7)"], asks):
        cell.metadata.update(slideshow={"slide_type": "slide"})
        cell.metadata.setdefault("bbh", {})["notes"] = {**notes, "ask": ask}
    cells[4].metadata.slideshow.slide_type = "subslide"
    path = tmp_path / "99_bad.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    make_slides.build(tmp_path / "slides", [path])
    slide_audit.main(tmp_path / "slides")
    report = json.loads((tmp_path / "slides" / "audit.json").read_text())["decks"]
    for size in ("1280x720", "1024x768"):
        deck = report[f"99_bad.slides.html {size}"]
        assert (deck["overflowing"], deck["cut_off"], deck["no_notes"], deck["small_figure_text"]) == ([1], [2], [3], [4]), deck
        assert (deck["broken_words"], deck["figure_text_cut"], deck["legend_over_data"], deck["tool_comments"],
                deck["bare_booleans"], deck["answer_beside_question"]) == ([6], [7], [8], [9], [10], [11]), deck
    own, shown = report["99_bad.slides.html 1280x720"]["heights"][4]
    assert 0.95 * 720 < own and shown <= 720, (own, shown)


def test_a_question_without_its_answer_stops_the_build_and_the_answers_reach_the_speaker_view_only(tmp_path):
    notes = {"minutes": 1, "say": "What the presenter says here.", "ask": "What does the class think?"}
    cells = [nbformat.v4.new_markdown_cell(f"## Slide {k}", metadata={"slideshow": {"slide_type": "slide"},
                                                                       "bbh": {"notes": dict(notes)}}) for k in (1, 2)]
    cells[0].metadata.bbh.notes["answer"] = "Forty-two, said only to the presenter."
    path = tmp_path / "99_half.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    with pytest.raises(ValueError, match="no answer .* '## Slide 2'"):
        make_slides.build(tmp_path / "slides", [path])
    cells[1].metadata.bbh.notes["answer"] = "Seven, said only to the presenter."
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    html = make_slides.build(tmp_path / "slides", [path])[0].read_text()
    for answer in ("Forty-two", "Seven"):
        assert re.search(rf'<aside class="notes">(?:(?!</aside>).)*Answer:</strong> {answer}', html, flags=re.S), answer


def test_a_slide_without_notes_stops_the_build(tmp_path):
    cell = nbformat.v4.new_markdown_cell("## No notes", metadata={"slideshow": {"slide_type": "slide"}})
    path = tmp_path / "99_bare.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    with pytest.raises(ValueError, match="no speaker notes .* '## No notes'"):
        make_slides.build(tmp_path / "slides", [path])
