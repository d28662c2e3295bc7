"""Step through every slide of the built decks in headless Chromium and count what a projector audience would meet.

Usage:  .venv/bin/python tools/slide_audit.py [DECK_DIR] [-v]  (default: build/slides; run `make slides` first;
                                                                  -v: what is cut off or how tall each slide is)
        prints one line per deck and size, then the totals, and writes DECK_DIR/audit.json

At 1280×720 and 1024×768, every slide shown with all its fragments:
- overflowing: the slide is taller than the screen (reveal.js then cuts it off), or it has a scroll bar;
- cut off: something ends past the right edge of the screen or of a box that hides what sticks out of it (a formula
  wider than its markdown cell), or a code or output block is wider than its box;
- broken formulas: MathJax's automatic line-breaking is on (it splits formulas in table cells across lines);
- solutions: a line of an exercise's solution (from solutions/) shown on a slide, unless the exercise edition shows
  it too (the bug gallery of 04 prints the right line beside each bug);
- console errors, page errors, and requests that are not for a local file;
- broken links: an <a href> to a local file that is not there;
- no notes: a slide without speaker notes that say its minutes, a question to ask the class and its answer;
- small figure text: a figure whose smallest text, as the slide shows it, is smaller than the slide's body text (helpers
  writes that size into the <img> it draws for a slide; a figure without it counts as small);
- broken words: a code or output line that wraps between two characters that are not spaces ("hidden uni|t", "0.05|8");
- figure text cut: a figure whose text reaches past the picture's edge (helpers counts such texts as it draws the figure
  and writes the count into the <img>, as it does the text size);
- legend over data: a figure whose legend covers a curve, a marker, a bar or a contour line (counted at draw time too);
- tool comments: a comment meant for the test tools (`# NBVAL_IGNORE_OUTPUT`) shown on a slide;
- bare booleans: an output that is only `True` or `False`;
- answer beside question: a cell whose output answers a question (metadata bbh.answers) on the slide that asks it
  (bbh.asks, the same key): the class must be able to think before the answer is on screen.
"""
import json
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from exercises import exercises  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# what is counted per slide (the slides' numbers are reported)
KINDS = ("overflowing", "cut_off", "solutions", "no_notes", "small_figure_text", "broken_words", "figure_text_cut",
         "legend_over_data", "tool_comments", "bare_booleans", "answer_beside_question")
VERBOSE = "-v" in sys.argv
SIZES = ((1280, 720), (1024, 768))

# A slide is measured once it is laid out for good: MathJax typesets the slides one after the other after the deck
# says it is ready (every formula's output frame must have a width), re-renders a slide when it is shown, and then the
# deck decides whether it scrolls (MathJax's queue is empty); an image has no height until it is decoded.
SETTLED = """() => {
  const slide = Reveal.getCurrentSlide(), jax = MathJax.Hub.getAllJax(slide);
  return MathJax.Hub.queue.pending === 0 && !MathJax.Hub.queue.running && jax.length === slide.querySelectorAll('script[type^="math/tex"]').length && jax.every(j => {
    const frame = document.getElementById(j.inputID + '-Frame');
    return frame !== null && frame.getBoundingClientRect().width > 0;
  }) && [...slide.querySelectorAll('img')].every(img => img.complete && img.naturalHeight > 0);
}"""
MEASURE = """() => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const slide = Reveal.getCurrentSlide();
  slide.querySelectorAll('.fragment').forEach(f => f.classList.add('visible'));
  const box = slide.getBoundingClientRect();
  const overflowing = slide.scrollHeight > slide.clientHeight + 2 || box.height > vh + 2 || getComputedStyle(slide).overflowY === 'scroll';
  const cuts = [];
  slide.querySelectorAll('pre, img, table, .MJXc-display, .mjx-chtml, .MathJax_Display, .MathJax_CHTML, .jp-OutputArea-output, .jp-RenderedMarkdown').forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.width === 0) return;
    let clip = null;  // the nearest box that hides what sticks out of it (overflow not visible)
    for (let a = el.parentElement; a && a !== slide.parentElement && !clip; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') clip = a.getBoundingClientRect();
    const clipped = clip !== null && (r.right > clip.right + 1 || r.left < clip.left - 1);
    if (clipped || r.right > vw + 1 || r.left < -1 || el.scrollWidth > el.clientWidth + 1) cuts.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right) + ' sw ' + el.scrollWidth + ' cw ' + el.clientWidth);
  });
  const body = parseFloat(getComputedStyle(document.body).getPropertyValue('--jp-content-font-size1'));
  const small = [...slide.querySelectorAll('.jp-OutputArea-output img')].filter(img =>
    !(parseFloat(img.dataset.textPx) * img.clientWidth / img.naturalWidth >= body - 0.5));
  // text broken inside a word: in a code or output block, a line that ends between two characters that are not spaces
  const broken = [];
  const range = document.createRange();
  slide.querySelectorAll('pre').forEach(pre => {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    let top = null, last = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\n') { top = null; last = ''; continue; }
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (top !== null && rect.top > top + 2 && /\\S/.test(text[i]) && /\\S/.test(last))
          broken.push(JSON.stringify(text.slice(Math.max(0, i - 12), i) + '|' + text.slice(i, i + 12)));
        top = rect.top; last = text[i];
      }
    }
  });
  const figures = [...slide.querySelectorAll('.jp-OutputArea-output img')];
  const textCut = figures.filter(img => parseFloat(img.dataset.textCut || '0') > 0).length;
  const legendOver = figures.filter(img => parseFloat(img.dataset.legendOver || '0') > 0).length;
  const toolComments = (slide.innerText.match(/\\bnbval/gi) || []).length;
  const bare = [...slide.querySelectorAll('.jp-OutputArea-output')].filter(o => /^(True|False)$/.test(o.innerText.trim())).length;
  // an answer beside its question: a cell tagged bbh-answers-KEY with an output, on the slide of bbh-asks-KEY
  const answered = [...slide.querySelectorAll('[class*="celltag_bbh-answers-"]')].filter(cell => {
    const key = [...cell.classList].find(c => c.startsWith('celltag_bbh-answers-')).slice('celltag_bbh-answers-'.length);
    const output = cell.querySelector('.jp-OutputArea-output');
    return output !== null && output.innerText.trim() !== '' && slide.querySelector('.celltag_bbh-asks-' + key) !== null;
  }).length;
  const aside = slide.querySelector('aside.notes');
  const notes = aside !== null && / min /.test(aside.textContent) && /Ask the class: .+\\?/.test(aside.textContent)
    && /Answer: \\S/.test(aside.textContent);
  return {overflowing, cuts, notes, small: small.length, text: slide.innerText, h: slide.scrollHeight, ch: slide.clientHeight,
          shown: Math.round(box.height), broken, textCut, legendOver, toolComments, bare, answered};
}"""


def audit_deck(browser, deck, width, height, solution_lines):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors, remote = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (remote.append(route.request.url), route.abort()))
    page.goto(deck.as_uri())
    page.wait_for_function("() => document.querySelector('.reveal.ready') !== null", timeout=30_000)
    page.wait_for_function("() => window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0", timeout=30_000)
    page.evaluate("() => { window.Reveal = require('vendor/reveal.js/dist/reveal.js'); Reveal.configure({transition: 'none'}); }")
    automatic = page.evaluate("() => MathJax.Hub.config.CommonHTML.linebreaks.automatic")
    indices = page.evaluate("() => Reveal.getSlides().map(s => Reveal.getIndices(s))")
    result = {"slides": len(indices), "heights": [],  # each slide's height in the deck's own pixels, and as shown on this screen
              **{kind: [] for kind in KINDS}}
    for number, index in enumerate(indices, start=1):
        page.evaluate(f"() => Reveal.slide({index['h']}, {index.get('v') or 0})")
        page.wait_for_function(SETTLED, timeout=30_000)
        measured = page.evaluate(MEASURE)
        result["heights"].append((measured["h"], measured["shown"]))
        if not measured["notes"]:
            result["no_notes"].append(number)
        if measured["small"]:
            result["small_figure_text"].append(number)
        for kind, key in (("broken_words", "broken"), ("figure_text_cut", "textCut"), ("legend_over_data", "legendOver"),
                          ("tool_comments", "toolComments"), ("bare_booleans", "bare"), ("answer_beside_question", "answered")):
            if measured[key]:
                result[kind].append(number)
        if VERBOSE and measured["broken"]:
            print(deck.name, number, "broken inside a word:", ", ".join(measured["broken"][:4]))
        if measured["overflowing"]:
            result["overflowing"].append(number)
        if measured["cuts"]:
            result["cut_off"].append(number)
            if VERBOSE:
                print(deck.name, number, measured["cuts"][:3])
        if VERBOSE and measured["overflowing"]:
            print(deck.name, number, "height", measured["h"], measured["ch"])
        shown = [line for line in solution_lines if line in measured["text"]]
        if shown:
            result["solutions"].append((number, shown[0]))
    links = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    broken = []
    for href in links:
        parsed = urlparse(href)
        if parsed.scheme or href.startswith("#") or not parsed.path:
            continue
        if not (deck.parent / unquote(parsed.path)).exists():
            broken.append(href)
    result.update(broken_formulas=bool(automatic), console_errors=errors, remote_requests=remote, broken_links=broken)
    page.close()
    return result


def solution_lines(deck):
    """Lines that only a solution of the deck's notebook shows (long enough to be unmistakable, and not shown by the
    exercise edition itself)."""
    import nbformat

    lines = set()
    for exercise in (e for e in exercises() if e.notebook.stem == deck.name.removesuffix(".slides.html")):
        edition = ROOT / "notebooks" / exercise.notebook.name  # what the deck is made of
        cells = nbformat.read(edition, as_version=4).cells  # its sources and outputs (the bug gallery prints right lines)
        shown = "\n".join([c.source for c in cells] + [str(o) for c in cells for o in c.get("outputs", [])])
        lines |= {line.strip() for line in exercise.solution.splitlines() if len(line.strip()) > 12 and line.strip() not in shown}
    return sorted(lines)


def main(deck_dir=ROOT / "build" / "slides"):
    from playwright.sync_api import sync_playwright

    deck_dir = Path(deck_dir)
    decks = sorted(deck_dir.glob("*.slides.html"))
    if not decks:
        raise SystemExit(f"no decks in {deck_dir}: run `make slides` first")
    report = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for width, height in SIZES:
            for deck in decks:
                r = audit_deck(browser, deck, width, height, solution_lines(deck))
                report[f"{deck.name} {width}x{height}"] = r
                print(f"{deck.name:45} {width}x{height}: {r['slides']} slides, overflowing {len(r['overflowing'])} "
                      f"{r['overflowing']}, cut off {len(r['cut_off'])} {r['cut_off']}, solutions {len(r['solutions'])}, "
                      f"formula line-breaking {'on' if r['broken_formulas'] else 'off'}, console errors "
                      f"{len(r['console_errors'])}, remote requests {len(r['remote_requests'])}, broken links {r['broken_links']}, "
                      f"no notes {r['no_notes']}, small figure text {r['small_figure_text']}, "
                      + ", ".join(f"{kind.replace('_', ' ')} {r[kind]}" for kind in KINDS[5:]))
        browser.close()
    totals = {key: sum(len(r[key]) if isinstance(r[key], list) else int(r[key]) for r in report.values())
              for key in ("broken_formulas", "console_errors", "remote_requests", "broken_links") + KINDS}
    print("totals over both sizes:", ", ".join(f"{k} {v}" for k, v in totals.items()))
    (deck_dir / "audit.json").write_text(json.dumps({"decks": report, "totals": totals}, indent=1, ensure_ascii=False))
    return totals


if __name__ == "__main__":
    main(*[a for a in sys.argv[1:2] if a != '-v'])
