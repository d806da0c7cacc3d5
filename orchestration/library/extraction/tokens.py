"""One list of a Doc's tokens, sentences and entities, and one copy of its text, shared by every
extractor.

``doc[i]`` and ``for t in doc`` build a new Python Token object on every access, ``doc.sents`` and
``doc.ents`` build new Spans, and ``doc.text`` joins every token again; the extractors walk each
Doc many times, and that object churn cost a third of extraction time. The lists live in
``doc.user_data`` while one article is extracted and are dropped afterwards (``release``), so
Docs do not keep them alive. ``tokens`` is called for nearly every token, so each accessor reads
its own constant key directly.
"""
from __future__ import annotations

_TOKENS = "conflict_claims.tokens"
_SENTENCES = "conflict_claims.sentences"
_ENTITIES = "conflict_claims.entities"
_TEXT = "conflict_claims.text"
_KEYS = (_TOKENS, _SENTENCES, _ENTITIES, _TEXT)


def tokens(doc) -> list:
    cached = doc.user_data.get(_TOKENS)
    if cached is None:
        cached = doc.user_data[_TOKENS] = list(doc)
    return cached


def sentences(doc) -> list:
    cached = doc.user_data.get(_SENTENCES)
    if cached is None:
        cached = doc.user_data[_SENTENCES] = list(doc.sents)
    return cached


def entities(doc) -> tuple:
    cached = doc.user_data.get(_ENTITIES)
    if cached is None:
        cached = doc.user_data[_ENTITIES] = tuple(doc.ents)
    return cached


def text_of(doc) -> str:
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def remember_text(doc, text: str) -> None:
    """The text the Doc was parsed from, so ``text_of`` never rebuilds it; ignored when it is not."""
    if not len(doc):
        return
    first, last = doc[0], doc[-1]
    if last.idx + len(last.text_with_ws) == len(text) and text.startswith(first.text, first.idx) \
            and text.endswith(last.text_with_ws):
        doc.user_data[_TEXT] = text


def release(doc) -> None:
    for key in _KEYS:
        doc.user_data.pop(key, None)
