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

.PHONY: course test test-unprivileged venv venv-test clean

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
# As root, the grader's tests then run again as an unprivileged user (test-unprivileged): the
# sandbox takes another path there (user namespaces), and both must hold.
test: venv-test
	$(BIN)/python -m pytest --cov=dlkit --cov-report=term
	if [ "$$(id -u)" = 0 ]; then $(MAKE) test-unprivileged; fi

# tests/grading as uid 65534 (root only: it switches user with setpriv). That user cannot read
# /root (where the default Python may live) nor, maybe, this checkout: the sources are copied
# to $(UNPRIV), with a venv made from /usr/bin/python3, all readable by everyone, and a folder
# of its own for the tests' secrets that is not under /tmp (the sandbox's /tmp is private anyway).
UNPRIV      ?= /var/lib/dlkit-unprivileged
UNPRIV_PY   ?= /usr/bin/python3
UNPRIV_DEPS := numpy nbformat tqdm pytest matplotlib
test-unprivileged:
	test "$$(id -u)" = 0 || { echo "make test-unprivileged: run it as root (it switches to uid 65534)"; exit 1; }
	install -d -m 755 $(UNPRIV)
	test -x $(UNPRIV)/venv/bin/python || $(UNPRIV_PY) -m venv $(UNPRIV)/venv
	test -e $(UNPRIV)/venv/.deps || { $(UNPRIV)/venv/bin/pip install --quiet $(UNPRIV_DEPS) && touch $(UNPRIV)/venv/.deps; }
	rm -rf $(UNPRIV)/src && install -d -m 755 $(UNPRIV)/src
	cp -r dlkit tests notebooks pyproject.toml $(UNPRIV)/src/
	find $(UNPRIV)/src -name __pycache__ -prune -exec rm -rf {} +
	chmod -R a+rX $(UNPRIV)/src
	rm -rf $(UNPRIV)/secrets && install -d -m 700 -o 65534 -g 65534 $(UNPRIV)/secrets
	cd $(UNPRIV)/src && setpriv --reuid=65534 --regid=65534 --clear-groups \
	    env -i PATH=/usr/bin:/bin HOME=$(UNPRIV)/secrets LANG=C.UTF-8 PYTHONPATH=$(UNPRIV)/src \
	    DLKIT_TEST_SECRETS=$(UNPRIV)/secrets PYTHONDONTWRITEBYTECODE=1 \
	    $(UNPRIV)/venv/bin/python -m pytest tests/grading -p no:cacheprovider -ra \
	    --ignore=tests/grading/test_dask.py

clean:
	rm -rf $(VENV) .venv-nbgrader
