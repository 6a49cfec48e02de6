# Two entry points, both from a fresh machine with Python 3.11 and make:
#   make course   set up .venv and open the course in JupyterLab
#   make test     set up .venv (with the test extras and PyTorch) and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FIRST_NOTEBOOK := notebooks/student/01_notation_and_shapes.ipynb

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
	$(BIN)/jupyter lab $(FIRST_NOTEBOOK)

# --cov: line coverage of dlkit/ printed after the tests (a few % slower, no files kept but .coverage).
test: venv-test
	$(BIN)/python -m pytest --cov=dlkit --cov-report=term

clean:
	rm -rf $(VENV) .venv-nbgrader
