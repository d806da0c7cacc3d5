"""Token tests the actor stages share: determiners, breaks, possessives, acronym and initial shapes,
name particles and connectors, and whether a token is a capitalised name word."""
from __future__ import annotations

import re

_DETS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
_BREAK_TOKENS = frozenset({
    ".", ",", ";", ":", "|", "(", ")", "[", "]", "{", "}", "—", "–", "•", "*", "#", "\"", "“", "”",
    "«", "»", "!", "?", "/",
})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_SUPERSCRIPT = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u209f]")
# "SNHR", "M23", and mixed-case ministry acronyms with two capitals or more ("MoH", "MoD")
_ACRONYM_SHAPE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}|(?:[A-Z][a-z]?){1,3}[A-Z])$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_FIRST_WORD = re.compile(r"\w+")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von", "der", "da", "la", "le", "ul"})
_INITIALS_SKIP = frozenset({"of", "for", "the", "and", "on", "in", "&", "de", "du", "des", "la", "le", "al", "el", "to", "at"})
_CONNECTORS = frozenset({"of", "for", "on", "de", "du", "des", "and", "the", "al", "el", "-"})
_PROPER_POS = frozenset({"PROPN", "ADJ", "NOUN", "NUM", "VERB"})  # small model mis-tags title words


def _cap_word(tok) -> bool:
    """A capitalised word (or initial like "H.") that can be part of a proper name."""
    text = tok.text
    return bool(text) and text[0].isupper() and (tok.is_alpha or _INITIAL.match(text) is not None or "-" in text)


def _ordinal(tok) -> bool:
    text = tok.text
    return text[:1].isdigit() and _ORDINAL.match(text) is not None  # asked of every token: digits first


def _climb_conj(tok):
    """First conjunct of a coordination: "Russia and the US asked" -> role of "Russia"."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _is_demonym(tok) -> bool:
    return tok.ent_type_ == "NORP" or (tok.pos_ == "ADJ" and tok.text[:1].isupper())
