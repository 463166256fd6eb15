# Two commands on a fresh machine:  `make demo` (set up + ingest the bundled samples)
# and `make test` (set up + run the tests). Everything installs into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sitrep.db

.PHONY: setup setup-test demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Pinned, tested versions (requirements.lock), then sitrep itself in editable mode.
$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/pip install -q -r requirements-test.lock
	touch $@

setup: $(VENV)/.installed

setup-test: $(VENV)/.installed-test

demo: setup
	$(BIN)/sitrep ingest sitrep/samples --db $(DB)
	$(BIN)/sitrep events --db $(DB) --limit 15
	$(BIN)/sitrep figures --db $(DB) --limit 15

test: setup-test
	$(BIN)/pytest -q -p no:cacheprovider

lint: setup-test
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
