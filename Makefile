# COFFEE: one command per gate, the same locally and in CI.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test setup lint format bench messages clean help

help:
	@echo "make run    set everything up and serve on http://127.0.0.1:$(PORT)"
	@echo "make test   set everything up and run the whole test suite"
	@echo "make setup  set up only (environment, install, migrations, catalogues, demo data)"
	@echo "make lint   ruff (check and format) and mypy"
	@echo "make bench  run the benchmarks under bench/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
	$(MANAGE) seed_demo

run: setup
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy coffee config bench

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: setup
	@for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

messages: $(VENV)/.installed
	$(MANAGE) makemessages --all --ignore=.venv --ignore=node_modules --ignore=bench --ignore=test-artifacts --no-obsolete

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles
