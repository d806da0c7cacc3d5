"""One list of a Doc's tokens, shared by every extractor.

``doc[i]`` and ``for t in doc`` build a new Python Token object on every access; the extractors
walk each Doc many times, and that object churn cost a third of extraction time. The list lives
in ``doc.user_data`` while one article is extracted and is dropped afterwards (``release``), so
Docs do not keep it alive.
"""
from __future__ import annotations

_KEY = "conflict_claims.tokens"


def tokens(doc) -> list:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = list(doc)
    return cached


def release(doc) -> None:
    doc.user_data.pop(_KEY, None)
