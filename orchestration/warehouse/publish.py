"""Write, audit, publish: the file analysts open changes only when a whole run has passed.

A run builds and checks its working file (``settings.work_path_for``). When every blocking
check has passed, ``publish`` copies what analysts query, the ``raw`` and ``marts`` schemas,
into a new file beside the published one and renames it over it (``os.replace``, atomic on
POSIX). So:

- a run that fails a check, or is killed at any moment, leaves the published file exactly as
  the last good run left it (a half-written new file is removed by the next run);
- an analyst's read-only session never blocks a run: the run never opens the published file.
  An open session keeps reading the file it opened (the old inode) until it reconnects.

Staging views, intermediate tables and dbt seeds stay in the working file, with the ledger
that keeps extraction incremental; ``meta.publication`` in the published file says which run
published it and when.
"""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import time
from pathlib import Path

import duckdb

from orchestration.warehouse.fingerprint import inputs_digest

PUBLISHED_SCHEMAS = ("raw", "marts")
_ALIAS = "publish_target"


@dataclasses.dataclass
class PublishReport:
    path: Path
    tables: int
    rows: int
    seconds: float
    replaced: dict | None  # meta.publication of the file it replaced, None for the first


def staging_path(published: Path) -> Path:
    """The new file is written here, beside the published one (same file system: rename is atomic)."""
    return published.with_name(f".{published.name}.publishing-{os.getpid()}")


def remove_leftovers(published: Path) -> list[Path]:
    """New files a killed run left half-written; never the published file itself."""
    removed = []
    for path in published.parent.glob(f".{published.name}.publishing-*"):
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def publication(path: Path | str) -> dict | None:
    """What ``meta.publication`` of a published file says (run_id, published_at, ...), or None."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute("SELECT * FROM meta.publication").fetchone()
        names = [d[0] for d in con.description]
        return dict(zip(names, row)) if row else None
    except duckdb.Error:
        return None  # a warehouse written before publishing existed
    finally:
        con.close()


def unchanged_since(published: Path | str, work_path: Path | str, seeds: Path, articles: str | None = None) -> tuple[str, dict | None]:
    """The run's inputs digest, and the last publication when it was built from the same inputs.

    The same digest (article files, code, dbt project, suites) means a run would rebuild exactly
    what is published; the working file must still exist, since the next run builds on it."""
    digest = inputs_digest(seeds, articles)
    last = publication(published)
    if last and last.get("inputs_digest") == digest and Path(work_path).exists():
        return digest, last
    return digest, None


def skipped_text(published, last: dict, digest: str) -> str:
    """Why a run with nothing changed builds nothing, for its log and the CLI."""
    return (f"nothing changed since run {last['run_id']} published {published} at {last['published_at']:%Y-%m-%d %H:%M:%S} "
            f"UTC: the same article files and the same code (inputs digest {digest}). Skipped: ingest, extraction, "
            "dbt, checks, chart, publishing and the claims brief, since the published warehouse is what they would build")


def unchanged_text(published) -> str:
    """What analysts still see after a failed run, for its log and the CLI."""
    last = publication(published)
    if last is None:
        return f"nothing is published to {published}: no run has passed every blocking check yet"
    return (f"the published warehouse {published} is left as the last good run left it "
            f"(run {last['run_id']}, published {last['published_at']:%Y-%m-%d %H:%M:%S} UTC)")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def record_inputs(con: duckdb.DuckDBPyConnection, digest: str, articles: str | None = None) -> None:
    """Remember, in the working file, the inputs digest this run builds from and the digest of its
    article files alone (fingerprint.articles_digest); publishing copies both."""
    con.execute("CREATE SCHEMA IF NOT EXISTS meta")
    con.execute("CREATE OR REPLACE TABLE meta.run_inputs AS SELECT ?::VARCHAR AS inputs_digest, ?::VARCHAR AS articles_digest",
                [digest, articles])


def _recorded_inputs(con: duckdb.DuckDBPyConnection) -> tuple[str | None, str | None]:
    try:
        row = con.execute("SELECT * FROM meta.run_inputs").fetchone()
        names = [d[0] for d in con.description]
    except duckdb.CatalogException:
        return None, None
    recorded = dict(zip(names, row)) if row else {}
    return recorded.get("inputs_digest"), recorded.get("articles_digest")


def publish(con: duckdb.DuckDBPyConnection, published: Path | str, run_id: str | None = None,
            suite_digests: dict[str, str] | None = None) -> PublishReport:
    """Copy the working file's raw and marts tables (``con``) to a new file, then rename it over
    ``published`` in one step. ``suite_digests`` (suite name → version) records which suites its
    rows passed, so the next run can validate only the rows this publication lacks."""
    published = Path(published)
    started = time.perf_counter()
    replaced = publication(published)
    remove_leftovers(published)
    target = staging_path(published)
    tables = rows = 0
    inputs, articles = _recorded_inputs(con)
    source = con.execute("SELECT current_database()").fetchone()[0]  # the working file's catalogue
    catalog = '"' + source.replace('"', '""') + '"'
    con.execute(f"ATTACH ? AS {_ALIAS}", [str(target)])
    try:
        # each table is created from the working file's own DDL, so the marts keep their contract's
        # keys and NOT NULL constraints for analysts too, then filled
        con.execute(f"USE {_ALIAS}")
        for schema in PUBLISHED_SCHEMAS:
            con.execute(f"CREATE SCHEMA {schema}")
            found = con.execute(
                "SELECT table_name, sql FROM duckdb_tables() WHERE database_name = ? AND schema_name = ? ORDER BY 1",
                [source, schema]).fetchall()
            for table, ddl in found:  # names and DDL come from the catalogue, not from any input
                con.execute(ddl)
                con.execute(f'INSERT INTO {schema}."{table}" SELECT * FROM {catalog}.{schema}."{table}"')
                rows += con.execute(f'SELECT count(*) FROM {schema}."{table}"').fetchone()[0]
                tables += 1
        con.execute("CREATE SCHEMA meta")
        con.execute(
            "CREATE TABLE meta.publication AS SELECT ?::VARCHAR AS run_id, now()::TIMESTAMP AS published_at, "
            "?::INTEGER AS tables, ?::BIGINT AS rows, ?::VARCHAR AS inputs_digest, ?::VARCHAR AS suite_digests, "
            "?::VARCHAR AS articles_digest",
            [run_id, tables, rows, inputs, json.dumps(suite_digests, sort_keys=True) if suite_digests else None, articles])
    finally:
        con.execute(f"USE {catalog}")
        con.execute(f"DETACH {_ALIAS}")  # checkpoints: the new file is whole, with no WAL beside it
    _fsync(target)
    # a WAL left by a writer of the old file (before publishing existed) must not replay into the new one
    Path(f"{published}.wal").unlink(missing_ok=True)
    os.replace(target, published)
    _fsync(published.parent)
    return PublishReport(published, tables, rows, time.perf_counter() - started, replaced)


def prepare_work_file(work: Path | str, published: Path | str) -> str | None:
    """A missing working file starts as a copy of the published one, so a new machine, a deleted
    working file or a warehouse from before publishing existed re-parses nothing already parsed.
    Returns what was done, for the run's log."""
    work, published = Path(work), Path(published)
    remove_leftovers(published)
    if work.exists() or not published.exists():
        return None
    partial = work.with_name(work.name + ".copying")
    shutil.copyfile(published, partial)
    if Path(f"{published}.wal").exists():
        shutil.copyfile(f"{published}.wal", f"{work}.wal")
    os.replace(partial, work)
    return f"working file {work} started from a copy of the published {published}"
