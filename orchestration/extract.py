"""Parse the articles that need it and write every extraction table.

An article is parsed once per (content, extractor version): the ledger remembers what was
parsed, so unchanged articles are skipped on rerun and a code change re-parses everything.
Each batch of articles is written in one transaction, so an interrupted run never leaves a
half-written article behind.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from orchestration import warehouse
from orchestration.code_version import code_digest
from orchestration.extraction.records import ArticleExtraction, ArticleInput

EXTRACTION_DIR = Path(__file__).resolve().parent / "extraction"


def extractor_version() -> str:
    """Digest of the extraction code: editing any extractor re-parses every article."""
    return code_digest(EXTRACTION_DIR)


@dataclass
class ExtractReport:
    parsed: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file_name, error)
    rows: dict[str, int] = field(default_factory=dict)
    seconds_parsing: float = 0.0
    processes: int = 1
    words: int = 0


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


# below this many articles one process wins: a worker pays ~3 s to start and load spaCy
PARALLEL_MIN_ARTICLES = 64


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_processes(n_articles: int) -> int:
    """Parser processes: EXTRACT_PROCESSES if set, else one per available core once there are
    enough articles to repay the workers' start-up. Each worker parses and extracts and sends back
    only records; on the 2-core machine two workers parse 1.8x as fast as one process."""
    configured = os.environ.get("EXTRACT_PROCESSES")
    if configured:
        try:
            wanted = int(configured)
        except ValueError:
            raise ValueError(f"EXTRACT_PROCESSES must be a whole number, got {configured!r}") from None
        return max(1, wanted) if n_articles >= 2 else 1
    return available_cores() if n_articles >= PARALLEL_MIN_ARTICLES else 1


def _write_batch(con, batch: list[tuple[ArticleExtraction, str, object]], version: str, report: ExtractReport) -> None:
    ids = [extraction.article_id for extraction, _, _ in batch]
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    con.execute("BEGIN TRANSACTION")
    try:
        warehouse.delete_articles(con, [f"raw.{t}" for t in warehouse.EXTRACTION_TABLES] + ["raw.extraction_ledger"], ids)
        for table, record_type in warehouse.EXTRACTION_TABLES.items():
            attr = warehouse.EXTRACTION_ATTRS[table]
            rows = [row for extraction, _, _ in batch for row in getattr(extraction, attr)]
            warehouse.insert_rows(con, f"raw.{table}", warehouse.rows_to_arrow(record_type, rows))
            report.rows[table] = report.rows.get(table, 0) + len(rows)
        con.executemany(
            "INSERT INTO raw.extraction_ledger (article_id, content_sha256, extractor_version, reference_date, extracted_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [[extraction.article_id, sha, version, reference, now] for extraction, sha, reference in batch],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _extract_chunk(chunk: list[tuple[ArticleInput, str, str, str]]) -> list[tuple[str, object]]:
    """Parse and extract a chunk of articles in one process: ("ok", (extraction, sha, reference)) or
    ("error", (file_name, message)) per article, so one extractor bug never loses the others.
    Runs in worker processes: only small records travel back, never spaCy Docs."""
    from orchestration.extraction.nlp import load_nlp
    from orchestration.extraction.pipeline import extract_from_doc

    nlp = load_nlp()
    out: list[tuple[str, object]] = []
    for (article, boilerplate, sha, file_name), doc in zip(chunk, nlp.pipe((c[0].body for c in chunk), batch_size=16)):
        try:
            out.append(("ok", (extract_from_doc(doc, article, boilerplate), sha, article.reference_date)))
        except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
            out.append(("error", (file_name, f"{type(exc).__name__}: {exc}")))
    return out


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _results(pending: list, n_process: int, chunk_size: int = 16):
    """Extraction results in input order, from this process or from a pool of worker processes."""
    if n_process <= 1:
        for chunk in _chunks(pending, chunk_size):
            yield from _extract_chunk(chunk)
        return
    import logging
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        # spawn, not fork: the parent runs Dagster's threads, which a fork would copy mid-flight
        with ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("spawn")) as pool:
            for chunk_result in pool.map(_extract_chunk, _chunks(pending, chunk_size)):
                done += len(chunk_result)
                yield from chunk_result
    except BrokenProcessPool as exc:
        # a worker died (out of memory, killed): finish here rather than lose the run
        logging.getLogger(__name__).warning(f"parser processes failed ({exc}); parsing the rest in this process")
        for chunk in _chunks(pending[done:], chunk_size):
            yield from _extract_chunk(chunk)


def extract_pending(con: duckdb.DuckDBPyConnection, log=None, batch_articles: int = 200) -> ExtractReport:
    report = ExtractReport()
    pending = pending_articles(con)
    report.skipped = con.execute("SELECT count(*) FROM raw.articles").fetchone()[0] - len(pending)
    if not pending:
        return report
    version = extractor_version()
    n_process = report.processes = default_processes(len(pending))
    if log:
        log.info(f"parsing {len(pending):,} articles with {n_process} process(es); {report.skipped:,} unchanged skipped")
    started = time.perf_counter()
    words = {item[0].article_id: len(item[0].body.split()) for item in pending}
    batch: list[tuple[ArticleExtraction, str, object]] = []
    for status, payload in _results(pending, n_process):
        if status == "ok":
            batch.append(payload)
            report.parsed += 1
            report.words += words[payload[0].article_id]
        else:
            report.failed.append(payload)
            if log:
                log.error(f"extraction failed for {payload[0]}: {payload[1]}")
        if len(batch) >= batch_articles:
            _write_batch(con, batch, version, report)
            batch = []
            if log:
                log.info(f"parsed {report.parsed:,} of {len(pending):,} articles")
    if batch:
        _write_batch(con, batch, version, report)
    report.seconds_parsing = time.perf_counter() - started
    return report
