"""Optional YAML front matter at the top of an article file.

    ---
    title: ...
    url: ...
    publisher: ...
    author: ...
    published: 2025-03-17
    ---

What it names wins over anything inferred from the text.
"""
from __future__ import annotations

import re
from datetime import date, datetime

import yaml

KEYS = ("title", "url", "publisher", "author", "published")
_OPENING = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


class FrontMatterError(ValueError):
    pass


def split_front_matter(text: str) -> tuple[dict, str]:
    """Return (metadata from front matter, the rest of the text). No front matter → ({}, text)."""
    match = _FRONT.match(text)
    if not match:
        if _OPENING.match(text):  # read on, its YAML would be taken for the headline and the text
            raise FrontMatterError("broken front matter: it opens with a --- line that no --- line closes")
        return {}, text
    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of key: value lines")
    meta = {}
    for key in KEYS:
        value = data.get(key)
        if value is None or value == "":
            continue
        if key == "published":
            value = _to_date(value)
        else:
            value = str(value).strip()
        meta[key] = value
    return meta, text[match.end():]


def _to_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise FrontMatterError(f"front matter 'published' is not a date (YYYY-MM-DD): {value!r}") from exc
