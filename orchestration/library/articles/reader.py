"""One article file → one Article record, or an IngestError saying why not.

A file is read by what its bytes hold (formats.py): a PDF, a Word document or a single-file web
archive by its own reader; anything else is decoded as text, then read as a web page, Markdown or
plain text by its suffix and its content. Each gives plain text with what is not the article's
text set aside; from there every format goes the same way (metadata, page furniture, body).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from orchestration.library.articles import formats
from orchestration.library.articles.boilerplate import split_boilerplate
from orchestration.library.articles.decode import UndecodableError, decode_bytes, decode_html_bytes
from orchestration.library.articles.folder import list_article_files, survey_folder  # noqa: F401 (callers list the folder here)
from orchestration.library.articles.formats import HTML, MARKDOWN, TEXT
from orchestration.library.articles.frontmatter import FrontMatterError, split_front_matter
from orchestration.library.articles.markup import detect_format, markdown_to_text
from orchestration.library.articles.metadata import infer_metadata, latest_full_date
from orchestration.library.articles.mhtml import MhtmlError, page_of
from orchestration.library.articles.pdf import PdfError, read_pdf
from orchestration.library.articles.publisher import (
    contact_outlet,
    credited_on_page,
    credited_outlet,
    is_aggregator,
    is_hosting,
    known_outlet,
    publisher_from_marker,
    publisher_from_title,
    publisher_from_url,
    republished_from,
    site_of,
    wire_of_unnamed_site,
)
from orchestration.library.articles.webpage import read_page
from orchestration.library.articles.word import WordError, read_docx
from orchestration.library.extraction.ids import stable_id

ARTICLE_SUFFIXES = formats.ARTICLE_SUFFIXES
# Size limits. A file over MAX_FILE_BYTES is quarantined without being read into memory; a file
# whose text is over MAX_TEXT_CHARS is quarantined before any parsing: that is spaCy's own limit
# (nlp.max_length), past which it refuses a document (and needs gigabytes of memory). The text is
# what the file holds once read: a web page's or a PDF's text, not its markup or its bytes.
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
    source_format: str = "text"  # what the file held before it became plain text (value_sets.SOURCE_FORMATS)
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


def too_large_reason(size: int) -> str:
    return f"file too large: {size:,} bytes (limit {MAX_FILE_BYTES:,} bytes, MAX_FILE_BYTES)"


def _cap_title(title: str | None) -> str | None:
    if title is None or len(title) <= MAX_TITLE_CHARS:
        return title
    return title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@dataclass
class _Converted:
    """A file made plain text: the text to read for the article, what was set aside already."""
    text: str
    furniture: str = ""
    meta: dict = field(default_factory=dict)  # the document's own metadata, in front-matter keys
    front: dict = field(default_factory=dict)  # front matter
    encoding: str = "utf-8"
    source_format: str = TEXT


class _Refused(ValueError):
    """The file cannot be read as an article; the message is the quarantine reason."""


def _text_too_long(chars: int) -> str:
    return (f"text too long to parse: {chars:,} characters (limit {MAX_TEXT_CHARS:,}, MAX_TEXT_CHARS: "
            "spaCy's maximum document length); split it into several files")


def _from_page(html: str, encoding: str, source_format: str, front: dict, archive_meta: dict | None = None) -> _Converted:
    page = read_page(html)
    if not page.body.strip():
        raise _Refused("HTML page without visible article text (only markup, scripts or navigation)")
    meta = {**(archive_meta or {}), **page.meta}
    return _Converted(page.body, page.boilerplate, meta, front, encoding, source_format)


def _convert(file_name: str, data: bytes) -> _Converted:
    """The file's text by what its bytes hold, its suffix deciding only between kinds of text."""
    kind = formats.binary_format(data)
    if kind == formats.PDF:
        document = read_pdf(data)
        return _Converted(document.body, document.boilerplate, document.meta, encoding="pdf", source_format=formats.PDF)
    if kind == formats.DOCX:
        body, furniture, meta = read_docx(data)
        return _Converted(body, furniture, meta, source_format=formats.DOCX)
    if kind == formats.MHTML:
        html, encoding, archive_meta = page_of(data)
        front, html = split_front_matter(html)
        return _from_page(html, encoding, formats.MHTML, front, archive_meta)
    expected = formats.SUFFIX_FORMATS.get(formats.suffix_of(file_name), TEXT)
    text, encoding = (decode_html_bytes(data) if expected == HTML else decode_bytes(data))
    front, text = split_front_matter(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not text.strip():
        raise _Refused("front matter but no article text after it" if front else "no text: the file holds only whitespace")
    found = detect_format(text)
    if found == HTML or expected == HTML and re.search(r"<(?:p|div|br|body|article)\b", text[:50_000], re.I):
        return _from_page(text, encoding, formats.HTML, front)
    if len(text) > MAX_TEXT_CHARS:  # a page's markup is not limited: its text is, once extracted
        raise _Refused(_text_too_long(len(text)))
    if found == MARKDOWN or expected == MARKDOWN:
        return _Converted(markdown_to_text(text), front=front, encoding=encoding, source_format=MARKDOWN)
    return _Converted(text, front=front, encoding=encoding)


def read_article(file_name: str, data: bytes) -> Article | IngestError:
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_FILE_BYTES:
        return IngestError(file_name, too_large_reason(len(data)), digest, len(data))
    try:
        converted = _convert(file_name, data)
    except (UndecodableError, FrontMatterError, PdfError, WordError, MhtmlError, _Refused) as exc:
        return IngestError(file_name, str(exc), digest, len(data))
    text = converted.text
    if len(text) > MAX_TEXT_CHARS:
        return IngestError(file_name, _text_too_long(len(text)), digest, len(data))
    if not text.strip():
        return IngestError(file_name, f"no article text in the {converted.source_format} file", digest, len(data))

    lines = text.splitlines(keepends=True)
    inferred = infer_metadata(lines)
    page_meta, front = converted.meta, converted.front
    body_lines, boiler_lines = split_boilerplate(lines, inferred.metadata_lines,
                                                 author=front.get("author") or page_meta.get("author") or inferred.author)
    body = re.sub(r"\n{3,}", "\n\n", "".join(body_lines)).strip()
    if not body:
        return IngestError(file_name, "no article text once page furniture was set aside", digest, len(data))
    boilerplate = "".join(boiler_lines).strip()
    if converted.furniture:
        boilerplate = f"{boilerplate}\n\n{converted.furniture}".strip()

    # front matter wins over the document's own metadata, which wins over inference from the text
    meta = {**page_meta, **front}
    published = meta.get("published", inferred.published)
    used = {k for k in ("title", "publisher", "author", "published", "url") if k in front}
    if "title" in front:
        title_source = "front_matter"
    elif "title" in page_meta:
        title_source = "headline"  # the document's own headline (og:title or h1, a PDF's or Word document's title)
    else:
        title_source = inferred.title_source
    return Article(
        article_id=article_id_for(file_name),
        file_name=file_name,
        content_sha256=digest,
        size_bytes=len(data),
        encoding=converted.encoding,
        title=_cap_title(meta.get("title", inferred.title)),
        title_source=title_source,
        publisher=_publisher(meta, inferred, body, text),
        author=meta.get("author", inferred.author),
        published_date=published,
        published_date_precision="day" if "published" in meta else inferred.published_precision,
        caption_date=latest_full_date(boilerplate),
        url=meta.get("url", inferred.url),
        metadata_source="front_matter" if len(used) == 5 else ("mixed" if used else "inferred"),
        body_text=body,
        boilerplate_text=boilerplate,
        word_count=len(body.split()),
        source_format=converted.source_format,
        site=site_of(meta.get("url")),  # the page's own address only, never a URL quoted in its text
    )


def _publisher(meta: dict, inferred, body: str, page: str = "") -> str | None:
    """Named publisher; on a page whose host publishes nothing itself (an aggregator, a blog
    platform, a CDN) the outlet the page credits (``page``: the whole text, furniture included); on an
    unlisted site, an outlet it says first ran the story; else the saved page's domain, else bylines
    and copyright lines, else the title's site suffix or the dateline's wire marker. A URL found in
    the text is not the page's own address (it may be a footnote), so only front matter or page
    metadata count as the URL."""
    if meta.get("publisher"):
        return meta["publisher"]
    title = meta.get("saved_title") or meta.get("title", inferred.title)  # a saved title may end with the site's name
    head = f"{title or ''}\n{body[:4000]}\n{body[-1500:]}"
    url = meta.get("url")
    aggregator = is_aggregator(url)
    if aggregator or (url and is_hosting(url)):
        # the story's own outlet, printed on the page, comes first: a credit line, an outlet the
        # page says first ran it, the issuer of a press release by its contact addresses
        found = credited_outlet(body) or republished_from(page) or credited_on_page(page) or contact_outlet(page)
        if not found and aggregator:
            found = inferred.publisher or publisher_from_marker(body)
        if found:
            return found
    elif url and not known_outlet(url):
        # an unknown site running another outlet's story, or a wire's under the wire's dateline
        found = republished_from(page) or wire_of_unnamed_site(url, head, body)
        if found:
            return found
    return (
        publisher_from_url(url, head) or inferred.publisher
        or publisher_from_title(meta.get("saved_title") or meta.get("title")) or publisher_from_marker(body)
    )
