"""Stage 5, part-of links: figures that are parts of an earlier figure in their sentence ("803 people,
including 39 children"), and bare "one"s that count nothing."""
from __future__ import annotations

from orchestration.library.extraction.figures.number_expressions import _Group
from orchestration.library.extraction.figures.subjects import _subject
from orchestration.library.extraction.figures.vocabulary import (
    BACK_GROUP_NOUNS,
    BACK_REFERENCES,
    PART_MARKERS,
    PERSON_EVENT_TYPES,
)
from orchestration.library.extraction.tokens import tokens


def _part_marker(doc, sent, g: _Group) -> int | None:
    """Token index of "including"/"of whom"/"among them" introducing this figure, if any."""
    # linear: the words right before the figure
    for n in (2, 1):
        k = g.start - n
        if k >= sent.start and tuple(doc[j].lower_ for j in range(k, g.start)) in PART_MARKERS:
            return k
    # syntactic: an "including" among the ancestors ("including 39 children and 49 women")
    x = doc[g.anchor]
    for _ in range(6):
        if x.head.i == x.i or x.head.i < sent.start:
            break
        x = x.head
        if x.lower_ in ("including", "includes") and x.i < g.start:
            return x.i
        if x.pos_ == "VERB" and x.lower_ not in ("including",):
            break
    return None


def _opening_whole(doc, sent, sent_figures) -> tuple[object, int] | None:
    """ "Of the five killed, two are from the DRG; two ...": the figure of an opening "of the"/"among
    the" phrase and where the phrase ends; the figures after it count its parts."""
    if sent.end - sent.start < 4 or doc[sent.start].lower_ not in ("of", "among") \
            or doc[sent.start + 1].lower_ != "the":
        return None
    comma = next((t.i for t in doc[sent.start:min(sent.end, sent.start + 10)] if t.text == ","), None)
    if comma is None:
        return None
    inside = [fig for fig, g, _ in sent_figures if sent.start < g.start and g.end <= comma]
    return (inside[0], doc[comma].idx) if len(inside) == 1 else None


def _colon_whole(doc, sent, sent_figures) -> tuple[object, int] | None:
    """ "this breakdown of the 45 dead: 20 in Goma, 15 in Sake and 10 in Minova": the figure that
    closes the words before a colon, and where the colon is; the figures after it count its parts."""
    colon = next((t for t in tokens(doc)[sent.start:sent.end] if t.text == ":"), None)
    if colon is None:
        return None
    before = [(fig, g) for fig, g, _ in sent_figures if g.end <= colon.i]
    if not before or colon.i - before[-1][1].end > 3:
        return None  # "45 dead" right before the colon, not a figure earlier in a longer clause
    return before[-1][0], colon.idx


def _link_parts(doc, sent, sent_figures) -> None:
    """Set parent_figure_id of figures that are parts of an earlier figure in the sentence."""
    whole = _opening_whole(doc, sent, sent_figures) or _colon_whole(doc, sent, sent_figures)
    for idx, (fig, g, _) in enumerate(sent_figures):
        if whole is not None and fig.start_char > whole[1] and fig.parent_figure_id is None \
                and fig.value_low <= whole[0].value_high and whole[0].count_type in PERSON_EVENT_TYPES:
            fig.parent_figure_id = whole[0].figure_id
            if fig.count_type == "other":
                fig.count_type = whole[0].count_type
                fig.subject = _subject(fig.unit, fig.count_type, None)
            continue
        marker = _part_marker(doc, sent, g)
        if marker is None:
            continue
        marker_char = doc[marker].idx
        for parent, _, _ in reversed(sent_figures[:idx]):
            if parent.parent_figure_id is not None or parent.end_char > marker_char:
                continue
            if parent.count_type in ("distance", "duration") or parent.value_high < fig.value_low:
                continue
            fig.parent_figure_id = parent.figure_id
            if fig.count_type == "other" and parent.count_type != "other":
                fig.count_type = parent.count_type
                fig.subject = _subject(fig.unit, fig.count_type, None)
            break


def _drop_lone_ones(sent_figures) -> None:
    """A bare "one" counts only victims/people in an event or a part of a larger figure."""
    sent_figures[:] = [
        item for item in sent_figures if not (
            (f := item[0]).surface_text.lower().endswith("one") and f.value_low == 1
            and f.parent_figure_id is None and f.count_type not in PERSON_EVENT_TYPES)
    ]


def _refers_back(doc, sent, g: _Group) -> bool:
    """ "20 of them are males", "Among them, 12 children": a part of a count given before."""
    anchor = doc[g.anchor]
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of" and any(o.lower_ in BACK_REFERENCES for o in child.children):
            return True
    if [t.lower_ for t in doc[g.end:g.end + 3]][:2] == ["of", "the"] and g.end + 2 < len(doc) \
            and doc[g.end + 2].lower_ in BACK_GROUP_NOUNS:
        return True  # "Two of the victims were registered as civilians"
    opening = [t.lower_ for t in doc[sent.start:min(sent.start + 3, g.start)]]
    return opening[:2] in (["among", "them"], ["of", "them"], ["of", "these"], ["among", "those"],
                           ["they", "included"], ["they", "include"])


def link_to_previous_sentence(doc, sent, sent_figures, previous: list) -> None:
    """Figures that count part of the last person count of the sentence before ("27 people were
    injured. 20 of them are males and seven are females."): linked to it, and of its type when they
    have none of their own; the rest of the sentence's figures follow the first such part."""
    parent = next((f for f in reversed(previous) if f.count_type in PERSON_EVENT_TYPES), None)
    if parent is None:
        return
    linking = False
    for fig, g, _ in sent_figures:
        linking = linking or _refers_back(doc, sent, g)
        if not linking or fig.parent_figure_id is not None or fig.value_low > parent.value_high:
            continue
        fig.parent_figure_id = parent.figure_id
        if fig.count_type == "other":
            fig.count_type = parent.count_type
            fig.subject = _subject(fig.unit, fig.count_type, None)
