# Two commands do all the set-up on a fresh machine with Python 3.11, pip and make:
#   make run    install what is missing, then build the warehouse from seeds/
#   make test   install what is missing, then run the tests
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/dagster_home

.PHONY: install run test ui summary benchmark evaluate clean

$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m orchestration.cli run

test: $(STAMP)
	$(BIN)/python -m pytest

ui: $(STAMP)
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p 3000

summary: $(STAMP)
	$(BIN)/python -m orchestration.cli summary

evaluate: $(STAMP)
	$(BIN)/python scripts/evaluate_extraction.py

clean:
	rm -rf warehouse.duckdb warehouse.duckdb.wal reports dbt_project/target dbt_project/logs
