"""All DuckDB access goes through here: schema, connections, bulk writes, locking.

Two locks keep concurrent runs and users' sessions from corrupting the warehouse:

- The run lock (``RunLock``): a pipeline run holds an exclusive ``flock`` on "<warehouse>.lock"
  from its first step to its last, so two runs (CLI, sensor, UI, schedule) never interleave
  their steps. A second run waits for the first (``WAREHOUSE_LOCK_WAIT_SECONDS``, default 30
  minutes), logging which run it waits for, then fails with a message naming it. The kernel
  drops the lock when the holder dies, even by SIGKILL: nothing stale is left behind.
- DuckDB's own file lock: one process may write, and no other process may have the file open
  meanwhile (not even read-only). ``connect`` waits for it (``WAREHOUSE_CONNECT_WAIT_SECONDS``,
  default 120 s), then fails with a message naming the process that holds it (PID and command
  line) and whether it is a read-only session, instead of DuckDB's bare IOException.

All SQL that carries values is parameterized; only table and column names from this module's
constants are interpolated.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import socket
import sys
import time
import typing
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from orchestration.library.extraction import records

SCHEMAS = ("raw", "staging", "intermediate", "marts")

ARTICLES_COLUMNS = [
    ("article_id", "VARCHAR NOT NULL"), ("file_name", "VARCHAR NOT NULL"), ("content_sha256", "VARCHAR NOT NULL"),
    ("size_bytes", "BIGINT"), ("encoding", "VARCHAR"), ("title", "VARCHAR"), ("title_source", "VARCHAR"),
    ("publisher", "VARCHAR"), ("author", "VARCHAR"), ("published_date", "DATE"), ("published_date_precision", "VARCHAR"),
    ("caption_date", "DATE"), ("url", "VARCHAR"), ("metadata_source", "VARCHAR"), ("body_text", "VARCHAR NOT NULL"),
    ("boilerplate_text", "VARCHAR"), ("word_count", "INTEGER"), ("reader_version", "VARCHAR"), ("ingested_at", "TIMESTAMP"),
    ("source_format", "VARCHAR"),  # text, html or markdown: what the file held before it was turned into plain text
    ("duplicate_of", "VARCHAR"),  # file_name of the first file (by name) with the same bytes, for later copies
    ("site", "VARCHAR"),  # registrable domain of url ("antiwar.com"), a name of the publisher
]
INGEST_ERRORS_COLUMNS = [
    ("file_name", "VARCHAR NOT NULL"), ("reason", "VARCHAR NOT NULL"), ("content_sha256", "VARCHAR"),
    ("size_bytes", "BIGINT"), ("detected_at", "TIMESTAMP"),
]
# entries of the seeds folder that are not articles (articles/folder.py): files of another type,
# hidden files and folders, a saved page's assets folder; listed so every file is accounted for,
# and never counted as articles or as quarantined ones
SKIPPED_FILES_COLUMNS = [
    ("file_name", "VARCHAR NOT NULL"), ("kind", "VARCHAR NOT NULL"), ("reason", "VARCHAR NOT NULL"),
    ("files", "INTEGER"), ("detected_at", "TIMESTAMP"),
]
# articles a run withheld (warehouse/withhold.py): their rows broke a row-level invariant or their
# extraction failed; the last published version is kept when there is one
WITHHELD_COLUMNS = [
    ("file_name", "VARCHAR NOT NULL"), ("article_id", "VARCHAR NOT NULL"), ("content_sha256", "VARCHAR"),
    ("stage", "VARCHAR NOT NULL"), ("failed_check", "VARCHAR NOT NULL"), ("reason", "VARCHAR NOT NULL"),
    ("sample_row", "VARCHAR"), ("kept_version", "BOOLEAN NOT NULL"), ("kept_run_id", "VARCHAR"),
    ("kept_published_at", "TIMESTAMP"), ("withheld_at", "TIMESTAMP"), ("run_id", "VARCHAR"),
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
    """Another run or session holds the warehouse longer than we were willing to wait."""


DEFAULT_LOCK_WAIT_SECONDS = 1800.0  # a second run waits this long for the first to finish
DEFAULT_CONNECT_WAIT_SECONDS = 120.0  # a run waits this long for a user's session to close the file


def _seconds_from_env(name: str, default: float) -> float:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        raise ValueError(f"{name} must be a number of seconds, not {value!r}") from None


def lock_wait_seconds() -> float:
    return _seconds_from_env("WAREHOUSE_LOCK_WAIT_SECONDS", DEFAULT_LOCK_WAIT_SECONDS)


def connect_wait_seconds() -> float:
    return _seconds_from_env("WAREHOUSE_CONNECT_WAIT_SECONDS", DEFAULT_CONNECT_WAIT_SECONDS)


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
    _ensure_table(con, "raw.skipped_files", SKIPPED_FILES_COLUMNS)
    _ensure_table(con, "raw.extraction_ledger", LEDGER_COLUMNS)
    _ensure_table(con, "raw.withheld_articles", WITHHELD_COLUMNS)
    for table, record_type in EXTRACTION_TABLES.items():
        _ensure_table(con, f"raw.{table}", record_columns(record_type))


def _command_line(pid: int) -> str:
    """A local process's command line, where the OS exposes it (Linux /proc), else ""."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    return " ".join(part.decode(errors="replace") for part in raw.split(b"\0") if part)[:300]


def describe_lock_holder(path: Path | str, duckdb_message: str) -> tuple[str, bool]:
    """(who holds DuckDB's lock on the file, whether it is a read-only session), from DuckDB's error text."""
    match = re.search(r"Conflicting lock is held in (?P<exe>.*?) \(PID (?P<pid>\d+)\)", duckdb_message)
    # DuckDB adds this hint only when the holder has the file open read-only
    read_only_holder = "open this database in read-only mode" in duckdb_message
    if not match:
        return "another process", read_only_holder
    pid = int(match["pid"])
    who = f"process {pid} ({_command_line(pid) or match['exe']})"
    run = RunLock(path).holder()
    if run and run.get("pid") == pid and run.get("host") == socket.gethostname():
        who = f"pipeline {_describe_run(run)}"
    return who, read_only_holder


@contextmanager
def connect(path: Path | str, read_only: bool = False, wait_seconds: float | None = None,
            on_wait: typing.Callable[[str], None] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse, waiting up to ``wait_seconds`` (default WAREHOUSE_CONNECT_WAIT_SECONDS, 120)
    for another process to release the file; ``on_wait`` hears once who is being waited for."""
    path = Path(path)
    wait_seconds = connect_wait_seconds() if wait_seconds is None else wait_seconds
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    announced = False
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            who, reader = describe_lock_holder(path, str(exc))
            kind = "a read-only session" if reader else "a read-write session"
            if time.monotonic() >= deadline:
                raise WarehouseLockedError(
                    f"The warehouse {path} is locked by {who}, {kind}. DuckDB lets one process write a file and no "
                    f"other process open it meanwhile, not even read-only. Waited {wait_seconds:.0f}s "
                    "(WAREHOUSE_CONNECT_WAIT_SECONDS). Close that session, or wait for it to finish, then retry."
                ) from exc
            if on_wait and not announced:
                on_wait(f"waiting up to {wait_seconds:.0f}s for {who} ({kind}) to close the warehouse {path}")
                announced = True
            time.sleep(0.5)
    try:
        if not read_only:
            ensure_schema(con)
        yield con
    finally:
        con.close()


try:
    import fcntl
except ImportError:  # Windows: no flock; DuckDB's own file lock still keeps writers apart
    fcntl = None


def _describe_run(info: dict) -> str:
    what = f"run {info['run_id']}" if info.get("run_id") else "run"
    if info.get("job"):
        what += f" of job {info['job']}"
    details = [f"PID {info.get('pid')} on {info.get('host')}"]
    if info.get("started_at"):
        details.append(f"started {info['started_at']} UTC")
    if info.get("command"):
        details.append(f"command: {info['command']}")
    return f"{what} ({', '.join(details)})"


HOLDER_DETAILS_GRACE_SECONDS = 2.0  # how long a waiting run gives the holder to record who it is


class RunLock:
    """Exclusive, run-long lock on "<warehouse>.lock": one pipeline run at a time per warehouse.

    The file also says who holds it (run id, job, PID, host, start time, command line), so a
    waiting run can name what it waits for. ``flock`` is released by the kernel when the holder
    exits or is killed, so a crashed run never leaves a stale lock.
    """

    def __init__(self, warehouse_path: Path | str, run_id: str | None = None, job: str | None = None):
        self.warehouse = Path(warehouse_path)
        self.path = Path(f"{self.warehouse}.lock")
        self.info = {"run_id": run_id, "job": job}
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> dict | None:
        """What the lock file says about its holder (None if empty or unreadable)."""
        try:
            text = self.path.read_text(encoding="utf-8")
            return json.loads(text) if text.strip() else None
        except (OSError, ValueError):
            return None

    def _holder_text(self) -> str:
        info = self.holder()
        return _describe_run(info) if info else "another pipeline run (it has not yet recorded its details)"

    def acquire(self, wait_seconds: float | None = None, on_wait: typing.Callable[[str], None] | None = None) -> "RunLock":
        wait_seconds = lock_wait_seconds() if wait_seconds is None else wait_seconds
        if fcntl is None or self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        started = time.monotonic()
        deadline = started + wait_seconds
        announced = False
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    holder = self.holder() or {}
                    if holder.get("pid") == os.getpid() and holder.get("host") == socket.gethostname():
                        raise WarehouseLockedError(
                            f"This process already holds the run lock on {self.warehouse} "
                            f"({_describe_run(holder)}): a run cannot start inside another run.") from None
                    if time.monotonic() >= deadline:
                        raise WarehouseLockedError(
                            f"Another pipeline run is using the warehouse {self.warehouse}: "
                            f"{self._holder_text()}. Waited {wait_seconds:.0f}s for it to finish "
                            "(WAREHOUSE_LOCK_WAIT_SECONDS). Runs on one warehouse go one at a time; "
                            "let that run finish (or stop it), then start this one again."
                        ) from None
                    # the holder writes its details just after taking the lock: give it a moment, so
                    # the message names the run waited for
                    unnamed = not holder and time.monotonic() < started + HOLDER_DETAILS_GRACE_SECONDS
                    if on_wait and not announced and not unnamed:
                        on_wait(f"another pipeline run holds the warehouse: {self._holder_text()}; "
                                f"waiting up to {wait_seconds:.0f}s for it to finish")
                        announced = True
                    time.sleep(0.25)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        info = {
            **self.info,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()),
            "command": " ".join(sys.argv)[:200],
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def rows_to_arrow(record_type: type, rows: Sequence):
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


def skipped_files(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(file name, kind, reason) of the folder's entries that are not articles; none in a warehouse
    published before they were listed."""
    try:
        return con.execute("SELECT file_name, kind, reason FROM raw.skipped_files ORDER BY file_name").fetchall()
    except duckdb.CatalogException:
        return []


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
