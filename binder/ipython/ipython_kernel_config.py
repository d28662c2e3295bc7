# The course's kernels (make setup copies this file into .venv/etc/ipython/, binder/postBuild into Binder's prefix):
# load helpers' error messages at kernel start, so that a check run before the notebook's first cell, or a cell run
# after a kernel restart, says which cell to run instead of showing a bare NameError.
c.InteractiveShellApp.extensions = ["helpers.exercises.kernel"]  # noqa: F821 (c is the config object IPython provides)
