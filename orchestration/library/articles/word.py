"""A Word document (".docx") → its text as paragraphs, with page headers and footers set aside.

python-docx reads the paragraphs and tables in document order; a table row becomes one line of
its cells ("Latakia | 812 | 14,500"). A footnote reference in the text becomes a superscript
number ("villages.¹") and the footnotes (word/footnotes.xml, which python-docx does not read)
follow the text, one paragraph each, as a report's PDF prints them. Page headers and footers are
boilerplate. The document's properties fill what front matter would: title, author, and its
creation date.
"""
from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from io import BytesIO

from orchestration.library.extraction import lexicon as lx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class WordError(ValueError):
    """The document cannot be read; the message says why, for the quarantine table."""


def _paragraph_text(element, notes: dict[str, int]) -> str:
    """A paragraph's text with its tabs, breaks and footnote references (as superscript numbers)."""
    out = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}t":
            out.append(node.text or "")
        elif tag == f"{_W}tab":
            out.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif tag == f"{_W}footnoteReference":
            note = node.get(f"{_W}id")
            notes.setdefault(note, len(notes) + 1)
            out.append(str(notes[note]).translate(lx.TO_SUPERSCRIPT))
    return re.sub(r"[ \t]+", " ", "".join(out)).strip()


def _footnotes(data: bytes, notes: dict[str, int]) -> list[str]:
    """The footnotes the text refers to, in the order it refers to them."""
    from lxml import etree

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            xml = archive.read("word/footnotes.xml")
    except KeyError:
        return []
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as exc:
        raise WordError(f"Word document could not be read: its footnotes are damaged ({exc})"[:300]) from exc
    texts = {}
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = [_paragraph_text(p, {}) for p in note.iter(f"{_W}p")]
        texts[note.get(f"{_W}id")] = " ".join(p for p in paragraphs if p)
    return [f"{str(number).translate(lx.TO_SUPERSCRIPT)} {texts[note]}" for note, number in sorted(notes.items(), key=lambda i: i[1])
            if texts.get(note)]


def read_docx(data: bytes) -> tuple[str, str, dict]:
    """(body text, boilerplate text, metadata) of a .docx file."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise WordError(f"Word document could not be read: {type(exc).__name__}: {exc}".splitlines()[0][:300]) from exc
    notes: dict[str, int] = {}
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = []
            for row in block.rows:
                cells = [_paragraph_text(cell._tc, notes) for cell in row.cells]
                rows.append(" | ".join(dict.fromkeys(c for c in cells if c)))  # merged cells repeat
            if any(rows):
                paragraphs.append("\n".join(r for r in rows if r))
            continue
        text = _paragraph_text(block._p, notes)
        if not text:
            continue
        style = (block.style.name if block.style is not None else "").lower()
        paragraphs.append(("- " + text) if style.startswith("list bullet") else text)
    furniture = []
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:  # a linked one has no text of its own
                furniture += [p.text.strip() for p in part.paragraphs if p.text.strip()]
    body = "\n\n".join(paragraphs + _footnotes(data, notes))
    props = document.core_properties
    meta: dict = {}
    if props.title and props.title.strip():
        meta["title"] = props.title.strip()
    if props.author and " " in props.author.strip():
        meta["author"] = props.author.strip()
    created = props.created
    if isinstance(created, datetime):
        meta["published"] = created.date()
    elif isinstance(created, date):
        meta["published"] = created
    return body, "\n".join(dict.fromkeys(furniture)), meta
