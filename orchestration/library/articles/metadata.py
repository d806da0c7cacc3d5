"""Infer title, publisher, author, published date and URL from an article's own text.

Each rule looks for a convention that news pages and reports commonly print (bylines,
datelines, copyright lines, "Please cite as", newsletter prompts, contributor notes). Rules
return the indices of lines that are pure metadata so they can go to boilerplate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from orchestration.library.extraction import lexicon as lx

_MONTHS = lx.MONTH_NUMBERS  # one home for month names: the extraction lexicon
_MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
             r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

_DASH = r"\s+[–—-]\s+"
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|al-|bin|de|van|von)){1,3}"
_BYLINE = re.compile(rf"^\s*(?P<pub>[A-Z][\w&'’. ]{{1,40}}?){_DASH}(?P<author>{_NAME})\s*$")
# "By Jane Doe", "By Jane Doe, Coast Wire", "By Jane Doe · 9 March 2025" (a byline printed with its date)
_BY = re.compile(rf"^\s*By\s+(?P<author>{_NAME})(?:\s*[,|]\s*(?P<pub>[A-Z][\w&'’. ]{{1,40}}?))?"
                 rf"(?:\s*[·•|,–—-]\s*(?P<when>(?:\d{{1,2}}\s+)?{_MONTH_RE}\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d{{2}}"
                 rf"|(?:19|20)\d{{2}}[/.-]\d{{1,2}}[/.-]\d{{1,2}}))?\s*$")
_TITLE_AUTHOR = re.compile(rf"^(?P<title>.{{10,}}?){_DASH}(?P<author>{_NAME})\s*$")
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[/.-](?P<m>\d{1,2})[/.-](?P<d>\d{1,2})(?!\d)")
_LONG_DATE = re.compile(rf"(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}})")
_DMY_DATE = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\s+(?P<y>(?:19|20)\d{{2}})")
_MONTH_YEAR = re.compile(rf"(?P<mon>{_MONTH_RE})\s+(?P<y>(?:19|20)\d{{2}})")
_DATELINE = re.compile(r"^\s*(?:•\s*)?(?:published|posted|updated|date)?\s*:?\s*(?P<rest>.{6,40})$", re.I)
# How a report asks to be cited ("Please cite as:", "Suggested citation:", "How to cite this report:"):
# "<publisher>, <title> [in <report>], <date>." names its publisher, title and date
_CITE_AS = re.compile(
    r"^\s*(?:please\s+cite\s+as|cite\s+as|suggested\s+citation|recommended\s+citation|how\s+to\s+cite(?:\s+this\s+\w+)?)"
    r"\s*:\s*(?P<pub>[^,]+),\s*(?:[‘'\"“](?P<quoted>[^’'\"”]+)[’'\"”]|(?P<plain>[^,]*?))"
    r"(?:\s+in\s+\*?(?P<report>[^*,]+?)\*?)?,\s*(?P<when>[^,.]+)\.?\s*$",
    re.I,
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?(?P<pub>[A-Z][^|\d©]{2,80}?)"
                        r"\s*(?:\d{4})?\s*(?:[|.,]|all rights|$)", re.I)
_NEWSLETTER = re.compile(r"^\s*(?:subscribe to|sign up for)\s+(?P<pub>(?:the\s+)?[A-Z][\w&'’. ]{1,40}?)(?:'s)?"
                         r"\s+(?:newsletter|daily|alerts?)\b", re.I)
_CONTRIBUTOR = re.compile(r"\b(?:is a (?:regular |frequent )?(?:contributor|columnist|correspondent) (?:to|for)|writes for)"
                          r"\s+(?P<pub>(?:the\s+)?[A-Z][\w&'’. ]{1,40}?)\s*\.", re.I)
_URL = re.compile(r"https?://[^\s)\]>\"']+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class InferredMetadata:
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    published_precision: str | None = None  # day or month
    title_source: str | None = None  # cite_as, headline, lead_sentence
    url: str | None = None
    metadata_lines: set[int] = field(default_factory=set)


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]] if name.lower().rstrip(".") not in _MONTHS else _MONTHS[name.lower().rstrip(".")]


def parse_date(text: str) -> tuple[date, str] | None:
    """First full date in text → (date, 'day'), else 'Month YYYY' → (first of month, 'month')."""
    for regex in (_ISO_DATE, _LONG_DATE, _DMY_DATE):
        m = regex.search(text)
        if m:
            month = int(m["m"]) if "m" in m.groupdict() else _month(m["mon"])
            try:
                return date(int(m["y"]), month, int(m["d"])), "day"
            except ValueError:
                continue
    m = _MONTH_YEAR.search(text)
    if m:
        return date(int(m["y"]), _month(m["mon"]), 1), "month"
    return None


# a date as a page's or document's metadata stores it: "2023-04-15T10:00", or a PDF's "D:20230415..."
_STORED_DATE = re.compile(r"\s*(?:D:)?(\d{4})-?(\d{2})-?(\d{2})")


def stored_date(value) -> date | None:
    """The calendar date a metadata field starts with, or None when it starts with none."""
    match = _STORED_DATE.match(str(value or ""))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def latest_full_date(text: str) -> date | None:
    """The latest day-precision date written in ``text`` (photo captions date the article)."""
    found = []
    for regex in (_ISO_DATE, _LONG_DATE, _DMY_DATE):
        for m in regex.finditer(text):
            month = int(m["m"]) if "m" in m.groupdict() else _month(m["mon"])
            try:
                found.append(date(int(m["y"]), month, int(m["d"])))
            except ValueError:
                continue
    return max(found) if found else None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", _MD_LINK.sub(r"\1", text)).strip(" *'\"")


_DATELINE_PLACE = re.compile(r"^[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*[–—-]\s+")


def _title_from_first_line(meta: InferredMetadata, line: str) -> None:
    """A short first line is the headline; a long one is the lead paragraph (wire copy has no
    headline), so the title falls back to the lead's opening words, marked as such."""
    if len(line) <= 160 and not re.search(r"[.!]\s*$", line) or len(line.split()) <= 14:
        title_author = _TITLE_AUTHOR.match(line)
        if title_author:
            meta.title, meta.author = title_author["title"].strip(), title_author["author"]
        else:
            meta.title = _clean(line)
        meta.title_source = "headline"
        return
    lead = _DATELINE_PLACE.sub("", line, count=1)
    lead = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
    if len(lead) > 100:
        lead = lead[:100].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    meta.title = _clean(lead)
    meta.title_source = "lead_sentence"


def infer_metadata(lines: list[str]) -> InferredMetadata:
    meta = InferredMetadata()
    content = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    head = content[:12]

    for i, line in content:
        cite = _CITE_AS.match(line)
        if cite:
            meta.publisher = _clean(cite["pub"])
            section = cite["quoted"] or cite["plain"]
            meta.title = f"{_clean(cite['report'])} – {_clean(section)}" if cite["report"] else _clean(section)
            meta.title_source = "cite_as"
            found = parse_date(cite["when"])
            if found:
                meta.published, meta.published_precision = found
            meta.metadata_lines.add(i)
            break

    for i, line in head:
        if meta.title is None and i == content[0][0]:
            _title_from_first_line(meta, line)
            continue
        byline = _BYLINE.match(line) or _BY.match(line)
        if byline and meta.author is None and not line.endswith((".", "?", "!")):
            meta.author = byline["author"].strip()
            if byline["pub"] and meta.publisher is None:
                meta.publisher = byline["pub"].strip()
            when = byline.groupdict().get("when")
            if when and meta.published is None and (found := parse_date(when)):
                meta.published, meta.published_precision = found
            meta.metadata_lines.add(i)
            continue
        dateline = _DATELINE.match(line)
        if meta.published is None and dateline and len(line) <= 48:
            found = parse_date(dateline["rest"])
            if found and found[1] == "day" and len(_ISO_DATE.sub("", _LONG_DATE.sub("", _DMY_DATE.sub("", line))).strip(" •:")) < 20:
                meta.published, meta.published_precision = found
                meta.metadata_lines.add(i)

    for i, line in content:
        if meta.publisher is None:
            for regex in (_NEWSLETTER, _COPYRIGHT, _CONTRIBUTOR):
                m = regex.search(line)
                if m:
                    meta.publisher = _clean(m["pub"])
                    break
        if meta.url is None:
            url = _URL.search(line)
            if url:
                meta.url = url.group(0).rstrip(".,;")
    return meta
