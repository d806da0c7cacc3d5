"""Which rows a suite validates: the whole table, or only the rows of articles parsed since the
last publication.

A publication's rows passed every blocking suite of its run. An extraction table's rows are a
function of their article alone: its bytes, the extractor version and the reference date, which
the ledger (raw.extraction_ledger) records per article. So on a rerun, every article whose ledger
entry equals the published file's has the rows that already passed, and an expectation that reads
one row at a time (suites.ROW_LOCAL_EXPECTATIONS) would give them the same verdict: it validates
only the changed articles' rows. Expectations over the whole table (uniqueness, row counts,
means) still read the whole table, only the columns they use.

A suite opts in with ``meta.rows_follow_articles``: its query's row for an article reads only that
article's rows (joins by article_id, or by ids that belong to one article). The whole suite runs on
the whole table when a suite does not opt in (the marts, whose rows corpus-wide resolution can
re-derive without any article changing), when nothing is published, when the suite changed since
the publication, when the published file cannot be opened, or when the table is small.

(Comparing each suite's query output with the published file's, row by row, was tried first: it
runs every query twice, and on 10,000 articles cost more than validating every row.)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.library.quality.suites import Suite

# Below this many rows one pass over the whole table costs less than two (the table-level
# expectations, then the changed articles' rows): each Great Expectations pass has a fixed cost.
CHANGED_ROWS_FROM = 20_000
_PUBLISHED = "last_published"
_CHANGED = "temp.main.articles_parsed_since_publication"


@dataclass(frozen=True)
class Baseline:
    """The last publication, and the version of each suite its rows passed."""
    path: Path
    run_id: str
    suite_digests: dict[str, str]

    @classmethod
    def of(cls, path: Path | str, last: dict | None) -> Baseline | None:
        digests = (last or {}).get("suite_digests")
        if not digests:
            return None  # nothing published, or published before suites were recorded
        return cls(Path(path), last["run_id"], json.loads(digests))


@dataclass
class SuiteRows:
    """The frames to validate a suite with, and what they cover."""
    whole: object | None    # pandas frame for the whole suite, or for its table-level expectations
    changed: object | None  # pandas frame of the changed articles' rows, for the row-local expectations
    table_rows: int
    scope: str

    @property
    def rows_validated(self) -> int:
        return len(self.changed) if self.changed is not None else self.table_rows


def open_baseline(con: duckdb.DuckDBPyConnection, baseline: Baseline | None) -> str | None:
    """Attach the published file read-only and list the articles whose ledger entry differs from
    it; returns why not, if the file cannot be opened (analysts' read-only sessions do not stop
    this; a read-write session on it does)."""
    if baseline is None:
        return None
    try:
        con.execute(f"ATTACH ? AS {_PUBLISHED} (READ_ONLY)", [str(baseline.path)])
    except duckdb.Error as exc:
        return f"could not open {baseline.path} read-only to compare ({exc}): validating whole tables"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {_CHANGED.split('.')[-1]} AS
        SELECT DISTINCT article_id FROM (
            SELECT * FROM raw.extraction_ledger EXCEPT SELECT * FROM {_PUBLISHED}.raw.extraction_ledger)""")
    return None


def close_baseline(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"DROP TABLE IF EXISTS {_CHANGED}")
    con.execute(f"DETACH DATABASE IF EXISTS {_PUBLISHED}")


def _attached(con) -> bool:
    return _PUBLISHED in {row[0] for row in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}


def suite_rows(con: duckdb.DuckDBPyConnection, suite: Suite, baseline: Baseline | None,
               changed_rows_from: int | None = None) -> SuiteRows:
    changed_rows_from = CHANGED_ROWS_FROM if changed_rows_from is None else changed_rows_from
    # SQL and table names from the project's own expectations/ files, not from any input
    select, table = suite.query, suite.table
    columns = [d[0] for d in con.execute(f"SELECT * FROM ({select}) AS q LIMIT 0").description]
    reason = _whole_table_reason(con, suite, baseline, columns)
    table_rows = None
    if not reason:
        table_rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if table_rows < changed_rows_from:
            reason = f"under {changed_rows_from:,} rows"
    if reason:
        frame = con.execute(suite.frame_query(columns)).df()
        return SuiteRows(frame, None, len(frame), f"whole table ({reason})")
    select = suite.frame_query(columns, suite.row_local)
    changed = con.execute(f"SELECT * FROM ({select}) AS suite_rows WHERE article_id IN (SELECT article_id FROM {_CHANGED})").df()
    whole = None
    if suite.table_level:
        read = ", ".join(f'"{c}"' for c in columns if c in suite.columns_of(suite.table_level))
        select = f"SELECT {read} FROM ({suite.query}) AS q"
        whole = con.execute(select).df()
    articles = con.execute(f"SELECT count(*) FROM {_CHANGED}").fetchone()[0]
    return SuiteRows(whole, changed, table_rows,
                     f"{len(changed):,} rows of the articles parsed since run {baseline.run_id} published ({articles:,}); "
                     f"the other rows of {table_rows:,} passed then; the whole table for {len(suite.table_level)} "
                     "table-level expectations")


def _whole_table_reason(con, suite: Suite, baseline: Baseline | None, columns: list[str]) -> str | None:
    if not suite.rows_follow_articles or "article_id" not in columns:
        return "its rows are not declared to follow their article"
    if baseline is None:
        return "no publication to compare with"
    if baseline.suite_digests.get(suite.name) != suite.digest:
        return "the suite changed since the last publication"
    if not suite.row_local:
        return "no row-local expectations"
    if not _attached(con):
        return "the published file could not be read"
    return None
