"""A saved web page → its main text, everything else it shows, and its metadata.

The main text comes from trafilatura (measured on the 181 saved pages of the public
article-extraction benchmark: scripts/evaluate_main_text.py), called on the file's own markup
with no address, so it never fetches anything. Its result is walked block by block (headings,
paragraphs, list items, table rows, quotations), so the body keeps the page's paragraphs, and a
block made mostly of link text ("Read more: Strike on Idlib hospital kills 9") is navigation, not
prose: it goes with the rest of the page. Every visible line the body does not hold (menus,
related links, share counts, captions, footers) is returned as boilerplate, never dropped; only
code (scripts, styles) is not text and is left out.

The page's metadata (og:title or h1, og:site_name, author, published time, canonical URL) comes
from markup.html_to_text; trafilatura's reading of the page (JSON-LD, bylines) fills what that
leaves empty.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from orchestration.library.articles.markup import html_to_text
from orchestration.library.articles.metadata import stored_date

# a short block with more than this share of its characters in links is navigation ("Read more: …",
# related headlines, menus; a byline whose author's name is a link is not); a long block is prose,
# even all of it a link (a shop's deals, a teaser): keeping those measured better on the benchmark
MAX_LINK_SHARE = 0.6
MAX_LINK_WORDS = 25
# trafilatura falls back to a flat "baseline" text when its main extractor finds under this many
# characters (its default is 250, which flattens short news items); 100 measured as well (0.9605 F1
# against 0.9598 on the benchmark) and keeps a short item's paragraphs
MIN_EXTRACTED_SIZE = 100
# visible lines shorter than this count as main text only when a body line is exactly them
# ("Syria" in a menu is not covered by a body that mentions Syria)
MIN_SUBSTRING_CHARS = 25


@dataclass
class Page:
    body: str
    boilerplate: str
    meta: dict = field(default_factory=dict)  # front-matter keys: title, publisher, author, published, url


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_SIZE))
    return config


def _text(element) -> str:
    """An element's text with its line breaks (<lb/>), inline markup flattened."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _link_chars(element) -> int:
    return sum(len(re.sub(r"\s+", "", _text(ref))) for ref in element.iter("ref"))


def _tidy(text: str) -> str:
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.replace("\u00a0", " ").split("\n")]
    return "\n".join(line for line in lines if line)


@dataclass
class _Block:
    text: str
    link_share: float
    group: str = ""  # consecutive blocks of one list or table are lines of one paragraph


def _blocks(body) -> list[_Block]:
    out: list[_Block] = []

    def add(element, text: str | None = None, prefix: str = "", group: str = "") -> None:
        text = _tidy(_text(element) if text is None else text)
        if not text:
            return
        chars = len(re.sub(r"\s+", "", text)) or 1
        out.append(_Block(prefix + text, _link_chars(element) / chars, group))

    for i, element in enumerate(body):
        tag = element.tag
        if tag == "list":
            for item in element.iter("item"):
                add(item, prefix="- ", group=f"list{i}")
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_tidy(_text(cell)) for cell in row.iter("cell")]
                add(row, " | ".join(c for c in cells if c), group=f"table{i}")
        elif tag == "quote" and len(element):
            for child in element:
                add(child)
        elif tag in ("graphic",):
            continue
        else:
            add(element)
    return out


def _main_blocks(html: str):
    """trafilatura's main text as blocks, and its metadata; (None, None) when it finds none."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, include_links=True, include_images=False,
        include_formatting=False, with_metadata=True, deduplicate=False, config=_config(),
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or document.body is None:
        return None, None
    return _blocks(document.body), document


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _uncovered(lines: list[str], body: str) -> list[str]:
    """The visible lines the body does not hold, in page order."""
    whole = _normalise(body)
    body_lines = {_normalise(line.removeprefix("- ")) for line in body.split("\n")}
    out = []
    for line in lines:
        norm = _normalise(line.removeprefix("- "))
        if not norm:
            continue
        if norm in body_lines or (len(norm) >= MIN_SUBSTRING_CHARS and norm in whole):
            continue
        out.append(line)
    return out


def _fill_meta(meta: dict, document) -> None:
    """What the page's meta tags left empty, from trafilatura's reading of it."""
    if "title" not in meta and document.title:
        meta["title"] = document.title
    if "publisher" not in meta and document.sitename and not re.match(r"(?:https?://|www\.)", document.sitename):
        meta["publisher"] = document.sitename
    if "author" not in meta and document.author:
        meta["author"] = document.author
    if "published" not in meta and (published := stored_date(document.date)):
        meta["published"] = published
    if "url" not in meta and document.url and document.url.lower().startswith(("http://", "https://")):
        meta["url"] = document.url


def read_page(html: str) -> Page:
    """The page's main text (the body), everything else it shows (boilerplate) and its metadata."""
    visible, furniture, meta = html_to_text(html)
    blocks, document = _main_blocks(html)
    if not blocks:  # the extractor found no main text: the visible text is the body
        return Page(visible, furniture, meta)
    _fill_meta(meta, document)
    paragraphs: list[str] = []
    previous_group = None
    for block in blocks:
        if block.link_share > MAX_LINK_SHARE and len(block.text.split()) <= MAX_LINK_WORDS:  # kept among the boilerplate
            previous_group = None
            continue
        if block.group and block.group == previous_group:
            paragraphs[-1] += "\n" + block.text
        else:
            paragraphs.append(block.text)
        previous_group = block.group or None
    if not paragraphs:
        return Page(visible, furniture, meta)
    title = meta.get("title")
    if title and _normalise(title) not in _normalise("\n".join(paragraphs[:2])):
        paragraphs.insert(0, title)  # the headline opens the body, as it does in a saved text
    body = "\n\n".join(paragraphs)
    visible_lines = visible.split("\n") + furniture.split("\n")
    boilerplate = "\n".join(_uncovered(visible_lines, body))
    return Page(body, boilerplate, meta)
