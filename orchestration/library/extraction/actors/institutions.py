"""Institutions named by their state or place ("the Israeli military", "Sudan's army"): candidates
whose canonical name, actor_type and affiliation come from the owner and the head noun."""
from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache, wraps

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.mention_spans import _Cand
from orchestration.library.extraction.actors.tables import _org_type
from orchestration.library.extraction.tokens import tokens

_INSTITUTION_HEAD_PHRASES = lx.MILITARY_HEADS | lx.GOVERNMENT_INSTITUTION_HEADS | lx.NAMED_INSTITUTION_HEADS
_INSTITUTION_LAST_WORDS = frozenset(w.split()[-1] for w in _INSTITUTION_HEAD_PHRASES)
# words that may stand between the owner and the head ("Sudan's health ministry")
_TIME_ADJECTIVES = frozenset({"new", "interim", "transitional", "former", "current", "then", "de", "facto", "local"})
_INSTITUTION_MODIFIERS = frozenset(w for phrase in _INSTITUTION_HEAD_PHRASES for w in phrase.split()) | {
    "state", "federal", "defense", "emergencies", "de", "facto",
}
_CONTROL_PARTICIPLES = frozenset({"run", "led", "backed", "controlled", "appointed", "allied", "aligned"})


def _owner_state(doc, i: int) -> tuple[int, int, str | None, str] | None:
    """The owner at token i: (start, end, state or None, name used in the canonical)."""
    toks = tokens(doc)
    for n in (2, 1):  # "South Sudanese", "Burkina Faso"
        if i - n + 1 < 0:
            continue
        text = " ".join(t.text for t in toks[i - n + 1:i + 1])
        capital = lx.METONYMS.get(text)
        state = lx.DEMONYMS.get(text) or lx.COUNTRIES.get(text) or (
            capital[0] if capital and capital[1] == "state" else None)  # "Kiev's forces"
        if state is not None:
            return i - n + 1, i + 1, state, lx.STATE_DEMONYM.get(state, text if text in lx.DEMONYMS else state)
    t = toks[i]
    if t.ent_type_ in ("NORP", "GPE") and t.text[:1].isupper() and t.is_alpha:
        start = i
        while start > 0 and toks[start - 1].ent_type_ == t.ent_type_ and toks[start - 1].ent_iob_ != "O" \
                and toks[start - 1].text[:1].isupper():
            start -= 1
        return start, i + 1, None, doc[start:i + 1].text
    return None


def _institution_candidates(doc) -> list[_Cand]:
    toks = tokens(doc)
    out = []
    for h in toks:
        low = h.lower_
        if low not in _INSTITUTION_LAST_WORDS or h.pos_ not in ("NOUN", "PROPN") or h.i == 0:
            continue
        j = h.i - 1  # walk left over modifiers to the owner
        while j >= 0 and h.i - j < 6 and (
            (toks[j].lower_ in _INSTITUTION_MODIFIERS and toks[j].lower_ != low)
            or (toks[j].lower_ in _CONTROL_PARTICIPLES and j >= 2 and toks[j - 1].text == "-")  # "Hamas-run"
        ):
            j -= 3 if toks[j].lower_ in _CONTROL_PARTICIPLES else 1
        if j >= 0 and toks[j].tag_ == "POS":  # "Sudan's army"
            j -= 1
        if j < 0:
            continue
        owner = _owner_state(doc, j)
        if owner is None:
            continue
        if h.i + 1 < len(doc) and toks[h.i + 1].pos_ == "PROPN" and toks[h.i + 1].text[:1].isupper():
            continue  # "the US agency Bloomberg", "Russian army General X": a name follows the description
        o_start, o_end, state, name = owner
        between = [t for t in toks[o_end:h.i] if t.tag_ != "POS"]
        controlled = [k for k, t in enumerate(between) if t.lower_ in _CONTROL_PARTICIPLES]
        if controlled:  # "Gaza's Hamas-run interior ministry": who runs it is not part of its name
            cut = controlled[-1] + 1
            between = between[cut:]
        if any(t.lower_ not in _INSTITUTION_MODIFIERS for t in between):
            continue
        phrase = " ".join([t.lower_ for t in between if t.lower_ not in _TIME_ADJECTIVES] + [low])
        if not any(phrase == head or phrase.endswith(" " + head) for head in _INSTITUTION_HEAD_PHRASES):
            continue  # "US defence officials": "defence" heads only "civil defence"
        if h.text[:1].isupper() and all(t.text[:1].isupper() for t in between) and state is None:
            continue  # "Gaza Health Ministry" as a proper name: the name finders take it
        if phrase in lx.MILITARY_HEADS or phrase.endswith(("armed forces", "government forces")) \
                or (low in ("forces", "troops") and "security" not in phrase):
            canonical, atype = (forces_of(state) if state else f"{name} Armed Forces"), "military_unit"
        elif phrase in lx.GOVERNMENT_INSTITUTION_HEADS and state is not None:
            canonical, atype = state, "state"  # "Syrian authorities", "Mali's transitional government"
        elif phrase in lx.GOVERNMENT_INSTITUTION_HEADS:
            canonical, atype = f"{name} {phrase.split()[-1]}", "government_body"  # "Hamas authorities"
        else:
            canonical = f"{name} {' '.join(w.capitalize() for w in phrase.split())}"
            atype = _org_type(canonical)
            if atype == "organization":
                atype = "government_body"
        affiliation = None if atype == "state" else state  # a state is not affiliated with itself
        out.append(_Cand(o_start, h.i + 1, "inst", inst=(canonical, atype, affiliation)))
    return out


def forces_of(state: str) -> str:
    """A state's armed forces by the name they go by: "Kenya Defence Forces", "Malian Armed Forces"."""
    return lx.NATIONAL_FORCES.get(state, f"{lx.STATE_DEMONYM.get(state, state)} Armed Forces")


@lru_cache(maxsize=1)
def _state_words() -> re.Pattern:
    words = {*lx.COUNTRIES, *(d for d in lx.DEMONYMS if d.isalpha() or " " in d)}
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)")


# The title of the article being extracted: the state a headline names is what the article is
# about as much as its body's mentions are. Set for the length of one stage (reads_article_title).
_TITLE: ContextVar[str] = ContextVar("article_title", default="")


def reads_article_title(stage):
    """A stage ``stage(doc, article, ...)`` that asks home_state, run with the article's title set:
    a build, the training scripts and the tests call the stages and get the same answers."""
    @wraps(stage)
    def run(doc, article, *args, **kwargs):
        token = _TITLE.set(article.title or "")
        try:
            return stage(doc, article, *args, **kwargs)
        finally:
            _TITLE.reset(token)
    return run


def home_state(text: str) -> str | None:
    """The one state an article is about: named (or by its demonym) at least twice, in its title
    or body, and more than twice as often as any other state. A bare "the army" in it is that
    state's army."""
    return _home_state(text, _TITLE.get())


@lru_cache(maxsize=4)  # the actor and citation stages ask it of the same article's text
def _home_state(text: str, title: str) -> str | None:
    counts: dict[str, int] = {}
    for m in _state_words().finditer(f"{title}\n{text}"):
        state = lx.DEMONYMS.get(m[1]) or lx.COUNTRIES.get(m[1]) or m[1]
        counts[state] = counts.get(state, 0) + 1
    ranked = sorted(counts.values(), reverse=True) + [0]
    if ranked[0] < 2 or ranked[0] <= 2 * ranked[1]:
        return None
    return max(counts, key=counts.get)
