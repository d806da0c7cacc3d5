"""Each Great Expectations suite catches the corruption it exists for, on a copy of the seed warehouse;
Data Docs show a validation of every suite."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration import settings
from orchestration.library.quality.suites import data_docs_index, load_suites, prune_validations, publish_data_docs, validate

pytestmark = pytest.mark.slow
SUITES = {s.name: s for s in load_suites(settings.EXPECTATIONS_DIR)}

# suite → (SQL that corrupts the copy, the expectation type and column that must fail)
CORRUPTIONS = {
    "raw_articles": ("INSERT INTO raw.articles SELECT * REPLACE ('dup.txt' AS file_name) FROM raw.articles LIMIT 1",
                     "expect_column_values_to_be_unique", "article_id"),
    "raw_sentences": ("INSERT INTO raw.sentences SELECT * FROM raw.sentences LIMIT 1",
                      "expect_compound_columns_to_be_unique", None),
    "raw_entity_mentions": ("UPDATE raw.entity_mentions SET actor_type = 'place' WHERE mention_id = (SELECT min(mention_id) FROM raw.entity_mentions)",
                            "expect_column_values_to_be_in_set", "actor_type"),
    "raw_place_mentions": ("UPDATE raw.place_mentions SET start_char = start_char + 1 WHERE place_id = (SELECT min(place_id) FROM raw.place_mentions)",
                           "expect_column_values_to_be_in_set", "slice_matches"),
    "raw_figure_mentions": ("UPDATE raw.figure_mentions SET value_high = value_low - 1 WHERE figure_id = (SELECT min(figure_id) FROM raw.figure_mentions)",
                            "expect_column_values_to_be_between", "spread"),
    "raw_date_mentions": ("UPDATE raw.date_mentions SET date_end = date_start - 3 WHERE date_id = (SELECT min(date_id) FROM raw.date_mentions WHERE date_start IS NOT NULL)",
                          "expect_column_values_to_be_in_set", "ordered"),
    "raw_events": ("INSERT INTO raw.events SELECT * FROM raw.events LIMIT 1",
                   "expect_column_values_to_be_unique", "event_id"),
    "raw_event_actors": ("UPDATE raw.event_actors SET role = 'villain' WHERE event_id = (SELECT min(event_id) FROM raw.event_actors)",
                         "expect_column_values_to_be_in_set", "role"),
    "raw_extraction_ledger": ("DELETE FROM raw.extraction_ledger WHERE article_id = (SELECT min(article_id) FROM raw.extraction_ledger)",
                              "expect_column_values_to_be_between", "ledger_entries"),
    "raw_quotes": ("UPDATE raw.quotes SET quote_text = 'not what the article says' WHERE quote_id = (SELECT min(quote_id) FROM raw.quotes)",
                   "expect_column_values_to_be_in_set", "slice_matches"),
    "raw_citations": ("UPDATE raw.citations SET kind = 'rumour' WHERE citation_id = (SELECT min(citation_id) FROM raw.citations)",
                      "expect_column_values_to_be_in_set", "kind"),
    "dim_articles": ("DELETE FROM marts.dim_articles WHERE article_id = (SELECT min(article_id) FROM marts.dim_articles)",
                     "expect_table_row_count_to_equal", None),
    "dim_sources": ("UPDATE marts.dim_sources SET source_type = 'blog' WHERE source_id = (SELECT min(source_id) FROM marts.dim_sources)",
                    "expect_column_values_to_be_in_set", "source_type"),
    "dim_actors": ("UPDATE marts.dim_actors SET affiliation_actor_id = actor_id WHERE actor_id = (SELECT min(actor_id) FROM marts.dim_actors)",
                   "expect_column_values_to_be_in_set", "self_affiliated"),
    "fct_actor_mentions": ("UPDATE marts.fct_actor_mentions SET end_char = end_char + 2 WHERE mention_id = (SELECT min(mention_id) FROM marts.fct_actor_mentions)",
                           "expect_column_values_to_be_in_set", "slice_matches"),
    "fct_figures": ("INSERT INTO marts.fct_figures SELECT * REPLACE ('year0000000000' AS figure_id, 'in 2025' AS surface_text, 2025 AS value_low, 2025 AS value_high) "
                    "FROM marts.fct_figures LIMIT 1", "expect_column_values_to_be_in_set", "slice_matches"),
    "fct_events": ("UPDATE marts.fct_events SET event_date_end = event_date - 1 WHERE event_id = (SELECT min(event_id) FROM marts.fct_events WHERE event_date IS NOT NULL)",
                   "expect_column_values_to_be_in_set", "ordered"),
    "bridge_event_actors": ("INSERT INTO marts.bridge_event_actors SELECT * FROM marts.bridge_event_actors LIMIT 1",
                            "expect_compound_columns_to_be_unique", None),
    "fct_quotes": ("UPDATE marts.fct_quotes SET start_char = start_char + 1 WHERE quote_id = (SELECT min(quote_id) FROM marts.fct_quotes)",
                   "expect_column_values_to_be_in_set", "slice_matches"),
    # (a NULL source_id cannot be written at all: the contract's not_null constraint refuses it)
    "fct_citations": ("UPDATE marts.fct_citations SET kind = 'rumour' WHERE citation_id = (SELECT min(citation_id) FROM marts.fct_citations)",
                      "expect_column_values_to_be_in_set", "kind"),
    "fct_figure_estimates": ("UPDATE marts.fct_figure_estimates SET low = best + 1 WHERE estimate_id = (SELECT min(estimate_id) FROM marts.fct_figure_estimates)",
                             "expect_column_values_to_be_in_set", "ordered"),
}


def _expected_articles(con) -> int:
    return con.execute("SELECT count(*) FROM raw.articles").fetchone()[0]


def _validate_copy(seed_warehouse: Path, tmp_path: Path, suite_name: str, corruption: str | None):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(seed_warehouse, copy)
    con = duckdb.connect(str(copy))
    try:
        params = {"expected_articles": _expected_articles(con)}
        if corruption:
            con.execute(corruption)
        frame = con.execute(SUITES[suite_name].query).df()
    finally:
        con.close()
    return validate(SUITES[suite_name], frame, params)


def test_every_suite_has_a_corruption_test():
    assert set(CORRUPTIONS) == set(SUITES)


@pytest.mark.parametrize("suite_name", sorted(CORRUPTIONS))
def test_suite_passes_on_the_seeds_and_fails_on_its_corruption(seed_warehouse, tmp_path, suite_name):
    clean = _validate_copy(seed_warehouse, tmp_path, suite_name, None)
    assert clean.errors == [], [(f.expectation, f.column, f.summary) for f in clean.errors]
    sql, expectation, column = CORRUPTIONS[suite_name]
    corrupted = _validate_copy(seed_warehouse, tmp_path, suite_name, sql)
    assert (expectation, column) in {(f.expectation, f.column) for f in corrupted.errors}


def test_years_stored_as_figures_trip_the_distribution_warning(seed_warehouse, tmp_path):
    # a parser that starts storing years: the share of year-like figures jumps. An accuracy
    # heuristic: it warns, it never stops a corpus from publishing
    years = ("INSERT INTO raw.figure_mentions SELECT f.* REPLACE (f.figure_id || '_' || y AS figure_id, '2025' AS surface_text, "
             "2025 AS value_low, 2025 AS value_high, 'exact' AS qualifier) FROM raw.figure_mentions f, range(3) t(y)")
    outcome = _validate_copy(seed_warehouse, tmp_path, "raw_figure_mentions", years)
    assert "expect_column_mean_to_be_between" in {f.expectation for f in outcome.warnings}
    assert "expect_column_mean_to_be_between" not in {f.expectation for f in outcome.errors}


def test_data_docs_show_a_validation_of_every_suite(seed_warehouse):
    index = data_docs_index(Path(os.environ["DATA_DOCS_DIR"]))
    assert index.exists()
    validations = index.parent / "validations"
    for name in SUITES:
        assert any((validations / name).rglob("*.html")), f"no validation page for {name}"
    assert "raw_figure_mentions" in index.read_text(encoding="utf-8")


def test_data_docs_keep_the_newest_runs_of_each_suite_and_render_new_ones(seed_warehouse, tmp_path):
    """Each run stores 20 validations; the site keeps the newest few per suite (stored results
    and their pages), so it neither grows without end nor slows every later run's rendering."""
    docs = tmp_path / "docs"
    suite = next(s for s in load_suites(settings.EXPECTATIONS_DIR) if s.name == "dim_sources")
    con = duckdb.connect(str(seed_warehouse), read_only=True)
    frame = con.execute(suite.query).df()
    con.close()
    outcomes = [validate(suite, frame, docs_root=docs) for _ in range(4)]
    publish_data_docs(docs, outcomes[:1])  # first build: the whole site
    publish_data_docs(docs, outcomes[1:])  # later: only the new pages
    pages = docs / "gx" / "uncommitted" / "data_docs" / "local_site" / "validations" / "dim_sources"
    assert len(list(pages.rglob("*.html"))) == 4
    assert prune_validations(docs, keep_runs=2) == 2
    stored = docs / "gx" / "uncommitted" / "validations" / "dim_sources"
    assert len([p for p in stored.glob("*/*") if p.is_dir()]) == 2
    kept = sorted(p.parent.name for p in pages.rglob("*.html"))
    assert len(kept) == 2 and kept == sorted(p.name for p in stored.glob("*/*"))


@pytest.mark.parametrize("statement", [
    "UPDATE marts.fct_citations SET source_id = NULL WHERE citation_id = (SELECT min(citation_id) FROM marts.fct_citations)",
    "INSERT INTO marts.fct_figures SELECT * FROM marts.fct_figures LIMIT 1",
    "INSERT INTO marts.dim_articles SELECT * REPLACE ('copy.txt' AS file_name) FROM marts.dim_articles LIMIT 1",
])
def test_marts_keys_are_enforced_by_the_table_contracts(seed_warehouse, tmp_path, statement):
    """The marts are built with their contract's constraints: a missing or duplicate key is refused
    when written, which is why dbt no longer runs unique / not_null tests on them."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(seed_warehouse, copy)
    con = duckdb.connect(str(copy))
    try:
        with pytest.raises(duckdb.ConstraintException):
            con.execute(statement)
    finally:
        con.close()


def test_checks_load_only_the_columns_a_suite_reads_plus_row_identifiers(seed_warehouse):
    suite = SUITES["fct_quotes"]
    con = duckdb.connect(str(seed_warehouse), read_only=True)
    try:
        available = [d[0] for d in con.execute(f"SELECT * FROM ({suite.query}) AS q LIMIT 0").description]
        narrowed = con.execute(suite.frame_query(available)).df()
        full = con.execute(suite.query).df()
    finally:
        con.close()
    assert {"quote_text", "sentence_text"} <= set(available)
    assert not {"quote_text", "sentence_text"} & set(narrowed.columns)  # long texts no expectation reads
    assert suite.columns <= set(narrowed.columns)
    assert {"quote_id", "article_id", "start_char", "end_char"} <= set(narrowed.columns)
    assert len(narrowed) == len(full)
    assert validate(suite, narrowed).failures == validate(suite, full).failures == []


def test_only_expectations_that_read_one_row_at_a_time_count_as_row_local():
    from orchestration.library.quality.suites import is_row_local

    assert is_row_local({"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "x", "value_set": [1]}})
    assert not is_row_local({"type": "expect_column_values_to_be_unique", "kwargs": {"column": "x"}})
    assert not is_row_local({"type": "expect_table_row_count_to_equal", "kwargs": {"value": {"$PARAMETER": "n"}}})
    assert not is_row_local({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "x", "mostly": 0.9}})
    assert not is_row_local({"type": "expect_column_values_to_be_between", "kwargs": {"column": "x", "max_value": {"$PARAMETER": "n"}}})
    suite = SUITES["raw_quotes"]
    assert [e["type"] for e in suite.table_level] == ["expect_column_values_to_be_unique"]
    assert len(suite.row_local) + len(suite.table_level) == len(suite.expectations)
