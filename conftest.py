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

os.environ.pop("MPLBACKEND", None)
os.environ["IPYTHONDIR"] = tempfile.mkdtemp(prefix="backprop-by-hand-ipython-")
atexit.register(shutil.rmtree, os.environ["IPYTHONDIR"], ignore_errors=True)


# `make test` runs in parallel (pytest-xdist, --dist loadfile): each test file runs in order in one worker (a notebook's
# cells share a kernel; a module's fixtures are made once). Files start in this order, the longest first, so that the
# two workers finish together; the rest follow in collection order.
FIRST = ["tests/test_assignments.py", "tests/test_slides.py", "tests/test_browser.py", "tests/test_variant_old_cpu.py",
         "tests/test_variant_haswell.py", "tests/test_present.py"]
# the files `make test-fast` leaves out (tools/test_fast.py): each runs notebooks, a server or a browser
SLOW = {"tests/test_assignments.py", "tests/test_browser.py", "tests/test_install.py", "tests/test_present.py",
        "tests/test_slides.py", "tests/test_variant_old_cpu.py", "tests/test_variant_haswell.py"}


def pytest_collection_modifyitems(items):
    rank = {path: i for i, path in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(FIRST)))  # stable: a file keeps its order
