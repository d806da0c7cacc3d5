# Two commands do all the set-up on a fresh machine with Python 3.11, pip and make:
#   make run    install what is missing, then build the warehouse from seeds/
#   make test   install what is missing, then run the tests
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export DAGSTER_HOME := $(CURDIR)/dagster_home

.PHONY: install browser lint run test ui summary benchmark evaluate train clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@# the project itself, editable (its code reads dbt_project/ and expectations/ beside it): any process
	@# of the environment imports it from any folder, `dask scheduler` and `dask worker` included
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m orchestration.warehouse.dbt_manifest
	@touch $@

install: $(STAMP)

# the test runner, the browser driver and the linters (requirements-test.lock): `make test` only
$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.lock
	@touch $@

run: $(STAMP)
	$(BIN)/python -m orchestration.cli run

# tests/test_ui_browser.py drives Debian's Chromium (no browser download): install it when missing and
# running as root; otherwise that test fails under `make test` (REQUIRE_BROWSER=0 make test lets it skip).
CHROMIUM := /usr/bin/chromium
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing chromium for the browser test ..."; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	      || echo "Could not install chromium: the browser tests will fail (REQUIRE_BROWSER=0 make test lets them skip)."; \
	  else \
	    echo "$(CHROMIUM) is missing and this is not root: the browser tests will fail (apt-get install chromium, or REQUIRE_BROWSER=0)."; \
	  fi; \
	fi

lint: $(TEST_STAMP)
	$(BIN)/ruff check orchestration scripts tests
	$(BIN)/sqlfluff lint --disable-progress-bar dbt_project/models dbt_project/macros dbt_project/tests

# the browser tests fail rather than skip when the browser is missing (REQUIRE_BROWSER=0 to let them skip)
REQUIRE_BROWSER ?= 1
test: $(TEST_STAMP) browser lint
	REQUIRE_BROWSER=$(REQUIRE_BROWSER) $(BIN)/python -m pytest

PORT ?= 3000
ui: $(STAMP)
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p $(PORT)

summary: $(STAMP)
	$(BIN)/python -m orchestration.cli summary

# extraction quality: the development corpus of real pages (tests/fixtures/real), built into a
# warehouse and scored by the shared scorer; then the two synthetic held-out sets (written texts)
evaluate: $(STAMP)
	$(BIN)/python scripts/evaluate_warehouse.py --articles tests/fixtures/real/articles --gold tests/fixtures/real/gold
	$(BIN)/python scripts/evaluate_extraction.py --fixtures tests/fixtures/heldout --gold tests/fixtures/heldout/gold.json
	$(BIN)/python scripts/evaluate_extraction.py --fixtures tests/fixtures/heldout2 --gold tests/fixtures/heldout2/gold.json

# the claimant model (extraction/figures/claimant_model.json), then the source model that reads its
# choices (extraction/source_model.json), from the tune part of the real-page corpus: deterministic
# and offline; commit the files they write
train: $(STAMP)
	$(BIN)/python scripts/train_claimants.py
	$(BIN)/python scripts/train_sources.py

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark.py --sizes 100 1000 10000

clean:
	rm -rf warehouse.duckdb warehouse.duckdb.wal warehouse.work.duckdb warehouse_reports reports dbt_project/target dbt_project/logs
