"""The subject a cue names, resolved: pronouns ("he said"), relative pronouns, and definite
references ("the report noted", "the spokesperson added") to an earlier claimant."""
from __future__ import annotations

import bisect
from dataclasses import replace

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.attribution.noun_phrases import _document_author, _np_source, _strip_the
from orchestration.library.extraction.attribution.sources import _Memory, _Source
from orchestration.library.extraction.attribution.vocabulary import (
    ANAPHOR_REACH,
    DOCUMENT_NOUNS,
    IGNORED_PRONOUNS,
    PERSON_HISTORY,
    PERSON_ROLE_NOUNS,
    PRONOUNS_ANY,
    PRONOUNS_NONPERSON,
    PRONOUNS_PERSON,
    RELATIVE_PRONOUNS,
)

# what a title's apposition names when it is not the title's holder ("the Minister, Damascus, ...")
_NOT_HOLDERS = frozenset({"GPE", "LOC", "DATE", "TIME", "NORP", "FAC", "CARDINAL"})


def _resolve_subject(subj, role, cue, sent_no, ents, memory: _Memory) -> _Source | None:
    low = subj.lower_
    if low in PRONOUNS_PERSON:
        prior = memory.last_person(sent_no, PERSON_HISTORY) or _last_person_entity(subj, ents)
        return replace(prior, role=role, cue=cue, carried=False) if prior else None
    if low in PRONOUNS_ANY:
        prior = memory.last(None, sent_no, 3)
        return replace(prior, role=role, cue=cue, carried=False) if prior else None
    if low in PRONOUNS_NONPERSON:
        prior = memory.last(False, sent_no, 3)
        return replace(prior, role=role, cue=cue, carried=False) if prior else None
    if low in RELATIVE_PRONOUNS:
        # "... the agency, which said ..." -> the noun the relative clause hangs on
        verb = subj.head
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return _resolve_subject(verb.head, role, cue, sent_no, ents, memory)
        return None
    if low in IGNORED_PRONOUNS or subj.pos_ == "PRON":
        return None
    if subj.pos_ == "PROPN" and low in lx.ROLE_NOUNS:  # "UN High Commissioner for Human Rights Michelle Bachelet said"
        for child in subj.children:
            if child.dep_ == "appos" and child.i > subj.i and child.is_title and child.ent_type_ not in _NOT_HOLDERS:
                return _np_source(child, role, cue, ents)
    if subj.pos_ == "NOUN":
        for child in subj.children:  # "Kremlin spokesperson, Maria Zakharova, said"
            if child.dep_ == "appos" and (child.ent_type_ in ("PERSON", "ORG") or child.pos_ == "PROPN"):
                return _np_source(child, role, cue, ents)
        for t in subj.subtree:  # parse slips: "The head of X, Ahmed al-Sharaa, said"
            if t.i - subj.i > 15:
                break
            if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > subj.i:
                return _np_source(t, role, cue, ents)
        if subj.lemma_.lower() in DOCUMENT_NOUNS:
            author = _document_author(subj, ents)
            if author is not None:
                return replace(author, role=role, cue=cue)
        if _is_anaphoric(subj):
            prior = _antecedent(subj, sent_no, memory)
            if prior is not None:
                return replace(prior, role=role, cue="carried_over", carried=True)
    return _np_source(subj, role, cue, ents)


def _is_anaphoric(noun) -> bool:
    """"the report", "The network", "the spokesperson": a definite bare common noun."""
    has_definite = False
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that"):
            has_definite = True
        elif child.dep_ in ("compound", "poss", "prep", "appos", "nmod") or child.pos_ == "PROPN":
            return False
    return has_definite


def _antecedent(noun, sent_no, memory: _Memory) -> _Source | None:
    lemma = noun.lemma_.lower()
    prior = memory.by_noun(lemma, sent_no, ANAPHOR_REACH * 2)
    if prior is not None:
        return prior
    if lemma in PERSON_ROLE_NOUNS:
        return memory.last(True, sent_no, ANAPHOR_REACH)
    if lemma in DOCUMENT_NOUNS or lemma in ("network", "group", "organization", "organisation",
                                            "monitor", "observatory", "ministry", "agency",
                                            "office", "committee", "commission", "mission",
                                            "watchdog", "body", "council", "center", "centre"):
        return memory.last(False, sent_no, ANAPHOR_REACH)
    return None


def _last_person_entity(tok, ents) -> _Source | None:
    """Fallback for he/she: the closest PERSON entity before the pronoun."""
    doc = tok.doc
    k = bisect.bisect_right(ents.person_ends, tok.i)
    for ent in reversed(ents.persons[:k]):
        if ent.end <= tok.i:
            text, start, end = _strip_the(doc, ent.start, ent.end)
            return _Source("speaker", "said", text, start, end, is_person=True, is_proper=True,
                           nouns=frozenset(w.lower() for w in text.split()))
    return None
