"""The kinds of file the reader reads, and how a file's kind is told: by its content first, its suffix second.

An analyst saves what they read as the browser and the source give it: a web page (".html",
".htm", ".xhtml", or one ".mhtml" file), a report (".pdf"), notes (".md", ".txt"), a Word document
(".docx"). The suffix says which files in the seeds folder are articles at all; what the bytes hold
says how to read them, since files are often misnamed (a PDF saved as ".txt", a page saved as ".md").
"""
from __future__ import annotations

import re
import zipfile
from io import BytesIO

from orchestration.library.extraction.value_sets import SOURCE_FORMATS

# what a file held before it became plain text (raw.articles.source_format)
TEXT, MARKDOWN, HTML, MHTML, PDF, DOCX = SOURCE_FORMATS

# suffix -> the format a file of that name is expected to hold
SUFFIX_FORMATS = {
    ".txt": TEXT, ".text": TEXT,
    ".md": MARKDOWN, ".markdown": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".mhtml": MHTML, ".mht": MHTML,
    ".pdf": PDF,
    ".docx": DOCX,
}
ARTICLE_SUFFIXES = tuple(SUFFIX_FORMATS)
# the suffixes named to a user who saved something else
ADVICE = "save articles as .txt, .md, .html, .htm, .xhtml, .mhtml, .pdf or .docx"

# Bytes a file of these formats starts with. A PDF may have a little junk before its header
# (the format allows it within the first 1,024 bytes).
_PDF_HEADER = b"%PDF-"
_ZIP_HEADER = b"PK\x03\x04"
# A MIME message whose body is a multipart/related web archive: Chromium and Edge write
# "From: <Saved by Blink>", "Snapshot-Content-Location:", then MIME headers; Word and IE write
# "MIME-Version:" first. The headers end at the first blank line.
_MHTML_TYPE = re.compile(rb"^content-type:\s*multipart/related", re.I | re.M)
_MIME_HEADER = re.compile(rb"\A(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n")


def suffix_of(name: str) -> str:
    """The lower-cased suffix of a file name (".pdf"), "" when it has none."""
    base = name.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[1].lower() if "." in base.strip(".") else ""


def is_pdf(data: bytes) -> bool:
    return _PDF_HEADER in data[:1024]


def is_docx(data: bytes) -> bool:
    if not data.startswith(_ZIP_HEADER):
        return False
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def is_mhtml(data: bytes) -> bool:
    head = _MIME_HEADER.match(data[:8192])
    return bool(head and _MHTML_TYPE.search(head.group(0)))


def binary_format(data: bytes) -> str | None:
    """PDF, DOCX or MHTML when the bytes are one (whatever the file's name), else None: the file
    is text of some kind, told once it is decoded (markup.detect_format)."""
    if is_pdf(data):
        return PDF
    if is_docx(data):
        return DOCX
    if is_mhtml(data):
        return MHTML
    return None
