"""`make slides`: offline reveal.js decks, one per notebook, with equations rendered and nothing from a network."""
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_slides  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REMOTE = re.compile(r"""(?:src|href)=["']https?://|import\s+\w+\s+from\s+["']https?://|url\(["']?https?://""")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    if shutil.which("npm") is None and not (make_slides.MODULES / "reveal.js").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("make slides needs npm under CI")
        pytest.skip("npm is not installed: make slides cannot fetch reveal.js")
    out = tmp_path_factory.mktemp("slides")
    return make_slides.build(out)


def test_one_deck_per_notebook(decks):
    assert [d.name for d in decks] == [f"{p.stem}.slides.html" for p in NOTEBOOKS]


@pytest.mark.parametrize("index", range(len(NOTEBOOKS)))
def test_deck_loads_nothing_from_a_network(decks, index):
    html = decks[index].read_text(encoding="utf-8")
    assert not REMOTE.findall(html)
    for local in re.findall(r"""(?:src|href)=["'](vendor/[^"'?]+)""", html):
        assert (decks[index].parent / local).exists(), local
    assert 'data-mime-type="application/vnd.jupyter.widget-view+json"' not in html


def test_deck_runs_offline_with_equations_rendered(decks):
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("no Chromium under CI=true")
        pytest.skip("no Chromium to open the deck")
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
