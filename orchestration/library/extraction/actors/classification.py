"""Stage 4, classification: each chosen candidate gets its actor_type, canonical_name and resolution
from the lexicon and the article tables; places, datelines and junk yield no mention."""
from __future__ import annotations

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.keys import actor_key
from orchestration.library.extraction.actors.mention_spans import _Cand, _Resolved
from orchestration.library.extraction.actors.name_tokens import _ACRONYM_SHAPE, _INITIAL, _climb_conj
from orchestration.library.extraction.actors.places import (
    _is_agent,
    _is_dateline,
    _is_junk,
    _is_modifier,
    _is_place_use,
    _names_a_territory,
)
from orchestration.library.extraction.actors.tables import (
    _initials,
    _is_person_cand,
    _looks_like_full_name,
    _org_canonical,
    _org_type,
    _Tables,
)


def _speaks(tok) -> bool:
    """Whether a noun names who speaks: the subject of a speech verb, what "according to" names,
    or the inverted subject of "says" ("..., says OCHA")."""
    tok = _climb_conj(tok)
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "agent") and head.lemma_.lower() in lx.SPEECH_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    return head.lemma_.lower() == "say" and tok.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and head.i < tok.i


def _resolve_person(name: str, tok_i: int, tables: _Tables) -> tuple[str, str] | None:
    """Known person by full name, alias, or surname (earlier full name preferred)."""
    key = actor_key(name)
    if not key:
        return None
    if key in tables.alias and tables.alias[key][1] == "person":
        return tables.alias[key][0], "alias"
    if key in tables.full:  # "Bashar Assad" after "Bashar Al-Assad": same key, first spelling
        return tables.full[key], "name" if tables.full[key] == name else "alias"
    if len(key.split()) == 1 and key in tables.by_surname:
        entries = tables.by_surname[key]
        before = [canon for pos, canon in entries if pos < tok_i]
        if before:  # journalistic convention: full name first, surname afterwards
            # two people of one surname ("Bashar al-Assad ... his brother Maher al-Assad ... Assad's
            # regime"): the bare surname is the one the article introduced first, its principal
            return before[0], "surname"
        if tok_i < tables.first_para_end:  # a headline may use the surname before the full name
            return entries[0][1], "surname"
    if len(key.split()) == 1 and len(tables.by_given.get(key, ())) == 1:
        # "Rhonita" in an article that names one Rhonita Miller: the first name of the only person it opens
        return next(iter(tables.by_given[key])), "surname"
    return None


def _classify(doc, c: _Cand, tables: _Tables) -> _Resolved | None:
    span = doc[c.start:c.end]
    text = span.text
    label = doc[c.start].ent_type_ or None

    def done(atype: str, canonical: str, resolution: str) -> _Resolved:
        return _Resolved(c.start, c.end, atype, canonical, resolution, label)

    if c.source == "alias":
        canonical, atype = tables.alias[actor_key(text)]
        return done(atype, canonical, "alias")
    if c.source == "inst":
        canonical, atype, state = c.inst
        r = done(atype, canonical, "institution")
        r.affiliation = state
        return r
    if c.source in ("acro", "np"):
        canonical, atype = tables.acronyms[text]
        return done(atype, canonical, "acronym" if c.source == "acro" else "name")

    kind = c.gaz[0] if c.gaz else None
    if kind not in ("media", "org") and _names_a_territory(span):
        return None  # "Gimbi Woreda", "Bokkos Local Government Area": a place, whatever the parser took it for
    has_org_head = any(t.lower_ in lx.ORG_HEAD_WORDS for t in span) and len(span) >= 2
    if kind not in ("media", "org") and not has_org_head:
        person = _resolve_person(text, c.start, tables)
        if person:
            return done("person", person[0], person[1])

    if kind in ("media", "org") and text in tables.acronyms and _initials(tables.acronyms[text][0]) == text.upper():
        canonical, atype = tables.acronyms[text]  # the article's own "(AFP)" after "Armed Forces of the Philippines"
        return done(atype, canonical, "acronym")
    if kind == "media":
        _k, canonical, _t = c.gaz
        return done("media", canonical, "name" if canonical == text else "alias")
    if kind == "org":
        if text in tables.acronyms:
            canonical, atype = tables.acronyms[text]
            return done(atype, canonical, "acronym")
        _k, canonical, atype = c.gaz
        resolution = "name" if canonical == text else ("acronym" if text.isupper() else "alias")
        return done(atype, canonical, resolution)
    if kind in ("country", "metonym"):
        if text in tables.acronyms:  # an article may define "(SA)" etc.
            canonical, atype = tables.acronyms[text]
            return done(atype, canonical, "acronym")
        if _is_dateline(doc, c.start) or not _is_agent(span.root, state=kind == "country"):
            return None
        _k, canonical, atype = c.gaz
        if kind == "metonym":
            return done(atype, canonical, "metonym")
        return done("state", canonical, "name" if canonical == text else "alias")

    if _is_junk(span) or _is_dateline(doc, c.start):
        return None
    if _is_person_cand(doc, c):
        return _classify_person(doc, c, span, tables, done)
    if c.source == "kw" or c.label == "ORG" or has_org_head:
        return _classify_org(doc, c, span, tables, done)
    return None  # GPE/LOC/FAC/NORP that is neither a known person nor a lexicon entry


def _is_title_only(span) -> bool:
    """ "Mayor", "Brig", "Prosecutor General": a title with no name is nobody in particular."""
    words = [t.lower_.rstrip(".") for t in span if not t.is_punct]
    return bool(words) and all(w in lx.TITLE_WORDS or w in lx.ROLE_NOUNS for w in words)


def _classify_person(doc, c, span, tables, done):
    text = span.text
    if _is_title_only(span):
        return None
    if len(span) == 1 and (span[0].lower_ in lx.ORG_REFERENCE_NOUNS or span[0].lower_ in lx.ORG_HEAD_WORDS):
        return None  # "according to the Observatory" tagged PERSON: a body referred to again, not a name
    if actor_key(text) in tables.place_keys:
        return None  # "troops were operating in Khan Younis"
    if len(actor_key(text).split()) >= 2 and _looks_like_full_name(doc, c.start, c.end):
        return done("person", tables.full.get(actor_key(text), text), "name")
    if len(text.split()) >= 2:
        return None  # multi-word PERSON that is not a clean name ("Turkey Hopes")
    tok = span.root
    if c.source != "pseudo" and tok.tag_ not in ("NNP", "NNPS"):
        return None  # "Seen", "Drones": capitalised common words
    if _is_place_use(span, tables) or _is_modifier(span) or len(text) < 3:
        return None
    if c.source != "pseudo" and _in_headline(doc, c.start):
        return None  # "Attacked by Drones – Reports": title case makes common words look like names
    return done("person", text, "name")


def _in_headline(doc, i: int) -> bool:
    """Whether token i sits in Title Case text (content words around it all capitalised)."""
    window = [t for t in doc[max(0, i - 6):i + 7] if t.is_alpha and not t.is_stop and t.i != i]
    return len(window) >= 4 and sum(t.text[0].isupper() for t in window) >= 0.8 * len(window)


def _classify_org(doc, c, span, tables, done):
    text = span.text
    if _is_title_only(span):
        return None
    if text in tables.acronyms:
        canonical, atype = tables.acronyms[text]
        return done(atype, canonical, "acronym")
    if _ACRONYM_SHAPE.match(text):
        if text in tables.initials:  # bare acronym matching a full name in the article
            canonical, atype = tables.initials[text]
            return done(atype, canonical, "acronym")
        if text in lx.THING_ACRONYMS:
            return None  # "CCTV footage", "an RPG": a thing, not a body
        return done(_org_type(text), text, "name")
    if len(span) == 1 and (span[0].lower_ in lx.ORG_HEAD_WORDS or span[0].lower_ in lx.PLACE_NOUNS):
        return None  # "Secretary of State", "the Council": a bare generic word names nobody
    has_head = any(t.lower_ in lx.ORG_HEAD_WORDS for t in span) and len(span) >= 2
    known = text in lx.KNOWN_ORGS or text in lx.MEDIA
    if not has_head and not known:
        if any(t.text in lx.COUNTRIES or t.text in lx.METONYMS for t in span):
            return None  # "Iran Update", "The Syria Fiasco As": headline fragments
        if _is_place_use(span, tables) or (len(span) == 1 and _is_modifier(span)):
            return None
        nxt = doc[c.end:c.end + 2]
        if len(nxt) == 2 and nxt[0].text == "," and _INITIAL.match(nxt[1].text):
            return done("person", text, "name")  # "Melkonian, S.": a cited author
    words, tail = list(span), []
    while len(words) > 1 and words[-1].is_lower and words[-1].lower_ in lx.GENERIC_NAME_TAILS and \
            any(t.text[:1].isupper() for t in words[:-1]):
        tail.append(words.pop().lower_)  # "Mezopotamya news (agency)", "AFP news agency": the name before
    name = doc[words[0].i:words[-1].i + 1].text if tail else text
    if tail and name in lx.MEDIA:
        return done("media", lx.MEDIA[name][0], "alias")
    canonical = _org_canonical(name)
    canonical = tables.org_canonical.setdefault(actor_key(canonical), canonical)
    atype = "media" if set(tail) & lx.MEDIA_TAILS else _org_type(canonical)
    return done(atype, canonical, "alias" if canonical != text else "name")
