"""Withhold one article, publish the rest.

An article whose rows break an invariant that is read row by row (an offset that does not slice
its body, a value outside its set), or whose extraction raised, is withheld: in the run's
working file its rows in every raw table are replaced by the version of it the last publication
holds (or removed, when none was published), so dbt, the checks and the publication see only
articles whose rows hold. ``raw.withheld_articles`` names each one with the failing check and a
sample row; it is published with the raw tables and the run summary prints it.

A withheld article's file still differs from what its rows were read from, so every later run
reads and extracts it again, and withholds it again until the file or the code changes; a run
with nothing changed does not start at all (publish.unchanged_since). The ingest step empties the
table: what is withheld is always what the current run withheld.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from orchestration.warehouse import database as warehouse

TABLE = "raw.withheld_articles"
# every table an article's rows live in, raw.articles first
ARTICLE_TABLES = ["raw.articles", *(f"raw.{t}" for t in warehouse.EXTRACTION_TABLES), "raw.extraction_ledger"]
_LAST = "withhold_last_published"
_RECORD_COLUMNS = [name for name, _ in warehouse.WITHHELD_COLUMNS]
_RECORD = f"INSERT INTO {TABLE} ({', '.join(_RECORD_COLUMNS)}) VALUES ({', '.join('?' * len(_RECORD_COLUMNS))})"


@dataclass(frozen=True)
class Withholding:
    """Why one article is withheld."""

    article_id: str
    stage: str  # ingest or extract
    check: str  # the check (ge_<suite>) or "extraction"
    reason: str  # the failing expectation and its summary, or the extractor's error
    sample_row: dict | None = None


def most_of(failing: int, total: int) -> bool:
    """More than half of the articles (and more than one) failing is no odd article: the code,
    the model or the workers' environment is broken, and the run fails instead of publishing."""
    return failing >= 2 and failing * 2 > total


def _attach_published(con: duckdb.DuckDBPyConnection, published: Path) -> bool:
    if not published.exists():
        return False
    try:
        con.execute(f"ATTACH ? AS {_LAST} (READ_ONLY)", [str(published)])
    except duckdb.Error:
        return False
    return True


def _columns(con, catalog: str, table: str) -> list[str]:
    schema, name = table.split(".")
    return [r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND schema_name = ? AND table_name = ?",
        [catalog, schema, name]).fetchall()]


def _restore(con, article_id: str, work_catalog: str) -> bool:
    """Copy the article's published rows into the working file; False when none were published."""
    if not con.execute(f"SELECT count(*) FROM {_LAST}.raw.articles WHERE article_id = ?", [article_id]).fetchone()[0]:
        return False
    for table in ARTICLE_TABLES:
        published_columns = set(_columns(con, _LAST, table))
        shared = [c for c in _columns(con, work_catalog, table) if c in published_columns]
        if not shared:
            continue  # a table the published version did not have yet
        columns = ", ".join(f'"{c}"' for c in shared)
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {_LAST}.{table} WHERE article_id = ?", [article_id])
    return True


def withhold(con: duckdb.DuckDBPyConnection, items: list[Withholding], published: Path | str,
             run_id: str | None = None) -> list[dict]:
    """Withhold the articles of ``items`` in the working file (``con``), in one transaction;
    returns, per article, what was recorded in raw.withheld_articles."""
    by_article: dict[str, list[Withholding]] = {}
    for item in items:
        by_article.setdefault(item.article_id, []).append(item)
    if not by_article:
        return []
    work_catalog = con.execute("SELECT current_database()").fetchone()[0]
    attached = _attach_published(con, Path(published))
    last = None
    if attached:
        try:
            last = con.execute(f"SELECT run_id, published_at FROM {_LAST}.meta.publication").fetchone()
        except duckdb.Error:
            last = None
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    recorded = []
    con.execute("BEGIN TRANSACTION")
    try:
        for article_id, reasons in sorted(by_article.items()):
            current = con.execute("SELECT file_name, content_sha256 FROM raw.articles WHERE article_id = ?", [article_id]).fetchone()
            if current is None:
                continue  # withheld already in this run (two suites blamed it)
            warehouse.delete_articles(con, ARTICLE_TABLES, [article_id])
            kept = attached and _restore(con, article_id, work_catalog)
            first = reasons[0]
            row = {
                "file_name": current[0], "article_id": article_id, "content_sha256": current[1], "stage": first.stage,
                "failed_check": first.check, "reason": "; ".join(dict.fromkeys(r.reason for r in reasons)),
                "sample_row": json.dumps(first.sample_row, default=str, ensure_ascii=False) if first.sample_row else None,
                "kept_run_id": last[0] if kept and last else None, "kept_published_at": last[1] if kept and last else None,
                "kept_version": bool(kept), "withheld_at": now, "run_id": run_id,
            }
            con.execute(_RECORD, [row[name] for name in _RECORD_COLUMNS])
            recorded.append(row)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        if attached:
            con.execute(f"DETACH {_LAST}")
    return recorded


def withheld_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """raw.withheld_articles as dicts, by file name (empty for a warehouse from before withholding)."""
    try:
        cur = con.execute(f"SELECT * FROM {TABLE} ORDER BY file_name")
    except duckdb.CatalogException:
        return []
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def describe(row: dict) -> str:
    """One line for the run summary and the log."""
    kept = (f"the version published by run {row['kept_run_id']} is kept" if row.get("kept_version")
            else "not published (no earlier version)")
    return f"{row['file_name']}: {row['failed_check']}: {row['reason']}; {kept}"
