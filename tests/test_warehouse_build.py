"""End to end: the job users run, on a temporary warehouse, asserting on what they would query."""
from __future__ import annotations

import codecs
import shutil
from datetime import date

import pytest

from tests.conftest import SEEDS, build, query

pytestmark = pytest.mark.slow


def test_dim_articles_has_one_row_per_seed_with_titles_publishers_and_dates(seed_warehouse):
    rows = query(seed_warehouse, """
        SELECT a.file_name, a.title, s.name, a.published_date
        FROM marts.dim_articles a LEFT JOIN marts.dim_sources s ON s.source_id = a.publisher_source_id
        ORDER BY a.file_name""")
    assert len(rows) == 5
    by_prefix = {r[0][:3]: r[1:] for r in rows}
    assert by_prefix["000"][:2] == ("Russia urges Syrians sheltering at Hmeimim air base to leave", "The Jerusalem Post")
    assert by_prefix["001"] == ("Is Hmeimim base abandoning those displaced to it?", "Enab Baladi", date(2025, 3, 17))
    assert by_prefix["003"][:2] == ("Russian Airbase Rescues 8,000 Syrians", "Global Research")
    assert by_prefix["004"][1:] == ("EUAA", date(2025, 3, 1))
    assert all(title for _, title, _, _ in rows)


def test_the_published_warehouse_holds_raw_and_marts_and_the_working_file_the_rest(seed_warehouse):
    from orchestration.settings import work_path_for

    schemas = {r[0] for r in query(seed_warehouse, "SELECT DISTINCT table_schema FROM information_schema.tables")}
    assert schemas == {"raw", "marts", "meta"}  # what analysts query, and who published it
    assert query(seed_warehouse, "SELECT count(*) FROM meta.publication WHERE run_id IS NOT NULL") == [(1,)]
    working = {r[0] for r in query(work_path_for(seed_warehouse), "SELECT DISTINCT table_schema FROM information_schema.tables")}
    assert {"raw", "staging", "intermediate", "marts"} <= working
    assert not any(s.startswith("main_") for s in working)


def test_publisher_sources_are_typed(seed_warehouse):
    types = dict(query(seed_warehouse, "SELECT name, source_type FROM marts.dim_sources"))
    assert types["The Jerusalem Post"] == "newspaper"
    assert types["EUAA"] == "intergovernmental"


def test_bad_files_are_quarantined_and_good_ones_still_built(tmp_path, seeds_copy):
    (seeds_copy / "empty.txt").write_bytes(b"")
    (seeds_copy / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    western = "Shelling kills 12 in the village – officials\n\nAt least 12 people were killed, the café owner said.\n"
    (seeds_copy / "western.txt").write_bytes(western.encode("cp1252"))
    (seeds_copy / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + western.encode("utf-16-le"))
    warehouse = tmp_path / "w.duckdb"
    result = build(warehouse, seeds_copy)
    assert result.success
    errors = dict(query(warehouse, "SELECT file_name, reason FROM raw.ingest_errors"))
    assert set(errors) == {"empty.txt", "picture.txt"}
    assert "empty" in errors["empty.txt"] and "PNG" in errors["picture.txt"]
    articles = dict(query(warehouse, "SELECT file_name, title FROM marts.dim_articles"))
    assert len(articles) == 7  # five seeds + two decoded files
    assert articles["western.txt"] == articles["utf16.txt"] == "Shelling kills 12 in the village – officials"


def test_rerun_skips_unchanged_and_replaces_edited_and_removed_articles(tmp_path, seeds_copy):
    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds_copy).success
    first_ids = query(warehouse, "SELECT article_id, file_name FROM marts.dim_articles ORDER BY 1")

    assert build(warehouse, seeds_copy).success
    assert query(warehouse, "SELECT article_id, file_name FROM marts.dim_articles ORDER BY 1") == first_ids

    edited = next(seeds_copy.glob("002_*.txt"))
    edited.write_text("Edited headline\n\nNow 12,000 people shelter at the base, officials said.\n", encoding="utf-8")
    removed = next(seeds_copy.glob("003_*.txt"))
    removed.unlink()
    assert build(warehouse, seeds_copy).success
    rows = dict(query(warehouse, "SELECT file_name, title FROM marts.dim_articles"))
    assert removed.name not in rows and rows[edited.name] == "Edited headline"
    for table in ("sentences", "extraction_ledger"):
        orphans = query(warehouse, f"SELECT count(*) FROM raw.{table} WHERE article_id NOT IN (SELECT article_id FROM raw.articles)")
        assert orphans == [(0,)], table
    assert query(warehouse, "SELECT count(*) FROM raw.sentences s JOIN raw.articles a USING (article_id) "
                            "WHERE a.file_name = ? AND s.text LIKE '%12,000%'", [edited.name]) == [(1,)]


def test_every_quality_check_runs_in_the_job_and_passes_on_the_seeds(tmp_path):
    from orchestration import settings
    from orchestration.library.quality.suites import load_suites

    result = build(tmp_path / "w.duckdb", SEEDS)
    assert result.success
    evaluated = {e.asset_check_evaluation_data.check_name: e.asset_check_evaluation_data
                 for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"}
    suites = {f"ge_{s.name}" for s in load_suites(settings.EXPECTATIONS_DIR)}
    assert suites <= set(evaluated), f"suites not run: {sorted(suites - set(evaluated))}"
    failed = {name: check.description for name, check in evaluated.items() if name in suites and not check.passed}
    assert failed == {}, failed


def _parsed_count(result) -> tuple[int, int]:
    """(articles parsed, articles skipped as unchanged) as the extract asset reported them."""
    for event in result.all_events:
        if event.event_type_value == "ASSET_MATERIALIZATION" and event.asset_key.to_user_string() == "raw_sentences":
            meta = event.materialization.metadata
            return meta["articles_parsed"].value, meta["articles_skipped_unchanged"].value
    raise AssertionError("raw_sentences was not materialized")


def test_adding_one_article_parses_only_that_article(tmp_path, seeds_copy):
    warehouse = tmp_path / "w.duckdb"
    assert _parsed_count(build(warehouse, seeds_copy)) == (5, 0)
    (seeds_copy / "new.txt").write_text(
        "---\npublished: 2025-03-18\n---\nNew toll\n\nAt least 40 people were killed in Baniyas, the monitor said.\n",
        encoding="utf-8")
    result = build(warehouse, seeds_copy)
    assert result.success
    assert _parsed_count(result) == (1, 5)
    assert query(warehouse, "SELECT count(*) FROM marts.fct_figures f JOIN marts.dim_articles a USING (article_id) "
                            "WHERE a.file_name = 'new.txt' AND f.value_low = 40") == [(1,)]


def test_a_local_dask_cluster_gives_the_same_rows_as_one_process(tmp_path, monkeypatch):
    """EXTRACT_PROCESSES=2 parses on a local Dask cluster of two worker processes; the rows must not change."""
    from orchestration.warehouse import database as wh
    from orchestration.warehouse.extract_pending import extract_pending
    from orchestration.warehouse.sync import sync_articles
    from scripts.generate_corpus import generate

    corpus = tmp_path / "corpus"
    generate(40, corpus)
    tables, engines = {}, {}
    for processes in ("1", "2"):
        monkeypatch.setenv("EXTRACT_PROCESSES", processes)
        path = tmp_path / f"w{processes}.duckdb"
        with wh.connect(path) as con:
            sync_articles(con, corpus)
            report = extract_pending(con)
            assert report.parsed == 40 and not report.failed
            engines[processes] = report.engine
            tables[processes] = {t: con.execute(f"SELECT * FROM raw.{t} ORDER BY ALL").fetchall() for t in wh.EXTRACTION_TABLES}
    assert tables["1"] == tables["2"]
    assert engines["1"]["engine"] == "in-process"
    assert engines["2"]["engine"] == "local cluster" and engines["2"]["workers"] == 2
    assert engines["2"]["tasks"] >= 4 and engines["2"]["dashboard"].startswith("http://127.0.0.1:")


def test_dbt_reuses_one_target_folder_per_warehouse(seed_warehouse, tmp_path):
    """dbt's artifacts and partial parse live in one folder per warehouse (not one per run)."""
    from orchestration.defs.assets.dbt import TARGETS, run_target

    folder = run_target(seed_warehouse)
    assert (folder / "run_results.json").exists() and (folder / "partial_parse.msgpack").exists()
    assert not list(TARGETS.glob("dbt_models-*"))
    assert run_target(seed_warehouse) == run_target(str(seed_warehouse))
    assert run_target(tmp_path / "other.duckdb") != folder


def test_a_rerun_with_nothing_changed_rebuilds_nothing_and_says_why(tmp_path, seeds_copy, monkeypatch):
    import hashlib

    import dagster as dg

    from orchestration.warehouse import fingerprint

    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds_copy).success
    published = hashlib.sha256(warehouse.read_bytes()).hexdigest()

    path = next(seeds_copy.glob("001_*.txt"))
    path.write_bytes(path.read_bytes())  # touched, not changed: content decides
    instance = dg.DagsterInstance.ephemeral()
    again = build(warehouse, seeds_copy, instance=instance)
    assert again.success
    assert [e for e in again.all_events if e.event_type_value == "ASSET_MATERIALIZATION"] == []
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == published
    messages = [entry.user_message for entry in instance.all_logs(again.run_id)]
    assert any(m.startswith("nothing changed since run ") for m in messages)
    skipped = {e.step_key for e in again.all_events if e.event_type_value == "STEP_SKIPPED"}
    assert {"extract_articles", "dbt_models", "quality_marts", "figure_estimates_chart", "published_warehouse",
            "claims_brief"} <= skipped

    # a change of code (another digest) rebuilds, though the articles are the same
    monkeypatch.setattr(fingerprint, "code_digest", lambda *args: "another version of the code")
    rebuilt = build(warehouse, seeds_copy)
    assert rebuilt.success and _parsed_count(rebuilt) == (0, 5)  # every step ran; the ledger still skips parsing
    chart = next(e.materialization.metadata for e in rebuilt.all_events
                 if e.event_type_value == "ASSET_MATERIALIZATION" and e.asset_key.to_user_string() == "figure_estimates_chart")
    assert chart["redrawn"].value is False  # the same claims: the picture on disk is kept
    brief = next(e.materialization.metadata for e in rebuilt.all_events
                 if e.event_type_value == "ASSET_MATERIALIZATION" and e.asset_key.to_user_string() == "claims_brief")
    assert brief["rewritten"].value is False  # the same published rows: the page on disk is kept
    assert query(warehouse, "SELECT run_id FROM meta.publication") == [(rebuilt.run_id,)]


def test_make_run_with_nothing_changed_launches_no_run_and_names_each_skipped_step(tmp_path, seeds_copy):
    """`make run` checks the inputs digest before it starts Dagster: nothing to do costs a digest."""
    import hashlib
    import os
    import subprocess
    import sys

    from orchestration import settings

    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds_copy).success
    published = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "SEEDS_DIR": str(seeds_copy), "DAGSTER_HOME": str(tmp_path / "dh"),
           "DATA_DOCS_DIR": str(tmp_path / "docs"), "CHARTS_DIR": str(tmp_path / "charts")}
    done = subprocess.run([sys.executable, "-m", "orchestration.cli", "run"], env=env, cwd=settings.REPO_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "nothing changed since run " in done.stdout and "No run launched" in done.stdout
    for step in ("raw_articles", "extract_articles", "dbt_models", "quality checks", "figure_estimates_chart", "published_warehouse",
                 "claims_brief"):
        assert f"skipped: {step}" in done.stdout
    assert "marts.fct_figures" in done.stdout  # the summary of what is published
    assert f"Claims brief: {tmp_path / 'w_reports' / 'claims_brief.html'}" in done.stdout
    assert not (tmp_path / "dh").exists()  # no Dagster instance was touched
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == published

    from orchestration.warehouse.publish import unchanged_since

    path = next(seeds_copy.glob("001_*.txt"))
    path.write_text(path.read_text() + "\nOne more sentence.\n")
    assert unchanged_since(warehouse, settings.work_path_for(warehouse), seeds_copy)[1] is None  # an edit launches a run


def test_a_rerun_validates_only_articles_parsed_since_publication_and_uniqueness_sees_every_row(tmp_path, seeds_copy, monkeypatch):
    """Row-local expectations of the extraction suites see only the rows of articles whose ledger
    entry differs from the published one; uniqueness still compares them with every other row."""
    import hashlib

    import duckdb

    from orchestration import settings
    from orchestration.warehouse import validation_scope

    monkeypatch.setattr(validation_scope, "CHANGED_ROWS_FROM", 0)  # the seeds are far below the default
    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds_copy).success
    published = hashlib.sha256(warehouse.read_bytes()).hexdigest()

    # as if one article (not the one edited below) had been parsed again with a faulty extractor:
    # a bad row, a new ledger entry
    con = duckdb.connect(str(settings.work_path_for(warehouse)))
    quoted = "SELECT article_id FROM raw.quotes JOIN raw.articles USING (article_id) WHERE file_name NOT LIKE '002_%' "
    article, other_article = [r[0] for r in con.execute(quoted + "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2").fetchall()]
    bad = con.execute("SELECT quote_id FROM raw.quotes WHERE article_id = ? ORDER BY quote_id LIMIT 1", [article]).fetchone()[0]
    con.execute("UPDATE raw.quotes SET quote_text = 'tampered' WHERE quote_id = ?", [bad])
    con.execute("UPDATE raw.extraction_ledger SET extracted_at = now() WHERE article_id = ?", [article])
    # and a key that repeats one of an article nobody re-parsed: only a whole-table expectation sees it
    other = con.execute("SELECT min(quote_id) FROM raw.quotes WHERE article_id = ?", [other_article]).fetchone()[0]
    con.execute("UPDATE raw.quotes SET quote_id = ? WHERE quote_id = (SELECT max(quote_id) FROM raw.quotes WHERE article_id = ?)",
                [other, article])
    con.close()
    path = next(seeds_copy.glob("002_*.txt"))
    path.write_text(path.read_text() + "\nA later report said 12 people were killed.\n")

    result = build(warehouse, seeds_copy)
    checks = {e.asset_check_evaluation_data.check_name: e.asset_check_evaluation_data for e in result.all_events
              if e.event_type_value == "ASSET_CHECK_EVALUATION"}
    quotes = checks["ge_raw_quotes"]
    assert not quotes.passed
    assert "slice_matches" in quotes.description and "expect_column_values_to_be_unique(quote_id)" in quotes.description
    validated, rows = quotes.metadata["rows_validated"].value, quotes.metadata["table_rows"].value
    assert 0 < validated < rows and "articles parsed since run" in quotes.metadata["validated"].value
    sentences = checks["ge_raw_sentences"].metadata
    assert 0 < sentences["rows_validated"].value < sentences["table_rows"].value  # the two re-parsed articles' rows
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == published  # blocked: nothing published


def test_a_rerun_after_edits_equals_a_clean_build(tmp_path, seeds_copy):
    """A rerun re-parses only the edited and added articles (the ledger) and validates only their
    extraction rows; after an edited, a removed and an added article, every raw and marts table
    equals a warehouse built from scratch from the same folder, corpus-wide resolution (actors,
    sources, estimates) included."""
    from scripts.soak import compare, snapshot

    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds_copy).success
    files = sorted(seeds_copy.glob("*.txt"))
    files[0].write_text(files[0].read_text() + "\nA later report said 12 people were killed in Baniyas, the Syrian Observatory said.\n")
    files[1].unlink()
    shutil.copy(files[2], seeds_copy / "copy_of_third.txt")
    again = build(warehouse, seeds_copy)
    assert again.success
    assert _parsed_count(again) == (2, 3)  # the edited and the added article; the other three skipped (the ledger)

    clean = tmp_path / "clean.duckdb"
    assert build(clean, seeds_copy).success
    assert compare(snapshot(str(warehouse), ("raw", "marts")), snapshot(str(clean), ("raw", "marts"))) == []
