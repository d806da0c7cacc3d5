"""Entity mentions (actors) resolved within one article.

One pass over the parsed doc, no re-parsing:

1. candidates: spaCy entities (cleaned), lexicon matches (media, capitals, countries, known
   organisations), capitalised chains ending in an organisation word (the small model often
   misses or splits these), quoted pseudonyms (“Fadi,” who ...);
2. overlaps: the longest candidate wins, lexicon matches first on ties;
3. article tables: full person names (for surname-only mentions), "(ACRONYM)" and "(alias)"
   definitions, names used as places ("X air base", "village of X", "at X");
4. every candidate is classified (actor_type) and resolved (canonical_name, resolution);
5. definite role nouns ("the spokeswoman") resolve to the last person holding that role.

Places are not actors: a city or base name never yields a mention, and a state or capital
yields one only where the syntax makes it an agent ("Moscow expects", "urging Damascus to",
"relations with Russia") rather than a location ("in Moscow", "flights to Moscow").
NORP entities ("Alawite", "Syrians", "the Russians") are communities, not actors: skipped.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from orchestration.extraction import lexicon as lx
from orchestration.extraction.ids import stable_id
from orchestration.extraction.records import ArticleInput, EntityMention
from orchestration.extraction.tokens import tokens

# ---------------------------------------------------------------------------------------------
# actor_key: cross-article matching key (also mirrored SQL-side)
# ---------------------------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"[\'’‘`´ʼʿʾ]")
_TRAILING_POSSESSIVE = re.compile(r"[\'’]s?$")
_ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ul|as|ad|ash|at|az|an|ar|adh|ath|ud|ed|es)-")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED = re.compile(r"(.)\1+")


def actor_key(name: str) -> str:
    """Normalise a name so spelling variants of one actor compare equal.

    "Khmeimim" / "Hmeimim" / "Hmeimin" -> "hmeimin"; "Kyrylenko" / "Kirilenko" -> "kirilenko";
    "Al-Sharaa" / "al-Sharaa" / "Sharaa" -> "shara"; "the Kremlin" -> "kremlin"; "Assad's" -> "asad".
    Deliberately lossy: it is a
    matching key, never displayed.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().strip()
    text = re.sub(r"\s*\(the\)$", "", text)  # "Moscow Times (The)": reference-list style
    text = _TRAILING_POSSESSIVE.sub("", text)
    text = _APOSTROPHES.sub("", text)
    text = _ARABIC_ARTICLE.sub(" ", text)  # "al-Sharaa" -> " Sharaa"
    words = _NON_ALNUM.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    out = []
    for w in words:
        if w in ("al", "el") and len(words) > 1:  # "Al Sharaa", "Ahmed Al Sharaa"
            continue
        if w.startswith("kh"):  # Khmeimim / Hmeimim, Kharkiv / Harkiv
            w = "h" + w[2:]
        w = w.replace("ou", "u")  # Tartous / Tartus
        w = _DOUBLED.sub(r"\1", w)  # Sharaa / Shara, Assad / Asad
        w = w.replace("defense", "defence")  # US / UK spelling of one ministry
        if len(w) > 5 and w.endswith(("yi", "iy")):  # Monastyrskyi / Monastyrsky, Zelenskiy
            w = w[:-2] + "y"
        w = w.replace("y", "i")  # Ukrainian / Russian transliteration: Kyrylenko / Kirilenko
        if len(w) > 3 and w.endswith("m"):  # Hmeimim / Hmeimin (final -n is far more common)
            w = w[:-1] + "n"
        out.append(w)
    return " ".join(out)


# ---------------------------------------------------------------------------------------------
# small token helpers
# ---------------------------------------------------------------------------------------------

_DETS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
_BREAK_TOKENS = frozenset({
    ".", ",", ";", ":", "|", "(", ")", "[", "]", "{", "}", "—", "–", "•", "*", "#", "\"", "“", "”",
    "«", "»", "!", "?", "/",
})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_SUPERSCRIPT = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u209f]")
# "SNHR", "M23", and mixed-case ministry acronyms with two capitals or more ("MoH", "MoD")
_ACRONYM_SHAPE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}|(?:[A-Z][a-z]?){1,3}[A-Z])$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_FIRST_WORD = re.compile(r"\w+")
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von", "der", "da", "la", "le", "ul"})
_INITIALS_SKIP = frozenset({"of", "for", "the", "and", "on", "in", "&", "de", "du", "des", "la", "le", "al", "el", "to", "at"})
_CONNECTORS = frozenset({"of", "for", "on", "de", "du", "des", "and", "the", "al", "el", "-"})
_PROPER_POS = frozenset({"PROPN", "ADJ", "NOUN", "NUM", "VERB"})  # small model mis-tags title words


def _cap_word(tok) -> bool:
    """A capitalised word (or initial like "H.") that can be part of a proper name."""
    text = tok.text
    return bool(text) and text[0].isupper() and (tok.is_alpha or _INITIAL.match(text) is not None or "-" in text)


def _ordinal(tok) -> bool:
    return re.match(r"^\d+(st|nd|rd|th)$", tok.text) is not None


def _climb_conj(tok):
    """First conjunct of a coordination: "Russia and the US asked" -> role of "Russia"."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _is_demonym(tok) -> bool:
    return tok.ent_type_ == "NORP" or (tok.pos_ == "ADJ" and tok.text[:1].isupper())


# ---------------------------------------------------------------------------------------------
# candidates
# ---------------------------------------------------------------------------------------------


@dataclass
class _Cand:
    start: int  # token index
    end: int  # token index, exclusive
    source: str  # ner, gaz, kw, pseudo, acro, alias, surname
    label: str | None = None  # NER label, for ner candidates
    gaz: tuple[str, str, str] | None = None  # (kind, canonical, actor_type) for lexicon hits
    inst: tuple[str, str, str | None] | None = None  # (canonical, actor_type, state) for institutions
    nchars: int = 0

    def priority(self) -> tuple[int, int]:
        # longest first; on ties lexicon > alias/acronym > keyword chain > NER
        rank = {"gaz": 0, "alias": 1, "acro": 1, "np": 1, "inst": 1, "kw": 2, "pseudo": 3, "ner": 4, "surname": 5}
        return (-self.nchars, rank[self.source])


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
    demonyms = frozenset(e.text for e in doc.ents if e.label_ == "NORP" and len(e) == 1)
    out = []
    # surnames the model tags PERSON somewhere in the article ("Monastyrskyi noted ...")
    surnames = frozenset(e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1)
    for ent in doc.ents:
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
    for forms in index.values():
        forms.sort(key=lambda f: -len(f[0]))
    return index


def _gazetteer_candidates(doc, body: str) -> list[_Cand]:
    toks = tokens(doc)
    index = _gazetteer()
    end_at = {t.idx + len(t.text): t.i + 1 for t in toks}
    out, i, n = [], 0, len(doc)
    while i < n:
        t = toks[i]
        m = _FIRST_WORD.match(t.text)
        hit = None
        if m and t.text[0].isupper():
            for form, kind, canonical, atype in index.get(m.group(0), ()):
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


# ---------------------------------------------------------------------------------------------
# article tables
# ---------------------------------------------------------------------------------------------


@dataclass
class _Tables:
    full: dict[str, str] = field(default_factory=dict)  # full-name key -> canonical
    by_surname: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # key -> [(token, canonical)]
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
    ent_of = {i: e for e in doc.ents for i in range(e.start, e.end)}
    for t in toks:
        if not (t.pos_ == "PROPN" and t.text[:1].isupper()):
            continue
        head = t.head
        if t.dep_ == "compound" and _lemma(head) in lx.PLACE_NOUNS:
            keys.add(actor_key(t.text))
        elif t.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in lx.PLACE_NOUNS:
            keys.add(actor_key(t.text))
        elif t.dep_ == "pobj" and head.lower_ in lx.LOCATIVE_PREPS and t.ent_type_ != "NORP":
            # "in/at/near X" makes X a place whatever its label ("in Goma", "in Khan Younis" come
            # tagged PERSON); looser prepositions ("under", "over") only for unlabelled one-word names
            ent = ent_of.get(t.i)
            if head.lower_ in _STRICT_LOCATIVE or ent is None or len(ent) == 1 or ent.label_ not in ("PERSON", "ORG"):
                keys.add(actor_key(t.text))
                name_start = min([t.i] + [c.i for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
                keys.add(actor_key(doc[name_start:t.i + 1].text))
    return keys


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
# places vs agents
# ---------------------------------------------------------------------------------------------


def _is_motion(tok) -> bool:
    return _lemma(tok) in lx.MOTION_WORDS or tok.lower_ in lx.MOTION_WORDS


def _is_agent(tok, state: bool) -> bool:
    """Whether a state/capital name is used as an actor here, from its syntactic role."""
    tok = _climb_conj(tok)
    dep, head = tok.dep_, tok.head
    hl = _lemma(head)
    if dep in ("nsubj", "nsubjpass", "csubj", "agent"):
        return True
    if dep == "poss":  # "Russia's stance" yes, "Syria's coastal region" no
        return hl not in lx.GEO_POSSESSED and head.lower_ not in lx.GEO_POSSESSED
    if dep in ("compound", "amod", "nmod"):  # "Kremlin spokesperson", "the Damascus government"
        return hl in lx.GOVERNMENT_HEADS or head.lower_ in lx.ROLE_NOUNS
    if dep in ("dobj", "dative", "iobj"):  # "urging Damascus to ensure", "Russia invaded Ukraine"
        verbs = lx.ADDRESSEE_VERBS | (lx.STATE_TARGET_VERBS if state else frozenset())
        return hl in verbs or any(c.dep_ in ("xcomp", "ccomp") for c in head.children)
    if dep == "pobj":
        prep = head.lower_
        if prep in lx.PARTY_PREPS:  # "relations with Moscow", "drafted by Russia"
            return True
        if prep in ("to", "from", "for", "toward", "towards"):  # "support to" yes, "flights to" no
            return not _is_motion(head.head)
        return False
    if dep == "appos" and head is not tok:
        return _is_agent(head, state)
    return False


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


def _is_junk(span) -> bool:
    """Page furniture, credit lines, shouted words, headline fragments, product names."""
    words = [t for t in span if not t.is_punct]
    if not words:
        return True
    lower = [t.lower_ for t in words]
    if any(w in lx.NON_ACTOR_WORDS for w in lower) and not (len(words) >= 2 and lower[-1] in lx.ORG_HEAD_WORDS):
        return True
    if all(_INITIAL.match(t.text) or len(t.text) == 1 for t in words):  # "F.", "S."
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


# ---------------------------------------------------------------------------------------------
# classification
# ---------------------------------------------------------------------------------------------


@dataclass
class _Resolved:
    start: int
    end: int
    actor_type: str
    canonical: str
    resolution: str
    label: str | None
    affiliation: str | None = None  # the state an institution belongs to ("Israel" for "Israeli military")
    speaks: bool = False  # the subject of a speech verb, or what "according to" / "says" names


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
            return before[-1], "surname"
        if tok_i < tables.first_para_end:  # a headline may use the surname before the full name
            return entries[0][1], "surname"
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
    canonical = _org_canonical(text)
    canonical = tables.org_canonical.setdefault(actor_key(canonical), canonical)
    return done(_org_type(canonical), canonical, "alias" if canonical != text else "name")


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


# ---------------------------------------------------------------------------------------------
# role nouns
# ---------------------------------------------------------------------------------------------


def _role_of(doc, i: int) -> tuple[str, int] | None:
    """Role group of the noun at token i and the index where the role phrase starts."""
    toks = tokens(doc)
    t = toks[i]
    if i > 0 and f"{toks[i - 1].lower_} {t.lower_}" in lx.ROLE_NOUNS:
        return lx.ROLE_NOUNS[f"{toks[i - 1].lower_} {t.lower_}"], i - 1
    if t.lower_ in lx.ROLE_NOUNS:
        return lx.ROLE_NOUNS[t.lower_], i
    return None


def _person_titles(doc, r: _Resolved) -> set[str]:
    """Roles written in front of a name: "Foreign Ministry spokesperson Maria Zakharova"."""
    roles = set()
    j = r.start - 1
    while j >= 0 and j >= r.start - 4:
        tok = doc[j]
        role = _role_of(doc, j)
        if role:
            roles.add(role[0])
            j = role[1] - 1
            continue
        if (tok.text == "," and j == r.start - 1) or tok.lower_ in lx.TITLE_WORDS:
            j -= 1
            continue
        break
    return roles


def _role_mentions(doc, resolved: list[_Resolved], sent_of) -> list[_Resolved]:
    """Emit "the spokeswoman" -> last person with that role; record appositive/title roles."""
    toks = tokens(doc)
    person_at: dict[int, _Resolved] = {}
    for r in resolved:
        if r.actor_type == "person":
            for k in range(r.start, r.end):
                person_at[k] = r
    taken = {k for r in resolved for k in range(r.start, r.end)}
    roles: dict[str, set[str]] = {}
    persons = sorted((r for r in resolved if r.actor_type == "person"), key=lambda r: r.start)
    for p in persons:
        roles.setdefault(p.canonical, set()).update(_person_titles(doc, p))
    out: list[_Resolved] = []
    for t in toks:
        if t.i in taken or t.tag_ not in ("NN", "NNP"):
            continue
        role = _role_of(doc, t.i)
        if not role:
            continue
        group = role[0]
        linked = _appositive_person(doc, t, person_at)
        if linked is not None:  # "the head of ..., Ahmed al-Sharaa": a title, not a new mention
            roles.setdefault(linked.canonical, set()).add(group)
            continue
        dets = [c for c in t.children if c.dep_ == "det" and c.lower_ == "the"]
        if not dets or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # "a commander", "the Mayor of Latakia": not a reference back
        antecedent = _role_antecedent(t.i, group, persons, roles, sent_of, out)
        if antecedent is None:
            continue
        start = min([dets[0].i] + [c.i for c in t.lefts if c.dep_ in ("amod", "compound")])
        if any(k in taken for k in range(start, t.i + 1)):
            continue
        r = _Resolved(start, t.i + 1, "person", antecedent.canonical, "role", None)
        out.append(r)
        taken.update(range(start, t.i + 1))
    return out


def _appositive_person(doc, t, person_at):
    for c in t.children:
        if c.dep_ == "appos" and c.i in person_at:
            return person_at[c.i]
    if t.dep_ == "appos" and t.head.i in person_at:
        return person_at[t.head.i]
    nxt = t.i + 1
    if nxt in person_at and person_at[nxt].start == nxt:  # "its leader Abu Amsha"
        return person_at[nxt]
    after = t.right_edge.i + 1
    if after < len(doc) and doc[after].text == "," and after + 1 in person_at:
        return person_at[after + 1]
    return None


def _role_antecedent(i, group, persons, roles, sent_of, emitted):
    """Nearest earlier person with the same role group; generic roles take any titled person."""
    here = sent_of(i)
    earlier = sorted([p for p in persons if p.start < i] + [r for r in emitted if r.start < i], key=lambda r: r.start)
    for p in reversed(earlier):
        if here - sent_of(p.start) > 10:
            break
        if group in roles.get(p.canonical, ()):
            return p
    if group in lx.GENERIC_ROLE_GROUPS:
        for p in reversed(earlier):
            if here - sent_of(p.start) > 5:
                break
            if roles.get(p.canonical):
                return p
    return None


# ---------------------------------------------------------------------------------------------
# institutions named by their state or place: "the Israeli military", "Sudan's army"
# ---------------------------------------------------------------------------------------------

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
            canonical, atype = f"{name} Armed Forces", "military_unit"
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


# ---------------------------------------------------------------------------------------------
# organisations referred to again: "the Observatory", "the monitor", "a spokesman"
# ---------------------------------------------------------------------------------------------

_ORG_TYPES = frozenset({"organization", "government_body", "military_unit", "armed_group"})
ORG_REFERENCE_REACH = 25  # sentences "the Observatory" can reach back
SPOKESPERSON_REACH = 2  # sentences "a spokesman" can reach back for the body he speaks for


def _org_antecedent(noun: str, allowed, before: int, orgs: list[_Resolved], sent_of, here: int, reach: int):
    """Nearest earlier organisation: one whose name holds the noun first, else one of the allowed types."""
    earlier = [r for r in orgs if r.start < before and here - sent_of(r.start) <= reach]
    for r in reversed(earlier):
        if noun in r.canonical.lower().split():
            return r
    # "According to the same organization", "the agency added": the body that spoke last, before
    # one only named in passing ("fighting between the FARDC and the M23")
    for r in reversed(earlier):
        if r.actor_type in allowed and r.resolution != "reference" and r.speaks:
            return r
    for r in reversed(earlier):
        if r.actor_type in allowed and r.resolution != "reference":
            return r
    return None


CATAPHOR_REACH = 4  # sentences ahead where "a monitoring group" is named


def _place_based(tok) -> bool:
    """ "the Britain-based monitor": a place before "-based" describes, it does not name."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in ("based", "headquartered")


def _org_cataphor(allowed, after: int, orgs: list[_Resolved], sent_of, here: int):
    for r in orgs:
        if r.start > after and sent_of(r.start) - here <= CATAPHOR_REACH and r.actor_type in allowed:
            return r
    return None


def _org_references(doc, resolved: list[_Resolved], sent_of) -> list[_Resolved]:
    toks = tokens(doc)
    taken = {k for r in resolved for k in range(r.start, r.end)}
    orgs = sorted((r for r in resolved if r.actor_type in _ORG_TYPES), key=lambda r: r.start)
    for r in orgs:
        r.speaks = _speaks(doc[r.end - 1])
    out: list[_Resolved] = []
    for t in toks:
        if t.i in taken or t.pos_ not in ("NOUN", "PROPN"):
            continue
        low = t.lower_
        lefts = [c for c in t.lefts if c.dep_ in ("det", "amod", "compound", "poss")]
        if any((c.pos_ == "PROPN" or (c.text[:1].isupper() and c.dep_ != "det")) and not _place_based(c)
               for c in lefts if c.i != t.i):
            continue  # "the UN agency", "Hamas's military wing": a name is written, not referred to
        here = sent_of(t.i)
        if low in lx.ORG_REFERENCE_NOUNS or t.lemma_.lower() in lx.ORG_REFERENCE_NOUNS:
            noun = low if low in lx.ORG_REFERENCE_NOUNS else t.lemma_.lower()
            dets = [c for c in lefts if c.dep_ == "det" and c.lower_ in ("the", "this", "a", "an")]
            if not dets or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
                continue  # "a group of ...", "the group of seven"
            allowed = lx.ORG_REFERENCE_NOUNS[noun]
            if dets[0].lower_ in ("a", "an"):
                # "..., a monitoring group said.": a lead describes the body it names just after
                if not (any(c.dep_ in ("amod", "compound") for c in lefts) and _speaks(t)):
                    continue
                ante = _org_cataphor(allowed, t.i, orgs, sent_of, here) or _org_antecedent(
                    noun, allowed, t.i, orgs, sent_of, here, SPOKESPERSON_REACH)
            else:  # named before, else (a lead that names it later) just after
                ante = _org_antecedent(noun, allowed, t.i, orgs, sent_of, here, ORG_REFERENCE_REACH) or \
                    _org_cataphor(allowed, t.i, orgs, sent_of, here)
        elif low in lx.SPOKESPERSON_NOUNS and t.tag_ in ("NN", "NNS"):
            if any(c.dep_ in ("appos",) for c in t.children) or any(k in taken for k in range(t.i + 1, t.i + 3)):
                continue  # "a spokesman, Ahmed X," or "spokesman Ahmed X": a named person
            if any(r.actor_type == "person" and 0 <= t.i - r.end <= 3 for r in resolved):
                continue  # "Farhan Haq, deputy spokesman for ...": the title of the person just named
            # the body it speaks for: in its own sentence first (either side), else just before
            same = [r for r in orgs if sent_of(r.start) == here]
            ante = min(same, key=lambda r: abs(r.start - t.i)) if same else _org_antecedent(
                low, _ORG_TYPES, t.i, orgs, sent_of, here, SPOKESPERSON_REACH)
        else:
            continue
        if ante is None and low in lx.ORG_REFERENCE_NOUNS and t.text[:1].isupper() and t.i > 0 \
                and toks[t.i - 1].lower_ == "the":
            # "the Observatory" with nothing named before or after: a body the article knows by that
            # word alone; an organisation all the same, never a person
            ante = _Resolved(t.i, t.i + 1, "organization", t.text, "name", None)
        if ante is None:
            continue
        start = min([t.i] + [c.i for c in lefts if c.dep_ != "poss"])
        while start < t.i and toks[start].lower_ in _DETS:
            start += 1
        if any(k in taken for k in range(start, t.i + 1)):
            continue
        resolution = "name" if ante.start == t.i else "reference"
        r = _Resolved(start, t.i + 1, ante.actor_type, ante.canonical, resolution, None, ante.affiliation)
        out.append(r)
        taken.update(range(start, t.i + 1))
    return out


# ---------------------------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------------------------


def extract_mentions(doc, article: ArticleInput) -> list[EntityMention]:
    body = article.body
    sent_starts = [s.start for s in doc.sents]

    def sent_of(tok_i: int) -> int:
        return bisect_right(sent_starts, tok_i) - 1

    cands = _ner_candidates(doc) + _gazetteer_candidates(doc, body) + _keyword_org_candidates(doc)
    cands += _pseudonym_candidates(doc, body) + _institution_candidates(doc)
    chosen = _select(cands, doc)
    extra: list[_Cand] = []
    tables = _build_tables(doc, chosen, extra)
    # definitions "(SNHR)" / "(Abu Amsha)" replace whatever covered those tokens
    defined = {k for c in extra for k in range(c.start, c.end)}
    chosen = [c for c in chosen if not any(k in defined for k in range(c.start, c.end))] + extra
    taken = {k for c in chosen for k in range(c.start, c.end)}
    chosen += _table_candidates(doc, taken, tables)

    resolved = [r for c in sorted(chosen, key=lambda c: c.start) if (r := _classify(doc, c, tables))]
    resolved += _role_mentions(doc, resolved, sent_of)
    resolved += _org_references(doc, resolved, sent_of)
    return [_to_record(doc, r, article, sent_of) for r in sorted(resolved, key=lambda r: r.start)]


def mention_at(start: int | None, end: int | None, mentions: list[EntityMention]) -> EntityMention | None:
    """The mention overlapping the span start:end most: how figures and citations find the actor a
    claimant or source phrase names."""
    if start is None or end is None:
        return None
    best, best_overlap = None, 0
    for m in mentions:
        overlap = min(end, m.end_char) - max(start, m.start_char)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def _to_record(doc, r: _Resolved, article: ArticleInput, sent_of) -> EntityMention:
    start = doc[r.start].idx
    last = doc[r.end - 1]
    end = last.idx + len(last.text)
    return EntityMention(
        mention_id=stable_id(article.article_id, "mention", start, end),
        article_id=article.article_id,
        sentence_no=sent_of(r.start),
        start_char=start,
        end_char=end,
        surface_text=article.body[start:end],
        actor_type=r.actor_type,
        canonical_name=r.canonical,
        resolution=r.resolution,
        ner_label=r.label,
        affiliation=r.affiliation,
    )
