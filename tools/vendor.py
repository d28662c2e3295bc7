"""The slides' JavaScript, offline: reveal.js, MathJax, require.js and jQuery from the npm registry (exact versions in
tools/slides/package-lock.json, installed by `make setup`), and the parts of them a deck loads, copied next to it.

Its own module, light to import: `make present` copies them into its template at every start, and make_slides.py
(nbconvert, three seconds to import on a slow machine) is not needed for that.
"""
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NPM_DIR = ROOT / "tools" / "slides"
MODULES = NPM_DIR / "node_modules"

# What the decks load, relative to the deck: only these parts of each package are copied.
VENDOR = {
    "reveal.js": ["dist", "plugin/notes"],
    "mathjax": ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions", "jax/input/TeX", "jax/output/CommonHTML",
                "jax/element", "fonts/HTML-CSS/TeX/woff", "localization/en"],
    "requirejs": ["require.js"],
    "jquery": ["dist/jquery.min.js"],
}


def install_vendor(vendor_dir):
    """npm-install the pinned packages (once) and copy what the decks need into ``vendor_dir``."""
    if not all((MODULES / name).exists() for name in VENDOR):
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("make slides needs npm (Node.js) to fetch reveal.js and MathJax from the npm registry")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NPM_DIR, check=True)
    for name, parts in VENDOR.items():
        for part in parts:
            source, target = MODULES / name / part, vendor_dir / name / part
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target, dirs_exist_ok=True)
            else:
                shutil.copy2(source, target)
    # reveal.js themes import web fonts from a font CDN: drop the import, the themes fall back to local fonts
    for theme in (vendor_dir / "reveal.js" / "dist" / "theme").glob("*.css"):
        css = theme.read_text(encoding="utf-8")
        theme.write_text(re.sub(r"@import url\([^)]*https?://[^)]*\);?", "", css), encoding="utf-8")
