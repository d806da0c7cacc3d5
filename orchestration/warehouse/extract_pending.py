"""Parse the articles that need it and write every extraction table.

An article is parsed once per (content, extractor version): the ledger remembers what was
parsed, so unchanged articles are skipped on rerun and a code change re-parses everything.
Each batch of articles is written in one transaction, so an interrupted run never leaves a
half-written article behind. Parsing itself happens in ``parsing`` (this process or a Dask
cluster), which sends back records only; this module is the one writer.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from orchestration.library.extraction.records import ArticleInput
from orchestration.warehouse import database as warehouse
from orchestration.warehouse import parsing
from orchestration.warehouse.code_version import code_digest, vocabulary_digest

EXTRACTION_DIR = Path(__file__).resolve().parents[1] / "library" / "extraction"


def extractor_version() -> str:
    """Digest of the extraction code and the curated lists it reads: editing either re-parses every article."""
    return hashlib.sha256(f"{code_digest(EXTRACTION_DIR)}\0{vocabulary_digest()}".encode()).hexdigest()[:12]


@dataclass
class ExtractReport:
    parsed: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file_name, error)
    rows: dict[str, int] = field(default_factory=dict)
    seconds_parsing: float = 0.0
    processes: int = 1  # parser workers (1: this process)
    words: int = 0
    engine: dict = field(default_factory=dict)  # parsing.Engine.describe(): engine, scheduler, workers, tasks


PENDING_SQL = """
    WITH corpus AS (
        -- mid-year of the corpus's median publication year dates an article that gives no date
        -- and no caption date. Only the year matters for "March 14", and a year-level fallback
        -- does not move (and re-parse every undated article) each time a dated article arrives.
        SELECT make_date(year(quantile_disc(published_date, 0.5)), 7, 1) AS middle
        FROM raw.articles WHERE published_date IS NOT NULL
    ),
    current AS (
        SELECT a.*, CASE WHEN a.published_date IS NULL THEN coalesce(a.caption_date, corpus.middle) END AS reference_date
        FROM raw.articles a, corpus
    )
    SELECT a.article_id, a.body_text, a.published_date, a.publisher, a.title, a.reference_date,
           coalesce(a.boilerplate_text, ''), a.content_sha256, a.file_name
    FROM current a
    LEFT JOIN raw.extraction_ledger l
      ON l.article_id = a.article_id AND l.content_sha256 = a.content_sha256 AND l.extractor_version = ?
     AND l.reference_date IS NOT DISTINCT FROM a.reference_date
    WHERE l.article_id IS NULL
    ORDER BY a.file_name
"""


def pending_articles(con: duckdb.DuckDBPyConnection) -> list[tuple[ArticleInput, str, str, str]]:
    """(input, boilerplate, content_sha256, file_name) for articles whose ledger entry is missing or stale:
    new or changed text, a new extractor version, or a new reference date for an undated article."""
    rows = con.execute(PENDING_SQL, [extractor_version()]).fetchall()
    return [(ArticleInput(r[0], r[1], r[2], r[3], r[4], r[5]), r[6], r[7], r[8]) for r in rows]


def _write_batch(con, batch: list[parsing.ChunkResult], version: str, report: ExtractReport) -> None:
    """One transaction: the batch's articles lose their old rows and gain their new rows and ledger entries."""
    import pyarrow as pa

    ids = [article_id for result in batch for article_id, _, _ in result.ledger]
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    con.execute("BEGIN TRANSACTION")
    try:
        warehouse.delete_articles(con, [f"raw.{t}" for t in warehouse.EXTRACTION_TABLES] + ["raw.extraction_ledger"], ids)
        for table in warehouse.EXTRACTION_TABLES:
            parts = [result.tables[table] for result in batch if table in result.tables]
            rows = pa.concat_tables(parts) if parts else None
            if rows is not None:
                warehouse.insert_rows(con, f"raw.{table}", rows)
            report.rows[table] = report.rows.get(table, 0) + (rows.num_rows if rows is not None else 0)
        entries = [[article_id, sha, version, reference, now] for result in batch for article_id, sha, reference in result.ledger]
        if entries:  # a batch of failed articles only has none
            con.executemany(
                "INSERT INTO raw.extraction_ledger (article_id, content_sha256, extractor_version, reference_date, extracted_at) "
                "VALUES (?, ?, ?, ?, ?)", entries)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def extract_pending(con: duckdb.DuckDBPyConnection, log=None, batch_articles: int = 200) -> ExtractReport:
    """Parse every pending article (in this process or on a Dask cluster, see ``parsing``) and
    write its rows, ``batch_articles`` articles per transaction."""
    report = ExtractReport()
    pending = pending_articles(con)
    report.skipped = con.execute("SELECT count(*) FROM raw.articles").fetchone()[0] - len(pending)
    if not pending:
        return report
    version = extractor_version()
    started = time.perf_counter()
    # connected (or failed with a clear error) before anything is written
    with parsing.engine(len(pending), on_info=log.info if log else None) as parser:
        report.processes = parser.workers
        if log:
            log.info(f"parsing {len(pending):,} articles ({parser.kind}, {parser.workers} worker(s)); "
                     f"{report.skipped:,} unchanged skipped")
        batch: list[parsing.ChunkResult] = []
        in_batch = 0
        for result in parser.results(pending):
            report.parsed += len(result.ledger)
            report.words += result.words
            for file_name, error in result.failed:
                report.failed.append((file_name, error))
                if log:
                    log.error(f"extraction failed for {file_name}: {error}")
            batch.append(result)
            in_batch += len(result.ledger)
            if in_batch >= batch_articles:
                _write_batch(con, batch, version, report)
                batch, in_batch = [], 0
                if log:
                    log.info(f"parsed {report.parsed:,} of {len(pending):,} articles")
        if batch:
            _write_batch(con, batch, version, report)
        report.engine = parser.describe()
    report.seconds_parsing = time.perf_counter() - started
    return report
