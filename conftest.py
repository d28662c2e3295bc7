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
