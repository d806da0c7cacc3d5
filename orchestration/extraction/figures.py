"""Figures: every number that counts something, with its hedge, what it counts and who says so.

Entry point: :func:`extract_figures` (doc, article, mentions) -> list[FigureMention].

Pipeline per sentence (all on the one spaCy parse; nothing is re-parsed):

1. **scan** tokens for number expressions: digits (``"1,064"``, ``"2.7"``), number words
   (``"seven"``, ``"twenty-five"``, ``"1.5 million"``, ``"a dozen"``), ranges (``"3-4"``,
   ``"8,000 to 9,000"``, ``"two or three"``, ``"between 8 and 9 million"``) and vague counts
   (``"dozens"``, ``"thousands"``, ``"tens of thousands"``, ``"several hundred"``);
2. **exclude** numbers that do not count: dates and years, clock times, ages, percentages,
   footnote markers (superscripts, ``[505]``, digits glued to a word), section and list numbers
   (``"3.2."``, ``"section 1.3.3."``, ``"1."`` at line start), labels (``"Resolution 2254"``,
   ``"p. 3"``, ``"Article 5"``), model names (``"Il-76"``, ``"AN-124"``), ordinals and numbers
   inside names (``"25th Division"``), hyphenated adjectives (``"two-time"``), ``"one of"``,
   ``"no one"``; a bare ``"one"`` is kept only when it counts victims/people in an event or is a
   part of a larger figure (``"including one humanitarian worker"``);
3. **qualify**: hedge words before (``"an estimated"``, ``"at least"``...) or after (``"or
   more"``) the number, ``"potentially rising to"``/``"could reach"`` -> up_to; a range wins over
   its hedge (``"approximately 3-4"`` is a range 3..4);
4. **classify**: unit = counted head noun; count_type from the unit (km -> distance, days ->
   duration, aircraft/flights -> flights, trucks/tons -> aid) then from the governing words
   walking up the dependency tree (killed/deaths/toll -> killed, sheltering/refuge/received
   people/rescued -> sheltered, fled/displaced -> displaced, ...), then from the unit's own
   modifiers ("thousands of displaced civilians");
5. **link** parts: ``"803 people, including 39 children and 49 women"`` -> the 39 and 49 figures
   get the 803 figure as parent (also "of whom", "among them");
6. **attribute**: claimant/outlet/cue of the sentence (see :mod:`attribution`), mapped to an
   actor mention when the claimant span overlaps one.

Value conventions (see :mod:`numbers`): exact -> low == high; ranges -> low..high; hedged
single numbers keep low == high == the stated number and the qualifier says the direction
("more than 8,000" -> 8000..8000, over); vague counts: tens of 20..99, dozens 24..99, scores
40..99, hundreds 200..999, thousands 2000..9999, tens of thousands 20000..99999, hundreds of
thousands 200000..999999, millions 2e6..9999999 (qualifier vague, is_vague True). "A handful",
"several", "a few" and "a small number" are not figures. Percentages are not figures (they do
not count anything); money amounts are kept with the currency as unit.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from orchestration.extraction import lexicon as lx
from orchestration.extraction import numbers
from orchestration.extraction.actors import mention_at
from orchestration.extraction.attribution import SPEECH_VERBS, Attribution, find_attribution_spans
from orchestration.extraction.quotes import quote_regions
from orchestration.extraction.ids import stable_id
from orchestration.extraction.records import ArticleInput, EntityMention, FigureMention
from orchestration.extraction.tokens import tokens

# --- lexicons -------------------------------------------------------------------------------

MONTHS = frozenset(lx.MONTH_NUMBERS)
WEEKDAYS = frozenset(lx.WEEKDAY_NUMBERS)
TIME_SUFFIXES = {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "hrs", "o'clock", "h", "a.m", "p.m"}
PERCENT_WORDS = {"%", "percent", "per", "pct", "percentage"}
#: a label noun right before a number makes it an identifier, not a count
LABEL_WORDS = {
    "section", "sections", "article", "articles", "resolution", "resolutions", "paragraph",
    "paragraphs", "para", "chapter", "chapters", "page", "pages", "p", "pp", "no", "nos", "vol",
    "volume", "issue", "item", "annex", "appendix", "figure", "fig", "table", "footnote",
    "footnotes", "note", "notes", "clause", "rule", "point", "phase", "stage", "level",
    "category", "route", "road", "highway", "street", "building", "block", "flight", "gate",
    "platform", "line", "division", "brigade", "regiment", "battalion", "corps", "squadron",
    "district", "zone", "sector", "ward", "room", "plot", "camp", "unit", "apartment", "decree",
    "law", "act", "protocol", "amendment", "episode", "season", "version", "model", "type",
    "class", "grade", "ref", "code", "terminal", "hall", "#", "№", "§", "number", "tier",
    "round", "group", "cell", "session", "term", "precinct", "exit",
}
AGE_BEFORE = {"aged", "age", "ages"}
BAD_ENTITY_LABELS = {"ORDINAL", "PERCENT", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "ORG", "FAC",
                     "LANGUAGE"}
CURRENCY = {"$": "dollars", "us$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
#: glued money scales: "$5m", "£2bn"
CURRENCY_SCALES = {"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}

TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "night",
              "fortnight", "century", "weekend", "morning", "evening"}
DISTANCE_UNITS = {"km", "kms", "kilometer", "kilometre", "mile", "meter", "metre", "m", "yard",
                  "foot", "feet", "ft", "nautical", "mi"}
FLIGHT_UNITS = {"flight", "sortie", "aircraft", "plane", "airplane", "jet", "airlift",
                "aeroplane", "airliner", "airdrop"}
AID_UNITS = {"truck", "lorry", "ton", "tonne", "package", "parcel", "meal", "basket", "kit",
             "blanket", "tent", "convoy", "shipment", "pallet", "dose", "vaccine", "aid",
             "supply", "supplies", "ration", "food", "liter", "litre", "bag", "sack", "box",
             "carton", "voucher", "hygiene"}
NON_COUNT_UNITS = {"time", "times", "percent", "per", "fold", "%", "way", "side"}
PERSON_UNITS = {
    "people", "person", "civilian", "child", "children", "woman", "women", "man", "men",
    "resident", "refugee", "family", "individual", "member", "fighter", "soldier", "troop",
    "migrant", "student", "worker", "staff", "journalist", "minority", "citizen", "villager",
    "patient", "infant", "baby", "girl", "boy", "elder", "victim", "survivor", "detainee",
    "prisoner", "hostage", "displaced", "evacuee", "seeker", "national", "foreigner", "militant",
    "insurgent", "officer", "personnel", "medic", "doctor", "nurse", "volunteer", "pilgrim",
    "protester", "demonstrator", "teenager", "youth", "adult", "household", "inhabitant",
    "farmer", "fisherman", "fishermen", "worshipper", "monk", "priest", "policeman",
}
#: lemma -> count_type; found on the governing words of the number or on the unit itself
EVENT_LEXICON = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed", "toll": "killed",
    "massacre": "killed", "execute": "killed", "execution": "killed", "slay": "killed",
    "murder": "killed", "fatality": "killed", "killing": "killed", "behead": "killed",
    "perish": "killed", "slaughter": "killed", "assassinate": "killed", "body": "killed",
    "drown": "killed", "corpse": "killed", "fatal": "killed",
    "wound": "wounded", "injure": "wounded", "injury": "wounded", "hurt": "wounded",
    "maim": "wounded", "wounded": "wounded", "injured": "wounded",
    "flee": "displaced", "displace": "displaced", "displacement": "displaced",
    "displaced": "displaced", "uproot": "displaced", "evacuate": "displaced",
    "evacuation": "displaced", "refugee": "displaced", "exodus": "displaced",
    "idp": "displaced", "idps": "displaced", "escape": "displaced", "evacuee": "displaced",
    "shelter": "sheltered", "refuge": "sheltered", "accommodate": "sheltered",
    "rescue": "sheltered", "harbor": "sheltered", "harbour": "sheltered",
    "sanctuary": "sheltered", "sheltering": "sheltered", "accommodation": "sheltered",
    "detain": "detained", "arrest": "detained", "abduct": "detained", "kidnap": "detained",
    "capture": "detained", "imprison": "detained", "jail": "detained", "detainee": "detained",
    "prisoner": "detained", "hostage": "detained", "detention": "detained",
    "custody": "detained", "abduction": "detained", "imprisonment": "detained",
    "missing": "missing", "disappear": "missing", "disappearance": "missing",
    "unaccounted": "missing",
    "return": "returned", "repatriate": "returned", "returnee": "returned",
    "repatriation": "returned",
    "deliver": "aid", "distribute": "aid", "donate": "aid", "delivery": "aid",
    "airlift": "flights", "flight": "flights", "sortie": "flights", "fly": "flights",
    "hospitalize": "wounded", "hospitalise": "wounded", "hospitalized": "wounded",
    "arrive": "displaced", "save": "sheltered", "arrested": "detained",
}
#: verbs that count people only as verbs and only with people as their object
#: ("the base houses 9,000 people", "received 9,000 Syrians"; not "received 20 tons")
VERB_ONLY = {"house": "sheltered", "host": "sheltered", "protect": "sheltered",
             "welcome": "sheltered", "receive": "sheltered",
             "lose": "killed"}  # "families lost three members"; not "Russia lost 5 tanks", not "families lost"
#: the subject noun of a level verb carries the count type ("Death toll rises to 1,311")
LEVEL_NOUNS = {"toll", "number", "count", "tally", "figure", "total"}
CHANGE_VERBS = {"rise", "climb", "reach", "increase", "grow", "swell", "mount", "hit", "top",
                "jump", "soar", "surge", "exceed"}
MODALITY_ADVERBS = {"potentially", "possibly", "likely", "perhaps", "probably"}
MODALITY_AUX = {"could", "may", "might"}
MODALITY_HEADS = {"expect", "set", "fear", "predict", "likely", "project", "forecast"}
PART_MARKERS = {("including",), ("includes",), ("among", "them"), ("among", "whom"),
                ("of", "whom"), ("of", "them"), ("of", "which"), ("among", "those"),
                ("among", "these")}
PERSON_EVENT_TYPES = {"killed", "wounded", "displaced", "sheltered", "detained", "missing",
                      "returned"}
PLACE_LABELS = lx.PLACE_LABELS
#: nouns after "over N" that make "over" mean "across", not "more than"
AREA_NOUNS = {"region", "province", "district", "area", "city", "town", "village", "country",
              "state", "governorate", "oblast", "neighbourhood", "neighborhood", "location",
              "site", "front", "municipality", "county", "territory"}
FACILITY_NOUNS = {"base", "airbase", "camp", "hospital", "city", "town", "village", "port",
                  "airport", "province", "region", "district", "school", "shelter", "prison",
                  "border", "crossing", "area", "governorate", "state", "county", "facility"}
PLACE_PREPS = {"at", "in", "near", "to", "from", "into", "inside", "outside", "across", "around"}
ONE_BLOCKERS_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which", "only",
                       "someone", "anyone", "another", "last", "first", "single"}


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


# --- entry point ----------------------------------------------------------------------------


def extract_figures(doc, article: ArticleInput, mentions: list[EntityMention],
                    attribution_spans=None) -> list[FigureMention]:
    """All counting figures of one parsed article, in body order."""
    if attribution_spans is None:
        attribution_spans = find_attribution_spans(doc)
    span_starts = [a.start_char for a in attribution_spans]
    sents = list(doc.sents)
    places = _places_by_sentence(doc, sents)
    figures: list[FigureMention] = []
    for sent_no, sent in enumerate(sents):
        sent_figures = []
        for group in _scan_sentence(doc, sent):
            k = bisect.bisect_right(span_starts, doc[group.start].idx) - 1
            attribution = attribution_spans[k].attribution if k >= 0 else None
            fig = _build_figure(doc, sent, sent_no, group, article, attribution, places[sent_no])
            if fig is not None:
                sent_figures.append(fig)
        _link_parts(doc, sent, sent_figures)
        _drop_lone_ones(sent_figures)
        for fig, _, span in sent_figures:
            _attach_mention(fig, span, mentions, article.body)
            figures.append(fig)
    _carry_attribution(figures, attribution_spans, article.body, mentions)
    return figures


# --- 1. scanning ----------------------------------------------------------------------------


def _token_value(tok, next_tok=None) -> float | None:
    """Value of one token when it is a number (digits or a number word)."""
    count_ctx = next_tok is not None and _is_count_noun(next_tok)
    v = numbers.parse_digits(tok.text, count_context=count_ctx)
    if v is not None:
        return v
    if tok.lower_ == "dozen":
        return None  # only with "a"/a number before it, handled by the word chain
    if "-" in tok.text[1:-1]:  # "twenty-five" kept as one token
        parts = tok.lower_.split("-")
        if all(p in numbers.TENS or p in numbers.UNITS for p in parts):
            return numbers.words_to_number(parts)
        return None
    return numbers.word_value(tok.text)


def _is_count_noun(tok) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("NOUN", "PROPN") and lemma not in DISTANCE_UNITS and \
        lemma not in numbers.SCALES and lemma not in TIME_UNITS and tok.lower_ not in PERCENT_WORDS


def _scan_sentence(doc, sent) -> list[_Group]:
    groups: list[_Group] = []
    i = sent.start
    while i < sent.end:
        g = _group_at(doc, i, sent.end)
        if g is None:
            i += 1
            continue
        groups.append(g)
        i = g.end
    return groups


def _group_at(doc, i: int, limit: int) -> _Group | None:
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
    if low in ("a", "an") and nxt is not None and nxt.lower_ in ("dozen", "hundred", "thousand", "million"):
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


# --- 2. exclusions --------------------------------------------------------------------------


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
            (unit is None or not (unit.lemma_.lower() in TIME_UNITS or _is_count_noun(unit))):
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
    """"12 years old", "12-year-old", "12 years of age"."""
    words = [doc[k].lower_ for k in range(j, min(j + 4, len(doc)))]
    words = [w for w in words if w != "-"]
    return len(words) >= 2 and words[0] in ("year", "years", "month", "months") and \
        (words[1] == "old" or words[1:3] == ["of", "age"])


def _is_line_marker(doc, g: _Group, body: str, s: int) -> bool:
    """"1." / "2)" / "3.2." at the start of a line: list or section numbering."""
    line_start = body.rfind("\n", 0, s) + 1
    if body[line_start:s].strip(" \t•-*·") != "":
        return False
    nxt = doc[g.end] if g.end < len(doc) else None
    return nxt is not None and nxt.text in (".", ")", ":")


# --- 3. qualifier and surface ---------------------------------------------------------------


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


# --- 4. unit, count type, subject -----------------------------------------------------------


def _unit_token(doc, g: _Group):
    """The counted noun: "803 people" -> people; "thousands of people" -> people."""
    anchor = doc[g.anchor]
    if g.vague:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                        return obj
        if anchor.lower_ in numbers.VAGUE_PLURALS or anchor.lower_ in ("thousands", "millions"):
            return None  # "thousands fled": no noun
    head = anchor.head
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i >= g.end and \
            head.pos_ in ("NOUN", "PROPN"):
        return head
    if anchor.dep_ == "quantmod" and head.pos_ == "NUM" and head.head.pos_ == "NOUN" and \
            head.head.i > head.i:
        return head.head  # "48 of 62 drones"
    for child in anchor.children:  # "39 of them", "five of the victims"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj
    if anchor.dep_ == "nsubj" and anchor.head.lemma_ == "be":  # "of whom 30 were women"
        for child in anchor.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                return child
    # fallback for parse slips: the next noun right after the number, skipping adjectives
    group = range(g.start, g.end)
    for k in range(g.end, min(g.end + 3, len(doc))):
        t = doc[k]
        if t.pos_ in ("NOUN",) or (t.pos_ == "PROPN" and t.ent_type_ == "NORP"):
            linked = t.head.i in group or any(doc[j].head.i == t.i for j in group)
            return t if linked else None
        if t.pos_ not in ("ADJ", "PROPN") or t.is_sent_start:
            break
    return None


def _unit_text(unit) -> str | None:
    if unit is None:
        return None
    return unit.text if unit.pos_ == "PROPN" else unit.lower_


def _is_person_unit(unit) -> bool:
    if unit is None:
        return False
    lemma = unit.lemma_.lower()
    if lemma in PERSON_UNITS or unit.lower_ in PERSON_UNITS:
        return True
    # demonyms and communities: "Syrians", "Alawites", "Rohingya"
    return unit.ent_type_ == "NORP" or (unit.pos_ == "PROPN" and unit.text.endswith("s"))


def _lex(tok, person_unit: bool) -> str | None:
    """count_type suggested by one word, or None."""
    lemma = tok.lemma_.lower()
    if lemma in VERB_ONLY:
        if tok.pos_ != "VERB" or not person_unit:
            return None
        return VERB_ONLY[lemma]
    return EVENT_LEXICON.get(lemma) or EVENT_LEXICON.get(tok.lower_)


def _classify(doc, g: _Group, unit) -> tuple[str, object]:
    """(count_type, clause head token) for a figure."""
    if unit is not None:
        lemma = unit.lemma_.lower()
        if lemma in DISTANCE_UNITS or unit.lower_ in DISTANCE_UNITS:
            return "distance", unit
        if lemma in TIME_UNITS:
            return "duration", unit
        if lemma in FLIGHT_UNITS:
            return "flights", unit
        if lemma in AID_UNITS or unit.lower_ in AID_UNITS:
            return "aid", unit
    person = _is_person_unit(unit) or unit is None
    start = unit if unit is not None else doc[g.anchor]
    found = _predicate_after(doc, start, person)
    if found:
        return found
    x = start
    fallbacks = []
    clause_head = None
    for _ in range(10):
        h = x.head
        if h.i == x.i:
            break
        if h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in SPEECH_VERBS and h.lemma_.lower() not in EVENT_LEXICON:
            clause_head = clause_head or h
            break
        if x.dep_ == "nsubj" and h.tag_ == "VBG" and h.i > x.i and \
                not any(c.dep_ in ("aux", "auxpass") for c in h.children):
            fallbacks.append(h)  # "people fleeing the violence": a description, not the event
            x = h
            continue
        found = _lex(h, person) if not (x.dep_ == "nsubj" and h.lemma_.lower() in VERB_ONLY) else None
        if found:
            return found, h
        if h.pos_ in ("VERB", "AUX"):
            clause_head = clause_head or h
            for child in h.children:
                if child.i == x.i:
                    continue
                if child.dep_ in ("dobj", "attr", "xcomp", "acomp", "oprd", "prt"):
                    found = _lex(child, person)
                    if not found and child.dep_ == "dobj" and child.lemma_.lower() in AID_UNITS:
                        found = "aid"  # "500 families received food"
                    if found:
                        return found, h
                if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in LEVEL_NOUNS:
                    found = _level_noun_type(child, person)
                    if found:
                        return found, h
                if child.dep_ == "prep" and child.lower_ == "among" and x.dep_ in ("nsubj", "nsubjpass"):
                    for obj in child.children:  # "35 children were among the dead"
                        found = _lex(obj, person) if obj.dep_ == "pobj" else None
                        if found:
                            return found, h
            if h.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "parataxis"):
                break
        x = h
    if unit is not None:
        found = _lex(unit, person)
        if found:
            return found, clause_head
        for child in unit.children:
            if child.dep_ in ("amod", "compound", "acl", "relcl", "nmod"):
                found = _lex(child, person)
                if found:
                    return found, clause_head
    for f in fallbacks:
        found = _lex(f, person)
        if found:
            return found, clause_head
    for child in doc[g.anchor].children:  # "12 of those detained"
        if child.dep_ in ("prep", "quantmod") and child.lower_ == "of":
            for t in child.subtree:
                found = _lex(t, person) if t.i > child.i and t.i - child.i < 5 else None
                if found:
                    return found, clause_head
    if person or (unit is not None and unit.lower_ in ("others", "other")):  # "10 others lost their lives"
        found = _clause_words(doc, g)
        if found:
            return found, clause_head
    return "other", clause_head


CLAUSE_AFTER = 10  # words after a figure that may still say what happened to those it counts
CLAUSE_BEFORE = 6
_CLAUSE_STOPS = frozenset({".", ";", ":", "!", "?", "—", "–", "(", ")", "“", "”", '"', "«", "»"})


def _clause_words(doc, g: _Group) -> str | None:
    """When the parse links the figure to no event word, the nearest one in its own clause:
    "40 people had lost their lives", "59 wounded went to the hospital", "the number killed".
    It reads forward to the next figure or clause break, then a few words back."""
    sent = doc[g.start].sent
    for i in range(g.end, min(sent.end, g.end + CLAUSE_AFTER)):
        t = doc[i]
        if t.text in _CLAUSE_STOPS or (t.like_num and i > g.end):
            break
        life = _LIFE_PHRASES.get((t.lemma_.lower(), _next_lemma(doc, i)))
        if life:
            return life  # "10 others lost their lives"
        if t.lemma_.lower() == "cross" and any(x.lemma_.lower() in ("border", "frontier") for x in doc[i + 1:i + 4]):
            return "displaced"  # "12,000 others crossed the border into Uganda"
        if t.lemma_.lower() in VERB_ONLY:
            continue  # "families lost ...", "the base received ...": the figure is the subject here
        found = _lex(t, True)
        if found:
            return found
    for i in range(g.start - 1, max(sent.start - 1, g.start - 1 - CLAUSE_BEFORE), -1):
        t = doc[i]
        if t.text in _CLAUSE_STOPS or t.like_num:
            break
        found = _lex(t, True)
        if found:
            return found
        if t.lemma_.lower() == "life" and i >= 2 and doc[i - 2].lemma_.lower() in ("take", "claim", "cost", "lose"):
            return "killed"  # "took the lives of 35 residents"
    return None


# verb + object idioms of dying and surviving ("lost their lives", "took the lives of")
_LIFE_PHRASES = {("lose", "their"): "killed", ("lose", "his"): "killed", ("lose", "her"): "killed",
                 ("lose", "life"): "killed"}


def _next_lemma(doc, i: int) -> str | None:
    return doc[i + 1].lemma_.lower() if i + 1 < len(doc) else None


_AUX_WORDS = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly",
              "also", "all", "later", "subsequently", "allegedly", "now", "still", "so", "far"}


def _predicate_after(doc, unit, person: bool):
    """"150 people were wounded": read the passive/adjectival predicate right after the unit.

    A linear check that survives parse slips (the parser sometimes attaches such a subject to
    an earlier preposition). Returns (count_type, verb) or None.
    """
    k = unit.i + 1
    steps = 0
    while k < len(doc) and doc[k].lower_ in _AUX_WORDS and steps < 4:
        k += 1
        steps += 1
    if k >= len(doc) or doc[k].tag_ not in ("VBN", "JJ", "VBD"):
        return None
    if steps == 0 and doc[k].tag_ == "VBD" and k + 1 < len(doc) and doc[k + 1].pos_ in ("DET", "NUM", "NOUN", "PROPN"):
        return None  # "12 killed 5 soldiers": a verb with an object, not "19 injured as a result"
    found = _lex(doc[k], person)
    if steps == 0 and found not in PERSON_EVENT_TYPES:
        return None  # "50 people were killed and 150 wounded": the elided "were" takes its own participle
    return (found, doc[k]) if found else None


def _level_noun_type(noun, person: bool) -> str | None:
    """"death toll" -> killed; "the number of displaced" -> displaced."""
    found = _lex(noun, person)
    if found:
        return found
    for child in noun.children:
        if child.dep_ in ("compound", "amod"):
            found = _lex(child, person)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                found = _lex(obj, person)
                if found:
                    return found
    return None


def _places_by_sentence(doc, sents) -> list[list]:
    """GPE/FAC/LOC entities bucketed by sentence in one pass (no per-figure scan of doc.ents)."""
    starts = [s.start for s in sents]
    out: list[list] = [[] for _ in sents]
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            k = bisect.bisect_right(starts, ent.start) - 1
            if k >= 0 and ent.end <= sents[k].end:
                out[k].append(ent)
    return out


def _place(sent_places: list, sent, clause_head, count_type: str, attribution: Attribution | None,
           anchor: int) -> str | None:
    """A GPE/FAC/LOC named in the figure's clause, with its preposition.

    Preference: the object of a locative preposition ("at Hmeimim", "in Syria", "to Chad"), then a
    name modifying a facility noun ("the Hmeimim air base"), then the subject of a sheltering verb
    ("Chad hosts ..."). Datelines, possessives ("Russia's role") and speakers are not places.
    """
    head = clause_head if clause_head is not None else sent.root
    anchor_tok = sent.doc[anchor]
    found = []
    for ent in sent_places:
        if attribution is not None and attribution.claimant_start is not None and \
                ent.start_char < (attribution.claimant_end or 0) and ent.end_char > attribution.claimant_start:
            continue
        root = ent.root
        if root.i != head.i and not head.is_ancestor(root):
            continue
        if _in_foreign_subclause(root, head, anchor_tok):
            continue
        if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
            rank, prep = 0, root.head.lower_
        elif root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in FACILITY_NOUNS:
            rank, prep = 1, "at" if count_type == "sheltered" else "in"
        elif root.dep_ == "nsubj" and root.head.i == head.i and count_type == "sheltered":
            rank, prep = 2, "in"
        else:
            continue
        found.append((rank, ent, prep))
    if not found:
        return None
    top = min(r for r, _, _ in found)
    found = [(ent, prep) for r, ent, prep in found if r == top]
    # "at Hmeimim in Syria": keep the specific place the broader one hangs on
    roots = [ent.root for ent, _ in found]
    found = [(ent, prep) for ent, prep in found
             if not any(other.i != ent.root.i and other.is_ancestor(ent.root) for other in roots)]
    ent, prep = min(found, key=lambda item: abs(item[0].root.i - anchor))
    return f"{prep} {ent.text}"


def _in_foreign_subclause(tok, clause_head, anchor_tok) -> bool:
    """Is tok inside a relative/adverbial clause of clause_head that the figure is not in?"""
    x = tok
    while x.i != clause_head.i and x.head.i != x.i:
        if x.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj") and not x.is_ancestor(anchor_tok) \
                and x.i != anchor_tok.i:
            return True
        x = x.head
    return False


def _subject(unit_text: str | None, count_type: str, place: str | None) -> str | None:
    if count_type in PERSON_EVENT_TYPES:
        text = f"{unit_text or 'people'} {count_type}"
    elif count_type == "flights":
        text = f"{unit_text} flights" if unit_text and unit_text not in ("flights", "sorties") else "flights"
    elif count_type == "aid":
        text = f"aid {unit_text}" if unit_text and unit_text != "aid" else "aid"
    elif count_type in ("distance", "duration"):
        text = f"{count_type} in {unit_text}" if unit_text else count_type
    else:
        text = unit_text
    if text and place and count_type not in ("distance", "duration"):
        text = f"{text} {place}"
    return text


# --- assembling one figure ------------------------------------------------------------------


def _build_figure(doc, sent, sent_no, g: _Group, article: ArticleInput,
                  attribution: Attribution | None, sent_places: list):
    unit = _unit_token(doc, g)
    if _excluded(doc, article.body, g, unit):
        return None
    qualifier, s_tok, e_tok = _qualify(doc, sent, g, unit)
    start_char = doc[s_tok].idx
    end_char = doc[e_tok - 1].idx + len(doc[e_tok - 1].text)
    count_type, clause_head = _classify(doc, g, unit)
    unit_text = _unit_text(unit)
    if g.start > 0 and doc[g.start - 1].text.lower() in CURRENCY:
        unit, unit_text = None, CURRENCY[doc[g.start - 1].text.lower()]
        suffix = doc[g.end] if g.end < len(doc) else None
        if suffix is not None and suffix.lower_ in CURRENCY_SCALES and suffix.idx == end_char:
            g.low, g.high = g.low * CURRENCY_SCALES[suffix.lower_], g.high * CURRENCY_SCALES[suffix.lower_]
            end_char = suffix.idx + len(suffix.text)  # "$5m"
            count_type = "other"
        if any(t.lemma_.lower() in ("aid", "assistance", "relief", "funding")
               for t in doc[g.end:min(g.end + 4, sent.end)]):
            count_type = "aid"  # "$5 million in aid"
    place = _place(sent_places, sent, clause_head, count_type, attribution, g.anchor)
    fig = FigureMention(
        figure_id=stable_id(article.article_id, "figure", start_char, end_char),
        article_id=article.article_id,
        sentence_no=sent_no,
        start_char=start_char,
        end_char=end_char,
        surface_text=article.body[start_char:end_char],
        value_low=float(g.low),
        value_high=float(g.high),
        qualifier=qualifier,
        unit=unit_text,
        count_type=count_type,
        subject=_subject(unit_text, count_type, place),
        is_vague=g.vague,
    )
    span = None
    if attribution is not None:
        fig.claimant_text = attribution.claimant_text
        fig.outlet_text = attribution.outlet_text
        fig.attribution_cue = attribution.cue
        span = (attribution.claimant_start, attribution.claimant_end, attribution.claimant_is_person)
    return fig, g, span


# --- 5. part-of links -----------------------------------------------------------------------


def _part_marker(doc, sent, g: _Group) -> int | None:
    """Token index of "including"/"of whom"/"among them" introducing this figure, if any."""
    # linear: the words right before the figure
    for n in (2, 1):
        k = g.start - n
        if k >= sent.start and tuple(doc[j].lower_ for j in range(k, g.start)) in PART_MARKERS:
            return k
    # syntactic: an "including" among the ancestors ("including 39 children and 49 women")
    x = doc[g.anchor]
    for _ in range(6):
        if x.head.i == x.i or x.head.i < sent.start:
            break
        x = x.head
        if x.lower_ in ("including", "includes") and x.i < g.start:
            return x.i
        if x.pos_ == "VERB" and x.lower_ not in ("including",):
            break
    return None


def _link_parts(doc, sent, sent_figures) -> None:
    """Set parent_figure_id of figures that are parts of an earlier figure in the sentence."""
    for idx, (fig, g, _) in enumerate(sent_figures):
        marker = _part_marker(doc, sent, g)
        if marker is None:
            continue
        marker_char = doc[marker].idx
        for parent, _, _ in reversed(sent_figures[:idx]):
            if parent.parent_figure_id is not None or parent.end_char > marker_char:
                continue
            if parent.count_type in ("distance", "duration") or parent.value_high < fig.value_low:
                continue
            fig.parent_figure_id = parent.figure_id
            if fig.count_type == "other" and parent.count_type != "other":
                fig.count_type = parent.count_type
                fig.subject = _subject(fig.unit, fig.count_type, None)
            break


def _drop_lone_ones(sent_figures) -> None:
    """A bare "one" counts only victims/people in an event or a part of a larger figure."""
    sent_figures[:] = [
        item for item in sent_figures if not (
            (f := item[0]).surface_text.lower().endswith("one") and f.value_low == 1
            and f.parent_figure_id is None and f.count_type not in PERSON_EVENT_TYPES)
    ]


# --- 6. attribution that carries -------------------------------------------------------------

QUOTE_MARKS = "\"“«„'‘"
CARRY_SENTENCES = 3  # sentence lines an attribution carries over to figures that name no source


def _carry_attribution(figures: list[FigureMention], spans, body: str, mentions: list[EntityMention]) -> None:
    """Figures whose own line names no source take one from context.

    * A figure repeated elsewhere in the article with a source (a headline or lead figure the
      body attributes) takes that source.
    * A list of tolls that continues an attributed sentence ("According to the group's report,
      the dead were: 30 in one town, 12 in another ...") keeps the last source, across at most
      ``CARRY_SENTENCES`` lines, when that line's own figures have a source and the figure counts
      people.
    * A figure inside a quotation takes the speaker named before it.
    """
    attributed = {}
    for fig in figures:
        if fig.claimant_text:
            attributed.setdefault((fig.value_low, fig.value_high, fig.count_type), fig)
    starts = [p.start_char for p in spans]
    # lines whose own figures have a source: only a toll statement carries on to the lines after it
    # ("... 41 were killed, the Observatory said. Twelve died in Douma."); a source that gave no
    # figure ("She stated that Moscow ...") says nothing about the next line's numbers
    breaks = [i for i, ch in enumerate(body) if ch == "\n"]

    def line_of(pos: int) -> int:  # a physical line: a paragraph's sentences share one
        return bisect.bisect_right(breaks, pos)

    counting: dict[int, FigureMention] = {}
    for f in figures:
        if f.claimant_text and f.claimant_mention_id:
            counting[line_of(f.start_char)] = f
    # ... or a quotation continues what its speaker, named just before, said
    quoted = quote_regions(body)
    for fig in figures:
        if fig.claimant_text:
            continue
        line_start = body.rfind("\n", 0, fig.start_char) + 1
        # inside quotation marks, or in a paragraph that opens one (a quote running over paragraphs
        # reopens the mark on each and closes it only on the last)
        in_quote = any(s <= fig.start_char < e for s, e in quoted) or body[line_start:fig.start_char].lstrip()[:1] in QUOTE_MARKS
        twin = attributed.get((fig.value_low, fig.value_high, fig.count_type))
        if twin is not None and twin is not fig:
            _copy_claimant(fig, twin.claimant_text, twin.claimant_mention_id, twin.outlet_text)
            continue
        k = bisect.bisect_right(starts, fig.start_char) - 1
        for j in range(k - 1, max(-1, k - 1 - CARRY_SENTENCES), -1):
            attr = spans[j].attribution
            if attr is not None and attr.claimant_text:
                if line_of(spans[j].start_char) not in counting and not in_quote:
                    break
                if not in_quote and fig.count_type not in PERSON_EVENT_TYPES and not _counts_people(fig.unit):
                    break  # "Hmeimim remains one of two strategic bases": a toll list counts people
                # only a claimant that is a known actor carries (as its line's figures resolved it): a
                # stray word ("stepped-up patrols") stays where the parser put it
                lead = counting.get(line_of(spans[j].start_char))
                if lead is not None:
                    _copy_claimant(fig, lead.claimant_text, lead.claimant_mention_id, lead.outlet_text)
                else:
                    mention = mention_at(attr.claimant_start, attr.claimant_end, mentions)
                    if mention is not None and (mention.actor_type != "state" or j == k - 1):
                        _copy_claimant(fig, mention.canonical_name, mention.mention_id, attr.outlet_text)
                break


def _counts_people(unit: str | None) -> bool:
    """A unit as written names people ("civilians", "others"), or there is none to say otherwise."""
    if not unit:
        return True
    word = unit.lower()
    return word in PERSON_UNITS or word.rstrip("s") in PERSON_UNITS or word in ("others", "other")


def _copy_claimant(fig: FigureMention, claimant: str | None, mention_id: str | None, outlet: str | None) -> None:
    fig.claimant_text, fig.claimant_mention_id = claimant, mention_id
    fig.outlet_text = fig.outlet_text or outlet
    fig.attribution_cue = "carried_over"


# --- 7. mentions ----------------------------------------------------------------------------

ROLE_REACH = 1500  # characters back a role noun ("the governor", "Commissioner") looks for its holder


def _role_holder(fig: FigureMention, span, mentions: list[EntityMention], body: str) -> EntityMention | None:
    """A claimant named only by a role ("Governor", "the mayor of Kramatorsk") is the person
    last introduced with that role word just before the name ("Donetsk Governor Pavlo Kyrylenko")."""
    words = (fig.claimant_text or "").lower().replace("-", " ").split()
    roles = [w for w in words if w in lx.ROLE_NOUNS]
    if not roles or not body:
        return None
    after = [m for m in mentions if m.actor_type == "person" and 0 <= m.start_char - span[1] <= 60
             and _APPOSITION_GAP.match(body[span[1]:m.start_char])]
    if after:  # "The Commissioner of Police, Damian Chukwu, said": the name in apposition
        return after[0]

    office = re.search(r"\bof (?:the )?([A-Z][\w-]*(?: [A-Za-z][\w-]*){0,3})", fig.claimant_text or "")

    def holds_role(m) -> bool:  # "Donetsk governor Pavlo Kyrylenko", "Damian Chukwu, the commissioner"
        before = body[max(0, m.start_char - 60):m.start_char].lower()
        after_text = body[m.end_char:m.end_char + 60].lower()
        if office and office.group(1).lower() in before[-40:]:
            return True  # "the governor of the Kherson region" ... "the head of the Kherson region, Oleksandr Prokudin"
        return any(r in before.split()[-4:] or f", {r}" in after_text[:20] or f", the {r}" in after_text[:30]
                   for r in roles)

    people = [m for m in mentions if m.actor_type == "person" and abs(span[0] - m.start_char) <= ROLE_REACH]
    earlier = [m for m in people if m.end_char <= span[0]]
    later = [m for m in people if m.start_char >= span[1]]  # a lead may name the role before the person
    return next((m for m in reversed(earlier) if holds_role(m)), None) or next((m for m in later if holds_role(m)), None)


# ", " in apposition, or a title's "of the X" right before the name ("Governor of the Donetsk region Pavel K.")
_APPOSITION_GAP = re.compile(r"^(?:(?:\s+(?:of|for|at|in)\s+[^,.;]{1,40})?\s*,\s*|\s+(?:of|for)\s+[^,.;]{1,40}\s+)$")


def _attach_mention(fig: FigureMention, span, mentions: list[EntityMention], body: str) -> None:
    """Claimant span (start, end, is_person) -> the actor mention it names, its id and canonical name."""
    if not mentions or span is None or span[0] is None:
        return
    best = mention_at(span[0], span[1], mentions) or _role_holder(fig, span, mentions, body)
    if best is None and span[2] and not (fig.claimant_text or "")[:1].islower():
        # "he said" resolved by the parser to a word no finder took for a person ("Kremenchuk"):
        # the person named last before the figure
        best = next((m for m in reversed(mentions) if m.actor_type == "person" and m.end_char <= fig.start_char
                     and fig.start_char - m.end_char <= ROLE_REACH), None)
    if best is not None:
        fig.claimant_mention_id = best.mention_id
        fig.claimant_text = best.canonical_name
