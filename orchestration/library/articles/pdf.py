"""A PDF → its text as paragraphs, with what is not the document's text set aside.

pypdf reads the text layer: each run of text with where it is drawn and at what size. From that:
- runs that share a baseline make a line; a smaller run raised above the baseline is a footnote
  marker and becomes a superscript digit ("villages.¹"), never a number in the sentence;
- running headers and footers (lines at the top or bottom edge of the page that repeat on other
  pages, page numbers, a browser's print header and footer with the date, title, address and
  "1/2") are set aside as boilerplate;
- footnotes (small lines at the foot of a page that start with a note number) are kept: reports
  cite through them. They follow the text, one paragraph each, numbered as printed ("¹ UNHCR, …");
- lines are reflowed into paragraphs: a wider gap than the line spacing, a change of size (a
  heading), or a list or paragraph number starts a new one; a word hyphenated across two lines is
  joined ("dis-" + "placement" → "displacement"; "government-" + "aligned" keeps its hyphen, since
  both halves are words and the whole is not);
- a paragraph made mostly of link text (a menu, related headlines: the PDF keeps a page's links)
  is navigation; in a printed web page, everything above the headline (cookie notice, logo, menu,
  breadcrumbs) is too. Both go to boilerplate.
Document metadata fills what front matter would: title, author, and for a document that is not a
printed web page, its creation date (a browser's is the day it was printed, not published).

A PDF with no text layer (a scan) and one that needs a password are refused with their reason.
"""
from __future__ import annotations

import math
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from io import BytesIO

# a short paragraph with more than this share of link text is navigation (measured on web pages)
from orchestration.library.articles.metadata import stored_date
from orchestration.library.articles.webpage import MAX_LINK_SHARE, MAX_LINK_WORDS
from orchestration.library.extraction import lexicon as lx


class PdfError(ValueError):
    """The PDF cannot be read as text; the message says why, for the quarantine table."""


SCANNED = "no text layer (scanned PDF): run OCR first"
ENCRYPTED = "encrypted PDF: it needs a password to open; save a copy without the password (print it to PDF)"
# a page with fewer letters than this has no text layer worth reading (a scan, a photo)
MIN_LETTERS_PER_PAGE = 20
# the top and bottom share of a page where running headers and footers are looked for
EDGE_SHARE = 0.1
# a line at the edge repeated (digits aside) on this share of pages, two at least, is running
RUNNING_SHARE = 0.3
SUPERSCRIPT_SIZE = 0.85  # a run at most this size of its line's text, raised, is a superscript
SMALL_SIZE = 0.9  # footnote lines are at most this size of the body text
HEADING_SIZE = 1.15  # lines at least this size of the body text are headings
PARAGRAPH_GAP = 1.35  # a gap this many times the usual line spacing starts a paragraph
FULL_LINE = 0.75  # a line this long (of the usual full line) was wrapped: the next line continues it

_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\W*$", re.I)
_URL = re.compile(r"\b(?:https?|file)://\S+|\bwww\.\S+", re.I)
_PRINT_STAMP = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?|\s\d{1,4}/\d{1,4}\s*$", re.I)
_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|\(?[a-z]{1,3}\)|\(\d{1,3}\)|[•●▪◦■–—-])\s")
_NOTE_MARKER = re.compile(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*|\d{1,3}\s+(?=\S))")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
_HYPHEN_END = re.compile(r"(?P<word>[^\W\d_][\w'’]*)[-\u2010\u00ad]$")
_BROWSERS = re.compile(r"mozilla/|chrom|firefox|safari|\bedg|opera", re.I)
_FILE_TITLE = re.compile(r"\.(?:docx?|pdf|html?|txt|indd|pptx?|xlsx?)$|^(?:untitled|microsoft word - )", re.I)


@dataclass
class PdfText:
    body: str  # paragraphs, then footnotes
    boilerplate: str
    meta: dict = field(default_factory=dict)  # front-matter keys, and saved_title (the document's own title)


@dataclass
class _Run:
    text: str
    x: float
    top: float  # baseline, measured down from the top of the page
    size: float
    link: bool


@dataclass
class _Line:
    page: int
    runs: list[_Run]
    text: str = ""
    x: float = 0.0
    top: float = 0.0
    size: float = 0.0
    chars: int = 0
    link_chars: int = 0

    def finish(self) -> _Line:
        main = max(self.runs, key=lambda r: (len(r.text.strip()), r.size))
        self.size, self.top = main.size, main.top
        self.x = min(r.x for r in self.runs)
        parts = []
        for run in self.runs:
            raised = run.top < self.top - 0.15 * self.size and run.size <= SUPERSCRIPT_SIZE * self.size
            if raised and re.fullmatch(r"[\d,\s]+", run.text):
                parts.append(run.text.strip().translate(lx.TO_SUPERSCRIPT))
            else:
                parts.append(run.text)
        self.text = _clean("".join(parts))
        self.chars = sum(1 for ch in self.text if not ch.isspace())
        self.link_chars = sum(len(r.text) - r.text.count(" ") for r in self.runs if r.link)
        return self


def _clean(text: str) -> str:
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    text = re.sub(r"\u00ad(?!$)", "", text)  # a soft hyphen inside a line is invisible
    return re.sub(r" {2,}", " ", text).strip()


def _times(m: list[float], n: list[float]) -> list[float]:
    """The affine product m × n of two PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    return [a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2], c * n[1] + d * n[3],
            e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5]]


def _link_rects(page) -> list[tuple[float, float, float, float]]:
    rects = []
    for annotation in page.get("/Annots") or []:
        try:
            obj = annotation.get_object()
            if obj.get("/Subtype") == "/Link" and obj.get("/Rect"):
                x0, y0, x1, y1 = (float(v) for v in obj["/Rect"])
                rects.append((min(x0, x1) - 1, min(y0, y1) - 1, max(x0, x1) + 1, max(y0, y1) + 1))
        except Exception:  # a malformed annotation is no link, and no reason to refuse the page
            continue
    return rects


def _page_lines(page, number: int) -> tuple[list[_Line], float]:
    box = page.mediabox
    bottom, height = float(box.bottom), float(box.top) - float(box.bottom)
    links = _link_rects(page)
    runs: list[_Run] = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        m = _times([float(v) for v in tm], [float(v) for v in cm])
        scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0
        size = (font_size or 1.0) * scale
        x, y = m[4], m[5]
        link = any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in links)
        for k, piece in enumerate(text.replace("\r", "").split("\n")):
            if k:
                runs.append(_Run("\n", x, 0.0, size, False))  # pypdf's own line break inside a run
            if piece:
                runs.append(_Run(piece, x, height - (y - bottom) + k * size * 1.2, size, link))

    page.extract_text(visitor_text=visit)
    lines: list[_Line] = []
    current: _Line | None = None
    for run in runs:
        if run.text == "\n":
            current = None
            continue
        if not run.text.strip():
            if current is not None:
                current.runs.append(run)
            continue
        if current is not None:
            base = max(current.runs, key=lambda r: r.size)
            if abs(run.top - base.top) <= 0.6 * max(run.size, base.size):
                current.runs.append(run)
                continue
        current = _Line(number, [run])
        lines.append(current)
    return [line.finish() for line in lines if "".join(r.text for r in line.runs).strip()], height


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _running(pages: list[tuple[list[_Line], float]]) -> set[int]:
    """ids of the lines that are running headers, footers or page numbers."""
    at_edge: list[list[_Line]] = []
    for lines, height in pages:
        at_edge.append([ln for ln in lines if ln.top < EDGE_SHARE * height or ln.top > (1 - EDGE_SHARE) * height])
    seen: dict[str, set[int]] = {}
    for number, lines in enumerate(at_edge):
        for line in lines:
            seen.setdefault(_key(line.text), set()).add(number)
    repeated = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    running = set()
    for lines in at_edge:
        for line in lines:
            if (len(seen[_key(line.text)]) >= repeated or _PAGE_NUMBER.match(line.text)
                    or _URL.search(line.text) or _PRINT_STAMP.search(line.text)):
                running.add(id(line))
    return running


def _body_size(lines: list[_Line]) -> float:
    weights: dict[float, int] = {}
    for line in lines:
        key = round(line.size * 2) / 2
        weights[key] = weights.get(key, 0) + line.chars
    return max(weights, key=weights.get) if weights else 10.0


def _footnotes(lines: list[_Line], body_size: float, last_note: list[int]) -> int:
    """Index in the page's lines where its footnotes begin (len(lines) when it has none): the first
    of the small lines ending the page that starts with a note number, raised ("¹ UNHCR") or plain
    ("1 UNHCR") and then numbering on from the last note ("300 families return" is no note)."""
    start = len(lines)
    while start > 0 and lines[start - 1].size <= SMALL_SIZE * body_size:
        start -= 1
    for i in range(start, len(lines)):
        if _is_note_start(lines[i].text, last_note):
            return i
    return len(lines)


def _is_note_start(text: str, last_note: list[int]) -> bool:
    marker = _NOTE_MARKER.match(text)
    if not marker:
        return False
    number = int(marker.group(0).strip().translate(_DIGITS) or 0)
    raised = text[:1] in "⁰¹²³⁴⁵⁶⁷⁸⁹"
    follows = not last_note or number == last_note[-1] + 1
    if raised or (follows and re.match(r"\d{1,3}\s+[A-Z\"“‘'(]", text)):
        last_note.append(number)
        return True
    return False


def _note(text: str) -> str:
    """A footnote as printed, its number a superscript ("¹ UNHCR, …") however the PDF drew it."""
    marker = re.match(r"^(\d{1,3})\s+", text)
    return marker.group(1).translate(lx.TO_SUPERSCRIPT) + " " + text[marker.end():] if marker else text


_WORDS: frozenset[str] | None = None


def _is_word(word: str) -> bool:
    global _WORDS
    if _WORDS is None:
        import wordninja  # English word frequencies, already a dependency (articles/publisher.py)

        _WORDS = frozenset(wordninja.DEFAULT_LANGUAGE_MODEL._wordcost)
    return word.lower() in _WORDS


def _join(left: str, right: str) -> str:
    """Two lines of one paragraph: a word hyphenated across them is joined."""
    hyphen = _HYPHEN_END.search(left)
    first = re.match(r"[^\W\d_][\w'’]*", right)
    if hyphen and first and right[:1].islower():
        head, tail = hyphen["word"], first.group(0)
        soft = left.endswith("\u00ad")
        keep = not soft and not _is_word(head + tail) and _is_word(head) and _is_word(tail)
        return left[:-1] + ("-" if keep else "") + right
    return f"{left} {right}"


@dataclass
class _Unit:
    """Lines read as one: a paragraph, or one of several short lines set one under another
    (a table row, a byline), which ``attached`` says continue the unit before on a new line."""
    lines: list[_Line]
    text: str
    attached: bool = False

    @property
    def link_share(self) -> float:
        chars = sum(ln.chars for ln in self.lines) or 1
        return sum(ln.link_chars for ln in self.lines) / chars


def _units(lines: list[_Line], body_size: float) -> list[_Unit]:
    sized = [ln for ln in lines if abs(ln.size - body_size) < 0.1 * body_size]
    lengths = sorted(ln.chars for ln in sized) or [60]
    full = lengths[int(0.9 * (len(lengths) - 1))]
    pitches = [(b.top - a.top) / a.size for a, b in zip(sized, sized[1:])
               if a.page == b.page and 0.8 < (b.top - a.top) / a.size < 3]
    pitch = statistics.median(pitches) if pitches else 1.3
    out: list[_Unit] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and out:
            heading = max(line.size, previous.size) >= HEADING_SIZE * body_size
            if line.page != previous.page:
                continues = (previous.chars >= FULL_LINE * full and not _SENTENCE_END.search(previous.text)
                             and (line.text[:1].islower() or bool(_HYPHEN_END.search(previous.text))))
            else:
                gap = (line.top - previous.top) / max(previous.size, 1.0)
                continues = (abs(line.size - previous.size) <= 0.12 * max(line.size, previous.size)
                             and gap <= PARAGRAPH_GAP * pitch and not _LIST_MARKER.match(line.text)
                             and not (heading and _SENTENCE_END.search(previous.text)))
            if continues:
                wrapped = previous.chars >= FULL_LINE * full or heading or _HYPHEN_END.search(previous.text)
                if wrapped:
                    out[-1].text = _join(out[-1].text, line.text)
                    out[-1].lines.append(line)
                else:
                    out.append(_Unit([line], line.text, attached=True))
                previous = line
                continue
        out.append(_Unit([line], line.text))
        previous = line
    for unit in out:
        unit.text = unit.text.replace("\u00ad", "-")
    return out


def _assemble(units: list[_Unit]) -> str:
    text = ""
    for unit in units:
        text += ("\n" if unit.attached else "\n\n") + unit.text if text else unit.text
    return text


def _title_start(lines: list[_Line], title: str | None, body_size: float) -> int:
    """Index of the headline among the first page's lines: the line the document's title begins
    with, else its largest line when that stands out; 0 when neither is found."""
    first = [i for i, ln in enumerate(lines) if ln.page == lines[0].page] if lines else []
    key = re.sub(r"\W+", "", (title or "").lower())
    for i in first[:60]:
        text = re.sub(r"\W+", "", lines[i].text.lower())
        if len(text) >= 12 and key and (key.startswith(text) or text.startswith(key)):
            return i
    if first:
        largest = max(first, key=lambda i: lines[i].size)
        if lines[largest].size >= 1.4 * body_size:
            return largest
    return 0


def read_pdf(data: bytes) -> PdfText:
    """The PDF's text in paragraphs, its running lines as boilerplate, and its metadata."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):  # an owner password alone (print or copy restrictions) opens with ""
                    raise PdfError(ENCRYPTED)
            except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
                raise PdfError(ENCRYPTED) from exc
        pages = [_page_lines(page, i) for i, page in enumerate(reader.pages)]
        info = reader.metadata or {}
    except PdfError:
        raise
    except Exception as exc:  # a damaged file fails inside pypdf in many ways; each is the file's, said as such
        raise PdfError(f"PDF could not be read: {type(exc).__name__}: {exc}".splitlines()[0][:300]) from exc
    if not pages or all(sum(ch.isalpha() for ln in lines for ch in ln.text) < MIN_LETTERS_PER_PAGE for lines, _ in pages):
        raise PdfError(SCANNED)

    running = _running(pages)
    boiler: list[str] = []
    kept_by_page: list[list[_Line]] = []  # each page's lines that are not running heads or feet
    for lines, _ in pages:
        kept_by_page.append([])
        for line in lines:
            (boiler.append(line.text) if id(line) in running else kept_by_page[-1].append(line))
    body_size = _body_size([line for page in kept_by_page for line in page])

    text_lines: list[_Line] = []
    notes: list[str] = []
    numbers: list[int] = []  # the note numbers seen, in order
    for page in kept_by_page:
        start = _footnotes(page, body_size, numbers)
        text_lines += page[:start]
        for k, line in enumerate(page[start:]):
            if k == 0 or not notes or _is_note_start(line.text, numbers):
                notes.append(_note(line.text))
            else:
                notes[-1] = _join(notes[-1], line.text)

    title = str(info.get("/Title") or "").strip() or None
    if title and _FILE_TITLE.search(title):
        title = None
    creator = f"{info.get('/Creator') or ''} {info.get('/Producer') or ''}"
    printed_page = bool(_BROWSERS.search(creator)) or any(_URL.search(line) for line in boiler)
    if printed_page and text_lines:
        start = _title_start(text_lines, title, body_size)
        boiler += [ln.text for ln in text_lines[:start]]
        text_lines = text_lines[start:]

    units: list[_Unit] = []
    for unit in _units(text_lines, body_size):
        if unit.link_share > MAX_LINK_SHARE and len(unit.text.split()) <= MAX_LINK_WORDS and units:
            boiler.append(unit.text)
        else:
            if unit.attached and not units:
                unit.attached = False
            units.append(unit)
    body = "\n\n".join(part for part in (_assemble(units), *notes) if part)
    paragraphs = [u.text for u in units if not u.attached]

    meta: dict = {}
    if title:
        meta["saved_title"] = title
        heading = paragraphs[0] if paragraphs else ""
        key, head = re.sub(r"\W+", "", title.lower()), re.sub(r"\W+", "", heading.lower())
        meta["title"] = heading if len(head) >= 12 and key.startswith(head) else title
    author = str(info.get("/Author") or "").strip()
    if author and " " in author and not _URL.search(author):
        meta["author"] = author
    if not printed_page and (published := stored_date(info.get("/CreationDate") or info.get("/ModDate"))):
        meta["published"] = published
    url = next((m.group(0) for line in boiler if (m := _URL.search(line)) and m.group(0).lower().startswith("http")), None)
    if url:
        meta["url"] = url.rstrip(".,;")
    return PdfText(body, "\n".join(boiler), meta)
