"""Stages 1-2, candidates: spaCy entities (cleaned), lexicon matches, capitalised chains ending in an
organisation word, quoted pseudonyms; then the choice among overlaps (longest first, lexicon first on ties)."""
from __future__ import annotations

import re
from functools import lru_cache

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.mention_spans import _Cand
from orchestration.library.extraction.actors.name_tokens import (
    _BREAK_TOKENS,
    _CONNECTORS,
    _DETS,
    _FIRST_WORD,
    _POSSESSIVE_TOKENS,
    _PROPER_POS,
    _SUPERSCRIPT,
    _cap_word,
    _is_demonym,
    _ordinal,
)
from orchestration.library.extraction.actors.roles import _role_of
from orchestration.library.extraction.tokens import entities, tokens


def _clean_span(doc, start: int, end: int, person: bool, demonyms: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Trim an entity span: cut at breaks/possessives/markup, drop "the", titles, demonyms."""
    toks = tokens(doc)
    for i in range(start, end):
        t = toks[i]
        if (
            (t.text in _BREAK_TOKENS and not (t.text == "." and i == start))
            or (t.is_space and "\n" in t.text)
            or ((t.text in _POSSESSIVE_TOKENS or t.tag_ == "POS") and (person or not _possessive_in_name(doc, i, end)))
            or "](" in t.text or _SUPERSCRIPT.search(t.text)
        ):
            end = i
            break
    while start < end and (toks[start].lower_ in _DETS or toks[start].is_punct or toks[start].is_space):
        start += 1
    while end > start and (
        toks[end - 1].is_punct or toks[end - 1].is_space or toks[end - 1].lower_ in lx.TRAILING_JUNK
        or (toks[end - 1].pos_ in ("ADP", "CCONJ", "DET", "SCONJ") and toks[end - 1].text.islower())  # "Goma between"
    ):
        end -= 1
    if not person:  # "al Qaeda mount (attacks)": the model ran the name into the verb after it
        while end - 1 > start and toks[end - 1].is_lower and toks[end - 1].pos_ == "VERB" and \
                any(t.text[:1].isupper() for t in toks[start:end - 1]):
            end -= 1
    if person:
        while start < end - 1 and (
            toks[start].lower_ in lx.TITLE_WORDS or toks[start].lower_ in lx.ROLE_NOUNS
            or _is_demonym(toks[start]) or toks[start].text in demonyms or not toks[start].text[:1].isupper()
        ):
            start += 1
    return (start, end) if start < end else None


def _possessive_in_name(doc, i: int, end: int) -> bool:
    """ "People's Defence Force": a possessive inside an organisation name ending in a head word."""
    return end - 1 > i and doc[end - 1].lower_ in lx.ORG_HEAD_WORDS and all(_cap_word(t) for t in doc[i + 1:end])


def _ner_candidates(doc) -> list[_Cand]:
    # words the model tags NORP somewhere in the article ("Russian"): not part of a person name
    demonyms = frozenset(e.text for e in entities(doc) if e.label_ == "NORP" and len(e) == 1)
    out = []
    # surnames the model tags PERSON somewhere in the article ("Monastyrskyi noted ...")
    surnames = frozenset(e.text for e in entities(doc) if e.label_ == "PERSON" and len(e) == 1)
    for ent in entities(doc):
        if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            continue
        if ent.label_ != "PERSON" and len(ent) >= 3 and ent[-1].text in surnames and _given_name(doc, ent.end - 2, demonyms, inside=True):
            # "Minister of the Interior Denys Monastyrskyi" tagged ORG as a whole: the name at its end
            out.append(_Cand(ent.end - 2, ent.end, "ner", label="PERSON"))
            continue
        if any(t.text == "/" for t in ent):  # "AFP/Aaref Watad": credit lines; lexicon finds AFP
            continue
        start, end = ent.start, ent.end
        for k in range(ent.start + 1, ent.end - 1):  # "Associated Press-Frontline ...": cut at the known name
            if doc[k].text == "-" and _ends_with_known_name(doc[ent.start:k].text):
                end = k
                break
        if ent.label_ == "PERSON" and len(ent) == 1 and _given_name(doc, start - 1, demonyms):
            start -= 1  # "Minister of the Interior Denys Monastyrskyi": the model tagged the surname only
        span = _clean_span(doc, start, end, person=ent.label_ == "PERSON", demonyms=demonyms)
        if span:
            out.append(_Cand(span[0], span[1], "ner", label=ent.label_))
    return out


APPOSITION_REACH = 8  # tokens after "Name," within which a role names what the person is


def _people_by_context(doc) -> list[_Cand]:
    """Two capitalised words the model did not tag a person, where the sentence says one is meant:
    a role in apposition ("Alejandro Encinas, Undersecretary for Human Rights", "Marina Navarro,
    Amnesty International Peru's Executive Director"), a role just before ("Spokesperson Marta
    Hurtado"), or the subject of a speech verb, or a speaker's name in apposition ("Michelle
    Bachelet said"). The small model misses such names or calls them places ("Encinas": GPE)."""
    toks = tokens(doc)
    persons = {i for e in entities(doc) if e.label_ == "PERSON" for i in range(e.start, e.end)}
    name_word = [_name_word(t) for t in toks] + [False]  # read once per token
    out = []
    for i in range(1, len(toks)):
        first, last = toks[i - 1], toks[i]
        if not (name_word[i - 1] and name_word[i]) or i in persons or i - 1 in persons:
            continue
        if name_word[i + 1]:
            continue  # a longer run: a name of three words or an organisation's; the model's to say
        after = toks[i + 1] if i + 1 < len(toks) else None
        in_apposition = after is not None and after.text == "," and _role_follows(doc, i + 2)
        subject = last.head if last.dep_ == "appos" else last  # "Commissioner ..., Michelle Bachelet said"
        speaks = subject.dep_ == "nsubj" and subject.head.pos_ == "VERB" and subject.head.lemma_.lower() in lx.SPEECH_VERBS \
            and first.dep_ == "compound" and first.head.i == last.i
        titled = i >= 2 and _role_of(doc, i - 2) is not None  # "Spokesperson Marta Hurtado"
        if in_apposition or speaks or titled:
            out.append(_Cand(i - 1, i + 1, "ner", label="PERSON"))
    return out


def _role_follows(doc, k: int) -> bool:
    """A role noun before the apposition's end: ", Undersecretary for ...", ", the group's director"."""
    toks = tokens(doc)
    for j in range(k, min(len(toks), k + APPOSITION_REACH)):
        if toks[j].text in (",", ".", ";", ":", "(", ")") or "\n" in toks[j].text:
            return False
        if _role_of(doc, j) is not None:
            return True
    return False


def _name_word(t) -> bool:
    """A word that can be part of a person's name: capitalised, not in capitals, no title, role,
    body, place or country word."""
    low = t.lower_
    return (
        t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper and len(t.text) > 1
        and low not in lx.TITLE_WORDS and low not in lx.ROLE_NOUNS and low not in lx.ORG_HEAD_WORDS
        and low not in lx.PLACE_NOUNS and low not in lx.NON_ACTOR_WORDS and t.text not in lx.COUNTRIES
        and t.text not in lx.DEMONYMS and t.text not in lx.METONYMS and t.ent_type_ not in ("ORG", "DATE", "TIME")
        and low not in lx.MONTH_NUMBERS and low not in lx.WEEKDAY_NUMBERS
    )


def _given_name(doc, i: int, demonyms, inside: bool = False) -> bool:
    """A capitalised word that can be a given name (inside another entity when ``inside``)."""
    if i < 0:
        return False
    t = doc[i]
    return (
        t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper and (inside or not t.ent_type_)
        and t.lower_ not in lx.TITLE_WORDS and t.lower_ not in lx.ROLE_NOUNS and t.lower_ not in lx.ORG_HEAD_WORDS
        and t.text not in lx.COUNTRIES and t.text not in lx.DEMONYMS and t.text not in demonyms
        and not t.is_sent_start
    )


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[tuple[str, str, str, str]]]:
    """First word -> [(surface form, kind, canonical, actor_type)], longest form first."""
    index: dict[str, list[tuple[str, str, str, str]]] = {}

    def add(form: str, kind: str, canonical: str, atype: str) -> None:
        m = _FIRST_WORD.match(form)
        if m:
            index.setdefault(m.group(0), []).append((form, kind, canonical, atype))

    for form, (canonical, atype) in lx.METONYMS.items():
        add(form, "metonym", canonical, atype)
    for form, canonical in lx.COUNTRIES.items():
        add(form, "country", canonical, "state")
    for form, (canonical, atype) in lx.KNOWN_ORGS.items():
        add(form, "org", canonical, atype)
        if form.isalpha() and form.isupper() and len(form) >= 4:
            add(form.capitalize(), "org", canonical, atype)  # British style: "Isis", "Nato", "Unicef"
    for form, (canonical, _kind) in lx.MEDIA.items():
        add(form, "media", canonical, "media")
    for form, canonical in _listed_outlets().items():
        add(form, "media", canonical, "media")
        add(form.upper(), "media", canonical, "media")  # a masthead in capitals: "USA TODAY", "HAVANA TIMES"
    for forms in index.values():
        forms.sort(key=lambda f: -len(f[0]))
    return index


_BODY_DOMAIN = re.compile(r"(?:^|\.)(?:gov|int|mil|gob|europa)(?:\.|$)|(?:^|\.)un\.org$|unmissions\.org$")
# words of a body's name the head words miss ("World Bank", "Iran Human Rights", "Médecins Sans
# Frontières"), and of titles too often a phrase ("Foreign Affairs", "Foreign Policy")
_BODY_WORDS = frozenset({"bank", "rights", "aid", "doors", "concern", "intelligence", "affairs", "policy",
                         "frontières", "borders"})
_OUTLET_TYPES = frozenset({"newspaper", "news_agency", "broadcaster"})


def _listed_outlets() -> dict[str, str]:
    """Names of the publisher list's outlets (dbt seed ``outlet_domains``) as a page prints them ->
    the list's name: those of two words or more besides "The" ("Ahram Online", "Bangkok Post"),
    none naming a body ("... Ministry", "... Council") or known already, and a name two outlets
    share ("Daily Mirror" of London and of Colombo) for neither. A single word ("Vanguard",
    "Semana", "Sabah") is too often a common word or a place."""
    from orchestration.library.articles.publisher import (  # the lists' one reader
        curated_source_types,
        outlet_domains,
        printed_outlet_name,
    )

    known = set(lx.MEDIA) | set(lx.KNOWN_ORGS) | set(lx.COUNTRIES) | {c for c, _ in lx.MEDIA.values()}
    # the curated spellings of bodies that are not outlets: "Médecins Sans Frontières", "Amnesty International"
    known |= {spelling for spelling, kind in curated_source_types().items() if kind not in _OUTLET_TYPES}
    found: dict[str, set[str]] = {}
    for domain, name in outlet_domains().items():
        if _BODY_DOMAIN.search(domain):
            continue  # a government's or an international body's site: not an outlet
        form = printed_outlet_name(name)
        words = [w for w in form.split() if w != "The"]
        if len(words) < 2 or form in known or name in known or not all(w[:1].isupper() for w in words) or len(words[0]) < 2 or \
                any(w.lower() in lx.ORG_HEAD_WORDS or w.lower() in lx.ROLE_NOUNS or w.lower() in _BODY_WORDS for w in words):
            continue
        for printed in {form, " ".join(words)}:  # "The Irrawaddy" and "Irrawaddy"
            if len(printed.split()) >= 2:
                found.setdefault(printed, set()).add(name)
    return {form: next(iter(names)) for form, names in found.items() if len(names) == 1}


def _gazetteer_candidates(doc, body: str) -> list[_Cand]:
    toks = tokens(doc)
    index = _gazetteer()
    end_at = {t.idx + len(t.text): t.i + 1 for t in toks}
    out, i, n = [], 0, len(doc)
    while i < n:
        t = toks[i]
        m = _FIRST_WORD.match(t.text)
        hit = None
        if m:
            for form, kind, canonical, atype in index.get(m.group(0), ()):
                if not t.text[0].isupper() and kind != "media":
                    continue  # only an outlet is written lower case on purpose ("dpa")
                if not body.startswith(form, t.idx):
                    continue
                e = end_at.get(t.idx + len(form))
                if e is None:
                    continue
                # "Washington Institute", "Reuters Institute": the name goes on, not this entry
                if (
                    kind != "country" and e < n and toks[e].pos_ == "PROPN" and _cap_word(toks[e])
                    and toks[e].lower_ not in lx.TRAILING_JUNK
                ):
                    continue
                hit = _Cand(i, e, "gaz", gaz=(kind, canonical, atype))
                break
        if hit:
            out.append(hit)
            i = hit.end
        else:
            i += 1
    return out


def _publisher_candidates(doc, body: str, publisher: str | None) -> list[_Cand]:
    """The page's own outlet where its text prints the name ("told Al Mayadeen", "(c) UrduPoint",
    "LAHORE MIRROR"): a media actor, as the outlet the page credits itself to. As printed or in
    capitals, a leading "The" optional; a name of fewer than three letters is initials met anywhere."""
    from orchestration.library.articles.publisher import printed_outlet_name  # the lists' one reader

    name = printed_outlet_name(publisher or "").strip()
    bare = name[4:] if name.startswith("The ") else name
    if len(re.sub(r"\W", "", bare)) < 3:
        return []
    forms = {bare, bare.upper()}
    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    out = []
    for m in pattern.finditer(body):
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            out.append(_Cand(span.start, span.end, "gaz", gaz=("media", publisher, "media")))
    return out


_UN = {"UN", "U.N.", "U.N", "United Nations"}


UN_REFERENCE_REACH = 400  # tokens back "the UN agency" looks for the UN body it refers to


def _un_body_named_before(toks, i: int) -> str | None:
    """The UN body named last before token ``i`` by a name or acronym the lexicon knows ("OCHA")."""
    bodies = set(lx.UN_DESCRIBED.values())
    for k in range(i - 1, max(-1, i - UN_REFERENCE_REACH), -1):
        known = lx.KNOWN_ORGS.get(toks[k].text)
        if known and (known[0] in bodies or toks[k].text in bodies):
            return toks[k].text
    return None


def _titled_mandate(toks, k: int, described: str) -> tuple[str, int] | None:
    """ "UN High Commissioner for Refugees" (head token ``k``, "commissioner"): the UN body the
    mandate names and the last token of the mandate, when no name follows: "UN High Commissioner
    for Human Rights Volker Türk" titles a person, and the role finders read it so."""
    if toks[k].lower_ != "commissioner" or k + 1 >= len(toks) or toks[k + 1].lower_ != "for":
        return None
    found, words = None, []
    for j in range(k + 2, min(k + 5, len(toks))):
        if not toks[j].is_alpha:
            break
        words.append(toks[j].lower_)
        body = lx.UN_DESCRIBED.get(f"{described} commissioner for {' '.join(words)}")
        if body:
            found = (body, j)
    if found is None:
        return None
    after = toks[found[1] + 1] if found[1] + 1 < len(toks) else None
    if after is not None and after.is_title and (
            after.ent_type_ == "PERSON" or after.pos_ == "PROPN" and after.ent_type_ not in ("DATE", "GPE", "ORG", "NORP")):
        return None
    return found


def _described_un_body_candidates(doc) -> list[_Cand]:
    """ "the UN refugee agency", "the U.N.'s human rights office": the body the description names
    (lexicon.UN_DESCRIBED), as one mention from "UN" to the head noun; a bare "the UN agency" is
    the UN body named before it ("OCHA ... The UN agency reports")."""
    toks = tokens(doc)
    out = []
    for i, t in enumerate(toks):
        start = i
        if t.text == "United" and i + 1 < len(toks) and toks[i + 1].text == "Nations":
            i += 1
        elif t.text not in _UN:
            continue
        words = []
        for k in range(i + 1, min(i + 7, len(toks))):
            w = toks[k]
            if w.lower_ in lx.UN_BODY_HEADS:
                described = " ".join(x for x in words if x not in ("'s", "’s", "'", "’", "-", "the", "'s"))
                described = described.replace("'s", "").strip()
                titled = _titled_mandate(toks, k, described)
                if titled is not None:  # "the UN High Commissioner for Refugees": the office, not its head
                    body, last = titled
                else:
                    body = lx.UN_DESCRIBED.get(described) if described else _un_body_named_before(toks, start)
                    last = k
                if body:
                    canonical, atype = lx.KNOWN_ORGS.get(body, (body, "organization"))
                    out.append(_Cand(start, last + 1, "gaz", gaz=("org", canonical, atype)))
                break
            if not (w.is_alpha or w.text in ("'s", "’s", "'", "’", "-")) or w.is_sent_start:
                break
            words.append(w.lower_.replace("’", "'"))
    return out


def _keyword_org_candidates(doc) -> list[_Cand]:
    """Capitalised chains containing an organisation word: "Syrian Observatory for Human Rights",
    "Malcolm H. Kerr Carnegie Middle East Center", "European Union Agency for Asylum"."""
    toks = tokens(doc)
    out, i, n = [], 0, len(doc)
    while i < n:
        if not (_cap_word(toks[i]) or _ordinal(toks[i])):
            i += 1
            continue
        j = i
        while j < n:  # maximal run of name words joined by connectors
            t = toks[j]
            if j > i and (t.is_sent_start or t.is_space) or t.ent_type_ in ("DATE", "TIME", "CARDINAL"):
                break
            if _cap_word(t) or _ordinal(t):
                j += 1
            elif t.lower_ in _CONNECTORS and j + 1 < n and (
                _cap_word(toks[j + 1]) or toks[j + 1].lower_ in ("the", "-", "al")
            ):
                if t.text == "-" and _ends_with_known_name(doc[i:j].text):
                    break  # "an Associated Press-Frontline investigation": two bodies, not one name
                j += 1
            elif t.text in _POSSESSIVE_TOKENS and j > i and j + 1 < n and _cap_word(toks[j + 1]) \
                    and not toks[j - 1].whitespace_ and toks[j - 1].text not in lx.COUNTRIES \
                    and toks[j - 1].text not in lx.METONYMS and toks[j - 1].ent_type_ not in ("GPE", "LOC"):
                j += 1  # "Tigray People's Liberation Front", "People's Defence Force"
            else:
                break
        out.extend(_org_names_in_run(doc, i, j))
        i = max(j, i + 1)
    return out


def _ends_with_known_name(text: str) -> bool:
    return any(text.endswith(name) for name in _known_long_names())


@lru_cache(maxsize=1)
def _known_long_names() -> tuple[str, ...]:
    return tuple(n for n in [*lx.MEDIA, *lx.KNOWN_ORGS] if len(n) > 3 and " " in n)


def _org_names_in_run(doc, i: int, j: int) -> list[_Cand]:
    """Split a run at "and" after a completed name, then keep parts that contain a head word."""
    toks = tokens(doc)
    parts, start, seen_head = [], i, False
    for k in range(i, j):
        if toks[k].lower_ == "and" and seen_head:
            parts.append((start, k))
            start, seen_head = k + 1, False
        elif toks[k].lower_ in lx.ORG_HEAD_WORDS and _cap_word(toks[k]):
            seen_head = True
    parts.append((start, j))
    out = []
    for s, e in parts:
        heads = [k for k in range(s, e) if toks[k].lower_ in lx.ORG_HEAD_WORDS and _cap_word(toks[k])]
        if not heads:
            continue
        # before the first head: name words only, and not across "of" ("General X of the Y Forces")
        for k in range(s, heads[0]):
            if toks[k].lower_ in _CONNECTORS and toks[k].lower_ not in ("-", "and", "al", "el"):
                s = k + 1
        while s < heads[0] and (toks[s].lower_ in _CONNECTORS or toks[s].lower_ in _DETS or toks[s].pos_ not in _PROPER_POS):
            s += 1
        end, k = heads[0] + 1, heads[0] + 1
        while k < e:  # after a head: more head words, or connector + name words (not a person)
            t = toks[k]
            if t.lower_ in lx.ORG_HEAD_WORDS and _cap_word(t):
                end = k = k + 1
            elif t.lower_ in _CONNECTORS and t.lower_ != "and":
                k2 = k
                while k2 < e and toks[k2].lower_ in _CONNECTORS:
                    k2 += 1
                k3 = k2
                while k3 < e and _cap_word(toks[k3]) and toks[k3].ent_type_ != "PERSON":
                    k3 += 1
                if k3 == k2:
                    break
                end = k = k3
            else:
                break
        if sum(1 for x in range(s, end) if _cap_word(toks[x]) or _ordinal(toks[x])) >= 2:
            out.append(_Cand(s, end, "kw"))
    return out


_PSEUDONYM = re.compile(r"[“\"]([A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,2})[,.]?[”\"]")
_AFTER_PSEUDONYM = re.compile(r"^,?\s+(?:a|an|who|whose|the|said|says|told|tells)\b")


def _pseudonym_candidates(doc, body: str) -> list[_Cand]:
    """Quoted names of interviewees: “Fadi,” who entered ...; “Mahmoud” criticized ..."""
    out = []
    for m in _PSEUDONYM.finditer(body):
        span = doc.char_span(m.start(1), m.end(1))
        if span is None or span.text in lx.COUNTRIES or span.text in lx.METONYMS or span.text in lx.MEDIA:
            continue
        if any(t.lower_ in lx.NON_ACTOR_WORDS or t.lower_ in lx.ROLE_NOUNS for t in span):
            continue
        root = span.root
        after = body[m.end():m.end() + 20]
        nxt = doc[span.end + 1] if span.end + 1 < len(doc) else None
        if (
            root.dep_ in ("nsubj", "nsubjpass")
            or any(c.dep_ in ("relcl", "appos", "acl") for c in root.children)
            or _AFTER_PSEUDONYM.match(after)
            or (nxt is not None and nxt.tag_ in ("VBD", "VBZ"))
        ):
            out.append(_Cand(span.start, span.end, "pseudo"))
    return out


def _select(cands: list[_Cand], doc) -> list[_Cand]:
    """Non-overlapping candidates: longest first, lexicon first on ties."""
    for c in cands:
        c.nchars = doc[c.end - 1].idx + len(doc[c.end - 1].text) - doc[c.start].idx
    taken: set[int] = set()
    chosen = []
    for c in sorted(cands, key=lambda c: (c.priority(), c.start)):
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
