# Waiqin developer commands. `make test` is what CI runs (.ci/run).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test lint typecheck pytest translations screenshots documents bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## Start the desktop app on a demo workspace with synthetic data.
run: venv
	$(BIN)/waiqin demo

## Lint, type-check and run the whole test suite (Qt offscreen).
test: venv lint typecheck pytest

LINT_PATHS := $(wildcard app sync ui tests bench tools)

lint: venv
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

typecheck: venv
	$(BIN)/mypy

pytest: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

## Re-extract translatable strings into resources/translations/*.ts and compile .qm files.
translations: venv
	$(BIN)/python -m tools.translations

## Regenerate the screenshots in docs/screenshots/ (demo data, both languages).
screenshots: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots

## Regenerate the sample document images in docs/documents/.
documents: venv
	$(BIN)/python -m tools.render_sample_documents

bench: venv
	$(BIN)/python bench/run

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache
