"""Stage 2, exclusions: numbers that do not count (dates, times, ages, percentages, footnotes, list and
section numbers, labels, model names, phone numbers, street addresses)."""
from __future__ import annotations

from orchestration.library.extraction import numbers
from orchestration.library.extraction.figures.number_expressions import _Group, _is_count_noun
from orchestration.library.extraction.figures.vocabulary import (
    AGE_BEFORE,
    AGE_PHRASES_BEFORE,
    BAD_ENTITY_LABELS,
    CURRENCY,
    CURRENCY_SCALES,
    DISTANCE_UNITS,
    LABEL_WORDS,
    LEVEL_NOUNS,
    MONTHS,
    NON_COUNT_UNITS,
    ONE_BLOCKERS_BEFORE,
    PERCENT_WORDS,
    PERSON_UNITS,
    TIME_SUFFIXES,
    TIME_UNITS,
    WEEKDAYS,
)


def _excluded(doc, body: str, g: _Group, unit) -> bool:
    """True when the number is not a count (date, label, footnote, model name, age...).

    ``body`` is the parsed text (``doc.text`` rebuilds it on every access: too slow per figure).
    """
    first, last = doc[g.start], doc[g.end - 1]
    s, e = first.idx, last.idx + len(last.text)
    prev_ch = body[s - 1] if s > 0 else " "
    prev2_ch = body[s - 2] if s > 1 else " "
    next_ch = body[e] if e < len(body) else " "
    next2_ch = body[e + 1] if e + 1 < len(body) else " "
    prev_tok = doc[g.start - 1] if g.start > 0 else None
    next_tok = doc[g.end] if g.end < len(doc) else None
    prev_low = prev_tok.lower_.rstrip(".") if prev_tok is not None else ""
    next_low = next_tok.lower_ if next_tok is not None else ""

    if g.vague:
        return first.ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "LAW")
    if first.text[:1] == "0" and len(first.text) > 1 and first.text.isdigit():
        return True  # "0015", "No. 014": codes and postcodes, never counts
    if _in_digit_sequence(doc, g, body, s, e):
        return True  # "+374 91 402 765": a phone number
    if _is_street_number(doc, g):
        return True  # "21 Paronyan Street"
    # glued to letters or dotted/slashed/colon-joined: footnotes, model names, dates, times
    if prev_ch.isalpha() or (prev_ch in "-–/:._" and prev2_ch.isalnum()):
        return True
    if prev_ch == "[" or next_ch == "]":
        return True
    if next_ch in "/:" and next2_ch.isdigit():
        return True
    if next_ch.isalpha() and not (unit is not None and unit.idx == e and
                                  unit.lemma_.lower() in DISTANCE_UNITS | {"kg"}) \
            and not (prev_tok is not None and prev_tok.text.lower() in CURRENCY and
                     next_tok is not None and next_tok.lower_ in CURRENCY_SCALES):
        return True
    if next_ch.isdigit() or (next_ch in ".," and next2_ch.isdigit()):
        return True
    if next_ch == "-" and next2_ch.isalpha():
        word_after = doc[g.end + 1] if g.end + 1 < len(doc) else None
        if word_after is None or word_after.lemma_.lower() not in TIME_UNITS:
            return True  # "two-time", "five-star", "one-third"
        if _followed_by_old(doc, g.end + 2):
            return True  # "12-year-old"
    if next_ch == "-" and next2_ch.isdigit():
        return True  # "2024-25", "10-3": not a range we could read
    # entities that make the number part of a name, an ordinal or a percentage
    if first.ent_type_ in BAD_ENTITY_LABELS or last.ent_type_ in BAD_ENTITY_LABELS:
        return True
    if (first.ent_type_ in ("DATE", "TIME") or last.ent_type_ in ("DATE", "TIME")) and \
            (unit is None or not (unit.lemma_.lower() in TIME_UNITS or _is_count_noun(unit))) and \
            not _value_of_a_count(doc, g):
        return True
    if len(first.text) == 4 and g.end - g.start == 1 and numbers.is_year(g.low, first.text) and \
            (unit is None or unit.lemma_.lower() in TIME_UNITS or unit.i != g.end):
        return True
    if prev_low in MONTHS or next_low.rstrip(".") in MONTHS or prev_low in WEEKDAYS:
        return True
    if next_low in TIME_SUFFIXES or next_low in PERCENT_WORDS:
        return True
    if unit is not None and (unit.lower_ in NON_COUNT_UNITS or unit.lemma_.lower() in NON_COUNT_UNITS):
        return True
    if prev_low in LABEL_WORDS or (prev_tok is not None and prev_tok.text in LABEL_WORDS):
        return True
    if prev_low in AGE_BEFORE or _followed_by_old(doc, g.end):
        return True
    if g.start > 1 and (doc[g.start - 2].lemma_.lower(), prev_low) in AGE_PHRASES_BEFORE:
        return True  # "as young as 12", "under the age of 10", "has died at 61"
    if _ago_or_read(doc, g.end):
        return True  # "2 minutes ago", "more than 19 months ago", "1 min read": relative dates, page furniture
    if first.text.isdigit() and len(first.text) >= 7 and g.end - g.start == 1:
        return True  # "22829334": a helpline or an ID; counts that large are written with separators
    if prev_low in ("under", "over") and unit is None and g.start > 1 and \
            doc[g.start - 2].lemma_.lower() in PERSON_UNITS:
        return True  # "children under 18"
    if prev_ch == "(" and next_ch == ")" and unit is None:
        return True  # "(12)": age or list number
    if unit is None and prev_low == "," and next_low in (",", ".") and g.start > 1 and \
            (doc[g.start - 2].ent_type_ == "PERSON" or doc[g.start - 2].pos_ == "PROPN"):
        return True  # "Ahmed, 34, said": an age
    if _is_line_marker(doc, g, body, s):
        return True
    if first.lower_ in numbers.NUMBER_WORDS and first.text[:1].isupper() and not first.is_sent_start \
            and prev_tok is not None and not prev_tok.is_punct:
        return True  # "the Group of Seven", "Fourth Division"-like names
    if first.lower_ == "one" and g.end - g.start == 1:
        if next_low in ("of", "another", "by", "day", "hand") or prev_low in ONE_BLOCKERS_BEFORE:
            return True
    return False


def _value_of_a_count(doc, g: _Group) -> bool:
    """ "The death toll stood at 70": the parser may read a bare number after "at" as a date (an
    age, a time); when the clause's subject is a count ("toll", "number", "tally") it is its value."""
    after = doc[g.end] if g.end < len(doc) else None
    if g.end - g.start != 1 or doc[g.start].ent_iob_ != "B" or (after is not None and after.ent_iob_ == "I"):
        return False  # the number is only part of what the parser read as a date ("70 years", "March 7")
    x = doc[g.anchor]
    if x.dep_ != "pobj" or x.head.lower_ not in ("at", "to"):
        return False
    verb = x.head.head
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in LEVEL_NOUNS for c in verb.children)


STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "square", "highway"}


def _in_digit_sequence(doc, g: _Group, body: str, s: int, e: int) -> bool:
    """Digit groups run together with only spaces between them, or after a "+": phone numbers."""
    if s > 0 and body[:s].rstrip(" ").endswith(("+",)):
        return True
    before = doc[g.start - 1] if g.start > 0 else None
    after = doc[g.end] if g.end < len(doc) else None
    def bare_digits(tok) -> bool:
        return tok is not None and tok.text.lstrip("+").isdigit()
    return (bare_digits(before) and before.whitespace_ == " " and before.text.startswith("+")) or \
        (bare_digits(before) and bare_digits(after)) or \
        (bare_digits(before) and (g.start < 2 or doc[g.start - 2].text.lstrip("+").isdigit() or doc[g.start - 2].text == "+"))


def _is_street_number(doc, g: _Group) -> bool:
    """A number followed by one to three proper nouns and a street word is an address."""
    for k in range(g.end, min(g.end + 4, len(doc))):
        tok = doc[k]
        if tok.lower_.rstrip(".") in STREET_WORDS:
            return k > g.end
        if tok.pos_ != "PROPN" and not tok.text[:1].isupper():
            return False
    return False


def _followed_by_old(doc, j: int) -> bool:
    """"12 years old", "12-year-old", "12 years of age", "a 15-day-old infant"."""
    words = [doc[k].lower_ for k in range(j, min(j + 4, len(doc)))]
    words = [w for w in words if w != "-"]
    return len(words) >= 2 and words[0] in ("year", "years", "month", "months", "week", "weeks", "day", "days") and \
        (words[1] == "old" or words[1:3] == ["of", "age"])


def _ago_or_read(doc, j: int) -> bool:
    """A time unit then "ago" ("19 months ago"), or "min read" after the number."""
    words = [doc[k].lower_ for k in range(j, min(j + 3, len(doc)))]
    if len(words) >= 2 and words[0] in ("min", "mins", "minute", "minutes") and words[1] == "read":
        return True
    return len(words) >= 2 and doc[j].lemma_.lower() in TIME_UNITS and words[1] == "ago"


def _is_line_marker(doc, g: _Group, body: str, s: int) -> bool:
    """"1." / "2)" / "3.2." at the start of a line: list or section numbering."""
    line_start = body.rfind("\n", 0, s) + 1
    if body[line_start:s].strip(" \t•-*·") != "":
        return False
    nxt = doc[g.end] if g.end < len(doc) else None
    return nxt is not None and nxt.text in (".", ")", ":")
