# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# The worker runs with -OO (shared/cli.py): its libraries' bytecode without docstrings.
	$(BIN)/python -OO -m compileall -qq -j0 $(VENV)/lib || true
	touch $(STAMP)

install: $(STAMP)

## run: web front end and a worker on this machine (http://127.0.0.1:8000/)
# The parser runs compiled by mypyc (built once for its sources, about two minutes); without a
# C compiler it runs from its sources, slower, with the same output.
run: $(STAMP)
	$(BIN)/python -OO -m compileall -qq shared worker || true
	$(BIN)/baokan compile || echo "the parser could not be compiled (above); it runs from its sources"
	$(BIN)/baokan up

## lint: ruff and mypy --strict
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

## test: lint, then every test suite against the local Redis and PostgreSQL (and Chromium)
test: $(STAMP)
	bash .ci/ensure-services
	bash .ci/ensure-browser
	bash .ci/ensure-pdftotext
	PYTHON=$(BIN)/python bash .ci/ensure-compiler
	$(MAKE) --no-print-directory lint
	$(BIN)/baokan compile
	BAOKAN_REQUIRE_COMPILED=1 $(BIN)/python -m pytest
	# The parser's tests again as it runs wherever it is not compiled: from its sources.
	BAOKAN_PURE_PYTHON=1 $(BIN)/python -m pytest -q tests/shared/parsing tests/shared/pdf tests/shared/test_batches.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
