# One command each for a fresh machine: `make ask` (install + answer a question), `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
QUESTION ?= Does glutamine increase pain in fibromyalgia?

.PHONY: install install-test ask test lint bench docs

# The main job installs only what the app uses; the tests add their tools and Chromium.
$(VENV)/.installed: pyproject.toml tools/debian-packages
	tools/debian-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	tools/debian-packages --test
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.test-installed

ask: install
	$(BIN)/suppwise ask "$(QUESTION)"

lint: install-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest

bench: install-test
	tools/debian-packages --bench
	$(BIN)/python benchmarks/run_all.py

docs: install
	$(BIN)/python -m suppwise.cli.reference > docs/cli.md
