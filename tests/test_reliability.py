"""Crashes, concurrent runs, readers and SQL safety: the warehouse is never left corrupt or partial.

- Kill and rerun: the product's job runs in a child process that is SIGKILLed (with its
  process group) while parsing, while writing (inside the ingest and the extraction
  transactions) and while dbt builds; after each kill no article is half-written, and the next
  run ends with exactly the rows of a clean build (every raw and marts table, timestamps aside).
  The corpus is the five seeds, with parsing slowed down in the child (half a second per
  article) so that a kill timed from the log surely lands inside it.
- Write, audit, publish: until a run publishes, the published file is untouched. A kill
  during publishing, or a failed blocking check, leaves it byte for byte as it was; an
  analyst's open read-only session never blocks a run and keeps its old snapshot.
- Two runs started at once on one warehouse: the second waits for the first (and says so);
  the warehouse ends identical to a single run's.
- A run that cannot get the warehouse fails with a message naming what holds it: another run
  (run id, PID) or a session someone opened on the working file (PID, command line, read-only or not).
"""
from __future__ import annotations

import ast
import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orchestration.settings import work_path_for
from scripts.soak import compare, kill_group, snapshot, start_job_process
from tests.conftest import REPO, SEEDS, build, query

N_ARTICLES = len(list(SEEDS.glob("*.txt")))


def _wait_for(log: Path, text: str, process: subprocess.Popen, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(errors="replace"):
            return
        if process.poll() is not None:
            pytest.fail(f"the run ended (exit {process.returncode}) before {text!r} appeared:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.1)
    kill_group(process)
    pytest.fail(f"{text!r} did not appear within {timeout}s")


def _kill_when(log: Path, text: str, process: subprocess.Popen, delay: float) -> None:
    """SIGKILL the run's whole process group ``delay`` seconds after ``text`` shows in its log."""
    _wait_for(log, text, process)
    time.sleep(delay)
    assert process.poll() is None, f"the run finished before the kill; slow the parsing down more\n{log.read_text()[-2000:]}"
    kill_group(process)


def _self_kill_on_insert(table: str) -> str:
    """Code run in the child first: SIGKILL itself right after inserting into ``table``, mid-transaction."""
    return (
        "import os, signal\n"
        "from orchestration.warehouse import database as _wh\n"
        "_insert = _wh.insert_rows\n"
        "def _insert_then_die(con, table, rows):\n"
        "    _insert(con, table, rows)\n"
        f"    if table == {table!r} and rows.num_rows:\n"
        "        print('KILLING MYSELF INSIDE THE TRANSACTION', flush=True)\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "_wh.insert_rows = _insert_then_die\n"
    )


SLOW_PARSING = (
    # parsing made slow (half a second per article) so that a kill timed from the log surely lands inside it
    "import time\n"
    "from orchestration.library.extraction import pipeline as _pipeline\n"
    "_extract = _pipeline.extract_from_doc\n"
    "_parsed = []\n"
    "def _slow_extract(*args, **kwargs):\n"
    "    out = _extract(*args, **kwargs)\n"
    "    _parsed.append(1)\n"
    "    print(f'PARSED {len(_parsed)}', flush=True)\n"
    "    time.sleep(0.5)\n"
    "    return out\n"
    "_pipeline.extract_from_doc = _slow_extract\n"
)


def assert_no_partial_article(warehouse: Path) -> dict[str, int]:
    """Every extracted article is complete (ledger entry and rows together), or absent."""
    counts = {t: query(warehouse, f"SELECT count(*) FROM raw.{t}")[0][0] for t in ("articles", "extraction_ledger", "sentences")}
    extraction_tables = [r[0] for r in query(warehouse, """
        SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'raw' AND column_name = 'article_id' AND table_name NOT IN ('articles', 'extraction_ledger')""")]
    for table in extraction_tables:
        orphans = query(warehouse, f"SELECT count(*) FROM raw.{table} WHERE article_id NOT IN (SELECT article_id FROM raw.extraction_ledger)")
        assert orphans == [(0,)], f"raw.{table} holds rows of an article whose extraction never committed"
    unextracted = query(warehouse, "SELECT count(*) FROM raw.extraction_ledger WHERE article_id NOT IN (SELECT article_id FROM raw.sentences)")
    assert unextracted == [(0,)], "the ledger names an article whose rows are missing"
    assert query(warehouse, "SELECT count(*) FROM raw.extraction_ledger WHERE article_id NOT IN (SELECT article_id FROM raw.articles)") == [(0,)]
    return counts


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


SELF_KILL_BEFORE_RENAME = (
    # the new file is whole and synced, the rename over the published one not yet done: the worst moment
    "import os, signal\n"
    "from orchestration.warehouse import publish as _publish\n"
    "def _die(path):\n"
    "    print('KILLING MYSELF WHILE PUBLISHING', flush=True)\n"
    "    os.kill(os.getpid(), signal.SIGKILL)\n"
    "_publish._fsync = _die\n"
)


def assert_same_rows(warehouse: Path, reference: Path) -> None:
    """Every raw and marts table holds the same rows (timestamps aside)."""
    assert compare(snapshot(warehouse), snapshot(reference)) == []


def _rerun_and_compare(warehouse: Path, seeds: Path, reference: Path) -> None:
    assert build(warehouse, seeds).success, "the run after the kill failed"
    assert_same_rows(warehouse, reference)


@pytest.mark.slow
def test_kill_while_parsing_then_while_dbt_builds_then_rerun_equals_a_clean_build(tmp_path, seed_warehouse):
    seeds, reference = SEEDS, seed_warehouse
    warehouse = tmp_path / "w.duckdb"
    work = work_path_for(warehouse)

    log = tmp_path / "parse.log"
    run = start_job_process(seeds, warehouse, log_path=log, log_level="INFO", prelude=SLOW_PARSING)
    _kill_when(log, "PARSED 2\n", run, delay=0.2)
    counts = assert_no_partial_article(work)
    assert counts["articles"] == N_ARTICLES and counts["extraction_ledger"] == 0  # ingest committed, parsing lost
    assert not warehouse.exists()  # nothing published yet

    log = tmp_path / "dbt.log"
    run = start_job_process(seeds, warehouse, log_path=log, log_level="INFO")
    _kill_when(log, "START sql table model marts.", run, delay=0.5)  # dbt is replacing marts tables
    counts = assert_no_partial_article(work)
    assert counts["extraction_ledger"] == N_ARTICLES
    assert not warehouse.exists()

    _rerun_and_compare(warehouse, seeds, reference)


@pytest.mark.slow
def test_kill_inside_the_ingest_and_the_extraction_transactions_then_rerun_equals_a_clean_build(tmp_path, seed_warehouse):
    seeds, reference = SEEDS, seed_warehouse
    warehouse = tmp_path / "w.duckdb"
    work = work_path_for(warehouse)

    run = start_job_process(seeds, warehouse, log_path=tmp_path / "ingest.log", prelude=_self_kill_on_insert("raw.articles"))
    assert run.wait(timeout=300) == -9
    assert "KILLING MYSELF" in (tmp_path / "ingest.log").read_text()
    counts = assert_no_partial_article(work)
    assert counts["articles"] == 0  # the ingest transaction never committed

    run = start_job_process(seeds, warehouse, log_path=tmp_path / "extract.log", prelude=_self_kill_on_insert("raw.figure_mentions"))
    assert run.wait(timeout=300) == -9
    counts = assert_no_partial_article(work)
    assert counts["articles"] == N_ARTICLES and counts["sentences"] == 0  # sentences were inserted, then rolled back

    _rerun_and_compare(warehouse, seeds, reference)


@pytest.mark.slow
def test_kill_while_publishing_leaves_the_published_file_as_it_was_then_rerun_publishes(tmp_path, seed_warehouse):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds).success
    assert_same_rows(warehouse, seed_warehouse)
    before = _digest(warehouse)

    removed = sorted(seeds.glob("*.txt"))[0]
    removed.unlink()  # the next run has something new to publish
    log = tmp_path / "publish.log"
    run = start_job_process(seeds, warehouse, log_path=log, prelude=SELF_KILL_BEFORE_RENAME)
    assert run.wait(timeout=300) == -9
    assert "KILLING MYSELF WHILE PUBLISHING" in log.read_text()
    assert _digest(warehouse) == before  # byte for byte the last good run's
    leftovers = list(tmp_path.glob(".w.duckdb.publishing-*"))
    assert leftovers, "the half-published file should be there for the next run to remove"

    assert build(warehouse, seeds).success
    assert not any(p.exists() for p in leftovers)
    assert query(warehouse, "SELECT count(*) FROM marts.dim_articles WHERE file_name = ?", [removed.name]) == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM marts.dim_articles") == [(N_ARTICLES - 1,)]


@pytest.mark.slow
def test_a_failed_blocking_check_leaves_the_published_file_byte_for_byte_unchanged(tmp_path, small_seeds, monkeypatch):
    import dagster as dg

    from orchestration.defs import checks

    warehouse = tmp_path / "w.duckdb"
    first = build(warehouse, small_seeds)
    assert first.success
    before = _digest(warehouse)

    shutil.copy(next(SEEDS.glob("003_*.txt")), small_seeds)
    real = checks._runtime_parameters
    # the ingest suite (blocking) expects one article more than the folder holds: a real check failing for real
    monkeypatch.setattr(checks, "_runtime_parameters",
                        lambda con, seeds, wanted: {k: v + 1 for k, v in real(con, seeds, wanted).items()})
    instance = dg.DagsterInstance.ephemeral()
    result = build(warehouse, small_seeds, instance=instance)
    assert not result.success
    assert _digest(warehouse) == before
    assert query(warehouse, "SELECT count(*) FROM raw.articles") == [(1,)]  # analysts still see the last good run
    assert query(work_path_for(warehouse), "SELECT count(*) FROM raw.articles") == [(2,)]  # the run's own work, kept aside
    logs = "\n".join(entry.user_message for entry in instance.all_logs(result.run_id))
    assert f"is left as the last good run left it (run {first.run_id}" in logs


@pytest.mark.slow
def test_an_open_read_only_session_never_blocks_a_run_and_keeps_its_snapshot(tmp_path, small_seeds, monkeypatch):
    import dagster as dg

    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, small_seeds).success
    count = "SELECT count(*) FROM raw.articles"
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys\n"
         f"con = duckdb.connect({str(warehouse)!r}, read_only=True)\n"
         f"print(con.execute({count!r}).fetchone()[0], flush=True)\n"
         "sys.stdin.readline()\n"  # the test rebuilds the warehouse meanwhile
         f"print(con.execute({count!r}).fetchone()[0], flush=True)\n"
         "con.close()\n"  # reconnecting: within one process DuckDB shares an open file's instance, so close first
         f"print(duckdb.connect({str(warehouse)!r}, read_only=True).execute({count!r}).fetchone()[0], flush=True)\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        shutil.copy(next(SEEDS.glob("003_*.txt")), small_seeds)
        monkeypatch.setenv("WAREHOUSE_CONNECT_WAIT_SECONDS", "0")  # any wait for the reader would fail the run
        instance = dg.DagsterInstance.ephemeral()
        result = build(warehouse, small_seeds, instance=instance)
        assert result.success, _errors(result)
        assert not any("waiting" in entry.user_message for entry in instance.all_logs(result.run_id))
        assert query(warehouse, count) == [(2,)]  # a new session, while the old one is still open
        reader.stdin.write("go\n")
        reader.stdin.flush()
        old_session, reconnected = reader.stdout.readline().strip(), reader.stdout.readline().strip()
        assert (old_session, reconnected) == ("1", "2")
    finally:
        reader.kill()
        reader.wait()


@pytest.mark.slow
def test_two_runs_started_at_once_end_identical_to_a_single_run(tmp_path, seed_warehouse):
    warehouse = tmp_path / "w.duckdb"
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    runs = [start_job_process(SEEDS, warehouse, log_path=log, log_level="WARNING") for log in logs]
    codes = [run.wait(timeout=600) for run in runs]
    texts = [log.read_text(errors="replace") for log in logs]
    assert codes == [0, 0], texts
    waited = [t for t in texts if "another pipeline run holds the warehouse" in t]
    assert len(waited) == 1, "exactly one run should have waited for the other"
    assert "waiting up to" in waited[0] and "of job build_warehouse" in waited[0]
    assert_same_rows(warehouse, seed_warehouse)


def _errors(result) -> str:
    """Every event message and every error in every event's cause chain."""
    messages = []
    for event in result.all_events:
        messages.append(event.message or "")
        error = getattr(event.event_specific_data, "error", None)
        while error is not None:
            messages.append(error.message)
            error = error.cause or error.context
    return "\n".join(messages)


def _hold(code: str) -> subprocess.Popen:
    """A child process that takes a lock, prints READY, and keeps it until killed."""
    process = subprocess.Popen([sys.executable, "-c", f"import sys, time; sys.path.insert(0, {str(REPO)!r})\n{code}\n"
                                "print('READY', flush=True); time.sleep(600)"], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "READY"
    return process


@pytest.fixture
def small_seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("002_*.txt")), folder)
    return folder


def test_a_run_that_cannot_get_the_run_lock_names_the_run_holding_it(tmp_path, small_seeds, monkeypatch):
    from orchestration.warehouse.database import RunLock

    warehouse = tmp_path / "w.duckdb"
    holder = _hold(f"from orchestration.warehouse.database import RunLock\n"
                   f"RunLock({str(warehouse)!r}, run_id='run-held-by-test', job='build_warehouse').acquire()")
    try:
        monkeypatch.setenv("WAREHOUSE_LOCK_WAIT_SECONDS", "1")
        result = build(warehouse, small_seeds)  # gives up after WAREHOUSE_LOCK_WAIT_SECONDS, saying why
        assert not result.success
        errors = _errors(result)
        assert "Another pipeline run is using the warehouse" in errors
        assert "run run-held-by-test of job build_warehouse" in errors and f"PID {holder.pid}" in errors
        assert not warehouse.exists() or query(warehouse, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'marts'") == [(0,)]
    finally:
        holder.kill()
        holder.wait()
    lock = RunLock(warehouse).acquire(wait_seconds=5)  # the kernel dropped the dead holder's lock: nothing stale
    lock.release()


def test_a_read_only_session_on_the_working_file_is_named_when_it_blocks_a_run(tmp_path, small_seeds, monkeypatch):
    import dagster as dg

    from orchestration.warehouse import database as wh

    warehouse = tmp_path / "w.duckdb"
    work = work_path_for(warehouse)  # someone opened the run's own file, not the published one
    with wh.connect(work):
        pass
    reader = _hold(f"import duckdb\ncon = duckdb.connect({str(work)!r}, read_only=True)")
    try:
        monkeypatch.setenv("WAREHOUSE_CONNECT_WAIT_SECONDS", "1")
        result = build(warehouse, small_seeds, asset_selection=[dg.AssetKey("raw_articles")])
        assert not result.success
        errors = _errors(result)
        assert f"is locked by process {reader.pid} (" in errors and "a read-only session" in errors
        assert "Close that session" in errors
    finally:
        reader.kill()
        reader.wait()


def test_a_run_waits_for_a_users_session_to_close_and_then_succeeds(tmp_path, small_seeds, monkeypatch):
    import dagster as dg

    from orchestration.warehouse import database as wh

    warehouse = tmp_path / "w.duckdb"
    work = work_path_for(warehouse)
    with wh.connect(work):
        pass
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"con = duckdb.connect({str(work)!r})\n"  # read-write, like `duckdb warehouse.duckdb`
                               "print('READY', flush=True); time.sleep(4); con.close()"], stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline().strip() == "READY"
    monkeypatch.setenv("WAREHOUSE_CONNECT_WAIT_SECONDS", "120")
    instance = dg.DagsterInstance.ephemeral()
    result = build(warehouse, small_seeds, asset_selection=[dg.AssetKey("raw_articles")], instance=instance)
    reader.wait()
    assert result.success
    logs = [entry.user_message for entry in instance.all_logs(result.run_id)]
    assert any(f"for process {reader.pid}" in m and "a read-write session" in m for m in logs)
    assert query(work, "SELECT count(*) FROM raw.articles") == [(1,)]


# ---------------------------------------------------------------- safety

SQL_METHODS = {"execute", "executemany", "sql", "query"}
# Names that may be interpolated into SQL text: table, schema and column names and SQL fragments taken from
# the code's own constants (reviewed), never values. UPPER_CASE module constants are allowed as well.
IDENTIFIER_NAMES = {"table", "schema", "catalog", "t", "column", "n", "sql_type", "select", "columns", "order"}


def _interpolated_names(node: ast.JoinedStr) -> set[str]:
    names = set()
    for value in node.values:
        if isinstance(value, ast.FormattedValue):
            names |= {n.id for n in ast.walk(value.value) if isinstance(n, ast.Name)}
            names |= {a for v in ast.walk(value.value) if isinstance(v, ast.JoinedStr) for a in _interpolated_names(v)}
    return names


def test_sql_with_values_is_parameterized():
    """No f-string SQL interpolates anything but table, schema and column names."""
    offenders = []
    files = [*(REPO / "orchestration").rglob("*.py"), *(REPO / "scripts").glob("*.py")]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in SQL_METHODS):
                continue
            if call.args and isinstance(call.args[0], ast.JoinedStr):
                unexpected = {n for n in _interpolated_names(call.args[0]) - IDENTIFIER_NAMES if not n.isupper()}
                if unexpected:
                    offenders.append(f"{path.relative_to(REPO)}:{call.lineno} interpolates {sorted(unexpected)}")
            if call.args and isinstance(call.args[0], ast.BinOp) and isinstance(call.args[0].op, (ast.Add, ast.Mod)):
                offenders.append(f"{path.relative_to(REPO)}:{call.lineno} builds SQL with + or %")
    assert offenders == [], (
        "pass values as parameters (?), not inside the SQL text; if the name holds an identifier or a SQL "
        "fragment from the code's constants, add it to IDENTIFIER_NAMES:\n" + "\n".join(offenders))


def test_webserver_binds_to_localhost_and_nothing_needs_a_secret():
    makefile = (REPO / "Makefile").read_text()
    ui = next(line for line in makefile.splitlines() if "dagster dev" in line)
    assert "-h 127.0.0.1" in ui
    profiles = (REPO / "dbt_project" / "profiles.yml").read_text().lower()
    assert not any(word in profiles for word in ("password", "token", "secret", "api_key"))
    environment = {m for path in (REPO / "orchestration").rglob("*.py")
                   for m in __import__("re").findall(r"os\.environ(?:\.get)?[\[(]\s*[\"']([A-Z_]+)", path.read_text())}
    assert not {name for name in environment if any(w in name for w in ("PASSWORD", "TOKEN", "SECRET", "KEY"))}
