"""Places vs agents: whether a state or capital name is used as an actor or as a location, datelines,
names used as places, name modifiers, and page furniture that names nobody."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.keys import actor_key
from orchestration.library.extraction.actors.name_tokens import _INITIAL, _climb_conj, _lemma
from orchestration.library.extraction.tokens import tokens

if TYPE_CHECKING:  # annotations only: importing it at run time would be circular
    from orchestration.library.extraction.actors.tables import _Tables


def _is_motion(tok) -> bool:
    return _lemma(tok) in lx.MOTION_WORDS or tok.lower_ in lx.MOTION_WORDS


def _is_agent(tok, state: bool) -> bool:
    """Whether a state/capital name is used as an actor here, from its syntactic role."""
    tok = _climb_conj(tok)
    dep, head = tok.dep_, tok.head
    hl = _lemma(head)
    if dep in ("nsubj", "nsubjpass", "csubj", "agent"):
        return True
    if dep == "poss":  # "Russia's stance" yes, "Syria's coastal region", "Iraq's streets" no
        if hl in lx.GEO_POSSESSED or head.lower_ in lx.GEO_POSSESSED or hl in lx.PLACE_NOUNS:
            return False
        return not _is_place_name(head)  # "the capital of Russia's Republic of Chechnya"
    if dep in ("compound", "amod", "nmod"):  # "Kremlin spokesperson", "the Damascus government"
        return hl in lx.GOVERNMENT_HEADS or head.lower_ in lx.ROLE_NOUNS
    if dep in ("dobj", "dative", "iobj"):  # "urging Damascus to ensure", "Russia invaded Ukraine"
        verbs = lx.ADDRESSEE_VERBS | (lx.STATE_TARGET_VERBS if state else frozenset())
        if hl in verbs:
            return True
        # "its forces entered Somalia to combat al-Shabab": the place a move goes to, whatever follows
        return not _is_motion(head) and any(c.dep_ in ("xcomp", "ccomp") for c in head.children)
    if dep == "pobj":
        prep = head.lower_
        if _lemma(head.head) in lx.PLACE_NOUNS:  # "the border with Cameroon", "the crossing to Egypt"
            return False
        if prep in lx.PARTY_PREPS:  # "relations with Moscow", "drafted by Russia"
            return True
        if prep == "from" and _lemma(head.head) in _people_nouns():  # "a migrant from Ecuador": origin
            return False
        if prep in ("to", "from", "for", "toward", "towards"):  # "support to" yes, "flights to" no
            return not _is_motion(head.head)
        return False
    if dep == "appos" and head is not tok:
        if _is_place_name(head):  # "Bavispe, Mexico": the state says where the town is
            return False
        return _is_agent(head, state)
    return False


def _is_place_name(tok) -> bool:
    """A proper name used as a place: tagged GPE, LOC or FAC, or standing after a locative
    preposition or "the capital of" ("Republic of Chechnya" comes tagged ORG)."""
    if tok.pos_ != "PROPN":
        return False
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    prep = tok.head
    return tok.dep_ == "pobj" and (
        prep.lower_ in lx.LOCATIVE_PREPS or (prep.lower_ == "of" and _lemma(prep.head) in lx.PLACE_NOUNS))


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Nouns for people ("migrants", "foreigners"): "from X" after them says where they come from."""
    from orchestration.library.extraction.figures.vocabulary import PERSON_UNITS  # figures import actors

    return frozenset(PERSON_UNITS)


def _is_dateline(doc, i: int) -> bool:
    """ "Damascus, Syria –", "GOMA, Democratic Republic of the Congo, Jan. 30 (Al Jazeera) -":
    place names opening a paragraph before a dash."""
    toks = tokens(doc)
    start = i
    while start > 0 and not (toks[start - 1].is_space and "\n" in toks[start - 1].text):
        start -= 1
        if i - start > 12:
            return False
    if _caps_dateline(toks, start, i):
        return True
    for t in toks[start:start + 24]:
        if t.text in ("–", "—", "-", "--") and t.i > i and (toks[t.i - 1].whitespace_ or toks[t.i - 1].text == ")"):
            return True  # not "al-Sharaa"; "(AP)—" counts
        if not (
            t.pos_ in ("PROPN", "NUM") or t.text in (",", "(", ")", ".") or t.is_space
            or t.ent_type_ in ("DATE", "GPE", "ORG", "LOC") or t.lower_ in ("of", "the")
        ):
            return False
    return False


def _caps_dateline(toks, start: int, i: int) -> bool:
    """ "KHAN YOUNIS, Gaza, Palestine (AP)", "KABUL, Afghanistan": a capitalised place opening a line,
    then a comma and a Title-case place or a month, or a parenthesis."""
    k = start
    while k < len(toks) and k - start < 4 and toks[k].is_alpha and toks[k].is_upper and len(toks[k].text) > 1:
        k += 1
    if k == start or i >= k or k + 1 >= len(toks):
        return False
    if toks[k].text == "(":
        return True
    nxt = toks[k + 1]
    return toks[k].text == "," and nxt.text[:1].isupper() and not nxt.is_upper


def _is_place_use(span, tables: _Tables) -> bool:
    """A name used as a location here or elsewhere in the article ("at Hmeimin", "X province")."""
    if actor_key(span.text) in tables.place_keys:
        return True
    root = span.root
    tok = _climb_conj(root)
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in lx.LOCATIVE_PREPS:
            return True
        if prep.lower_ in ("to", "from", "for") and _is_motion(prep.head):
            return True
        if prep.lower_ == "of" and _lemma(prep.head) in lx.PLACE_NOUNS:
            return True
    if root.dep_ == "compound" and _lemma(root.head) in lx.PLACE_NOUNS:
        return True
    head = root.head
    if root.dep_ == "poss" and head.pos_ == "PROPN" and head is not root:
        if _is_place_use(head.doc[head.i:head.i + 1], tables):
            return True  # "in Cox's Bazar"
    for c in root.children:  # "al-Khadim, a base in Libya"; "al-Daliah in the countryside of"
        if c.dep_ == "appos" and _lemma(c) in lx.PLACE_NOUNS:
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "near"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if any(_lemma(g) in lx.PLACE_NOUNS or g.ent_type_ in ("GPE", "LOC") for g in objs):
                return True
    return False


# Heads that keep a name modifier an actor: "Assad regime", "Sharaa government", "Dagalo loyalists".
_ACTOR_MODIFIED_HEADS = lx.GOVERNMENT_HEADS | {"loyalists", "supporters", "allies", "family", "clan", "camp", "men"}


def _is_modifier(span) -> bool:
    """A one-word name modifying a common noun: "Alawite civilians", "Hama military brigade"."""
    tok = _climb_conj(span.root)
    head = tok.head
    return (
        tok.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and not head.text[:1].isupper()
        and _lemma(head) not in _ACTOR_MODIFIED_HEADS and head.lower_ not in _ACTOR_MODIFIED_HEADS
    )


# Verbs news headlines are made of. Inflected ("Killed", "Attacks", "Condemns"), one in a Title Case run
# makes it a headline ("Several Injured by Terrorists", "People Killed Monday - Rights Group"), not a
# name: names hold such verbs bare or not at all ("Attack Helicopter Battalion").
@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    # the figures' event vocabulary, read when first needed: figures imports this package
    from orchestration.library.extraction.figures.vocabulary import EVENT_LEXICON

    return frozenset(lemma for lemma in (*EVENT_LEXICON, *lx.SAYING_VERBS, "attack", "need", "urge", "storm",
                                         "protest", "rise", "condemn", "strike", "seize", "bomb", "shell", "target")
                     if lemma.isalpha() and not lemma.endswith(("ed", "ing", "tion", "ment", "ity", "ty")))


# verbs whose "-s" form is never a noun in a name ("Attacks" is; "Refugees", "States", "Reports" are names' nouns)
_VERB_ONLY_S = frozenset({"kill", "attack", "condemn", "urge", "need", "injure", "wound", "die", "storm", "protest",
                          "say", "warn", "slay", "flee"})


def _headline_verb(word: str) -> bool:
    """ "Killed", "Arrested", "Attacks", "Condemns": a verb's past or third-person form."""
    w = word.lower()
    if w in ("fled", "struck", "slain"):
        return True
    if w.endswith("s") and (w[:-1] in _VERB_ONLY_S or w[:-2] in _VERB_ONLY_S):
        return True
    return w.endswith("ed") and len(w) > 4 and (w[:-1] in _headline_verbs() or w[:-2] in _headline_verbs()
                                                or w[:-3] in _headline_verbs())


# a lowercase word run into a capitalised one: two lines of page furniture that lost their break
# ("agoInside", "articleHow"); brand names of this shape have a shorter head ("iPhone", "eBay")
_GLUED = re.compile(r"^[a-z]{3,}[A-Z][a-z]")


def _names_a_territory(span) -> bool:
    """ "Yigi Subdistrict", "Donetsk Oblast", "Barkin-Ladi Local Government Areas of Plateau": a
    name ending in a unit of local administration, or holding "Local Government Area", is a place.
    A name with an organisation's word in it ("District Reserve Guard", "Islamic State West Africa
    Province", "Borno State Emergency Management Agency") is not."""
    words = [t.lower_ for t in span if not t.is_punct]
    if len(words) < 2:
        return False
    lga = any(tuple(w.rstrip("s") for w in words[i:i + 3]) == lx.LOCAL_GOVERNMENT_AREA for i in range(len(words) - 2))
    rest = [w for w in words if w not in lx.LOCAL_GOVERNMENT_AREA] if lga else words[:-1]
    if any(w in lx.ORG_HEAD_WORDS or w in ("islamic", "state") for w in rest):
        return False
    return lga or words[-1] in lx.TERRITORIAL_UNITS


def _is_junk(span) -> bool:
    """Page furniture, credit lines, shouted words, headline fragments, product names."""
    words = [t for t in span if not t.is_punct]
    if not words:
        return True
    lower = [t.lower_ for t in words]
    if any(w in lx.NON_ACTOR_WORDS for w in lower) and not (len(words) >= 2 and lower[-1] in lx.ORG_HEAD_WORDS):
        return True
    if len(words) >= 2 and any(
            _headline_verb(t.text) and not (t.i > 0 and t.doc[t.i - 1].lower_ == "the") for t in words):
        return True  # "the Disappeared" names people, not a happening
    if all(_INITIAL.match(t.text) or len(t.text) == 1 for t in words):  # "F.", "S."
        return True
    if any(_GLUED.match(t.text) for t in words):  # "2h agoInside the camp", "Next articleHow": lines run together
        return True
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and re.search(r"[A-Za-z]+-?\d", nxt.text):  # "Antonov AN-124", "Ilyushin IL-76"
        return True
    if len(words) == 1 and words[0].is_upper and len(words[0].text) > 1:
        prev = doc[span.start - 1] if span.start > 0 else None
        shouted = [x for x in (prev, nxt) if x is not None and x.is_alpha and x.is_upper and len(x.text) > 1]
        if shouted:  # "OMAR HAJ KADOUR": a name in capitals, not an acronym
            return True
    return False
