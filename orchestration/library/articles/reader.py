"""One article file → one Article record, or an IngestError saying why not."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from orchestration.library.articles.boilerplate import split_boilerplate
from orchestration.library.articles.decode import UndecodableError, decode_bytes
from orchestration.library.articles.frontmatter import FrontMatterError, split_front_matter
from orchestration.library.articles.markup import HTML, MARKDOWN, detect_format, html_to_text, markdown_to_text
from orchestration.library.articles.metadata import infer_metadata, latest_full_date
from orchestration.library.articles.publisher import (
    credited_outlet,
    is_aggregator,
    publisher_from_marker,
    publisher_from_title,
    publisher_from_url,
    site_of,
)
from orchestration.library.extraction.ids import stable_id

ARTICLE_SUFFIXES = (".txt",)
# Size limits. A file over MAX_FILE_BYTES is quarantined without being read into memory; a file
# whose decoded text is over MAX_TEXT_CHARS is quarantined before any parsing: that is spaCy's
# own limit (nlp.max_length), past which it refuses a document (and needs gigabytes of memory).
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_TEXT_CHARS = 1_000_000
MAX_TITLE_CHARS = 300  # a "headline" longer than this is a paragraph; it is cut at a word boundary


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
    source_format: str = "text"  # text, html (a saved web page) or markdown: what the file held before conversion
    site: str | None = None  # the registrable domain of url ("antiwar.com"): one of the publisher's names


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


def too_large_reason(size: int) -> str:
    return f"file too large: {size:,} bytes (limit {MAX_FILE_BYTES:,} bytes, MAX_FILE_BYTES)"


def _cap_title(title: str | None) -> str | None:
    if title is None or len(title) <= MAX_TITLE_CHARS:
        return title
    return title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def read_article(file_name: str, data: bytes) -> Article | IngestError:
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_FILE_BYTES:
        return IngestError(file_name, too_large_reason(len(data)), digest, len(data))
    try:
        text, encoding = decode_bytes(data)
        front, text = split_front_matter(text)
    except (UndecodableError, FrontMatterError) as exc:
        return IngestError(file_name, str(exc), digest, len(data))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if len(text) > MAX_TEXT_CHARS:
        return IngestError(
            file_name,
            f"text too long to parse: {len(text):,} characters (limit {MAX_TEXT_CHARS:,}, MAX_TEXT_CHARS: "
            "spaCy's maximum document length); split it into several files",
            digest, len(data),
        )
    if not text.strip():
        reason = "front matter but no article text after it" if front else "no text: the file holds only whitespace"
        return IngestError(file_name, reason, digest, len(data))

    source_format = detect_format(text)
    page_meta: dict = {}
    furniture = ""
    if source_format == HTML:
        text, furniture, page_meta = html_to_text(text)
        if not text.strip():
            return IngestError(file_name, "HTML page without visible article text (only markup, scripts or navigation)",
                               digest, len(data))
    elif source_format == MARKDOWN:
        text = markdown_to_text(text)

    lines = text.splitlines(keepends=True)
    inferred = infer_metadata(lines)
    body_lines, boiler_lines = split_boilerplate(lines, inferred.metadata_lines)
    body = re.sub(r"\n{3,}", "\n\n", "".join(body_lines)).strip()
    if not body:
        return IngestError(file_name, "no article text once page furniture was set aside", digest, len(data))
    boilerplate = "".join(boiler_lines).strip()
    if furniture:
        boilerplate = f"{boilerplate}\n\n{furniture}".strip()

    # front matter wins over the page's own metadata, which wins over inference from the text
    meta = {**page_meta, **front}
    published = meta.get("published", inferred.published)
    used = {k for k in ("title", "publisher", "author", "published", "url") if k in front}
    if "title" in front:
        title_source = "front_matter"
    elif "title" in page_meta:
        title_source = "headline"  # the page's own headline (og:title or h1)
    else:
        title_source = inferred.title_source
    return Article(
        article_id=article_id_for(file_name),
        file_name=file_name,
        content_sha256=digest,
        size_bytes=len(data),
        encoding=encoding,
        title=_cap_title(meta.get("title", inferred.title)),
        title_source=title_source,
        publisher=_publisher(meta, inferred, body),
        author=meta.get("author", inferred.author),
        published_date=published,
        published_date_precision="day" if "published" in meta else inferred.published_precision,
        caption_date=latest_full_date(boilerplate),
        url=meta.get("url", inferred.url),
        metadata_source="front_matter" if len(used) == 5 else ("mixed" if used else "inferred"),
        body_text=body,
        boilerplate_text=boilerplate,
        word_count=len(body.split()),
        source_format=source_format,
        site=site_of(meta.get("url")),  # the page's own address only, never a URL quoted in its text
    )


def _publisher(meta: dict, inferred, body: str) -> str | None:
    """Named publisher, else the saved page's domain, else bylines and copyright lines, else the
    title's site suffix or the dateline's wire marker. A URL found in the text is not the page's
    own address (it may be a footnote), so only front matter or page metadata count as the URL."""
    if meta.get("publisher"):
        return meta["publisher"]
    title = meta.get("title", inferred.title)
    head = f"{title or ''}\n{body[:4000]}\n{body[-1500:]}"
    if is_aggregator(meta.get("url")):  # the story's own outlet, printed on the page, comes first
        found = credited_outlet(body) or inferred.publisher or publisher_from_marker(body)
        if found:
            return found
    return (
        publisher_from_url(meta.get("url"), head) or inferred.publisher
        or publisher_from_title(meta.get("title")) or publisher_from_marker(body)
    )
