# Backprop by Hand: `make lab` opens the course, `make test` runs every test. Both set themselves up.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: lab test setup editions slides clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3 --version)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# JupyterLab refuses to start as root unless told; a container or a VM often runs as root
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/01_logistic_regression_graph.ipynb

test: $(STAMP)
	$(BIN)/python -m pytest

# after editing a notebook in solutions/ (the source): regenerate notebooks/ and store both editions' outputs
editions: $(STAMP)
	$(BIN)/python tools/make_editions.py
	$(BIN)/python tools/run_notebooks.py

slides: $(STAMP)
	$(BIN)/python tools/make_slides.py

clean:
	rm -rf $(VENV) build .pytest_cache .hypothesis
