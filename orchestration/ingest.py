"""Bring the raw.articles table in line with the seeds folder.

Only files whose bytes changed are parsed again; a changed or removed file's rows are deleted
from every raw table in the same transaction, so no table ever holds rows of an article
version that no longer exists. Unreadable files go to raw.ingest_errors with a reason.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import duckdb

from orchestration import warehouse
from orchestration.articles.reader import Article, IngestError, article_id_for, list_article_files, read_article

DEPENDENT_TABLES = [f"raw.{t}" for t in warehouse.EXTRACTION_TABLES] + ["raw.extraction_ledger"]
READER_DIR = Path(__file__).resolve().parent / "articles"


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Digest of the file-reading code: a change to decoding, metadata or boilerplate rules
    re-reads every file (and so re-extracts it, since offsets index the body it produces)."""
    digest = hashlib.sha256()
    for path in sorted(READER_DIR.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    quarantined: list[IngestError] = field(default_factory=list)

    @property
    def total_articles(self) -> int:
        return len(self.added) + len(self.changed) + self.unchanged


def read_seed_file(seeds: Path, rel: str, path: Path) -> tuple[bytes | None, IngestError | None]:
    """Read one file's bytes, refusing anything that is not a regular file inside ``seeds``."""
    try:
        if not path.resolve().is_relative_to(seeds.resolve()):
            return None, IngestError(rel, "symbolic link points outside the seeds folder; not followed", None, None)
        if path.is_dir():
            return None, IngestError(rel, "is a directory, not an article file", None, None)
        if not path.is_file():
            return None, IngestError(rel, "not a regular file (device, socket or broken link)", None, None)
        return path.read_bytes(), None
    except FileNotFoundError:
        return None, IngestError(rel, "file disappeared between listing and reading", None, None)
    except OSError as exc:
        return None, IngestError(rel, f"cannot read the file: {exc.strerror or exc}", None, None)


def sync_articles(con: duckdb.DuckDBPyConnection, seeds: Path, log=None) -> IngestReport:
    report = IngestReport()
    version = reader_version()
    existing = {name: (sha, read_with) for name, sha, read_with in
                con.execute("SELECT file_name, content_sha256, reader_version FROM raw.articles").fetchall()}
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    new_rows: list[Article] = []
    seen: set[str] = set()

    if not seeds.is_dir():
        raise FileNotFoundError(f"Seeds folder {seeds} does not exist (set SEEDS_DIR to the folder of article files).")
    files = list_article_files(seeds)
    for i, (rel, path) in enumerate(files, 1):
        data, error = read_seed_file(seeds, rel, path)
        if error is None:
            digest = hashlib.sha256(data).hexdigest()
            if existing.get(rel) == (digest, version):
                report.unchanged += 1
                seen.add(rel)
                continue
            parsed = read_article(rel, data)
            if isinstance(parsed, IngestError):
                error = parsed
            else:
                new_rows.append(parsed)
                seen.add(rel)
                (report.changed if rel in existing else report.added).append(rel)
        if error is not None:
            report.quarantined.append(error)
        if log and i % 500 == 0:
            log.info(f"read {i:,} of {len(files):,} files")
    report.removed = sorted(set(existing) - seen)

    stale_ids = [article_id_for(name) for name in report.changed + report.removed]
    con.execute("BEGIN TRANSACTION")
    try:
        warehouse.delete_articles(con, ["raw.articles", *DEPENDENT_TABLES], stale_ids)
        if new_rows:
            import pyarrow as pa

            table = pa.Table.from_pylist([{**dataclasses.asdict(a), "reader_version": version, "ingested_at": now} for a in new_rows])
            warehouse.insert_rows(con, "raw.articles", table)
        # the quarantine always reflects the folder as it is now
        con.execute("DELETE FROM raw.ingest_errors")
        for err in report.quarantined:
            con.execute(
                "INSERT INTO raw.ingest_errors VALUES (?, ?, ?, ?, ?)",
                [err.file_name, err.reason, err.content_sha256, err.size_bytes, now],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report
