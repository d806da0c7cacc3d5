"""Stage 4, subject: the place named in a figure's clause and the subject phrase built from unit,
count type and place."""
from __future__ import annotations

import bisect

from orchestration.library.extraction.attribution import Attribution
from orchestration.library.extraction.figures.vocabulary import (
    FACILITY_NOUNS,
    PERSON_EVENT_TYPES,
    PLACE_LABELS,
    PLACE_PREPS,
)
from orchestration.library.extraction.tokens import entities


def _places_by_sentence(doc, sents) -> list[list]:
    """GPE/FAC/LOC entities bucketed by sentence in one pass (no per-figure scan of doc.ents)."""
    starts = [s.start for s in sents]
    out: list[list] = [[] for _ in sents]
    for ent in entities(doc):
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
