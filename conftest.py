"""The environment of the whole test run, set before any notebook's kernel starts (nbval passes it on).

The stored outputs are inline PNG figures, which a user's own settings must not change:
- MPLBACKEND (``Agg`` is common in Docker and CI images) is removed, so every kernel uses ipykernel's
  inline backend;
- IPYTHONDIR points at an empty folder, so no user IPython profile (``figure_formats = {'svg'}``, startup
  scripts) reaches the kernels.
"""
import atexit
import os
import shutil
import tempfile

import pytest

os.environ.pop("MPLBACKEND", None)
os.environ["IPYTHONDIR"] = tempfile.mkdtemp(prefix="backprop-by-hand-ipython-")
atexit.register(shutil.rmtree, os.environ["IPYTHONDIR"], ignore_errors=True)


# `make test` runs in parallel (pytest-xdist, --dist loadgroup): every test file is one group, run in order by one
# worker (a notebook's cells share a kernel; a module's fixtures are made once), except the groups below, which share
# an expensive fixture across files. Groups start in this order, the longest first, so that two workers finish together.
GROUPS = {"tests/test_variants.py": lambda item: f"variant-{item.callspec.params['name']}" if hasattr(item, "callspec")
          and "name" in item.callspec.params else "tests/test_variants.py",
          "tests/test_slides.py": lambda item: "variant-slides"}  # the decks are built from the slides variant's runs
FIRST = ["tests/test_assignments.py", "variant-slides", "tests/test_browser.py", "variant-old-cpu", "variant-haswell",
         "tests/test_present.py"]


# the files `make test-fast` leaves out (tools/test_fast.py): each runs notebooks, a server or a browser
SLOW = {"tests/test_assignments.py", "tests/test_browser.py", "tests/test_install.py", "tests/test_present.py",
        "tests/test_slides.py", "tests/test_variants.py"}


def group(item):
    path = item.nodeid.split("::")[0]
    return GROUPS[path](item) if path in GROUPS else path


@pytest.hookimpl(tryfirst=True)  # before xdist reads the marks
def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.xdist_group(group(item)))
    rank = {name: i for i, name in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(group(item), len(FIRST)))  # stable: a group keeps its order
