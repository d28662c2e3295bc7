"""`make present NB=01`: the notebook as live slides in Voilà, with working widgets and nothing from a network.

The deck is opened as an instructor's laptop would show it on a 1280×720 projector with the browser at 150% zoom, from
the page `make present` opens at once (it says the deck is being prepared, then opens it); for each notebook with an
explorer, the test goes to the explorer's slide, checks that the slide fits, that its sliders are sliders (not a
knob) and that the figure's smallest text is at least 16 px on screen, moves a slider with the keyboard and waits for
the figure to change; then it closes the page and waits for the page's kernel to end. Any request that is not for
this machine fails it, and so does any console error. Voilà comes from the instructors' venv (.venv-teach, `make
setup`). The times it prints (preparing page, first slide, explorer live, slider to new figure) are measured, not
asserted: benchmarks/README.md reports them.

Voilà sends a heartbeat to the page while a cell runs longer than its keep-alive time (10 s). The test sets that time to
1 s, so a deck meets heartbeats on any machine if a cell is slow, and waits for conditions (the slide shown, the figure
changed), never for a fixed time.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_browser import CHROMIUM, CHROMIUM_ARGS, _free_port, _require_browser

ROOT = Path(__file__).resolve().parent.parent
TEACH = ROOT / ".venv-teach" / "bin"
sys.path.insert(0, str(ROOT / "tools"))
import present  # noqa: E402

ZOOM, SCREEN = 1.5, (1280, 720)
# the [horizontal, vertical] index of every slide, in order (Voilà's reveal.js keeps no global to ask)
INDICES = """() => [...document.querySelectorAll('.reveal .slides > section')].flatMap((h, i) => {
  const v = [...h.querySelectorAll(':scope > section')];
  return v.length ? v.map((s, j) => [i, j, s.querySelector('.bbh-explorer') !== null])
                  : [[i, 0, h.querySelector('.bbh-explorer') !== null]];
})"""
SHOWN = """() => {
  const slide = document.querySelector('.reveal .slides section.present section.present')
             || document.querySelector('.reveal .slides > section.present');
  return slide !== null && slide.querySelector('.bbh-explorer') !== null;
}"""
SLIDE = """() => {
  const slide = document.querySelector('.reveal .slides section.present section.present')
             || document.querySelector('.reveal .slides > section.present');
  const sliders = [...slide.querySelectorAll('.widget-slider, .jupyter-widget-slider')];
  return {height: slide.scrollHeight, sliders: sliders.map(s => s.getBoundingClientRect().width),
          label: parseFloat(getComputedStyle(slide.querySelector('.widget-label')).fontSize),
          formulas: document.querySelectorAll('mjx-container').length};
}"""


# the explorer's smallest figure text in screen pixels: helpers draws the figure for a slide and names the size of its
# smallest text in a class of the image ("bbh-text-px-20"), at the picture's own size
TEXT_PX = """img => {
  const px = parseFloat([...img.classList].find(c => c.startsWith('bbh-text-px-')).slice('bbh-text-px-'.length));
  return px * img.getBoundingClientRect().width / img.naturalWidth * window.devicePixelRatio;
}"""


def kernels(server):
    """The kernels Voilà (process ``server``) runs: its child processes."""
    children = Path(f"/proc/{server}/task/{server}/children")
    return children.read_text().split() if children.exists() else []


@pytest.mark.parametrize("number", ["01", "02", "03", "05", "06", "07", "08", "09"])  # the notebooks with an explorer
def test_the_presented_deck_moves_a_slider_offline_at_150_percent_zoom(number, tmp_path):
    _require_browser()
    if not (TEACH / "voila").exists():
        pytest.fail("Voilà is not installed in .venv-teach: run `make setup` (the instructors' tools' own venv)")
    port = _free_port()
    log = tmp_path / "voila.log"
    config = tmp_path / "config"  # a heartbeat after 1 s without output (Voilà's default: 10 s), as on a slow machine
    config.mkdir()
    (config / "voila.json").write_text('{"VoilaConfiguration": {"http_keep_alive_timeout": 1}}')
    server = subprocess.Popen([str(TEACH / "python"), str(ROOT / "tools" / "present.py"), number, "--no-browser",
                               f"--port={port}"], cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT,
                              env={**os.environ, "JUPYTER_CONFIG_DIR": str(config)})
    url = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    preparing = present.BUILD / f"preparing-{number}.html"
    preparing.unlink(missing_ok=True)
    try:
        for _ in range(240):  # present.py writes the page the browser opens at once (make present opens it)
            if preparing.exists() and f"{port}/" in preparing.read_text():
                break
            time.sleep(0.05)
        written = time.perf_counter() - started
        assert 'id="bbh-preparing"' in preparing.read_text(), "the page opened at once says what is happening"
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": round(SCREEN[0] / ZOOM), "height": round(SCREEN[1] / ZOOM)},
                                    device_scale_factor=ZOOM)
            remote, errors, logged = [], [], []
            # (the preparing page's own failed polls, while Voilà does not listen yet, are no error)
            page.on("console", lambda m: None if page.url.startswith("file:") else
                    (errors if m.type == "error" else logged).append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith((url, "data:", "blob:", "file:"))
                       else (remote.append(route.request.url), route.abort()))
            page.goto(preparing.as_uri())  # returns once the page has loaded: on screen, whether or not it has left for
            shown = time.perf_counter() - started  # the deck already (Voilà may listen by then)
            # the page opens the deck once Voilà listens; Voilà answers once the deck's explorers are drawn
            page.wait_for_function("() => document.querySelector('.reveal.ready') !== null", timeout=120_000)
            first = time.perf_counter() - started
            page.wait_for_function("() => document.querySelector('.reveal.ready .bbh-explorer .widget-image')",
                                   timeout=120_000)
            usable = time.perf_counter() - started
            [(h, v, _)] = [i for i in page.evaluate(INDICES) if i[2]]
            page.evaluate(f"() => {{ location.hash = '#/{h}/{v}'; }}")
            page.wait_for_function(SHOWN)  # reveal.js has made the explorer's slide the present one
            slide = page.evaluate(SLIDE)
            image = page.locator(".bbh-explorer .widget-image").first
            before = image.get_attribute("src")
            page.locator(".bbh-explorer .noUi-handle").first.focus()
            start = time.perf_counter()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("([el, old]) => el.getAttribute('src') !== old", arg=[image.element_handle(), before],
                                   timeout=30_000)
            latency = time.perf_counter() - start
            stayed = page.evaluate(SHOWN)  # the key moved the slider, not the deck (reveal.js changes slides at once)
            text_px = page.evaluate(TEXT_PX, image.element_handle())
            page.screenshot(path=str(tmp_path / f"present-{number}.png"))
            assert kernels(server.pid), "no kernel for the open deck"
            browser.close()
        for _ in range(120):  # the page is gone: its kernel ends (Voilà culls it once idle, present.CULL_SECONDS)
            if not kernels(server.pid):
                break
            time.sleep(0.5)
        left = kernels(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    heartbeats = sum("still" in text for text in logged)
    print(f"{number}: preparing page written after {written:.1f} s, shown after {shown:.1f} s (the test's browser starts "
          f"meanwhile), first slide after {first:.1f} s, explorer live after {usable:.1f} s; "
          f"explorer slide {slide}; figure text {text_px:.1f} px on screen; slider to new figure {latency * 1000:.0f} ms; "
          f"{heartbeats} heartbeat(s)")
    assert left == [], f"kernels outlived their page: {left}"
    assert text_px >= 16, f"the explorer's smallest figure text is {text_px:.1f} px at 1280 x 720"
    assert remote == [] and errors == [], (remote, errors, log.read_text()[-2000:])
    assert stayed, "the arrow key for the slider also changed the slide"
    assert slide["height"] <= 700, slide  # reveal.js's slide is 960 x 700: taller is cut off
    assert slide["formulas"] > 10, slide  # the deck's LaTeX is rendered
    assert slide["sliders"] and min(slide["sliders"]) >= 150 and slide["label"] >= 16, slide  # a slider, not a knob


def test_voila_starts_without_building_the_iri_parsers_and_still_checks_an_iri():
    """present.py runs Voilà in its own process after `lazy_iri_checks`: importing Voilà then leaves rfc3987_syntax's
    stand-in in place (its 35 parsers unbuilt), and an IRI checked by jsonschema is checked by the real module."""
    if not (TEACH / "voila").exists():
        pytest.fail("Voilà is not installed in .venv-teach: run `make setup` (the instructors' tools' own venv)")
    script = (
        "import sys; sys.path.insert(0, 'tools'); import present; present.lazy_iri_checks()\n"
        "import voila.app\n"
        "stand_in = sys.modules['rfc3987_syntax']\n"
        "assert stand_in.__doc__.startswith('stands in'), stand_in\n"
        "from jsonschema import Draft7Validator\n"
        "v = Draft7Validator({'format': 'iri'}, format_checker=Draft7Validator.FORMAT_CHECKER)\n"
        "print(v.is_valid('https://example.org/ä'), v.is_valid('no iri :: %%'), v.is_valid('https://example.org/b'))\n"
        "print(sys.modules['rfc3987_syntax'] is not stand_in)\n")
    result = subprocess.run([str(TEACH / "python"), "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["True", "False", "True", "True"]
