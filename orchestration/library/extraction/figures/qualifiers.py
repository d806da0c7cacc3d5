"""Stage 3, qualifier and surface: hedge words before or after a number ("an estimated", "or more"),
rising modality ("could reach" -> up_to), and the surface span they widen."""
from __future__ import annotations

from orchestration.library.extraction import numbers
from orchestration.library.extraction.figures.number_expressions import _Group
from orchestration.library.extraction.figures.vocabulary import (
    AREA_NOUNS,
    CHANGE_VERBS,
    CURRENCY,
    MODALITY_ADVERBS,
    MODALITY_AUX,
    MODALITY_HEADS,
    TIME_UNITS,
)


def _qualify(doc, sent, g: _Group, unit) -> tuple[str, int, int]:
    """(qualifier, surface start token, surface end token exclusive)."""
    start, end = g.start, g.end
    if g.between_at is not None:
        start = g.between_at
    before = [doc[k].text for k in range(max(sent.start, start - numbers.MAX_HEDGE_LEN), start)]
    hedge = numbers.match_hedge(before)
    if hedge is not None and hedge[1] == 1 and before[-1].lower() in ("over", "under") and unit is not None \
            and unit.lemma_.lower() in TIME_UNITS | AREA_NOUNS:
        hedge = None  # "over 3 years", "over five regions": a preposition, not a hedge
    qualifier = "exact"
    if hedge is not None:
        qualifier, n = hedge
        start -= n
    elif start > sent.start and doc[start - 1].text in CURRENCY:
        start -= 1
        hedge2 = numbers.match_hedge([doc[k].text for k in range(max(sent.start, start - 4), start)])
        if hedge2 is not None:
            qualifier, n = hedge2
            start -= n
    modal_start = _rising_modality(doc, g)
    if modal_start is not None and hedge is None:
        qualifier, start = "up_to", modal_start
    if not g.is_range and not g.vague:
        after = [doc[k].text for k in range(end, min(sent.end, end + 2))]
        trailing = numbers.match_trailing_hedge(after)
        if trailing is not None and not (trailing[1] == 1 and doc[end].whitespace_ == " " and doc[end].text == "plus"
                                         and end + 1 < sent.end and doc[end + 1].pos_ in ("NUM", "NOUN", "PROPN")):
            qualifier, n = trailing
            end += n
    if g.vague:
        qualifier = "vague"
    elif g.is_range:
        qualifier = "range"
    return qualifier, start, end


def _rising_modality(doc, g: _Group) -> int | None:
    """"potentially rising to 9,000", "could reach 100", "expected to rise to 50" -> up_to.

    Returns the token index where the hedge starts, or None.
    """
    num = doc[g.anchor]
    head = num.head
    verb = None
    if head.lower_ == "to" and head.dep_ == "prep" and head.head.lemma_.lower() in CHANGE_VERBS:
        verb = head.head
    elif num.dep_ in ("dobj", "nummod") and head.lemma_.lower() in CHANGE_VERBS:
        verb = head
    elif num.dep_ == "nummod" and head.head.lemma_.lower() in CHANGE_VERBS and head.dep_ == "dobj":
        verb = head.head
    if verb is None or verb.i > g.start:
        return None
    starts = []
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in MODALITY_ADVERBS and child.i < verb.i:
            starts.append(child.i)
        if child.dep_ == "aux" and child.lower_ in MODALITY_AUX and child.i < verb.i:
            starts.append(child.i)
    if verb.head.i != verb.i and verb.head.lemma_.lower() in MODALITY_HEADS and verb.head.i < verb.i:
        starts.append(verb.head.i)
    if not starts:
        return None
    return min(starts)
