"""Bring the raw.articles table in line with the seeds folder.

Only files whose bytes changed are parsed again; a changed or removed file's rows are deleted
from every raw table in the same transaction, so no table ever holds rows of an article
version that no longer exists. Unreadable files go to raw.ingest_errors with a reason; entries
that are not articles (another file type, hidden files, a saved page's assets folder) are listed
in raw.skipped_files with theirs.

Nothing a file holds can stop the others: a file is read only if it is a regular file inside
the seeds folder (links are resolved first and refused if they lead outside), at most
MAX_FILE_BYTES of it, and any error reading or decoding one file quarantines that file alone.
A file that disappears between listing and reading is treated as removed (it is no longer in
the folder), with a warning in the run's log.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from orchestration.library.articles.folder import SkippedEntry, resolved_inside, survey_folder
from orchestration.library.articles.reader import (
    MAX_FILE_BYTES,
    Article,
    IngestError,
    article_id_for,
    read_article,
    too_large_reason,
)
from orchestration.warehouse import database as warehouse
from orchestration.warehouse.code_version import code_digest, vocabulary_digest

DEPENDENT_TABLES = [f"raw.{t}" for t in warehouse.EXTRACTION_TABLES] + ["raw.extraction_ledger"]
READER_DIR = Path(__file__).resolve().parents[1] / "library" / "articles"


# the libraries that read web pages, PDFs and Word documents: a new version may read a file differently
READER_LIBRARIES = ("trafilatura", "pypdf", "python-docx", "lxml")


def reader_version() -> str:
    """Digest of the file-reading code and the versions of the libraries it reads files with: a
    change to decoding, metadata or boilerplate rules, or an upgraded extractor, re-reads every file
    (and so re-extracts it, since offsets index the body it produces)."""
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for name in READER_LIBRARIES:
        try:
            versions.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} missing")
    return hashlib.sha256(f"{code_digest(READER_DIR)}\0{vocabulary_digest()}\0{','.join(versions)}".encode()).hexdigest()[:12]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    quarantined: list[IngestError] = field(default_factory=list)
    vanished: list[str] = field(default_factory=list)  # listed, then gone before it could be read
    skipped: list[SkippedEntry] = field(default_factory=list)  # not articles: other file types, hidden, page assets

    @property
    def total_articles(self) -> int:
        return len(self.added) + len(self.changed) + self.unchanged


class FileVanished(Exception):
    """The file was listed but is gone: it counts as removed, not as a bad file."""


def _display_name(rel: str) -> str:
    """A file name DuckDB can store: bytes that are not UTF-8 are shown as \\xNN escapes."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_seed_file(seeds: Path, rel: str, path: Path) -> tuple[bytes | None, IngestError | None]:
    """Read one file's bytes, refusing anything that is not a regular file inside ``seeds``.

    The link check and the read use the same resolved path, opened without following links
    and without blocking (a named pipe never hangs the run); the size is checked before reading.
    Raises FileVanished when the file no longer exists.
    """
    try:
        if path.is_symlink() and not os.path.exists(path):
            return None, IngestError(rel, "broken symbolic link (its target does not exist)", None, None)
        real = resolved_inside(seeds, path)
        if real is None:
            return None, IngestError(rel, "symbolic link points outside the seeds folder; not followed", None, None)
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(real, flags)
    except FileNotFoundError as exc:
        raise FileVanished(rel) from exc
    except RuntimeError:  # symlink loop (Python < 3.13 raises RuntimeError from resolve)
        return None, IngestError(rel, "symbolic link loop; not followed", None, None)
    except OSError as exc:
        if exc.errno in (getattr(os, "ELOOP", -1), getattr(os, "EMLINK", -1)):
            return None, IngestError(rel, "symbolic link loop or swapped link; not followed", None, None)
        return None, IngestError(rel, f"cannot read the file: {exc.strerror or exc}", None, None)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return None, IngestError(rel, "is a directory, not an article file (files inside it are read on their own)", None, None)
        if not stat.S_ISREG(info.st_mode):
            return None, IngestError(rel, "not a regular file (named pipe, device or socket)", None, None)
        if info.st_size > MAX_FILE_BYTES:
            return None, IngestError(rel, too_large_reason(info.st_size), None, info.st_size)
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:  # grew while being read
                return None, IngestError(rel, too_large_reason(total), None, total)
        return b"".join(chunks), None
    except OSError as exc:
        return None, IngestError(rel, f"cannot read the file: {exc.strerror or exc}", None, None)
    finally:
        os.close(fd)


def _read_one(seeds: Path, rel: str, path: Path, existing: dict, version: str) -> tuple[str, object]:
    """("unchanged", None) | ("article", Article) | ("error", IngestError) | ("vanished", None)."""
    name = _display_name(rel)
    if name != rel:
        return "error", IngestError(name, "file name is not valid UTF-8 (shown with \\x escapes); rename the file", None, None)
    try:
        data, error = read_seed_file(seeds, rel, path)
    except FileVanished:
        return "vanished", None
    if error is not None:
        return "error", error
    digest = hashlib.sha256(data).hexdigest()
    if existing.get(rel) == (digest, version):
        return "unchanged", None
    try:
        parsed = read_article(rel, data)
    except Exception as exc:  # a reader bug on one file must not stop the others
        return "error", IngestError(rel, f"could not be read ({type(exc).__name__}: {exc}); please report this file",
                                    digest, len(data))
    return ("error" if isinstance(parsed, IngestError) else "article"), parsed


DUPLICATES_SQL = """
    UPDATE raw.articles SET duplicate_of = d.first_name
    FROM (
        SELECT file_name,
               CASE WHEN min(file_name) OVER (PARTITION BY content_sha256) <> file_name
                    THEN min(file_name) OVER (PARTITION BY content_sha256) END AS first_name
        FROM raw.articles
    ) d
    WHERE raw.articles.file_name = d.file_name AND raw.articles.duplicate_of IS DISTINCT FROM d.first_name
"""


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
    survey = survey_folder(seeds)  # one walk: the articles to read, and what is listed but never read
    files = survey.articles
    report.skipped = [dataclasses.replace(entry, file_name=_display_name(entry.file_name)) for entry in survey.skipped]
    for i, (rel, path) in enumerate(files, 1):
        outcome, value = _read_one(seeds, rel, path, existing, version)
        if outcome == "unchanged":
            report.unchanged += 1
            seen.add(rel)
        elif outcome == "article":
            new_rows.append(value)
            seen.add(rel)
            (report.changed if rel in existing else report.added).append(rel)
        elif outcome == "vanished":
            report.vanished.append(rel)
            if log:
                log.warning(f"{rel}: file disappeared between listing and reading; treated as removed")
        else:
            report.quarantined.append(value)
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
        # the same bytes under several names: every copy is kept (the file is the unit), each later
        # name points at the first; the raw_articles suite warns about them
        con.execute(DUPLICATES_SQL)
        # the quarantine always reflects the folder as it is now, and what is withheld this run's checks
        con.execute("DELETE FROM raw.ingest_errors")
        con.execute("DELETE FROM raw.withheld_articles")
        con.execute("DELETE FROM raw.skipped_files")
        if report.skipped:
            con.executemany(
                "INSERT INTO raw.skipped_files (file_name, kind, reason, files, detected_at) VALUES (?, ?, ?, ?, ?)",
                [[e.file_name, e.kind, e.reason, e.files, now] for e in report.skipped],
            )
        if report.quarantined:
            con.executemany(
                "INSERT INTO raw.ingest_errors (file_name, reason, content_sha256, size_bytes, detected_at) VALUES (?, ?, ?, ?, ?)",
                [[err.file_name, err.reason, err.content_sha256, err.size_bytes, now] for err in report.quarantined],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report
