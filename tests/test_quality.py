"""Great Expectations suites: they load, they catch corruption, and a failure blocks downstream assets."""
from __future__ import annotations

import pandas as pd
import pytest

from orchestration import settings
from orchestration.library.quality.suites import load_suites, validate
from tests.conftest import build, query

SUITES = {s.name: s for s in load_suites(settings.EXPECTATIONS_DIR)}


def test_every_suite_is_valid_great_expectations_json():
    import great_expectations as gx

    assert "raw_articles" in SUITES
    for suite in SUITES.values():
        definition = {k: v for k, v in suite.definition.items() if k in ("name", "expectations", "meta")}
        assert gx.ExpectationSuite(**definition).expectations, suite.name


def _articles_frame(**overrides):
    row = dict(article_id="0123456789abcdef", file_name="a.txt", content_sha256="a" * 64, body_text="Body.",
               body_length=5, word_count=1, encoding="utf-8", published_date_precision="day", title_source="headline",
               metadata_source="inferred", title="T", published_year=2025, copies_of_content=1, source_format="text")
    frame = pd.DataFrame([row, {**row, "article_id": "fedcba9876543210", "file_name": "b.txt", "content_sha256": "b" * 64}])
    for column, value in overrides.items():
        frame.loc[1, column] = value
    return frame


def test_clean_rows_pass():
    outcome = validate(SUITES["raw_articles"], _articles_frame(), {"expected_articles": 2})
    assert outcome.failures == []


def test_duplicate_key_fails_naming_the_expectation_with_sample_rows():
    outcome = validate(SUITES["raw_articles"], _articles_frame(article_id="0123456789abcdef"), {"expected_articles": 2})
    assert [(f.expectation, f.column, f.severity) for f in outcome.errors] == [
        ("expect_column_values_to_be_unique", "article_id", "error")]
    assert outcome.errors[0].sample_rows and outcome.errors[0].sample_rows[0]["article_id"] == "0123456789abcdef"


def test_missing_article_is_caught_by_row_count():
    outcome = validate(SUITES["raw_articles"], _articles_frame(), {"expected_articles": 3})
    assert [f.expectation for f in outcome.errors] == ["expect_table_row_count_to_equal"]


def test_a_source_format_outside_the_value_set_is_an_error():
    outcome = validate(SUITES["raw_articles"], _articles_frame(source_format="rtf"), {"expected_articles": 2})
    assert [(f.expectation, f.column) for f in outcome.errors] == [("expect_column_values_to_be_in_set", "source_format")]


def test_warn_expectations_do_not_count_as_errors():
    outcome = validate(SUITES["raw_articles"], _articles_frame(copies_of_content=2), {"expected_articles": 2})
    assert not outcome.errors and [f.column for f in outcome.warnings] == ["copies_of_content"]


@pytest.mark.slow
def test_failed_blocking_check_stops_downstream_assets(tmp_path, seeds_copy):
    import dagster as dg

    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds_copy, asset_selection=[dg.AssetKey("raw_articles")]).success
    # corrupt the run's working file behind the pipeline's back: a second row with an existing key
    import duckdb

    from orchestration.settings import work_path_for

    work = work_path_for(warehouse)
    con = duckdb.connect(str(work))
    con.execute("INSERT INTO raw.articles SELECT * REPLACE ('copy.txt' AS file_name) FROM raw.articles LIMIT 1")
    con.close()

    from orchestration.definitions import build_definitions

    check = dg.AssetCheckKey(dg.AssetKey("raw_articles"), "ge_raw_articles")
    rerun = dg.define_asset_job(
        "check_then_downstream",
        selection=(dg.AssetSelection.all() - dg.AssetSelection.assets("raw_articles")) | dg.AssetSelection.checks(check),
    )
    defs = dg.Definitions.merge(build_definitions(warehouse, seeds_copy), dg.Definitions(jobs=[rerun]))
    result = defs.resolve_job_def("check_then_downstream").execute_in_process(raise_on_error=False)
    evaluations = [e.asset_check_evaluation_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    failed = [e for e in evaluations if e.check_name == "ge_raw_articles"]
    assert failed and not failed[0].passed
    assert "expect_column_values_to_be_unique" in failed[0].description
    materialized = {e.asset_key for e in result.all_events if e.event_type_value == "ASSET_MATERIALIZATION"}
    assert materialized == set()
    assert query(work, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'marts'") == [(0,)]
    assert not warehouse.exists()  # nothing was ever published: the corrupt rows never reach analysts
