# Backprop by Hand: `make lab` opens the course, `make test` runs every test. Both set themselves up.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

SLIDES_JS := tools/slides/node_modules/.installed
TEACH := .venv-teach
TEACH_STAMP := $(TEACH)/.installed

.PHONY: lab test test-fast setup editions slides assignments student present clean

# Everything the course, its tests, `make slides`, `make assignments` and `make present` need, so that nothing needs a network afterwards.
# The three are independent: `make -j3 setup` installs them side by side (CI does).
setup: $(STAMP) $(SLIDES_JS) $(TEACH_STAMP)

LAB_DEFAULTS := binder/jupyter/labconfig/default_setting_overrides.json
KERNEL_CONFIG := binder/ipython/ipython_kernel_config.py

$(STAMP): requirements.txt requirements-test.txt pyproject.toml $(LAB_DEFAULTS) $(KERNEL_CONFIG)
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3 --version)"; exit 1; }
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then \
	  echo "$(VENV) was made by $$($(BIN)/python --version 2>&1 || echo a Python that no longer runs), which is too old:"; \
	  echo "the course needs Python 3.11 or newer. Remove it (make clean) and run make again to rebuild it with $(PYTHON)."; \
	  exit 1; fi
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements-test.txt
	@# JupyterLab's defaults for the course (no news question on first start), as binder/postBuild does on Binder
	mkdir -p $(VENV)/etc/jupyter/labconfig && cp $(LAB_DEFAULTS) $(VENV)/etc/jupyter/labconfig/
	@# helpers' messages at kernel start: a check run before the notebook's first cell says which cell to run
	mkdir -p $(VENV)/etc/ipython && cp $(KERNEL_CONFIG) $(VENV)/etc/ipython/
	touch $(STAMP)

# The slides' JavaScript (reveal.js, MathJax: exact versions in tools/slides/package-lock.json). Without npm the
# course and its other tests still work; `make slides` then says what is missing and the slide tests are skipped.
$(SLIDES_JS): tools/slides/package.json tools/slides/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  echo "npm ci (tools/slides: reveal.js and MathJax for make slides)"; \
	  cd tools/slides && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; \
	else echo "npm not found: make slides needs Node.js (https://nodejs.org); skipping the slides' JavaScript"; fi

# The instructors' tools (nbgrader, Voilà) in their own venv: never in the students' environment.
$(TEACH_STAMP): requirements.txt requirements-teach.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3 --version)"; exit 1; }
	test -x $(TEACH)/bin/python || $(PYTHON) -m venv $(TEACH)
	$(TEACH)/bin/python -m pip install --disable-pip-version-check -r requirements-teach.txt
	touch $(TEACH_STAMP)

# JupyterLab refuses to start as root unless told; a container or a VM often runs as root
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

# rooted at the course folder, so the file browser shows the README, notebooks/ and solutions/ (not notebooks/ only);
# the URL it prints (and opens) is notebook 01's, not the Launcher's
FIRST_NOTEBOOK := notebooks/01_logistic_regression_graph.ipynb
lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/$(FIRST_NOTEBOOK)

# one worker per core; --dist loadfile keeps a file's tests (a notebook's cells) in one worker, in order, and
# --no-loadscope-reorder starts the files in conftest.py's order, the longest first (nbgrader, the slides, the browser)
test: setup
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

# contributors' quick loop, under a minute (not the README's command: `make test` before you push): unit tests, and
# nbval on the notebooks changed since the last commit
test-fast: $(STAMP)
	$(BIN)/python tools/test_fast.py

# after editing a notebook in solutions/ (the source): regenerate notebooks/ and store both editions' outputs
editions: $(STAMP)
	$(BIN)/python tools/launch.py
	$(BIN)/python tools/make_editions.py
	$(BIN)/python tools/run_notebooks.py

slides: setup
	$(BIN)/python tools/make_slides.py

# nbgrader assignments from the course: an nbgrader course folder (DEST, default grading/, which holds the gradebook,
# the submissions and the feedback: `make clean` never removes it); see docs/teaching.md
DEST ?= grading
assignments: $(TEACH_STAMP)
	$(TEACH)/bin/python tools/make_assignments.py "$(DEST)"

# the students' copy of the course (the exercise edition and helpers, no solutions or answer key): the repository an
# nbgitpuller link points at; see docs/teaching.md
STUDENT ?= build/student
student:
	$(or $(PYTHON),python3) tools/make_student.py "$(STUDENT)"

# a notebook as live slides with working widgets, offline (Voilà): make present NB=01; see docs/teaching.md
NB ?= 01
present: setup
	$(TEACH)/bin/python tools/present.py "$(NB)"

# the environments and what `make slides`/`make present` build; never grading/ (an instructor's gradebook and submissions)
clean:
	rm -rf $(VENV) $(TEACH) .venv-grading build .pytest_cache .hypothesis
