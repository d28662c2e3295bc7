"""Lock the students' runtime: write requirements.txt with every package it needs pinned, transitive ones included.

Usage:  .venv/bin/python tools/lock.py          (after changing a direct pin; `make setup` first)
        .venv/bin/python tools/lock.py --check  (exit 1 and name what differs when requirements.txt is not the lock)

requirements.txt is the runtime: what `make lab`, Binder (binder/requirements.txt) and a JupyterHub image install.
Its first block, the direct dependencies, is written by hand; this tool writes the rest from the environment the
tests run in (.venv): every package those direct dependencies and the course's own package need, by their installed
metadata, for this Python (3.11, what Binder runs), at the version installed. So an image built next month has the
same packages as the one the tests ran on. The test tools live in requirements-test.txt, which `make test` adds.
"""
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.txt"
COURSE = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
DIRECT_END = "# --- everything they need, pinned by tools/lock.py (do not edit below) ---"
HEAD = """\
# The students' runtime: what `make lab`, Binder (binder/requirements.txt) and a JupyterHub image install.
# Every package is pinned, the ones the direct dependencies need included, so an image built next month is the one
# the tests ran on; the test tools are in requirements-test.txt. After changing a pin below, run
# `make setup && .venv/bin/python tools/lock.py`; tests/test_lock.py fails when this file is not the lock.
#
# direct dependencies
"""
TAIL = """\
# the course's own package `helpers`, editable (a change to helpers/ shows in the next kernel)
-e .
"""


def direct_pins(text):
    """The hand-written block: [(name, version)] of the direct dependencies."""
    block = text.split(DIRECT_END)[0]
    return [tuple(m.groups()) for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==([^\s#]+)", block, flags=re.M)]


def closure(roots):
    """{canonical name: (name as published, installed version)} of ``roots`` and everything they need here."""
    environment = default_environment()
    found, visited, todo = {}, set(), [Requirement(root) for root in roots]
    while todo:
        requirement = todo.pop()
        key = canonicalize_name(requirement.name)
        if (key, frozenset(requirement.extras)) in visited:
            continue
        visited.add((key, frozenset(requirement.extras)))
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{requirement.name} is needed but not installed in this environment: run `make setup` first")
        found[key] = (dist.metadata["Name"], dist.version)
        for line in dist.requires or []:
            need = Requirement(line)
            extras = [""] + sorted(requirement.extras)  # the package's own needs, and those of the extras asked for
            if need.marker is None or any(need.marker.evaluate({**environment, "extra": e}) for e in extras):
                todo.append(need)
    return found


def render(text):
    direct = direct_pins(text)
    for name, version in direct:
        installed = metadata.version(name)
        if installed != version:
            raise SystemExit(f"requirements.txt pins {name}=={version} but {installed} is installed: run `make setup` first")
    names = [name for name, _ in direct] + [COURSE]
    pinned = {canonicalize_name(name) for name, _ in direct} | {canonicalize_name(COURSE)}
    rest = {key: value for key, value in closure(names).items() if key not in pinned}
    lines = [f"{name}=={version}" for _, (name, version) in sorted(rest.items())]
    block = text.split(DIRECT_END)[0]
    # the hand-written block as it is (a pin's reason on the line above it stays), else its pins alone
    hand = block[len(HEAD):] if block.startswith(HEAD) else "".join(f"{n}=={v}\n" for n, v in direct)
    return HEAD + hand + DIRECT_END + "\n" + "\n".join(lines) + "\n" + TAIL


def main(argv):
    text = LOCK.read_text()
    want = render(text)
    if "--check" in argv:
        if want != text:
            have, need = set(text.splitlines()), set(want.splitlines())
            print("requirements.txt is not the lock of this environment: run tools/lock.py")
            print("  missing or different: " + ", ".join(sorted(need - have)))
            print("  not needed or different: " + ", ".join(sorted(have - need)))
            return 1
        print("requirements.txt is the complete lock")
        return 0
    LOCK.write_text(want)
    print(f"wrote {LOCK.relative_to(ROOT)}: {len(want.splitlines())} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
