"""One article file → one Article record, or an IngestError saying why not."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from orchestration.articles.boilerplate import split_boilerplate
from orchestration.articles.decode import UndecodableError, decode_bytes
from orchestration.articles.frontmatter import FrontMatterError, split_front_matter
from orchestration.articles.metadata import infer_metadata, latest_full_date
from orchestration.extraction.ids import stable_id

ARTICLE_SUFFIXES = (".txt",)
MAX_BYTES = 64 * 1024 * 1024  # larger files are quarantined rather than exhausting memory


@dataclass
class Article:
    article_id: str
    file_name: str  # relative to the seeds folder, "/"-separated
    content_sha256: str
    size_bytes: int
    encoding: str
    title: str | None
    title_source: str | None  # front_matter, cite_as, headline, lead_sentence
    publisher: str | None
    author: str | None
    published_date: date | None
    published_date_precision: str | None
    caption_date: date | None  # latest full date in captions/boilerplate: dates an undated article
    url: str | None
    metadata_source: str  # front_matter, inferred, or mixed
    body_text: str
    boilerplate_text: str
    word_count: int


@dataclass
class IngestError:
    file_name: str
    reason: str
    content_sha256: str | None
    size_bytes: int | None


def article_id_for(file_name: str) -> str:
    """Keyed on the file name so an edited file keeps its id and its rows get replaced."""
    return stable_id("article", file_name)


def list_article_files(seeds: Path) -> list[tuple[str, Path]]:
    """(relative name, path) for every article file under ``seeds``, sorted; hidden files skipped."""
    found = []
    for path in sorted(seeds.rglob("*")):
        rel = path.relative_to(seeds).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            found.append((rel, path))
    return found


def read_article(file_name: str, data: bytes) -> Article | IngestError:
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_BYTES:
        return IngestError(file_name, f"file too large ({len(data):,} bytes; limit {MAX_BYTES:,})", digest, len(data))
    try:
        text, encoding = decode_bytes(data)
        front, text = split_front_matter(text)
    except (UndecodableError, FrontMatterError) as exc:
        return IngestError(file_name, str(exc), digest, len(data))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not text.strip():
        return IngestError(file_name, "no text: the file holds only whitespace" if data.strip() else "empty file", digest, len(data))

    lines = text.splitlines(keepends=True)
    inferred = infer_metadata(lines)
    body_lines, boiler_lines = split_boilerplate(lines, inferred.metadata_lines)
    body = re.sub(r"\n{3,}", "\n\n", "".join(body_lines)).strip()
    if not body:
        return IngestError(file_name, "no article text once page furniture was set aside", digest, len(data))

    published = front.get("published", inferred.published)
    used = {k for k in ("title", "publisher", "author", "published", "url") if k in front}
    return Article(
        article_id=article_id_for(file_name),
        file_name=file_name,
        content_sha256=digest,
        size_bytes=len(data),
        encoding=encoding,
        title=front.get("title", inferred.title),
        title_source="front_matter" if "title" in front else inferred.title_source,
        publisher=front.get("publisher", inferred.publisher),
        author=front.get("author", inferred.author),
        published_date=published,
        published_date_precision="day" if "published" in front else inferred.published_precision,
        caption_date=latest_full_date("".join(boiler_lines)),
        url=front.get("url", inferred.url),
        metadata_source="front_matter" if len(used) == 5 else ("mixed" if used else "inferred"),
        body_text=body,
        boilerplate_text="".join(boiler_lines).strip(),
        word_count=len(body.split()),
    )
