"""A noun phrase as a source: its extent and name, whether it is a person or an outlet, and the
author of a document noun ("the estimates of the DPR")."""
from __future__ import annotations

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.attribution.sources import _Source
from orchestration.library.extraction.attribution.vocabulary import (
    AUTHOR_VERBS,
    ENTITY_LABELS,
    OUTLET_CUE_WORDS,
    PERSON_ROLE_NOUNS,
    is_outlet_name,
)


def _document_author(doc_noun, ents) -> _Source | None:
    """"a report documented by SNHR", "figures from the UN", "a report by HRW" -> the author."""
    for child in doc_noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in AUTHOR_VERBS:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            cue = "documented_by" if child.lemma_.lower() != "report" else "reported_by"
                            return _np_source(obj, "documented_by", cue, ents)
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.ent_type_ in ENTITY_LABELS):
                    return _np_source(obj, "documented_by", "documented_by", ents)
        if child.dep_ == "poss" and (child.pos_ == "PROPN" or child.ent_type_ in ENTITY_LABELS):
            return _np_source(child, "documented_by", "documented_by", ents)
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.text[:1].isupper():
            return _np_source(child, "documented_by", "documented_by", ents)  # "AFP figures", "OCHA data"
    return None


_WHEN_LABELS = frozenset({"DATE", "TIME"})


def _np_source(tok, role: str, cue: str, ents) -> _Source | None:
    """Turn the head token of a source phrase into a _Source with a clean name span."""
    doc = tok.doc
    if tok.ent_type_ in _WHEN_LABELS or tok.lower_ in lx.MONTH_NUMBERS or tok.lower_ in lx.WEEKDAY_NUMBERS:
        return None  # "the report as of 14 January": a date never speaks
    if tok.like_num or tok.pos_ == "NUM":
        return None  # "put the number of victims at 46 citing ...": a figure the parser made a subject
    outlet_words = [t.text for t in tok.subtree if not t.is_punct][:12]
    name_tok = _name_inside_description(tok)
    is_outlet = is_outlet_name(outlet_words)
    if name_tok is not None and name_tok.i != tok.i:
        tok = name_tok
    ent = ents.get(tok.i)
    if ent is not None and ent.label_ in ENTITY_LABELS:
        start_i, end_i = ent.start, ent.end
        is_person = ent.label_ == "PERSON"
        proper = True
        while is_person and end_i - start_i > 1 and (doc[start_i].pos_ != "PROPN" or
                                                     doc[start_i].lemma_.lower() in PERSON_ROLE_NOUNS):
            start_i += 1  # "Spokesperson Maria Zakharova" -> "Maria Zakharova"
    elif tok.pos_ == "PROPN" and tok.text[:1].isupper():
        start_i, end_i = _proper_chain(tok)
        is_person = False
        proper = True
    else:
        start_i, end_i = _common_np(tok)
        is_person = tok.lemma_.lower() in PERSON_ROLE_NOUNS and tok.tag_ in ("NN", "NNP")
        proper = False
    if tok.pos_ not in ("NOUN", "PROPN") and ent is None:
        return None
    text, start, end = _strip_the(doc, start_i, end_i)
    if not text:
        return None
    if is_person and end_i - start_i == 1:
        text = _full_name(ents, doc, start_i, text)
    if not is_outlet:
        is_outlet = is_outlet_name(text.split())
    nouns = frozenset(w.lower().strip("(),") for w in text.split()) | {tok.lemma_.lower()}
    if is_outlet and proper:
        is_person = False  # outlet names are often mis-tagged PERSON ("Enab Baladi")
    return _Source(role, cue, text, start, end, is_outlet=is_outlet and not is_person,
                   is_person=is_person, is_proper=proper, nouns=nouns)


def _full_name(ents, doc, i: int, surname: str) -> str:
    """"Zakharova" -> "Maria Zakharova" when the full name appeared earlier in the article."""
    for ent in getattr(ents, "persons", ()):
        if ent.start >= i:
            break
        if len(ent) > 1 and ent[-1].text == surname:
            return _strip_the(doc, ent.start, ent.end)[0]
    return surname


def _name_inside_description(tok):
    """"the Russian news agency TASS" -> TASS; "state news agency SANA" is already the name."""
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
        if tok.lower_ in OUTLET_CUE_WORDS or tok.lemma_.lower() in ("agency", "paper", "network", "station"):
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:  # "the Daily Sabah newspaper" -> Daily Sabah
                return max(names, key=lambda c: c.i)
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not nxt.is_sent_start:
                return nxt  # "the official news agency SUNA put ...": the name the parser left outside
    return None


def _proper_chain(tok) -> tuple[int, int]:
    """Contiguous capitalized compounds ending at tok ("Human Rights Watch", "The Media Line")."""
    doc = tok.doc
    start = tok.i
    for child in sorted(tok.children, key=lambda c: -c.i):
        if child.i == start - 1 and child.dep_ in ("compound", "amod") and child.text[:1].isupper():
            start = child.i
            # compounds of compounds: "Human" -> "Rights" -> "Watch"
            for grand in sorted(child.children, key=lambda c: -c.i):
                if grand.i == start - 1 and grand.text[:1].isupper() and grand.dep_ != "det":
                    start = grand.i
    if start > 0 and doc[start - 1].text == "The" and not doc[start - 1].is_sent_start:
        start -= 1  # a capitalized "The" mid-sentence belongs to the name
    return start, tok.i + 1


_NP_LEFT_DEPS = {"compound", "amod", "poss", "case", "nummod", "det", "nmod", "quantmod"}


def _common_np(tok) -> tuple[int, int]:
    """Common-noun phrase: left modifiers plus a short "of/for/at/in X" tail (max ~8 tokens)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            start = min(start, min(t.i for t in child.subtree))
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "in", "from", "on"):
            sub_end = max(t.i for t in child.subtree) + 1
            if sub_end - start <= 8:
                end = sub_end
            break
        if child.dep_ == "case":  # "Kyiv 's"
            end = max(end, child.i + 1)
    return start, end


def _strip_the(doc, start_i: int, end_i: int) -> tuple[str, int, int]:
    """Trim punctuation and a determiner "the" around a name span -> (text, start_char, end_char).

    A capitalized "The" is kept mid-sentence ("told The Media Line") but dropped at the start
    of a sentence or line, where it is just capitalized.
    """
    while start_i < end_i:
        t = doc[start_i]
        line_start = t.is_sent_start or t.i == 0 or "\n" in doc[t.i - 1].text_with_ws
        if t.is_punct or t.is_space or t.text == "the" or (t.text == "The" and line_start):
            start_i += 1
        else:
            break
    while end_i > start_i and (doc[end_i - 1].is_punct or doc[end_i - 1].is_space):
        end_i -= 1
    if start_i >= end_i:
        return "", 0, 0
    span = doc[start_i:end_i]
    return span.text, span.start_char, span.end_char
