"""`make present NB=01`: the notebook as live slides in Voilà, with working widgets and nothing from a network.

The deck is opened as an instructor's laptop would show it on a 1280×720 projector with the browser at 150% zoom;
for each notebook with an explorer, the test goes to the explorer's slide, checks that the slide fits and that its sliders are sliders (not a knob),
moves one with the keyboard and waits for the figure to change. Any request that is not for this machine fails it,
and so does any console error. Voilà comes from the instructors' venv (.venv-teach, `make setup`).

Voilà sends a heartbeat to the page while a cell runs longer than its keep-alive time (10 s; 03's training takes that
long on a slow machine). The test sets that time to 1 s, so the decks meet heartbeats on any machine, and waits for
conditions (the slide shown, the figure changed), never for a fixed time.
"""
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
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


@pytest.mark.parametrize("number", ["01", "02", "03", "05"])  # the notebooks with an explorer
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
    try:
        for _ in range(240):  # until the server answers (any answer: its root would run the notebook)
            try:
                urllib.request.urlopen(url + "voila/static/", timeout=1)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.25)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": round(SCREEN[0] / ZOOM), "height": round(SCREEN[1] / ZOOM)},
                                    device_scale_factor=ZOOM)
            remote, errors, logged = [], [], []
            page.on("console", lambda m: (errors if m.type == "error" else logged).append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith((url, "data:", "blob:"))
                       else (remote.append(route.request.url), route.abort()))
            page.goto(url, timeout=120_000)  # Voilà runs the whole notebook before it answers
            page.wait_for_function("() => document.querySelector('.reveal.ready .bbh-explorer .widget-image')",
                                   timeout=120_000)
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
            page.screenshot(path=str(tmp_path / f"present-{number}.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    heartbeats = sum("still" in text for text in logged)
    print(f"{number}: explorer slide {slide}; slider to new figure {latency * 1000:.0f} ms; {heartbeats} heartbeat(s)")
    assert remote == [] and errors == [], (remote, errors, log.read_text()[-2000:])
    if number == "03":  # its training cell runs for more than a second on any machine: the heartbeat came, and did no harm
        assert heartbeats, logged
    assert stayed, "the arrow key for the slider also changed the slide"
    assert slide["height"] <= 700, slide  # reveal.js's slide is 960 x 700: taller is cut off
    assert slide["formulas"] > 10, slide  # the deck's LaTeX is rendered
    assert slide["sliders"] and min(slide["sliders"]) >= 150 and slide["label"] >= 16, slide  # a slider, not a knob
