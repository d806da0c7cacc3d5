"""Pure number parsing helpers for figure extraction (no spaCy, no I/O).

Why a separate module: the figure extractor works on spaCy tokens, but the question "what value
does this piece of text denote?" is plain string logic that is easier to test on its own.

What is handled
---------------
* digits with English thousands separators: ``"1,064"`` -> 1064, decimals ``"2.7"`` -> 2.7;
* European thousands dots (``"1.018"`` -> 1018) only when the caller says the context is a count
  (exactly three digits after each dot *and* a count noun follows, see :func:`parse_digits`);
  several 3-digit dot groups (``"1.018.000"``) are always thousands; a decimal comma with one or
  two digits (``"2,5"``) is a decimal;
* number words: ``"seven"``, ``"twenty five"``, ``"one hundred and fifty"``, ``"two million"``,
  ``"1.5 million"``, ``"a dozen"`` (see :func:`words_to_number`);
* ranges: ``"3-4"``, ``"8,000 to 9,000"``, ``"two or three"``, ``"between 8 and 9 million"``;
* hedges (qualifiers): see :data:`HEDGES` and :data:`TRAILING_HEDGES`;
* vague counts, by convention (documented here because the warehouse stores them as ranges):

  ==========================  ======================
  expression                  value_low..value_high
  ==========================  ======================
  ``tens of`` (+ noun)        20..99
  ``dozens``                  24..99
  ``scores``                  40..99
  ``hundreds``                200..999
  ``thousands``               2,000..9,999
  ``tens of thousands``       20,000..99,999
  ``hundreds of thousands``   200,000..999,999
  ``millions``                2,000,000..9,999,999
  ``tens of millions``        20,000,000..99,999,999
  ``lakhs`` / ``crores``      200,000..999,999 / 20,000,000..99,999,999
  ``several / a few / many    same as the plural of the scale word
  hundred|thousand|million``
  ==========================  ======================

  ``"a handful"``, ``"several"``, ``"a few"``, ``"a small number"`` alone are *not* figures: they
  carry no order of magnitude worth storing.

Qualifier values (data contract): exact, about, over, at_least, up_to, less_than, range, vague.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.library.extraction import lexicon as lx

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000,
          # South Asian scales: "2 lakh people displaced" is 200,000, "Rs 5 crore" 50,000,000
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
#: words that are a number on their own ("dozen" needs "a"/a number before it to count)
NUMBER_WORDS = {**UNITS, **TENS, **SCALES, "dozen": 12}

#: plural scale nouns used as vague counts -> (low, high)
VAGUE_PLURALS = {
    "tens": (20, 99),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
    "lakhs": (200_000, 999_999),  # "lakhs of people": hundreds of thousands
    "crores": (20_000_000, 99_999_999),
}
#: "tens of thousands" & co: (first plural, second plural) -> (low, high)
VAGUE_COMPOUNDS = {
    ("tens", "thousands"): (20_000, 99_999),
    ("hundreds", "thousands"): (200_000, 999_999),
    ("tens", "millions"): (20_000_000, 99_999_999),
    ("hundreds", "millions"): (200_000_000, 999_999_999),
}
#: "several hundred", "a few thousand": determiner-like words that make a bare scale vague
VAGUE_DETERMINERS = {"several", "few", "many"}

#: hedge word sequences placed before a number -> qualifier (matched longest first)
HEDGES: dict[tuple[str, ...], str] = {
    ("about",): "about", ("around",): "about", ("approximately",): "about",
    ("approx.",): "about", ("approx",): "about", ("an", "estimated"): "about",
    ("estimated",): "about", ("roughly",): "about", ("nearly",): "about", ("almost",): "about",
    ("some",): "about", ("close", "to"): "about", ("circa",): "about", ("~",): "about",
    ("an", "approximate"): "about", ("approximate",): "about", ("just", "about"): "about",
    ("over",): "over", ("more", "than"): "over", ("in", "excess", "of"): "over",
    ("upwards", "of"): "over", ("above",): "over", ("well", "over"): "over",
    ("just", "over"): "over", ("well", "above"): "over", ("exceeding",): "over",
    ("at", "least"): "at_least", ("no", "less", "than"): "at_least",
    ("no", "fewer", "than"): "at_least", ("not", "less", "than"): "at_least",
    ("not", "fewer", "than"): "at_least", ("a", "minimum", "of"): "at_least",
    ("up", "to"): "up_to", ("as", "many", "as"): "up_to", ("as", "much", "as"): "up_to",
    ("a", "maximum", "of"): "up_to",
    ("less", "than"): "less_than", ("fewer", "than"): "less_than", ("under",): "less_than",
    ("below",): "less_than", ("just", "under"): "less_than", ("just", "below"): "less_than",
}
# "potentially rising to 9,000", "possibly climbing to 50": a modality and a verb of rising make a ceiling
HEDGES.update({(adverb, rising, "to"): "up_to" for adverb in lx.MODALITY_ADVERBS for rising in lx.RISING_FORMS})
MAX_HEDGE_LEN = max(len(k) for k in HEDGES)

#: hedges written after the number ("1,000 or more")
TRAILING_HEDGES: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least", ("or", "so"): "about", ("plus",): "over", ("+",): "over",
    ("or", "fewer"): "up_to", ("or", "less"): "up_to",
}

#: separators that turn two numbers into a range ("3-4", "8,000 to 9,000", "two or three")
RANGE_SEPARATORS = {"-", "–", "—", "to", "or"}

_EN_THOUSANDS = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
_PLAIN = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_DOT_THOUSANDS_ONE = re.compile(r"^[0-9]{1,3}\.[0-9]{3}$")
_DOT_THOUSANDS_MANY = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3}){2,}$")
_DECIMAL_COMMA = re.compile(r"^[0-9]+,[0-9]{1,2}$")
_RANGE_IN_TOKEN = re.compile(r"^([0-9][0-9,.]*)[-–—]([0-9][0-9,.]*)$")


@dataclass(frozen=True)
class Quantity:
    """A parsed number expression: bounds, qualifier and whether it is a vague count."""

    low: float
    high: float
    qualifier: str = "exact"
    is_vague: bool = False


def parse_digits(text: str, count_context: bool = False) -> float | None:
    """Value of one digit token, or None if it is not a plain number.

    Only ASCII digits count: superscript footnote markers (``"⁵⁰⁵"``) and Unicode digits are
    rejected on purpose. Dotted sequences that are not thousands groups (``"3.2."``, ``"1.3.3"``,
    ``"15.03.2025"``) are section numbers or dates, not numbers: None.

    ``count_context``: the caller saw a count noun after the number (``"1.018 people"``); then a
    single dot followed by exactly three digits is read as a European thousands separator.
    """
    if not text or not text[0].isascii() or not text[0].isdigit():
        return None
    if _EN_THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if _DOT_THOUSANDS_MANY.match(text):
        return float(text.replace(".", ""))
    if count_context and _DOT_THOUSANDS_ONE.match(text):
        return float(text.replace(".", ""))
    if _PLAIN.match(text):
        return float(text)
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    return None


def is_european_thousands_candidate(text: str) -> bool:
    """True for ``"1.018"``-shaped tokens, whose reading depends on the following noun."""
    return bool(_DOT_THOUSANDS_ONE.match(text))


def word_value(word: str) -> float | None:
    """Value of a single number word ("seven" -> 7, "thousand" -> 1000), else None."""
    v = NUMBER_WORDS.get(word.lower())
    return None if v is None else float(v)


def is_number_word(word: str) -> bool:
    return word.lower() in NUMBER_WORDS


def words_to_number(words: list[str]) -> float | None:
    """Combine number words and digits into one value.

    ``["twenty", "five"]`` -> 25, ``["one", "hundred", "and", "fifty"]`` -> 150,
    ``["1.5", "million"]`` -> 1_500_000, ``["a", "dozen"]`` -> 12, ``["two", "dozen"]`` -> 24.
    Returns None when the words do not form one number (e.g. two bare digits in a row).
    """
    total = 0.0
    current = 0.0
    seen = False
    last_kind = None  # "digit", "unit", "tens", "scale"
    for raw in words:
        w = raw.lower()
        if w in ("and", "-", "a", "an") and seen or (w in ("a", "an") and not seen):
            continue
        d = parse_digits(raw)
        if d is not None:
            if last_kind in ("digit", "unit", "tens"):
                return None
            current += d
            last_kind = "digit"
        elif w in UNITS:
            if last_kind in ("digit", "unit"):
                return None
            current += UNITS[w]
            last_kind = "unit"
        elif w in TENS:
            if last_kind in ("digit", "unit", "tens"):
                return None
            current += TENS[w]
            last_kind = "tens"
        elif w == "dozen":
            current = (current or 1) * 12
            last_kind = "scale"
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            last_kind = "scale"
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_range_token(text: str) -> tuple[float, float] | None:
    """``"3-4"`` kept as one token by a tokenizer -> (3, 4); else None."""
    m = _RANGE_IN_TOKEN.match(text)
    if not m:
        return None
    lo, hi = parse_digits(m.group(1)), parse_digits(m.group(2))
    if lo is None or hi is None or lo > hi:
        return None
    return lo, hi


_MONEY_SUFFIX = re.compile(r"^([0-9][0-9,.]*)(bn|mn|m|k|b)$", re.IGNORECASE)
_MONEY_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}


def parse_scaled_amount(text: str) -> float | None:
    """``"2bn"`` -> 2e9, ``"5m"`` -> 5e6, ``"10k"`` -> 1e4 (money shorthand after a currency sign)."""
    m = _MONEY_SUFFIX.match(text)
    if not m:
        return None
    base = parse_digits(m.group(1))
    return None if base is None else base * _MONEY_SCALES[m.group(2).lower()]


def scale_range_left(low: float, high: float, high_scale: float | None) -> float:
    """In "8 to 9 million" the left number borrows the right one's scale: 8 -> 8,000,000."""
    if high_scale and low * high_scale <= high and low < high_scale:
        return low * high_scale
    return low


def vague_range(words: list[str]) -> tuple[float, float] | None:
    """Bounds of a vague count ("thousands", "tens of thousands", "several hundred"), else None."""
    ws = [w.lower() for w in words if w.lower() not in ("of", "a")]
    if len(ws) == 2 and (ws[0], ws[1]) in VAGUE_COMPOUNDS:
        return VAGUE_COMPOUNDS[(ws[0], ws[1])]
    if len(ws) == 1 and ws[0] in VAGUE_PLURALS:
        return VAGUE_PLURALS[ws[0]]
    if len(ws) == 2 and ws[0] in VAGUE_DETERMINERS:
        scale = ws[1].rstrip("s")
        if scale in ("hundred", "thousand", "million", "billion"):
            return VAGUE_PLURALS[scale + "s"]
    return None


def match_hedge(words_before: list[str]) -> tuple[str, int] | None:
    """Qualifier of the longest hedge ending right before a number, with its length in words.

    ``words_before`` are the words preceding the number, in text order.
    """
    lowered = [w.lower() for w in words_before[-MAX_HEDGE_LEN:]]
    for n in range(min(MAX_HEDGE_LEN, len(lowered)), 0, -1):
        q = HEDGES.get(tuple(lowered[-n:]))
        if q:
            return q, n
    return None


def match_trailing_hedge(words_after: list[str]) -> tuple[str, int] | None:
    """Qualifier of a hedge written right after a number ("or more", "or so"), with its length."""
    lowered = [w.lower() for w in words_after[:2]]
    for n in (2, 1):
        q = TRAILING_HEDGES.get(tuple(lowered[:n]))
        if q and len(lowered) >= n:
            return q, n
    return None


def is_year(value: float, text: str) -> bool:
    """A bare four-digit integer 1800..2100 without separators reads as a year, not a count."""
    return text.isdigit() and len(text) == 4 and 1800 <= value <= 2100


def parse_quantity(text: str) -> Quantity | None:
    """Parse a whole number expression as written, e.g. for tests and callers without spaCy.

    ``"more than 8,000"`` -> Quantity(8000, 8000, "over"); ``"approximately 3-4"`` -> range 3..4
    (a range wins over its hedge); ``"thousands"`` -> vague 2000..9999; ``"8,000 to 9,000"`` ->
    range; ``"between 8 and 9 million"`` -> range 8e6..9e6; ``"1,000 or more"`` -> at_least.
    """
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    spread: list[str] = []
    for w in words:
        r = parse_range_token(w)
        if r is not None:
            a, _, b = re.split(r"([-–—])", w, maxsplit=1)
            spread += [a, "-", b]
        elif "-" in w and all(p.lower() in NUMBER_WORDS for p in w.split("-")):
            spread += w.split("-")
        else:
            spread.append(w)
    words = spread
    # leading hedge
    qualifier = "exact"
    for n in range(min(MAX_HEDGE_LEN, len(words)), 0, -1):
        q = HEDGES.get(tuple(w.lower() for w in words[:n]))
        if q and len(words) > n:
            qualifier, words = q, words[n:]
            break
    trailing = match_trailing_hedge(words[-2:]) if len(words) > 2 else None
    if trailing and len(words) > trailing[1]:
        qualifier, words = trailing[0], words[: -trailing[1]]
    vague = vague_range(words)
    if vague:
        return Quantity(vague[0], vague[1], "vague", True)
    between = bool(words) and words[0].lower() == "between"
    if between:
        words = words[1:]
    for i, w in enumerate(words):
        sep = w.lower()
        if sep in RANGE_SEPARATORS or (between and sep == "and"):
            left, right = words_to_number(words[:i]), words_to_number(words[i + 1:])
            if left is None or right is None:
                continue
            right_scale = _scale_of(words[i + 1:])
            left = scale_range_left(left, right, right_scale if _scale_of(words[:i]) is None else None)
            if left < right:
                return Quantity(left, right, "range")
    value = words_to_number(words)
    if value is None:
        return None
    return Quantity(value, value, qualifier)


def _scale_of(words: list[str]) -> float | None:
    """The scale word (thousand, million...) closing a number, if any."""
    if words and words[-1].lower() in SCALES and len(words) > 1:
        return float(SCALES[words[-1].lower()])
    return None
