"""Every corpus publishes: an article whose rows break an invariant is withheld, the rest publish;
heuristics warn; a broken build (most articles failing) publishes nothing and says why."""
from __future__ import annotations

import dataclasses
import hashlib
import re

import pandas as pd
import pytest

from orchestration import settings
from orchestration.library.quality.suites import BLOCK, WARNING, WITHHOLD, checks_table, load_suites, validate
from tests.conftest import REPO, build, query

SUITES = {s.name: s for s in load_suites(settings.EXPECTATIONS_DIR)}


def _expectation(suite: str, column: str) -> dict:
    return next(e for e in SUITES[suite].expectations if e["kwargs"].get("column") == column)


def test_each_expectation_has_the_kind_its_meaning_gives_it():
    # an offset that does not slice is an invariant of one article's rows: that article is withheld
    assert SUITES["raw_figure_mentions"].kind_of(_expectation("raw_figure_mentions", "slice_matches")) == WITHHOLD
    # the same invariant on a mart: dbt derived it from rows that passed, so the build is broken
    assert SUITES["fct_figures"].kind_of(_expectation("fct_figures", "slice_matches")) == BLOCK
    # a key across the whole table cannot be pinned on one article
    assert SUITES["raw_figure_mentions"].kind_of(
        next(e for e in SUITES["raw_figure_mentions"].expectations if e["type"] == "expect_column_values_to_be_unique")) == BLOCK
    # heuristics about extraction accuracy never block: the failure of issue 25's 16 real articles
    for suite, column in [("fct_figures", "claimant_is_place"), ("fct_figures", "looks_like_year"),
                          ("raw_figure_mentions", "looks_like_year"), ("fct_figures", "has_superscript")]:
        assert SUITES[suite].kind_of(_expectation(suite, column)) == WARNING, (suite, column)


def test_every_warning_says_why():
    for suite in SUITES.values():
        for expectation in suite.expectations:
            if suite.kind_of(expectation) == WARNING:
                assert (expectation.get("meta") or {}).get("why"), (suite.name, expectation)


def test_a_withhold_failure_names_every_failing_article_with_a_sample_row():
    rows = [dict(figure_id=f"f{i}", article_id=article, qualifier="exact", count_type="killed", value_low=1.0, spread=0.0,
                 slice_matches=ok, has_superscript=0, looks_like_year=0, claimant_text="x", file_name=f"{article}.txt")
            for i, (article, ok) in enumerate([("a", True), ("b", False), ("b", False), ("c", True), ("d", False)])]
    outcome = validate(SUITES["raw_figure_mentions"], pd.DataFrame(rows))
    assert not outcome.broken
    assert sorted(outcome.withheld) == ["b", "d"]
    (failure,) = outcome.withheld["b"]
    assert failure.column == "slice_matches" and failure.articles["b"][0] == 2
    assert failure.articles["b"][1]["figure_id"] == "f1"


def test_the_readme_lists_every_expectation_with_its_kind():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"<!-- checks:begin -->\n(.*?)\n<!-- checks:end -->", readme, re.S).group(1)
    assert listed == checks_table(list(SUITES.values())), "README is stale: paste `python -m orchestration.cli checks`"


def _corrupt_offsets_of(marker: str, monkeypatch):
    """An extractor bug that shows in one article's rows only: a figure whose offsets do not slice."""
    from orchestration.library.extraction import pipeline

    original = pipeline.extract_from_doc

    def extract(doc, article, boilerplate):
        out = original(doc, article, boilerplate)
        if marker in article.body and out.figures:
            out.figures[0] = dataclasses.replace(out.figures[0], end_char=out.figures[0].end_char + 3)
        return out

    monkeypatch.setattr(pipeline, "extract_from_doc", extract)


def _raise_for(marker: str, monkeypatch):
    from orchestration.library.extraction import pipeline

    original = pipeline.extract_from_doc

    def extract(doc, article, boilerplate):
        if marker in article.body:
            raise ValueError("an extractor bug this article's text meets")
        return original(doc, article, boilerplate)

    monkeypatch.setattr(pipeline, "extract_from_doc", extract)


def _checks(result) -> dict[str, object]:
    return {e.asset_check_evaluation_data.check_name: e.asset_check_evaluation_data
            for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"}


@pytest.mark.slow
def test_an_article_breaking_an_invariant_is_withheld_its_last_version_kept_and_the_rest_published(tmp_path, seeds_copy, monkeypatch):
    monkeypatch.setenv("EXTRACT_PROCESSES", "1")
    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds_copy).success
    bad, good = sorted(seeds_copy.glob("*.txt"))[:2]
    marker = "An edit that meets the bug."
    bad.write_text(bad.read_text(encoding="utf-8") + f"\n{marker} 12 people were killed.\n", encoding="utf-8")
    good.write_text(good.read_text(encoding="utf-8") + "\nA fair edit: 7 people were wounded.\n", encoding="utf-8")
    _corrupt_offsets_of(marker, monkeypatch)

    result = build(warehouse, seeds_copy)

    assert result.success, "one bad article must not stop the others from publishing"
    check = _checks(result)["ge_raw_figure_mentions"]
    assert not check.passed and check.severity.value == "WARN" and bad.name in check.description
    (row,) = query(warehouse, "SELECT file_name, stage, failed_check, reason, kept_version, sample_row FROM raw.withheld_articles")
    assert row[:3] == (bad.name, "extract", "ge_raw_figure_mentions")
    assert "slice_matches" in row[3] and row[4] is True and '"figure_id"' in row[5]
    bodies = dict(query(warehouse, "SELECT a.file_name, a.body_text FROM marts.dim_articles d JOIN raw.articles a USING (article_id)"))
    assert marker not in bodies[bad.name], "the withheld article keeps its last published version"
    assert "A fair edit" in bodies[good.name], "every other article publishes"
    assert query(warehouse, "SELECT count(*) FROM marts.fct_figures f JOIN marts.dim_articles d USING (article_id) "
                            "WHERE d.file_name = ? AND f.surface_text = '7'", [good.name])[0][0] == 1

    from orchestration.cli import summary_text

    assert "Articles withheld: 1" in summary_text(warehouse) and bad.name in summary_text(warehouse)

    # the file fixed: the next run publishes it and the withheld table empties
    monkeypatch.undo()
    monkeypatch.setenv("EXTRACT_PROCESSES", "1")
    bad.write_text(bad.read_text(encoding="utf-8").replace(marker, "A fixed edit."), encoding="utf-8")
    assert build(warehouse, seeds_copy).success
    assert query(warehouse, "SELECT count(*) FROM raw.withheld_articles")[0][0] == 0
    assert "A fixed edit." in query(warehouse, "SELECT body_text FROM raw.articles WHERE file_name = ?", [bad.name])[0][0]


@pytest.mark.slow
def test_an_article_whose_extractor_raises_is_withheld_and_a_new_one_is_left_out(tmp_path, seeds_copy, monkeypatch):
    monkeypatch.setenv("EXTRACT_PROCESSES", "1")
    new = seeds_copy / "new_article.txt"
    new.write_text("Rebels said 40 people were killed in the attack on Tuesday. The army denied it.\n", encoding="utf-8")
    _raise_for("Rebels said 40", monkeypatch)
    warehouse = tmp_path / "w.duckdb"

    result = build(warehouse, seeds_copy)

    assert result.success
    assert query(warehouse, "SELECT file_name, failed_check, kept_version FROM raw.withheld_articles") == [
        ("new_article.txt", "extraction", False)]
    assert "extraction failed: ValueError" in query(warehouse, "SELECT reason FROM raw.withheld_articles")[0][0]
    names = [r[0] for r in query(warehouse, "SELECT file_name FROM marts.dim_articles")]
    assert "new_article.txt" not in names and len(names) == 5, "the row count checks count what was withheld"


@pytest.mark.slow
def test_extraction_failing_for_most_articles_fails_the_step_naming_the_cause(tmp_path, seeds_copy, monkeypatch):
    monkeypatch.setenv("EXTRACT_PROCESSES", "1")
    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds_copy).success
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    for path in seeds_copy.glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "\nUpdated.\n", encoding="utf-8")
    from orchestration.library.extraction import pipeline

    def broken(doc, article, boilerplate):
        raise ModuleNotFoundError("No module named 'orchestration'")

    monkeypatch.setattr(pipeline, "extract_from_doc", broken)

    result = build(warehouse, seeds_copy)

    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    message = failure.event_specific_data.error.cause.message if failure.event_specific_data.error.cause else ""
    message += failure.event_specific_data.error.message
    assert "extraction failed for 5 of 5 articles" in message and "make install" in message
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before, "nothing is published"


@pytest.mark.slow
def test_most_articles_breaking_an_invariant_is_a_broken_build_not_withheld_articles(tmp_path, seeds_copy, monkeypatch):
    monkeypatch.setenv("EXTRACT_PROCESSES", "1")
    _corrupt_offsets_of("", monkeypatch)  # every article with a figure
    warehouse = tmp_path / "w.duckdb"

    result = build(warehouse, seeds_copy)

    assert not result.success
    check = _checks(result)["ge_raw_figure_mentions"]
    assert check.severity.value == "ERROR" and "the build is broken" in check.description
    assert not warehouse.exists(), "nothing is published"


@pytest.mark.slow
def test_a_blocking_check_failing_on_the_pipelines_own_output_publishes_nothing_and_says_so(tmp_path):
    """No row is faked: a stricter suite than the product ships (the seeds' own figures count people
    sheltered, which this one does not allow) fails on what the pipeline really built. `make run`'s
    command prints the failed check and that nothing is published; Data Docs show the failure."""
    import json
    import os
    import shutil
    import subprocess
    import sys

    suites = tmp_path / "expectations"
    shutil.copytree(settings.EXPECTATIONS_DIR, suites)
    fct = json.loads((suites / "fct_figures.json").read_text())
    fct["expectations"].append({"type": "expect_column_values_to_be_in_set",
                                "kwargs": {"column": "count_type", "value_set": ["killed", "wounded", "other"]},
                                "meta": {"why": "a stricter contract than the product's, for this test"}})
    (suites / "fct_figures.json").write_text(json.dumps(fct, indent=2))
    (tmp_path / "home").mkdir()
    warehouse = tmp_path / "w.duckdb"
    env = {**os.environ, "SEEDS_DIR": str(REPO / "seeds"), "WAREHOUSE_PATH": str(warehouse), "EXPECTATIONS_DIR": str(suites),
           "DAGSTER_HOME": str(tmp_path / "home"), "REPORTS_DIR": str(tmp_path / "reports")}
    for name in ("DATA_DOCS_DIR", "CHARTS_DIR", "BRIEF_DIR"):
        env.pop(name, None)

    done = subprocess.run([sys.executable, "-m", "orchestration.cli", "run"], cwd=tmp_path, env=env,
                          capture_output=True, text=True)

    assert done.returncode == 1
    assert "CHECK FAILED: marts/fct_figures ge_fct_figures" in done.stderr and "count_type" in done.stderr
    assert "nothing is published" in done.stderr
    assert not warehouse.exists()
    pages = list((tmp_path / "reports" / "data_docs").rglob("validations/fct_figures/**/*.html"))
    assert pages, "Data Docs keep the failed validation"
    page = max(pages, key=lambda p: p.stat().st_mtime).read_text(encoding="utf-8")
    assert "count_type" in page and "sheltered" in page
