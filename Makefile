# One task runner. `make demo` runs the product, `make test` checks everything.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint types unit bench clean i18n docs

$(STAMP): pyproject.toml setup.py
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# The demo keeps its own SQLite file inside .venv (disposable, like the venv itself).
DEMO_DB ?= sqlite:///$(CURDIR)/$(VENV)/demo/aibudget.db
demo: $(STAMP)
	AIBUDGET_DATABASE_URL=$(DEMO_DB) $(BIN)/aibudget migrate
	AIBUDGET_DATABASE_URL=$(DEMO_DB) $(BIN)/aibudget demo-load examples/taipei-cafe.yaml --actuals examples/taipei-cafe-actuals.csv
	AIBUDGET_DATABASE_URL=$(DEMO_DB) $(BIN)/aibudget serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

types: $(STAMP)
	$(BIN)/mypy src/aibudget

unit: $(STAMP)
	$(BIN)/pytest -q -n 2

test: lint types unit

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_simulate.py
	$(BIN)/python benchmarks/bench_optimize.py
	$(BIN)/python benchmarks/bench_optimize_total.py
	$(BIN)/python benchmarks/bench_adrisk.py
	$(BIN)/python benchmarks/bench_explain.py
	$(BIN)/python benchmarks/bench_reports.py
	$(BIN)/python benchmarks/bench_jobs.py
	$(BIN)/python benchmarks/bench_caches.py
	$(BIN)/python benchmarks/bench_web.py --workers 2

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

# Extract the message ids in use (Babel: Python and Jinja, pyproject.toml [tool.babel]) into
# build/i18n/aibudget.pot, add the new ones to both .po catalogues, name the unused ones
# (tools/messages.py update --prune deletes them), tidy both and compile the .mo files.
i18n: $(STAMP)
	$(BIN)/python tools/messages.py update

docs: $(STAMP)
	$(BIN)/python tools/cli_docs.py
