"""Date expressions in an article body, resolved to calendar dates with a precision.

One regex scan of the body finds candidates ("March 11, 2025", "Between March 6 and 10",
"late last year", "on Thursday", "2025/03/17", "mid-December 2024", ...); the longest
non-overlapping ones win, adjacent ones joined by "to"/"-" ("from X to Y") become ranges, and a
preceding "since"/"until" opens one end. Candidates are then resolved in text order against the
article's anchors: the published date, else the article's own full dates.

Conventions for the resolved values:
- ``date_start``/``date_end`` bound the period the expression names: a day has start == end,
  "December 2024" is Dec 1..Dec 31, "late January 2025" is Jan 21..Jan 31 (precision ``range``);
  "since March 6" keeps only the start (resolution ``since``), "until ..." only the end.
- An expression that cannot be anchored ("on Thursday" in an undated article with no full date)
  is kept with no dates, precision ``unknown``, resolution ``unresolved``.
- Durations and frequencies ("the past ten days", "weekly", "years", "48 hours") are not dates
  and are never produced: the grammar below only knows calendar expressions.

spaCy's DATE entities are used where the surface form is ambiguous (is "2015" a year or a count?).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from calendar import monthrange
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput, DateMention
from orchestration.library.extraction.tokens import sentences

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------
_MONTH_NO = lx.MONTH_NUMBERS
_WEEKDAY_NO = lx.WEEKDAY_NUMBERS
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# early/mid/late and their spelled-out forms ("the end of 2024")
_MOD_CANON = {"early": "early", "beginning": "early", "start": "early", "mid": "mid",
              "middle": "mid", "late": "late", "end": "late"}

# Month names are case-sensitive (capitalised) so "may"/"march" as verbs never match;
# (?![A-Za-z]) keeps "Mayor" or "Marching" out.
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])")
_MON_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October|"
             r"November|December)(?![A-Za-z])")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:A-Za-z])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
_MOD = (r"(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)")
_NB = r"(?<![\w])"  # candidate must start at a word boundary

_P = {
    # "Tuesday, March 11", "March 11, 2025", "March 16", "Sept. 11th"
    "mdy": rf"{_NB}(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?(?P<m>{_MON})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?",
    # "20 December 2024", "the 6th of March", "Tuesday 11 March"
    "dmy": rf"{_NB}(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?",
    # "December 2024", "mid-December 2024", "the end of March 2025"
    "my": rf"{_NB}(?:(?P<mod>{_MOD})[\s-]+)?(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})",
    # bare month needs a cue: "in December", "earlier in March", "mid-December", "last June"
    "mon": (rf"{_NB}(?:(?P<mod>{_MOD})[\s-]+|(?P<rel>(?i:last|next|this))\s+|"
            r"(?i:in|since|until|till|by|from|during|through|throughout|before|after|of|"
            r"between|and|to|(?:earlier|later)\s+in)\s+)"
            rf"(?P<m>{_MON_FULL})"),
    # "2025/03/17", "2025-03-17"
    "iso": rf"(?<![\w/.-])(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/])",
    # "17/03/2025", "17.03.2025" (day first unless impossible)
    "num": rf"(?<![\w/.-])(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})(?![\d/])",
    # "2015", "early 2025", "the end of 2024"
    "y": rf"(?<![\w.,/:$€£#-])(?:(?P<mod>{_MOD})[\s-]+)?(?P<y>{_YEAR})(?![\w%])(?![.,]\d)",
    # "2011-2015", "2024/25", "between 2011 and 2015"
    "yy": (rf"(?<![\w.,/-])(?:(?P<pre>(?i:between|from))\s+)?(?P<y>{_YEAR})"
           rf"\s*(?:[-–—/]|\s+(?P<jw>(?i:and|to|until|through))\s+)(?P<y2>{_YEAR}|\d\d)(?![\w%/.-])"),
    # "the 1990s", "the late 1990s"
    "decade": rf"{_NB}(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<y>(?:1[89]|20)\d0)s(?![\w])",
    # "summer 2024", "the winter of 2022", "last spring"
    "season": (rf"{_NB}(?:(?:(?P<mod>(?i:early|late))[\s-]+)?(?P<s>(?i:spring|summer|autumn|fall|winter))"
               rf"(?:\s+of)?\s+(?P<y>{_YEAR})|(?P<rel>(?i:last|this|next|past))\s+(?P<s2>(?i:spring|summer|autumn|fall|winter))(?![\w]))"),
    # "Q1 2025", "the first half of 2024"
    "quarter": (rf"{_NB}(?:(?P<q>Q[1-4])\s+|(?:(?i:the)\s+)?(?P<qw>(?i:first|second|third|fourth|last))\s+"
                rf"(?P<unit>(?i:quarter|half))\s+of\s+)(?P<y>{_YEAR})"),
    # "on Thursday", "last Friday", "Sunday night" (plural "Fridays" is a habit, not a date)
    "weekday": rf"{_NB}(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<wd>{_WD})(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?",
    # "today", "yesterday", "last night"
    "relday": (r"(?<![\w])(?P<w>(?i:today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|"
               r"last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today))(?![\w'’])"),
    # "late last year", "earlier this month", "next week"
    "relperiod": (rf"{_NB}(?:(?P<mod>(?i:early|mid|late|earlier|later|(?:the\s+)?(?:end|beginning|start|middle)\s+of))[\s-]+)?"
                  r"(?P<rel>(?i:last|this|next|coming))\s+(?P<unit>(?i:week|weekend|month|year))(?![\w])"),
    # "two weeks ago" (from publication), "three days later" (from the previous date mentioned)
    "ago": (r"(?<![\w])(?P<n>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+"
            r"(?P<unit>(?i:day|week|month|year))s?\s+(?P<dir>(?i:ago|earlier|later))(?![\w])"),
    # "the next day", "the following week": relative to the date mentioned just before
    "anaphoric": (r"(?<![\w])(?P<w>(?i:the\s+(?:next|following|previous|same)\s+(?:day|week|month)|"
                  r"the\s+day\s+(?:before|after)|that\s+(?:same\s+)?day))(?![\w])"),
    # "Between March 6 and 10", "March 6-10, 2025", "from March 28 to April 2"
    "range_md": (rf"{_NB}(?:(?P<pre>(?i:between|from))\s+)?(?P<m>{_MON})\s+(?P<d>{_DAY})\s*"
                 rf"(?:(?P<j>[-–—])|\s+(?P<jw>(?i:and|to|until|till|through))\s+)\s*(?:(?P<m2>{_MON})\s+)?"
                 rf"(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"),
    # "6-10 March 2025", "between 6 and 10 March", "28 February to 3 March"
    "range_dm": (rf"{_NB}(?:(?P<pre>(?i:between|from))\s+)?(?P<d>{_DAY})(?:\s+(?:of\s+)?(?P<m>{_MON}))?\s*"
                 rf"(?:(?P<j>[-–—])|\s+(?P<jw>(?i:and|to|until|till|through))\s+)\s*(?P<d2>{_DAY})\s+(?:of\s+)?"
                 rf"(?P<m2>{_MON})(?:,?\s+(?P<y>{_YEAR}))?"),
}
_PATTERNS = [(kind, re.compile(p)) for kind, p in _P.items()]

# Words without which a pattern cannot match: a scan of the whole body costs far more than looking
# for them, and most articles name no season, quarter, decade or "two weeks ago". Capitalised words
# are looked for in the body (those patterns are case-sensitive there), the rest in its case-folded text.
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NEEDED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # kind -> (in the body, case-folded)
    "mdy": (_MONTH_STEMS, ()), "dmy": (_MONTH_STEMS, ()), "my": (_MONTH_STEMS, ()), "mon": (_MONTH_STEMS, ()),
    "range_md": (_MONTH_STEMS, ()), "range_dm": (_MONTH_STEMS, ()),
    "decade": (("0s",), ()),
    "season": ((), ("spring", "summer", "autumn", "fall", "winter")),
    "quarter": (("Q1", "Q2", "Q3", "Q4"), ("quarter", "half")),
    "weekday": (_WEEKDAYS, ()),
    "relday": ((), ("today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon", "evening")),
    "relperiod": ((), ("week", "month", "year")),
    "ago": ((), ("ago", "earlier", "later")),
    "anaphoric": ((), ("day", "week", "month")),
}
# every year-bearing pattern ("y", "yy", "iso", "num") needs a year from 1800 to 2099
_YEARISH = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_KINDS = frozenset({"y", "yy", "iso", "num"})


def _patterns_for(body: str) -> list[tuple[str, re.Pattern]]:
    """The patterns that can match somewhere in ``body``."""
    low = body.casefold()  # as the (?i:...) groups compare: "ſpring" is "spring"
    has_year = _YEARISH.search(body) is not None
    out = []
    for kind, rx in _PATTERNS:
        if kind in _YEAR_KINDS:
            if has_year:
                out.append((kind, rx))
            continue
        cased, lower = _NEEDED[kind]
        if any(w in body for w in cased) or any(w in low for w in lower):
            out.append((kind, rx))
    return out

# Joins two adjacent candidates into a range: "from December 2024 to February 2025".
_JOINER = re.compile(r"\s*(?:[-–—]|(?i:to|until|till|through|and))\s*")
_RANGE_PREFIX = re.compile(r"(?i:\b(between|from)\s+)$")
_OPEN_PREFIX = re.compile(r"(?i:\b(since|until|till)\s+)$")
_PREV_WORD = re.compile(r"([A-Za-z©.]+)\W*$")
# A bare four-digit number after these words is a year; after those in _NOT_YEAR_WORDS it is an id.
_YEAR_CUES = {"in", "since", "by", "until", "till", "from", "during", "of", "before", "after",
              "between", "and", "to", "through", "year", "around", "circa", "early", "late", "mid",
              "summer", "winter", "spring", "autumn", "fall", "throughout"}
_NOT_YEAR_WORDS = {"resolution", "no.", "no", "number", "article", "section", "unit", "flight",
                   "route", "decree", "law", "page", "p.", "pp.", "vol.", "issue", "chapter",
                   "item", "code", "model", "paragraph", "©", "copyright"}
_FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
                  "winter": (12, 2)}


# ---------------------------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------------------------
@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    g: dict = field(default_factory=dict)  # parsed fields (y, m, d, wd, mod, rel, ...)
    parts: tuple = ()  # (first, second) sub-candidates of a range
    wrap: str | None = None  # since / until

    @property
    def explicit_year(self) -> bool:
        return self.g.get("y") is not None


def _month(text: str) -> int:
    return _MONTH_NO[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _canon_mod(text: str | None) -> str | None:
    if not text:
        return None
    words = text.lower().replace("-", " ").split()
    return _MOD_CANON.get(words[1] if words[0] == "the" else words[0], words[0])


def _parse(kind: str, m: re.Match) -> _Cand | None:
    """Turn one regex match into a candidate, or None when the match is not a date after all."""
    gd = m.groupdict()
    y = int(gd["y"]) if gd.get("y") else None
    s, e = m.start(), m.end()
    if kind in ("mdy", "dmy"):
        g = {"y": y, "m": _month(gd["m"]), "d": _day(gd["d"]),
             "wd": _WEEKDAY_NO[gd["wd"].lower()] if gd.get("wd") else None}
        return _Cand(s, e, "ymd", g) if _valid(g) else None
    if kind == "iso":
        g = {"y": y, "m": int(gd["m"]), "d": int(gd["d"])}
        return _Cand(s, e, "ymd", g) if _valid(g) else None
    if kind == "num":
        a, b = int(gd["a"]), int(gd["b"])
        d, mo = (b, a) if a <= 12 < b else (a, b)  # day first, unless only month-first is possible
        g = {"y": y, "m": mo, "d": d}
        return _Cand(s, e, "ymd", g) if _valid(g) else None
    if kind == "my":
        return _Cand(s, e, "ym", {"y": y, "m": _month(gd["m"]), "mod": _canon_mod(gd.get("mod"))})
    if kind == "mon":
        mod, rel = _canon_mod(gd.get("mod")), (gd.get("rel") or "").lower() or None
        start = s if (mod or rel) else m.start("m")  # "in December" -> surface "December"
        return _Cand(start, e, "ym", {"y": None, "m": _month(gd["m"]), "mod": mod, "rel": rel})
    if kind == "y":
        return _Cand(s, e, "y", {"y": y, "mod": _canon_mod(gd.get("mod"))})
    if kind == "yy":
        y2 = int(gd["y2"]) if len(gd["y2"]) == 4 else (y // 100) * 100 + int(gd["y2"])
        jw = (gd.get("jw") or "").lower()
        if y2 <= y or (jw == "and" and not gd.get("pre")):
            return None
        return _Cand(s, e, "range", parts=(_Cand(s, e, "y", {"y": y}), _Cand(s, e, "y", {"y": y2})))
    if kind == "decade":
        return _Cand(s, e, "decade", {"y": y, "mod": _canon_mod(gd.get("mod"))})
    if kind == "season":
        season = (gd.get("s") or gd.get("s2")).lower()
        rel = (gd.get("rel") or "").lower() or None
        return _Cand(s, e, "season", {"y": y, "season": season, "mod": _canon_mod(gd.get("mod")),
                                      "rel": "last" if rel == "past" else rel})
    if kind == "quarter":
        if gd.get("q"):
            q, unit = int(gd["q"][1]), "quarter"
        else:
            unit = gd["unit"].lower()
            words = ["first", "second", "third", "fourth"]
            qw = gd["qw"].lower()
            q = (4 if unit == "quarter" else 2) if qw == "last" else words.index(qw) + 1
            if unit == "half" and q > 2:
                return None
        return _Cand(s, e, "quarter", {"y": y, "q": q, "unit": unit})
    if kind == "weekday":
        rel = (gd.get("rel") or "").lower() or None
        return _Cand(s, e, "weekday", {"wd": _WEEKDAY_NO[gd["wd"].lower()],
                                       "rel": "last" if rel == "past" else ("next" if rel == "coming" else rel)})
    if kind == "relday":
        w = " ".join(gd["w"].lower().split())
        offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "last night": -1}.get(w, 0)
        return _Cand(s, e, "relday", {"offset": offset})
    if kind == "relperiod":
        rel = gd["rel"].lower()
        shift = {"last": -1, "this": 0, "next": 1, "coming": 1}[rel]
        mod = gd.get("mod")
        mod = None if not mod or mod.lower() in ("earlier", "later") else _canon_mod(mod)
        unit = gd["unit"].lower()
        return _Cand(s, e, "relperiod", {"unit": "week" if unit == "weekend" else unit, "shift": shift, "mod": mod})
    if kind == "ago":
        n = gd["n"].lower()
        n = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        direction = gd["dir"].lower()
        return _Cand(s, e, "ago", {"n": n if direction == "later" else -n, "unit": gd["unit"].lower(),
                                   "from_prev": direction != "ago"})
    if kind == "anaphoric":
        w = " ".join(gd["w"].lower().split())
        unit = "week" if "week" in w else "month" if "month" in w else "day"
        n = 1 if ("next" in w or "following" in w or "after" in w) else -1 if ("previous" in w or "before" in w) else 0
        return _Cand(s, e, "ago", {"n": n, "unit": unit, "from_prev": True})
    if kind in ("range_md", "range_dm"):
        return _parse_day_range(m, gd)
    return None


def _parse_day_range(m: re.Match, gd: dict) -> _Cand | None:
    """'Between March 6 and 10' / '6-10 March 2025': both ends share the missing month/year."""
    jw = (gd.get("jw") or "").lower()
    if jw == "and" and not gd.get("pre"):
        return None  # "on March 6 and 10": two days, not a range
    y = int(gd["y"]) if gd.get("y") else None
    m1 = _month(gd["m"]) if gd.get("m") else _month(gd["m2"])
    m2 = _month(gd["m2"]) if gd.get("m2") else m1
    d1, d2 = _day(gd["d"]), _day(gd["d2"])
    if m1 == m2 and d2 <= d1:
        return None
    a, b = {"y": y, "m": m1, "d": d1, "wd": None}, {"y": y, "m": m2, "d": d2, "wd": None}
    if not (_valid(a) and _valid(b)):
        return None
    s, e = m.start(), m.end()
    return _Cand(s, e, "range", parts=(_Cand(s, e, "ymd", a), _Cand(s, e, "ymd", b)))


def _valid(g: dict) -> bool:
    try:
        date(g["y"] or 2000, g["m"], g["d"])  # 2000 is a leap year: "February 29" stays valid
        return True
    except ValueError:
        return False


def _year_is_date(doc, body: str, start: int) -> bool:
    """Is a bare four-digit number a year? Cue words and spaCy's entity label decide."""
    prev = _PREV_WORD.search(body, max(0, start - 40), start)
    prev_word = prev.group(1).lower() if prev else ""
    line = body[body.rfind("\n", 0, start) + 1:start].lower()
    if prev_word in _NOT_YEAR_WORDS or "©" in line or "copyright" in line:
        return False
    if prev_word in _YEAR_CUES or doc is None:
        return True
    span = doc.char_span(start, start + 4, alignment_mode="expand")
    if span is None or not len(span):
        return True
    tok = span[0]
    if tok.ent_type_ == "DATE":
        return True
    if tok.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
    return not (nxt is not None and nxt.tag_ in ("NNS", "NNPS"))  # "2000 troops" is a count


def _scan(doc, body: str) -> list[_Cand]:
    """All regex candidates, then the longest non-overlapping ones, in text order."""
    found: list[_Cand] = []
    for kind, rx in _patterns_for(body):
        for m in rx.finditer(body):
            c = _parse(kind, m)
            if c is None:
                continue
            if kind == "y" and not c.g["mod"] and not _year_is_date(doc, body, c.start):
                continue
            found.append(c)
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Cand] = []
    for c in found:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return _wrap_open_ends(body, _join_ranges(body, taken))


def _join_ranges(body: str, cands: list[_Cand]) -> list[_Cand]:
    """'from December 2024 to February 2025', 'between 2011 and 2015' -> one range candidate."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None and a.kind not in ("range", "relday", "ago") and b.kind not in ("range", "relday", "ago"):
            gap = body[a.end:b.start]
            pre = _RANGE_PREFIX.search(body, max(0, a.start - 12), a.start)
            if _JOINER.fullmatch(gap) and ("and" not in gap.lower() or (pre and pre.group(1).lower() == "between")):
                start = pre.start() if pre else a.start
                out.append(_Cand(start, b.end, "range", parts=(a, b)))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _wrap_open_ends(body: str, cands: list[_Cand]) -> list[_Cand]:
    """'since March 6' / 'until June 2025': the cue word joins the surface and opens one end."""
    for c in cands:
        if c.kind == "range":
            continue
        m = _OPEN_PREFIX.search(body, max(0, c.start - 8), c.start)
        if m:
            c.wrap = "until" if m.group(1).lower() == "till" else m.group(1).lower()
            c.start = m.start()
    return cands


# ---------------------------------------------------------------------------------------------
# Resolution
# ---------------------------------------------------------------------------------------------
_Resolved = tuple  # (date_start, date_end, precision, resolution)
_UNRESOLVED: _Resolved = (None, None, "unknown", "unresolved")


def _month_end(y: int, m: int) -> date:
    return date(y, m, monthrange(y, m)[1])


def _sub_month(y: int, m: int, mod: str | None) -> tuple[date, date]:
    """early = days 1-10, mid = 11-20, late = 21-end."""
    if mod == "early":
        return date(y, m, 1), date(y, m, 10)
    if mod == "mid":
        return date(y, m, 11), date(y, m, 20)
    if mod == "late":
        return date(y, m, 21), _month_end(y, m)
    return date(y, m, 1), _month_end(y, m)


def _sub_year(y: int, mod: str | None) -> tuple[date, date]:
    """early = Jan-Apr, mid = May-Aug, late = Sep-Dec."""
    bounds = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(mod, (1, 12))
    return date(y, bounds[0], 1), _month_end(y, bounds[1])


def _shift_months(d: date, n: int) -> date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, monthrange(y, m + 1)[1]))


REFERENCE_SLACK_DAYS = 31


class _Context:
    """Anchors for incomplete dates: the published date, else the article's own full dates."""

    def __init__(self, article: ArticleInput, cands: list[_Cand]):
        self.published = article.published_date
        self.reference = article.reference_date
        full: list[tuple[int, date]] = []
        years: Counter = Counter()
        for c in cands:
            for p in (c.parts or (c,)):
                if p.explicit_year:
                    years[p.g["y"]] += 1
                    if p.kind == "ymd":
                        full.append((c.start, date(p.g["y"], p.g["m"], p.g["d"])))
        self.full_pos = [pos for pos, _ in full]
        self.full = [d for _, d in full]
        self.common_year = years.most_common(1)[0][0] if years else None
        self.latest = max(self.full) if self.full else None
        self.prev: date | None = None  # last resolved date, for "the next day"

    def day_anchor(self, pos: int) -> date | None:
        """Published date, else the latest full date written before ``pos``, else the reference date."""
        if self.published:
            return self.published
        i = bisect_right(self.full_pos, pos) - 1
        return self.full[i] if i >= 0 else self.reference

    def only_reference(self, pos: int) -> bool:
        """Whether the anchor at ``pos`` is the reference date: a guess at when an undated article
        was written, not a date it gives. News reports what has happened, so a month or a day with
        no year is then read as the latest one not after it (REFERENCE_SLACK_DAYS allowed: the
        article may postdate its captions by days)."""
        return not self.published and bisect_right(self.full_pos, pos) == 0 and self.reference is not None

    def ref(self) -> tuple[date | None, str]:
        """Reference 'now' for relative expressions."""
        if self.published:
            return self.published, "relative_published"
        if self.latest is None and self.reference is not None:
            return self.reference, "relative_reference"
        return self.latest, "relative_inferred"


def _resolve(c: _Cand, ctx: _Context, doc) -> _Resolved:
    if c.kind == "range":
        r = _resolve_range(c, ctx, doc)
    else:
        r = _RESOLVERS[c.kind](c, ctx, doc)
    if c.wrap and r[0] is not None:
        r = (r[0], None, r[2], "since") if c.wrap == "since" else (None, r[1], r[2], "until")
    return r


def _resolve_ymd(c: _Cand, ctx: _Context, doc) -> _Resolved:
    g = c.g
    if g["y"] is not None:
        d = date(g["y"], g["m"], g["d"])
        return d, d, "day", "absolute"
    y = _infer_day_year(g["m"], g["d"], g.get("wd"), c.start, ctx)
    if y is None:
        return _UNRESOLVED
    d = date(y, g["m"], g["d"])
    return d, d, "day", "year_inferred"


def _infer_day_year(m: int, d: int, wd: int | None, pos: int, ctx: _Context) -> int | None:
    """The year that puts month/day nearest the anchor (a named weekday must match if it can)."""
    anchor = ctx.day_anchor(pos)
    if anchor is None:
        return ctx.common_year
    if ctx.only_reference(pos) and wd is None:
        latest = anchor + timedelta(days=REFERENCE_SLACK_DAYS)
        return latest.year if (m, d) <= (latest.month, latest.day) else latest.year - 1
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(y, m, d))
        except ValueError:
            continue
    if wd is not None and any(o.weekday() == wd for o in options):
        options = [o for o in options if o.weekday() == wd]
    return min(options, key=lambda o: abs((o - anchor).days)).year if options else None


def _resolve_ym(c: _Cand, ctx: _Context, doc) -> _Resolved:
    g = c.g
    y, resolution = g["y"], "absolute"
    if y is None:
        y, resolution = _infer_month_year(g["m"], g.get("rel"), c.start, ctx)
        if y is None:
            return _UNRESOLVED
    start, end = _sub_month(y, g["m"], g.get("mod"))
    return start, end, "range" if g.get("mod") else "month", resolution


def _infer_month_year(m: int, rel: str | None, pos: int, ctx: _Context) -> tuple[int | None, str]:
    """'in December': the published year, or the year before if December is still to come."""
    if ctx.published:
        p = ctx.published
        if rel == "next":
            return (p.year if m > p.month else p.year + 1), "relative_published"
        if rel == "last":
            return (p.year if m < p.month else p.year - 1), "relative_published"
        return (p.year if m <= p.month else p.year - 1), "year_inferred"
    anchor = ctx.day_anchor(pos)
    if anchor is not None and ctx.only_reference(pos):
        latest = anchor + timedelta(days=REFERENCE_SLACK_DAYS)
        return (latest.year if m <= latest.month else latest.year - 1), "year_inferred"
    if anchor is not None:  # nearest month to the article's own previous full date
        best = min((anchor.year - 1, anchor.year, anchor.year + 1),
                   key=lambda y: abs((y * 12 + m) - (anchor.year * 12 + anchor.month)))
        return best, "year_inferred"
    return ctx.common_year, "year_inferred"


def _resolve_y(c: _Cand, ctx: _Context, doc) -> _Resolved:
    start, end = _sub_year(c.g["y"], c.g.get("mod"))
    return start, end, "range" if c.g.get("mod") else "year", "absolute"


def _resolve_decade(c: _Cand, ctx: _Context, doc) -> _Resolved:
    y = c.g["y"]
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(c.g.get("mod"), (0, 9))
    return date(y + first, 1, 1), date(y + last, 12, 31), "range", "absolute"


def _resolve_season(c: _Cand, ctx: _Context, doc) -> _Resolved:
    g = c.g
    first, last = _SEASON_MONTHS[g["season"]]
    resolution = "absolute"
    y = g["y"]
    if y is None:  # "last summer": the latest such season that ended before the reference date
        ref, resolution = ctx.ref()
        if ref is None:
            return _UNRESOLVED
        y = ref.year
        shift = {"last": -1, "next": 1}.get(g.get("rel"), 0)
        if shift == -1 and _month_end(y + (1 if first > last else 0), last) >= ref:
            y -= 1
        elif shift == 1 and date(y, first, 1) <= ref:
            y += 1
    start, end = date(y, first, 1), _month_end(y + (1 if first > last else 0), last)
    if g.get("mod") == "early":
        end = _month_end(start.year, start.month)
    elif g.get("mod") == "late":
        start = date(end.year, end.month, 1)
    return start, end, "season", resolution


def _resolve_quarter(c: _Cand, ctx: _Context, doc) -> _Resolved:
    g = c.g
    span = 3 if g["unit"] == "quarter" else 6
    first = (g["q"] - 1) * span + 1
    return date(g["y"], first, 1), _month_end(g["y"], first + span - 1), "range", "absolute"


def _resolve_weekday(c: _Cand, ctx: _Context, doc) -> _Resolved:
    """The latest such weekday on/before the reference date (after it for 'next' or a future verb)."""
    ref = ctx.published or ctx.latest
    if ref is None:
        return _UNRESOLVED
    wd, rel = c.g["wd"], c.g.get("rel")
    future = rel == "next" or (rel is None and _governed_by_future(doc, c.start, c.end))
    if future:
        delta = (wd - ref.weekday()) % 7 or (7 if rel == "next" else 0)
        d = ref + timedelta(days=delta)
    else:
        delta = (ref.weekday() - wd) % 7
        if rel == "last" and delta == 0:
            delta = 7
        d = ref - timedelta(days=delta)
    return d, d, "day", "relative_weekday"


def _governed_by_future(doc, start: int, end: int) -> bool:
    """'will meet on Thursday': the verb governing the date has a future auxiliary."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return any(ch.lower_ in _FUTURE_AUX for ch in tok.children if ch.dep_ == "aux")
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _resolve_relday(c: _Cand, ctx: _Context, doc) -> _Resolved:
    ref, resolution = ctx.ref()
    if ref is None:
        return _UNRESOLVED
    d = ref + timedelta(days=c.g["offset"])
    return d, d, "day", resolution


def _period(d: date, unit: str) -> tuple[date, date]:
    """The calendar week (Mon-Sun), month or year containing d; a day for 'day'."""
    if unit == "week":
        start = d - timedelta(days=d.weekday())
        return start, start + timedelta(days=6)
    if unit == "month":
        return date(d.year, d.month, 1), _month_end(d.year, d.month)
    if unit == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return d, d


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _shift_months(d, n)
    return _shift_months(d, 12 * n)


def _resolve_relperiod(c: _Cand, ctx: _Context, doc) -> _Resolved:
    ref, resolution = ctx.ref()
    if ref is None:
        return _UNRESOLVED
    unit, mod = c.g["unit"], c.g.get("mod")
    anchor = _shift(ref, unit, c.g["shift"])
    if unit == "year" and mod:
        start, end = _sub_year(anchor.year, mod)
        return start, end, "range", resolution
    if unit == "month" and mod:
        start, end = _sub_month(anchor.year, anchor.month, mod)
        return start, end, "range", resolution
    start, end = _period(anchor, unit)
    return start, end, unit, resolution


def _resolve_ago(c: _Cand, ctx: _Context, doc) -> _Resolved:
    """'two weeks ago' counts from publication; 'three days later' from the previous date."""
    if c.g["from_prev"]:
        ref, resolution = ctx.prev, "relative_previous"
    else:
        ref, resolution = ctx.ref()
    if ref is None:
        return _UNRESOLVED
    unit = c.g["unit"]
    d = _shift(ref, unit, c.g["n"])
    start, end = (d, d) if unit == "day" else _period(d, unit)
    return start, end, unit, resolution


def _resolve_range(c: _Cand, ctx: _Context, doc) -> _Resolved:
    a, b = c.parts
    # a shared year written once ("March 6-10, 2025", "December 2024 to February") applies to both
    if a.kind in ("ymd", "ym") and b.kind in ("ymd", "ym") and a.g["y"] is None and b.explicit_year:
        a = _Cand(a.start, a.end, a.kind, {**a.g, "y": b.g["y"] - (1 if a.g["m"] > b.g["m"] else 0)})
    ra, rb = _resolve(a, ctx, doc), _resolve(b, ctx, doc)
    start, end = ra[0], rb[1]
    if start is None or end is None:
        return _UNRESOLVED
    if end < start and not b.explicit_year:  # "December 28 to January 3" crosses a year
        end = _shift_months(end, 12)
    if end < start:
        return _UNRESOLVED
    resolution = next((r[3] for r in (ra, rb) if r[3] != "absolute"), "absolute")
    return start, end, "range", resolution


_RESOLVERS = {
    "ymd": _resolve_ymd, "ym": _resolve_ym, "y": _resolve_y, "decade": _resolve_decade,
    "season": _resolve_season, "quarter": _resolve_quarter, "weekday": _resolve_weekday,
    "relday": _resolve_relday, "relperiod": _resolve_relperiod, "ago": _resolve_ago,
}


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------
def sentence_index(doc):
    """Function char offset -> 0-based sentence number (same numbering as pipeline.split_sentences)."""
    starts = [s.start_char for s in sentences(doc)]
    return lambda pos: max(0, bisect_right(starts, pos) - 1)


def find_absolute_dates(text: str) -> list[tuple[int, int, date, date, str]]:
    """Dates written in full in a short text (a footnote, a reference): (start, end, first, last, precision).

    No parse and no anchors: expressions that need the article's context are left out.
    """
    cands = _scan(None, text)
    ctx = _Context(ArticleInput("", text), cands)
    out = []
    for c in cands:
        first, last, precision, resolution = _resolve(c, ctx, None)
        if resolution == "absolute" and first is not None:
            out.append((c.start, c.end, first, last, precision))
    return out


def extract_dates(doc, article: ArticleInput) -> list[DateMention]:
    body = article.body
    cands = _scan(doc, body)
    ctx = _Context(article, cands)
    sent_no = sentence_index(doc)
    out: list[DateMention] = []
    for c in cands:
        start_d, end_d, precision, resolution = _resolve(c, ctx, doc)
        if precision == "day" and start_d is not None:
            ctx.prev = start_d  # "the next day" counts from the last single day mentioned
        out.append(DateMention(
            date_id=stable_id(article.article_id, "date", c.start, c.end),
            article_id=article.article_id,
            sentence_no=sent_no(c.start),
            start_char=c.start,
            end_char=c.end,
            surface_text=body[c.start:c.end],
            date_start=start_d,
            date_end=end_d,
            precision=precision,
            resolution=resolution,
        ))
    return out
