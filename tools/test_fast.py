"""`make test-fast`: the contributors' quick loop, under a minute. Not the README's command: run `make test` before you
push (it adds nbval on every notebook, the variants, nbgrader, the slides, the browser and the live decks).

Runs, one worker per core: the unit and property tests (every test file but conftest.py's SLOW ones), and nbval on
the notebooks changed since the last commit (a notebook of solutions/ brings its exercise edition in notebooks/, which
`make editions` regenerates from it).

Usage:  .venv/bin/python tools/test_fast.py [PYTEST ARGS ...]
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def changed_notebooks():
    """The notebooks of either edition changed or added since the last commit, both editions of each."""
    git = ["git", "-C", str(ROOT)]
    changed = subprocess.run(git + ["diff", "--name-only", "HEAD", "--", "notebooks", "solutions"],
                             capture_output=True, text=True).stdout.split()
    changed += subprocess.run(git + ["ls-files", "--others", "--exclude-standard", "--", "notebooks", "solutions"],
                              capture_output=True, text=True).stdout.split()
    names = sorted({Path(p).name for p in changed if p.endswith(".ipynb")})
    return [f"{edition}/{name}" for name in names for edition in ("notebooks", "solutions")
            if (ROOT / edition / name).exists()]


def main(args):
    notebooks = changed_notebooks()
    print("make test-fast: unit tests" + (f", and nbval on {', '.join(notebooks)}" if notebooks else
                                          " (no notebook changed since the last commit)"))
    sys.path.insert(0, str(ROOT))
    from conftest import SLOW  # the files left out are not even collected (their imports cost seconds)

    command = [sys.executable, "-m", "pytest", "-n", "auto", "--dist", "loadfile", "-p", "no:cacheprovider", "tests",
               *notebooks, *[f"--ignore={path}" for path in sorted(SLOW)], *args]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
