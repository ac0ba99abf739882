# The front door: `make serve` to preview, `make test` to run every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup validate schema test site serve offline bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

validate: setup
	$(BIN)/handbook validate --strict content

schema: setup
	$(BIN)/handbook schema --out schema

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf site dist test-artefacts

site: setup
	$(BIN)/handbook build --config mkdocs.yml --site-dir site

serve: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --livereload --dirty

offline: setup
	$(BIN)/handbook offline --config mkdocs.offline.yml --zip dist/ml-engineering-handbook-offline.zip

bench: setup
	$(BIN)/python bench/bench.py
