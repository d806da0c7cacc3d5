"""All DuckDB access goes through here: schema, connections, bulk writes.

DuckDB allows one writing process per file. ``connect`` waits a bounded time for a lock
held by another process (another run, a user's read-write SQL session) and then fails with
a message that says who holds it, instead of DuckDB's bare IOException.
"""
from __future__ import annotations

import dataclasses
import re
import time
import typing
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from orchestration.extraction import records

SCHEMAS = ("raw", "staging", "marts")

ARTICLES_COLUMNS = [
    ("article_id", "VARCHAR NOT NULL"), ("file_name", "VARCHAR NOT NULL"), ("content_sha256", "VARCHAR NOT NULL"),
    ("size_bytes", "BIGINT"), ("encoding", "VARCHAR"), ("title", "VARCHAR"), ("title_source", "VARCHAR"),
    ("publisher", "VARCHAR"), ("author", "VARCHAR"), ("published_date", "DATE"), ("published_date_precision", "VARCHAR"),
    ("caption_date", "DATE"), ("url", "VARCHAR"), ("metadata_source", "VARCHAR"), ("body_text", "VARCHAR NOT NULL"),
    ("boilerplate_text", "VARCHAR"), ("word_count", "INTEGER"), ("reader_version", "VARCHAR"), ("ingested_at", "TIMESTAMP"),
]
INGEST_ERRORS_COLUMNS = [
    ("file_name", "VARCHAR NOT NULL"), ("reason", "VARCHAR NOT NULL"), ("content_sha256", "VARCHAR"),
    ("size_bytes", "BIGINT"), ("detected_at", "TIMESTAMP"),
]
LEDGER_COLUMNS = [
    ("article_id", "VARCHAR NOT NULL"), ("content_sha256", "VARCHAR NOT NULL"), ("extractor_version", "VARCHAR NOT NULL"),
    ("reference_date", "DATE"), ("extracted_at", "TIMESTAMP"),
]

# raw extraction tables, each built from its record dataclass so the two never drift apart
EXTRACTION_TABLES: dict[str, type] = {
    "sentences": records.Sentence,
    "entity_mentions": records.EntityMention,
    "place_mentions": records.PlaceMention,
    "figure_mentions": records.FigureMention,
    "date_mentions": records.DateMention,
    "events": records.Event,
    "event_actors": records.EventActor,
    "quotes": records.Quote,
    "citations": records.Citation,
}
# ArticleExtraction attribute holding each table's rows
EXTRACTION_ATTRS = {
    "sentences": "sentences", "entity_mentions": "mentions", "place_mentions": "places", "figure_mentions": "figures",
    "date_mentions": "dates", "events": "events", "event_actors": "event_actors",
    "quotes": "quotes", "citations": "citations",
}

_SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "date": "DATE", "bool": "BOOLEAN"}


class WarehouseLockedError(RuntimeError):
    pass


def _column_type(annotation: str) -> str:
    base = annotation.split("|")[0].strip()
    return _SQL_TYPES[base]


def record_columns(record_type: type) -> list[tuple[str, str]]:
    return [(f.name, _column_type(f.type if isinstance(f.type, str) else f.type.__name__))
            for f in dataclasses.fields(record_type)]


def _ensure_table(con: duckdb.DuckDBPyConnection, table: str, columns: list[tuple[str, str]]) -> None:
    """Create the table, or add the columns a newer version of the code expects (existing rows get NULL)."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(f'{n} {t}' for n, t in columns)})")
    schema, name = table.split(".")
    present = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?", [schema, name]).fetchall()}
    for column, sql_type in columns:
        if column not in present:
            con.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type.replace(' NOT NULL', '')}")


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for schema in SCHEMAS:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    _ensure_table(con, "raw.articles", ARTICLES_COLUMNS)
    _ensure_table(con, "raw.ingest_errors", INGEST_ERRORS_COLUMNS)
    _ensure_table(con, "raw.extraction_ledger", LEDGER_COLUMNS)
    for table, record_type in EXTRACTION_TABLES.items():
        _ensure_table(con, f"raw.{table}", record_columns(record_type))


@contextmanager
def connect(path: Path | str, read_only: bool = False, wait_seconds: float = 120.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse, waiting up to ``wait_seconds`` for another process's lock."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                holder = re.search(r"\(PID \d+\)", str(exc))
                raise WarehouseLockedError(
                    f"The warehouse {path} is locked by another process {holder.group(0) if holder else ''} "
                    f"(another pipeline run, or a SQL session opened read-write). Waited {wait_seconds:.0f}s. "
                    "Close that session or wait for the run to finish, then retry."
                ) from exc
            time.sleep(0.5)
    try:
        if not read_only:
            ensure_schema(con)
        yield con
    finally:
        con.close()


def rows_to_arrow(record_type: type, rows: Sequence) -> "pyarrow.Table":
    """Dataclass rows → an Arrow table with the raw table's column order (bulk insert, not row by row)."""
    import pyarrow as pa

    names = [name for name, _ in record_columns(record_type)]
    columns = {name: [getattr(r, name) for r in rows] for name in names}
    arrow_types = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "DATE": pa.date32(), "BOOLEAN": pa.bool_()}
    schema = pa.schema([(name, arrow_types[sql]) for name, sql in record_columns(record_type)])
    return pa.table(columns, schema=schema)


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, arrow_table) -> None:
    if arrow_table.num_rows == 0:
        return
    con.register("_incoming", arrow_table)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")


def delete_articles(con: duckdb.DuckDBPyConnection, tables: Iterable[str], article_ids: Sequence[str]) -> None:
    if not article_ids:
        return
    for table in tables:
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)])


def table_counts(con: duckdb.DuckDBPyConnection, schemas: Sequence[str] = SCHEMAS) -> list[tuple[str, str, int]]:
    """(schema, table, rows) for every table and view in the given schemas."""
    out = []
    tables = con.execute(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_schema IN (SELECT unnest(?::VARCHAR[])) ORDER BY 1, 2", [list(schemas)]
    ).fetchall()
    for schema, table in tables:
        out.append((schema, table, con.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]))
    return out
