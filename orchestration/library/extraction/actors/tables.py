"""Stage 3, article tables: full person names (for surname-only mentions), "(ACRONYM)" and "(alias)"
definitions, names used as places, organisation types; and the extra candidates the tables yield."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.gazetteer import is_known_town
from orchestration.library.extraction.actors.keys import actor_key
from orchestration.library.extraction.actors.mention_spans import _Cand
from orchestration.library.extraction.actors.name_tokens import (
    _ACRONYM_SHAPE,
    _INITIALS_SKIP,
    _NAME_PARTICLES,
    _cap_word,
    _climb_conj,
    _lemma,
)
from orchestration.library.extraction.actors.places import _is_junk
from orchestration.library.extraction.actors.roles import _role_of
from orchestration.library.extraction.tokens import entities, tokens


@dataclass
class _Tables:
    full: dict[str, str] = field(default_factory=dict)  # full-name key -> canonical
    by_surname: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # key -> [(token, canonical)]
    by_given: dict[str, set[str]] = field(default_factory=dict)  # given-name key -> the full names it opens
    alias: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (canonical, actor_type)
    acronyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # "SNHR" -> (canonical, type)
    initials: dict[str, tuple[str, str]] = field(default_factory=dict)  # derived from org names
    place_keys: set[str] = field(default_factory=set)
    org_canonical: dict[str, str] = field(default_factory=dict)  # key -> first spelling
    first_para_end: int = 0  # token index where the first paragraph (title) ends


def _text(doc, s: int, e: int) -> str:
    return doc[s:e].text


def _looks_like_full_name(doc, s: int, e: int) -> bool:
    """Two or more capitalised name words, no digits or page furniture."""
    words = _text(doc, s, e).split()
    if len(words) < 2:
        return False
    for t in doc[s:e]:
        if any(ch.isdigit() for ch in t.text) or t.lower_ in lx.NON_ACTOR_WORDS:
            return False
        if t.text in lx.COUNTRIES or t.text in lx.METONYMS:
            return False
        if t.lower_ in lx.PLACE_NOUNS or t.lower_ in lx.ORG_HEAD_WORDS:  # "Rakhine State"
            return False
    return all(w[:1].isupper() or w.split("-")[0].lower() in _NAME_PARTICLES for w in words)


_STRICT_LOCATIVE = frozenset({
    "in", "at", "near", "inside", "outside", "into", "within", "throughout", "across", "around", "towards", "toward",
})


def _place_keys(doc) -> set[str]:
    """Names the article uses as places: "Hmeimim air base", "village of X", "at X" (GPE/LOC/FAC)."""
    toks = tokens(doc)
    keys = set()
    ent_of = {i: e for e in entities(doc) for i in range(e.start, e.end)}
    for t in toks:
        if not (t.pos_ == "PROPN" and t.text[:1].isupper()):
            continue
        # "the districts of Imphal West, Imphal East and Churachandpur": later conjuncts stand where the first does
        role = _climb_conj(t) if t.ent_type_ != "PERSON" else t
        head = role.head
        before_place_noun = role.dep_ in ("compound", "nmod") and _lemma(head) in lx.PLACE_NOUNS  # "X districts"
        of_place_noun = role.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in lx.PLACE_NOUNS
        place_apposition = t.ent_type_ != "PERSON" and any(  # "Kangpokpi, a hill district"
            c.dep_ == "appos" and c.pos_ == "NOUN" and _lemma(c) in lx.PLACE_NOUNS for c in t.children)
        if before_place_noun or of_place_noun or place_apposition:  # the whole name is the place
            keys.add(actor_key(t.text))
            keys.add(actor_key(_name_ending_at(doc, t).text))
        elif t.dep_ == "pobj" and head.lower_ in lx.LOCATIVE_PREPS and t.ent_type_ != "NORP":
            # "in/at/near X" makes X a place whatever its label ("in Goma", "in Khan Younis" come
            # tagged PERSON); looser prepositions ("under", "over") only for unlabelled one-word names
            ent = ent_of.get(t.i)
            if head.lower_ in _STRICT_LOCATIVE or ent is None or len(ent) == 1 or ent.label_ not in ("PERSON", "ORG"):
                keys.add(actor_key(t.text))
                keys.add(actor_key(_name_ending_at(doc, t).text))
    # a town the gazetteer knows, whatever its label ("Batticaloa" tagged PERSON); a surname that is
    # also a town's ("Ortega") is the person's all the same: the full name in the article wins
    keys.update(actor_key(e.text) for e in entities(doc) if is_known_town(e.text))
    return keys


def _name_ending_at(doc, t):
    """The proper-name run a token ends: its compound proper nouns before it ("Imphal East")."""
    start = min([t.i] + [c.i for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
    return doc[start:t.i + 1]


def _org_canonical(name: str) -> str:
    first, _, rest = name.partition(" ")
    if rest and (first in lx.COUNTRIES or first in lx.DEMONYMS):  # "US State Department" is the State Department
        known = lx.METONYMS.get(rest) or lx.KNOWN_ORGS.get(rest)
        if known is not None and known[1] != "state":
            return known[0]
    if rest and first in lx.ACRONYM_PREFIXES:  # "UN Security Council" -> "United Nations ..."
        return f"{lx.ACRONYM_PREFIXES[first]} {rest}"
    return name


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _INITIALS_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _paren_after(doc, e: int) -> tuple[int, int] | None:
    """Token span inside "( ... )" directly after token index e, if any."""
    if e < len(doc) and doc[e].text == "(":
        for k in range(e + 1, min(e + 8, len(doc))):
            if doc[k].text == ")":
                s, t = e + 1, k
                while s < t and doc[s].is_space:
                    s += 1
                return (s, t) if s < t else None
    return None


def _build_tables(doc, chosen: list[_Cand], extra: list[_Cand]) -> _Tables:
    tables = _Tables(place_keys=_place_keys(doc))
    para_break = next((t.i for t in doc if t.is_space and "\n" in t.text), len(doc))
    tables.first_para_end = para_break
    # aliases / acronyms defined in parentheses right after a name
    alias_spans: set[tuple[int, int]] = set()
    for c in chosen:
        inner = _paren_after(doc, c.end)
        if not inner:
            continue
        s, e = inner
        inner_text = _text(doc, s, e)
        if _is_person_cand(doc, c):
            if not inner_text.isupper() and inner_text not in lx.MEDIA and all(  # "(AP)" is a credit
                _cap_word(t) or t.lower_ in _NAME_PARTICLES or t.text == "-" for t in doc[s:e]
            ):
                canonical = _text(doc, c.start, c.end)
                tables.alias[actor_key(inner_text)] = (canonical, "person")
                alias_spans.add((s, e))
                extra.append(_Cand(s, e, "alias"))
        elif e - s == 1 and _ACRONYM_SHAPE.match(inner_text) and _is_org_like(c):
            name = _candidate_org_name(doc, c)
            known = lx.KNOWN_ORGS.get(inner_text) or (
                (lx.MEDIA[inner_text][0], "media") if inner_text in lx.MEDIA else None)
            if known and _initials(name) != inner_text.upper():
                # "the UN Humanitarian Affairs Office (OCHA)", "the Levant group (ISIL)": the name the
                # article gives is another name of the known body, not a new body
                tables.org_canonical[actor_key(name)] = known[0]
                tables.acronyms[inner_text] = known
            else:
                tables.acronyms[inner_text] = (name, _org_type(name, c))
            extra.append(_Cand(s, e, "acro"))
    _common_noun_acronyms(doc, tables, extra)
    # full person names (not those defined as aliases of someone else)
    for c in chosen:
        if _is_person_cand(doc, c) and (c.start, c.end) not in alias_spans:
            name = _text(doc, c.start, c.end)
            key = actor_key(name)
            clean = _looks_like_full_name(doc, c.start, c.end) and not _is_junk(doc[c.start:c.end])
            if clean and key not in tables.place_keys:
                canonical = tables.full.setdefault(key, name)
                surname = actor_key(name.split()[-1])
                tables.by_surname.setdefault(surname, []).append((c.start, canonical))
                if len(name.split()) >= 2:
                    tables.by_given.setdefault(actor_key(name.split()[0]), set()).add(canonical)
        elif _is_org_like(c):
            name = _candidate_org_name(doc, c)
            if len(name.split()) >= 2:
                tables.initials.setdefault(_initials(name), (name, _org_type(name, c)))
    return tables


def _common_noun_acronyms(doc, tables: _Tables, extra: list[_Cand]) -> None:
    """ "the Congolese army (FARDC)": an acronym defined after a lowercase body noun phrase."""
    toks = tokens(doc)
    for t in toks:
        if not (t.text == "(" and t.i > 0 and t.i + 2 < len(doc) and toks[t.i + 2].text == ")"):
            continue
        acr, noun = toks[t.i + 1], toks[t.i - 1]
        if not _ACRONYM_SHAPE.match(acr.text) or acr.text in tables.acronyms or noun.pos_ != "NOUN":
            continue
        if acr.text in lx.KNOWN_ORGS or acr.text in lx.MEDIA:
            continue  # a known acronym is not redefined by the common noun before it ("the Levant group (ISIL)")
        if _lemma(noun) not in lx.GOVERNMENT_HEADS and noun.lower_ not in lx.ORG_HEAD_WORDS:
            continue
        start = min([noun.i] + [c.i for c in noun.lefts if c.dep_ in ("amod", "compound") and c.i >= noun.i - 3])
        name = doc[start:noun.i + 1].text
        tables.acronyms[acr.text] = (name, _org_type(name))
        tables.acronyms[name] = (name, _org_type(name))
        extra.append(_Cand(acr.i, acr.i + 1, "acro"))
        extra.append(_Cand(start, noun.i + 1, "np"))


def _is_person_cand(doc, c: _Cand) -> bool:
    if c.source == "pseudo" or (c.source == "ner" and c.label == "PERSON"):
        return True
    # "Ministry spokesperson Pascaline Mbuyi": a clean name right after a role noun is a person
    # whatever label the model gave it
    return (
        c.source == "ner" and c.start > 0 and _role_of(doc, c.start - 1) is not None
        and _looks_like_full_name(doc, c.start, c.end)
    )


def _is_org_like(c: _Cand) -> bool:
    return c.source == "kw" or c.label == "ORG" or (c.source == "gaz" and c.gaz and c.gaz[0] in ("org", "media"))


def _candidate_org_name(doc, c: _Cand) -> str:
    if c.source == "gaz" and c.gaz:
        return c.gaz[1]
    return _org_canonical(_text(doc, c.start, c.end))


_NUMBERED = re.compile(r"\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b")


def _org_type(name: str, c: _Cand | None = None) -> str:
    """actor_type of an organisation from its name (keyword rules, first match wins)."""
    if c is not None and c.source == "gaz" and c.gaz:
        return c.gaz[2]
    if name in lx.MEDIA:
        return "media"
    if name in lx.KNOWN_ORGS:
        return lx.KNOWN_ORGS[name][1]
    words = re.findall(r"[\w']+", name.lower())
    text = " " + " ".join(words) + " "

    def has(vocab) -> bool:
        return any(f" {w} " in text for w in vocab)

    if has(lx.MEDIA_KEYWORDS) and not has({"ministry", "council"}):
        return "media"
    numbered_unit = has({"division", "brigade", "battalion", "regiment"}) and _NUMBERED.search(text)
    if has(lx.MILITARY_UNIT_WORDS) or numbered_unit:  # "25th Division", "Fourth Division"
        return "military_unit"
    if has(lx.ARMED_GROUP_WORDS):
        return "armed_group"
    if has(lx.GOVERNMENT_BODY_WORDS):
        return "government_body"
    return "organization"


# ---------------------------------------------------------------------------------------------
# extra candidates found from the tables: bare acronyms and surnames NER missed
# ---------------------------------------------------------------------------------------------


def _table_candidates(doc, taken: set[int], tables: _Tables) -> list[_Cand]:
    toks = tokens(doc)
    out = []
    for t in toks:
        if t.i in taken or not t.text[:1].isupper():
            continue
        if t.text in tables.acronyms:
            out.append(_Cand(t.i, t.i + 1, "acro"))
        elif t.pos_ == "PROPN" and actor_key(t.text) in tables.by_surname and t.is_alpha:
            out.append(_Cand(t.i, t.i + 1, "surname"))
    return out
