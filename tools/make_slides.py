"""Build the reveal.js slide decks of the course: build/slides/<notebook>.slides.html, offline.

Usage:  .venv/bin/python tools/make_slides.py [OUTPUT_DIR]      (default: build/slides)

Each deck comes from the cells' slide metadata ("slide", "subslide", "fragment", "skip") through
nbconvert's SlidesExporter. A classroom projector may have no network, so nothing is loaded from one:
reveal.js, MathJax, require.js and jQuery are installed from the npm registry by `make setup` (exact
versions in tools/slides/package-lock.json; this script installs them itself when they are missing) and
copied next to the decks, which point at those copies: building the decks needs no network after set-up. The
folder build/slides can be copied to a USB stick as it is.

The decks show the exercise edition run again in a kernel with ``BBH_SLIDES=1``: `helpers` then draws every figure for a
slide, with no text smaller than the slide's body text (helpers.figures.style.SLIDE_TEXT_PT). An interactive figure shows the
picture of its starting values (`make present` shows it live).
"""
import copy
import os
import re
import sys
from pathlib import Path

import nbformat
from nbconvert.exporters import SlidesExporter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from run_notebooks import execute  # noqa: E402
from vendor import MODULES, VENDOR, install_vendor  # noqa: E402,F401  (make_assignments and the tests read them here)

# nbconvert's template imports mermaid (diagrams) as a JavaScript module, which a browser refuses to load from a file
# (CORS) and the course does not use: the import is taken out of the deck.
MERMAID = re.compile(r'<script type="module">\s*import mermaid from [^<]*</script>\s*')


def exporter():
    return SlidesExporter(
        reveal_url_prefix="vendor/reveal.js",
        mathjax_url="vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
        require_js_url="vendor/requirejs/require.js",
        jquery_url="vendor/jquery/dist/jquery.min.js",
        reveal_scroll=True,
    )


# What a projector needs from the deck beyond nbconvert's template: long code and output lines wrap at a space instead of
# running off the slide's right edge, inside the code cell's box, and never inside a word or a number (a line with no
# space to wrap at sticks out, and the audit reports it as cut off); no "In [3]:" prompts (a column of 110 px that the figures need more).
STYLE = """<style>
.reveal pre, .reveal .jp-OutputArea-output pre { white-space: pre-wrap; overflow-wrap: normal; word-break: normal; }
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt { display: none; }
.reveal .jp-InputArea-editor pre { box-sizing: border-box; }  /* its padding inside its box: no letter hidden at the right */
.reveal .bbh-word { white-space: nowrap; }  /* a word with a hyphen ("1-D", "1e-7") wraps whole, not after its hyphen */
</style>
"""
# MathJax's automatic line-breaking breaks formulas inside table cells across lines: a formula stays on one line.
LINEBREAKS = re.compile(r"(linebreaks:\s*\{\s*automatic:\s*)true")
# nbconvert's template gives a slide a scroll bar (95% of the window high) when, at the moment the slide changes, it
# or a slide of its column is taller than 95% of the window, unscaled: a slide that fits on screen got one or not by
# timing (MathJax re-renders the slide at that moment), and the audit counted it as overflowing in some runs only. Here the
# current slide scrolls only when it is taller than the window as shown (reveal.js scales the slides), measured once
# MathJax has typeset it.
SCROLLING = re.compile(r"function setScrollingSlide\(\) \{.*?Reveal\.addEventListener\('slidechanged', setScrollingSlide\);",
                       re.DOTALL)
SCROLL_WHEN_TALLER = """function setScrollingSlide() {
            var slide = $(Reveal.getCurrentSlide());
            if (slide.outerHeight() * Reveal.getScale() > $('.reveal').height()) {
                slide.css('height', 'calc(95vh)').css('overflow-y', 'scroll').css('margin-top', '20px');
            }
        }
        Reveal.addEventListener('slidechanged', function () { MathJax.Hub.Queue(setScrollingSlide); });"""


PRE = re.compile(r"(<pre[^>]*>)(.*?)(</pre>)", re.DOTALL)
HYPHENATED = re.compile(r"[^\s<>]*-[^\s<>]*")


def words_whole(body):
    """In code and output blocks, every word with a hyphen in a span that does not wrap: a browser may break a line after
    a hyphen ("1e-|7", "a 1-|D vector"), which ``overflow-wrap: normal`` does not stop."""
    def block(match):
        parts = re.split(r"(<[^>]+>)", match.group(2))
        parts = [p if p.startswith("<") else HYPHENATED.sub(lambda w: f'<span class="bbh-word">{w.group(0)}</span>', p)
                 for p in parts]
        return match.group(1) + "".join(parts) + match.group(3)
    return PRE.sub(block, body)


def deck_links(body, decks):
    """Links between notebooks (``02_….ipynb``) point at the other deck when it is built, so they work inside the decks."""
    return re.sub(r'href="(?:\.?/)?([\w.-]+)\.ipynb(#[^"]*)?"',
                  lambda m: f'href="{m.group(1)}.slides.html{m.group(2) or ""}"' if m.group(1) in decks else m.group(0), body)


def finish(body, decks):
    """The deck's HTML with the course's fixes: no automatic formula line-breaking, a scroll bar only on a slide taller
    than the screen, the style, working links."""
    body, count = LINEBREAKS.subn(r"\1false", body)
    body, imports = MERMAID.subn("", body)
    body, scrolling = SCROLLING.subn(lambda _: SCROLL_WHEN_TALLER, body)
    if count != 1 or imports != 1 or scrolling != 1:
        raise RuntimeError("nbconvert's reveal template changed: MathJax's line-breaking, the mermaid import or the "
                           "scrolling of tall slides not found")
    return deck_links(words_whole(body.replace("</head>", STYLE + "</head>", 1)), decks)


def slide_starts(nb):
    """The indices of the cells that start a slide or a subslide (as reveal.js counts slides)."""
    return [i for i, c in enumerate(nb.cells) if c.metadata.get("slideshow", {}).get("slide_type") in ("slide", "subslide")]


def slide_answers(path):
    """The answer to each slide's question (``bbh.notes.answer``), in slide order, from the full edition of the notebook
    at ``path`` (solutions/ holds them; the exercise edition, which students receive, does not)."""
    source = ROOT / "solutions" / Path(path).name
    nb = nbformat.read(source if source.exists() else path, as_version=4)
    return [nb.cells[i].metadata.get("bbh", {}).get("notes", {}).get("answer") for i in slide_starts(nb)]


def speaker_notes(nb, answers):
    """Give every slide its speaker notes (reveal.js shows them in the speaker view, key S): a "notes" cell at the end of
    each slide, made from the metadata ``bbh.notes`` of the cell that starts it (minutes, what to say, what to ask) and
    from ``answers``, one per slide (`slide_answers`)."""
    starts = slide_starts(nb)
    notes = [nb.cells[i].metadata.get("bbh", {}).get("notes") for i in starts]
    if not all(notes):
        first = next(nb.cells[i].source.splitlines()[0] for i, n in zip(starts, notes) if not n)
        raise ValueError(f"a slide has no speaker notes (metadata bbh.notes): the slide starting {first!r}")
    if len(answers) != len(starts) or not all(answers):
        first = next((nb.cells[i].source.splitlines()[0] for i, a in zip(starts, answers) if not a), "(a slide too many)")
        raise ValueError(f"a slide's question has no answer (metadata bbh.notes.answer in solutions/): the slide starting "
                         f"{first!r}")
    total = sum(n["minutes"] for n in notes)
    begins = [sum(n["minutes"] for n in notes[:k]) for k in range(len(notes))]
    for end, note, begin, answer in reversed(list(zip(starts[1:] + [len(nb.cells)], notes, begins, answers))):  # from the
        # end: the indices before stay valid
        text = (f"**{note['minutes']} min** (minute {begin} to {begin + note['minutes']} of {total})\n\n{note['say']}\n\n"
                f"**Ask the class:** {note['ask']}\n\n**Answer:** {answer}")
        cell = nbformat.v4.new_markdown_cell(text, metadata={"slideshow": {"slide_type": "notes"}})
        nb.cells.insert(end, cell)


# a comment for nbval (the test tool), not for the class: `# NBVAL_IGNORE_OUTPUT` and the comment lines that say why
TOOL_COMMENT = re.compile(r"^\s*#.*\bnbval", re.IGNORECASE)


def for_the_deck(nb):
    """What the deck shows of each cell: no comment lines meant for the test tools at the top of a code cell; and the
    questions and their answers marked (metadata ``bbh.asks`` / ``bbh.answers``, the same key) as tags, which the
    deck's HTML carries as classes (``celltag_bbh-asks-KEY``), so that tools/slide_audit.py can tell when a slide shows
    an answer beside its question."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = cell.source.splitlines()
            while lines and TOOL_COMMENT.match(lines[0]):
                lines.pop(0)
            cell.source = "\n".join(lines)
        bbh = cell.metadata.get("bbh", {})
        tags = [f"bbh-{kind}-{bbh[kind]}" for kind in ("asks", "answers") if kind in bbh]
        if tags:
            cell.metadata["tags"] = list(cell.metadata.get("tags", [])) + tags


def run_for_slides(path):
    """The notebook at ``path`` run in a fresh kernel with every figure drawn for a slide."""
    return execute(path, env={**os.environ, "BBH_SLIDES": "1"})[0]


def build(output_dir=ROOT / "build" / "slides", notebooks=None, run=run_for_slides):
    """Write one offline deck per notebook into ``output_dir``; return their paths. ``run(path)`` gives the executed
    notebook (the tests pass the run they already made, tests/test_slides.py: the "slides" variant of tools/variants.py); it is not changed."""
    output_dir = Path(output_dir)
    install_vendor(output_dir / "vendor")
    slides = exporter()
    written = []
    paths = notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        nb = copy.deepcopy(run(path))
        for_the_deck(nb)
        speaker_notes(nb, slide_answers(path))
        body, _ = slides.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
        target = output_dir / f"{path.stem}.slides.html"
        target.write_text(finish(body, {p.stem for p in paths}), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    import present  # the live decks (make present) are made from the same runs

    runs = {}
    for deck in build(*sys.argv[1:2], run=lambda path: runs.setdefault(path, run_for_slides(path))):
        print(f"wrote {deck.relative_to(ROOT) if deck.is_relative_to(ROOT) else deck}")
    for path, executed in runs.items():
        print(f"wrote {present.deck_path(path, executed).relative_to(ROOT)} (for make present)")
