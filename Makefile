# Two entry points, both from a fresh machine with Python 3.11 and make:
#   make course   set up .venv and open the course in JupyterLab
#   make test     set up .venv (with the test extras and PyTorch) and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FIRST_NOTEBOOK := notebooks/student/01_notation_and_shapes.ipynb
# JupyterLab refuses to start as root (containers, CI machines) without
# --allow-root; a normal user does not need it.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
# The course's own JupyterLab defaults (no "Jupyter news?" pop-up): read from
# .jupyter/lab/settings/overrides.json, so the learner's own settings in
# ~/.jupyter stay untouched and still win where they say something.
LAB_SETTINGS := --LabApp.app_settings_dir="$(CURDIR)/.jupyter/lab/settings"
# Extra flags for `jupyter lab`, e.g. make course LAB_ARGS="--no-browser --port=8899"
LAB_ARGS ?=

.PHONY: course test venv venv-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.course: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[course]"
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,torch]"
	touch $@ $(VENV)/.course

venv: $(VENV)/.course
venv-test: $(VENV)/.test

course: venv
	$(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_SETTINGS) $(LAB_ARGS) $(FIRST_NOTEBOOK)

# --cov: line coverage of dlkit/ printed after the tests (a few % slower, no files kept but .coverage).
test: venv-test
	$(BIN)/python -m pytest --cov=dlkit --cov-report=term

clean:
	rm -rf $(VENV)
