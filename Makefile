# One command each for a fresh machine: `make ask` (install + answer a question), `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
QUESTION ?= Does glutamine increase pain in fibromyalgia?

.PHONY: install ask test lint bench docs

$(VENV)/.installed: pyproject.toml tools/debian-packages
	tools/debian-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

ask: install
	$(BIN)/suppwise ask "$(QUESTION)"

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/run_all.py

docs: install
	$(BIN)/python -m suppwise.cli_reference > docs/cli.md
