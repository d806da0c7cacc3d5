"""One list of a Doc's tokens, sentences and entities, and one copy of its text, shared by every
extractor.

``doc[i]`` and ``for t in doc`` build a new Python Token object on every access, ``doc.sents`` and
``doc.ents`` build new Spans, and ``doc.text`` joins every token again; the extractors walk each
Doc many times, and that object churn cost a third of extraction time. The lists live in
``doc.user_data`` while one article is extracted and are dropped afterwards (``release``), so
Docs do not keep them alive.
"""
from __future__ import annotations

_PREFIX = "conflict_claims."


def _cached(doc, name: str, build):
    key = _PREFIX + name
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = build()
    return value


def tokens(doc) -> list:
    return _cached(doc, "tokens", lambda: list(doc))


def sentences(doc) -> list:
    return _cached(doc, "sentences", lambda: list(doc.sents))


def entities(doc) -> tuple:
    return _cached(doc, "entities", lambda: tuple(doc.ents))


def text_of(doc) -> str:
    return _cached(doc, "text", lambda: doc.text)


def release(doc) -> None:
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_PREFIX)]:
        del doc.user_data[key]
