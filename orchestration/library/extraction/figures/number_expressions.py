"""Stage 1, scanning: number expressions in a sentence's tokens (digits, number words, ranges, vague
counts) as ``_Group`` token spans with their values."""
from __future__ import annotations

from dataclasses import dataclass

from orchestration.library.extraction import numbers
from orchestration.library.extraction.figures.vocabulary import (
    CHANGE_VERBS,
    CURRENCY,
    DISTANCE_UNITS,
    PERCENT_WORDS,
    TIME_UNITS,
)
from orchestration.library.extraction.tokens import tokens


@dataclass
class _Group:
    """A number expression in token indices (hedge words excluded)."""

    start: int
    end: int  # exclusive
    low: float
    high: float
    anchor: int  # token whose syntactic head is the counted noun
    vague: bool = False
    is_range: bool = False
    between_at: int | None = None  # token index of "between" in "between X and Y"


def _token_value(tok, next_tok=None) -> float | None:
    """Value of one token when it is a number (digits or a number word)."""
    text = tok.text
    # the noun after only decides "1.018 people"; reading its lemma for every token is costly
    count_ctx = next_tok is not None and numbers.is_european_thousands_candidate(text) and _is_count_noun(next_tok)
    v = numbers.parse_digits(text, count_context=count_ctx)
    if v is not None:
        return v
    if tok.lower_ == "dozen":
        return None  # only with "a"/a number before it, handled by the word chain
    if "-" in text[1:-1]:  # "twenty-five" kept as one token
        parts = tok.lower_.split("-")
        if all(p in numbers.TENS or p in numbers.UNITS for p in parts):
            return numbers.words_to_number(parts)
        return None
    return numbers.word_value(text)


def _is_count_noun(tok) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("NOUN", "PROPN") and lemma not in DISTANCE_UNITS and \
        lemma not in numbers.SCALES and lemma not in TIME_UNITS and tok.lower_ not in PERCENT_WORDS


def _scan_sentence(doc, sent) -> list[_Group]:
    groups: list[_Group] = []
    toks = tokens(doc)
    i = sent.start
    while i < sent.end:
        low = toks[i].lower_  # inline: this runs for every token of every sentence
        if not (low[:1].isdigit() or low in _STARTERS or "-" in low or (i > 0 and toks[i - 1].lower_ in CURRENCY)):
            i += 1
            continue
        g = _group_at(doc, i, sent.end)
        if g is None:
            i += 1
            continue
        groups.append(g)
        i = g.end
    return groups


# the words a number expression can begin with besides digits; any other token is passed over at
# once
_STARTERS = frozenset(numbers.NUMBER_WORDS) | frozenset(numbers.VAGUE_PLURALS) | numbers.VAGUE_DETERMINERS | {
    "tens", "hundreds", "a", "an"}


def _group_at(doc, i: int, limit: int) -> _Group | None:
    """The number expression starting at token i, which _scan_sentence found can start one."""
    toks = tokens(doc)
    tok = toks[i]
    low = tok.lower_
    nxt = toks[i + 1] if i + 1 < limit else None
    # vague counts
    if low in ("tens", "hundreds") and i + 2 < limit and toks[i + 1].lower_ == "of" and \
            toks[i + 2].lower_ in ("thousands", "millions"):
        lo, hi = numbers.vague_range([low, toks[i + 2].lower_])
        return _Group(i, i + 3, lo, hi, anchor=i + 2, vague=True)
    if low in numbers.VAGUE_PLURALS and tok.pos_ in ("NOUN", "NUM", "PROPN"):
        if low in ("tens", "scores") and (nxt is None or nxt.lower_ != "of"):
            return None
        if i > 0 and _token_value(toks[i - 1]) is not None:
            return None  # "two thousands" is not English; leave it
        lo, hi = numbers.VAGUE_PLURALS[low]
        return _Group(i, i + 1, lo, hi, anchor=i, vague=True)
    if low in numbers.VAGUE_DETERMINERS and nxt is not None and \
            nxt.lower_.rstrip("s") in ("hundred", "thousand", "million", "billion"):
        start = i - 1 if low == "few" and i > 0 and toks[i - 1].lower_ == "a" else i
        lo, hi = numbers.vague_range([low, nxt.lower_])
        return _Group(start, i + 2, lo, hi, anchor=i + 1, vague=True)
    # "a dozen", "a hundred", "a thousand"
    if low in ("a", "an") and nxt is not None and nxt.lower_ in ("dozen", "hundred", "thousand", "million", "lakh", "crore"):
        g = _number_chain(doc, i + 1, limit)
        if g is not None:
            g.start = i
        return g
    if i > 0 and toks[i - 1].text.lower() in CURRENCY:
        amount = numbers.parse_scaled_amount(tok.text)
        if amount is not None:  # "£2bn"
            return _Group(i, i + 1, amount, amount, anchor=i)
    if _token_value(tok, nxt) is None:
        range_in_token = numbers.parse_range_token(tok.text)
        if range_in_token:
            return _Group(i, i + 1, range_in_token[0], range_in_token[1], anchor=i, is_range=True)
        return None
    first = _number_chain(doc, i, limit)
    if first is None:
        return None
    return _extend_range(doc, first, limit)


def _number_chain(doc, i: int, limit: int) -> _Group | None:
    """Longest run of number words/digits forming one number ("one hundred and fifty")."""
    toks = tokens(doc)
    words = [toks[i].text]
    j = i + 1
    last_is_scale = toks[i].lower_ in numbers.SCALES or toks[i].lower_ == "dozen"
    while j < limit:
        t = toks[j]
        low = t.lower_
        if low in numbers.SCALES or low == "dozen":
            words.append(t.text)
            last_is_scale = True
            j += 1
            continue
        if numbers.is_number_word(low) and not _is_digit_token(toks[j - 1]):
            prev_low = toks[j - 1].lower_
            if prev_low == "-" and j >= 2:
                prev_low = toks[j - 2].lower_  # "twenty - five"
            if prev_low in numbers.TENS and low in numbers.UNITS and low != "zero" or last_is_scale:
                words.append(t.text)
                last_is_scale = False
                j += 1
                continue
            break
        if low == "-" and not toks[j - 1].whitespace_ and j + 1 < limit and \
                toks[j - 1].lower_ in numbers.TENS and toks[j + 1].lower_ in numbers.UNITS:
            words.append("-")
            j += 1
            continue
        if low == "and" and last_is_scale and j + 1 < limit and \
                numbers.is_number_word(toks[j + 1].lower_) and toks[j + 1].lower_ not in numbers.SCALES:
            words.append("and")
            j += 1
            continue
        break
    value = numbers.words_to_number(_split_hyphenated(words))
    while value is None and len(words) > 1:  # fall back to a shorter run
        words.pop()
        j -= 1
        value = numbers.words_to_number(_split_hyphenated(words))
    if value is None:
        if _is_digit_token(toks[i]) or "-" in toks[i].text:
            value = _token_value(toks[i], toks[i + 1] if i + 1 < len(toks) else None)
            j = i + 1
        if value is None:
            return None
    # European "1.018 people": the chain value was read without looking at the noun
    if j - i == 1 and numbers.is_european_thousands_candidate(toks[i].text) and j < len(toks) \
            and _is_count_noun(toks[j]):
        value = numbers.parse_digits(toks[i].text, count_context=True)
    while j > i + 1 and toks[j - 1].lower_ in ("and", "-"):
        j -= 1
    return _Group(i, j, value, value, anchor=j - 1)


def _split_hyphenated(words: list[str]) -> list[str]:
    out = []
    for w in words:
        out.extend(w.split("-") if "-" in w[1:-1] else [w])
    return out


def _is_digit_token(tok) -> bool:
    return tok.text[:1].isascii() and tok.text[:1].isdigit()


def _extend_range(doc, first: _Group, limit: int) -> _Group:
    """"3-4", "8,000 to 9,000", "two or three", "between 8 and 9 million"."""
    j = first.end
    if j + 1 >= limit:
        return first
    sep = doc[j].lower_
    between_at = first.start - 1 if first.start > 0 and doc[first.start - 1].lower_ == "between" else None
    if sep not in numbers.RANGE_SEPARATORS and not (sep == "and" and between_at is not None):
        return first
    if sep == "to" and first.start > 0 and doc[first.start - 1].lower_ == "from" and \
            doc[first.start - 1].head.lemma_.lower() in CHANGE_VERBS:
        return first  # "rose from 500 to 800" is a change, not a range
    if sep in ("-", "–", "—") and _is_digit_token(doc[first.start]) != _is_digit_token(doc[j + 1]):
        return first
    second = _number_chain(doc, j + 1, limit) if _token_value(doc[j + 1], doc[j + 2] if j + 2 < len(doc) else None) is not None else None
    if second is None:
        return first
    scale = None
    last_word = doc[second.end - 1].lower_
    if last_word in numbers.SCALES and second.end - second.start > 1 and \
            doc[first.end - 1].lower_ not in numbers.SCALES:
        scale = float(numbers.SCALES[last_word])
    low = numbers.scale_range_left(first.low, second.high, scale)
    if not low < second.high:
        return first
    return _Group(first.start, second.end, low, second.high, anchor=second.end - 1,
                  is_range=True, between_at=between_at)
