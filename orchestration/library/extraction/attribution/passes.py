"""One claimant and one outlet per line, then the passes across lines: quotations spanning
lines, "X said this", headline "SOURCE: claim" lines, and outlets shared within a paragraph."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from orchestration.library.extraction.actors.gazetteer import is_known_town, is_place_in_capitals
from orchestration.library.extraction.attribution.sources import Attribution, _Source
from orchestration.library.extraction.tokens import text_of

# "AFP: Almost 1,500 civilians rescued", "• DSWD: Over 200,000 displaced": a headline that names
# its source before a colon
_HEADLINE_SOURCE = re.compile(r"(?m)^[ \t]*(?:[•*-][ \t]*)?(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})\s*:\s+\S")


_NOT_HEADLINE_SOURCES = frozenset({
    "photo", "photos", "video", "read", "related", "source", "sources", "update", "updated", "watch", "breaking",
    "live", "analysis", "opinion", "editor", "note", "file", "caption", "credit", "see", "also", "more", "date",
    "published", "posted", "by", "tags", "topics", "share", "warning", "exclusive", "explainer", "listen",
})


def _headline_sources(out, pieces, doc) -> None:
    """Pieces of a "SOURCE: claim" line with no speaker of their own take the named source."""
    text = text_of(doc)
    for i, (sent_no, piece) in enumerate(pieces):
        if out[i] is not None:
            continue
        line_start = text.rfind("\n", 0, piece.start_char) + 1
        line_end = text.find("\n", piece.start_char)
        line_end = line_end if line_end >= 0 else len(text)
        m = _HEADLINE_SOURCE.match(text, line_start, line_end)
        if not m or any(w.lower() in _NOT_HEADLINE_SOURCES for w in m.group("name").split()):
            continue
        claim = doc.char_span(m.end("name"), line_end, alignment_mode="contract")
        if claim is not None and not any(t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBN", "VBD") for t in claim):
            continue  # "Bishnupur: 18", "Thoubal: 4 deaths": a table's row names what it counts, not who says
        start, end = m.start("name"), m.end("name")
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span) or not all(t.pos_ == "PROPN" or t.text.isupper() for t in span):
            continue
        name = m.group("name")
        if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE") for t in span) or is_known_town(name) \
                or is_place_in_capitals(name):
            continue  # "Gaza: 40 killed in strike", "- Donetsk: 8 killed", "SEHWAN: ...": a place, not a source
        out[i] = Attribution(sent_no, "said", name, start, end, False)


_CLAIMANT_PRIORITY = {"documented_by": 0, "citing": 0, "speaker": 1, "according_to": 2,
                      "reporter": 3, "reported_by": 4, "subject": 5}


def _choose(sources: list[_Source], sent_no: int) -> Attribution | None:
    if not sources:
        return None
    claimants = [s for s in sources if s.role in _CLAIMANT_PRIORITY and not s.is_outlet]
    claimants.sort(key=lambda s: (_CLAIMANT_PRIORITY[s.role], s.depth, s.start))
    claimant = claimants[0] if claimants else None
    outlets = [s for s in sources if s.is_outlet]
    outlets += [s for s in sources if s.role == "recipient" and not s.is_outlet]
    if claimant is not None:
        outlets += [s for s in sources if s.role in ("according_to", "reported_by", "reporter")
                    and s is not claimant and s.is_proper and s.text != claimant.text]
    outlet = outlets[0] if outlets else None
    if claimant is None and outlet is None:
        return None
    if claimant is None and outlet.role == "recipient":
        # "..., the mayor of the town told AFP": someone told the agency; the agency is the outlet,
        # never the one who claims the figure, even when the speaker could not be named
        attr = Attribution(sent_no, outlet.cue)
        attr.outlet_text, attr.outlet_start, attr.outlet_end = outlet.text, outlet.start, outlet.end
        return attr
    if claimant is None:
        claimant = outlet  # a medium reporting on its own: it is also the claimant
    cue = "carried_over" if claimant.carried else claimant.cue
    attr = Attribution(sent_no, cue, claimant.text, claimant.start, claimant.end,
                       claimant.is_person)
    if outlet is not None:
        attr.outlet_text, attr.outlet_start, attr.outlet_end = outlet.text, outlet.start, outlet.end
    return attr


def _propagate_through_quotes(out, pieces, quotes, paragraphs) -> None:
    """A line inside a multi-sentence quote borrows the attribution of the quote's edges."""
    if not quotes.regions:
        return
    starts = [p.start_char for _, p in pieces]
    for i, (sent_no, piece) in enumerate(pieces):
        if out[i] is not None:
            continue
        for q_start, q_end in quotes.overlapping(piece.start_char, piece.end_char):
            for pos in (q_end, q_start):
                k = bisect.bisect_right(starts, pos) - 1
                if 0 <= k < len(out) and k != i and out[k] is not None and paragraphs[k] == paragraphs[i]:
                    out[i] = replace(out[k], sentence_no=sent_no)
                    break
            if out[i] is not None:
                break


_SAID_THIS = re.compile(
    r"\b(?:said|says|stated|states|reported|reports|announced|confirmed|added|noted|wrote|told\s+[\w ]{2,30}?)"
    r"\s+(?:this|so)\b(?!\s+\w+\s+(?:was|were|is|are|had|has|have|would|will)\b)")


def _said_this(out, pieces, paragraphs) -> None:
    """ "Minister X said this at a briefing": the statement is the sentence before, in its paragraph."""
    for i in range(1, len(pieces)):
        if out[i] is None or out[i - 1] is not None or paragraphs[i] != paragraphs[i - 1]:
            continue
        if _SAID_THIS.search(pieces[i][1].text):
            out[i - 1] = replace(out[i], sentence_no=pieces[i - 1][0])


def _share_outlets(out, paragraphs) -> None:
    """Neighbouring sentences of a paragraph with the same claimant share the outlet."""
    for order in (range(1, len(out)), range(len(out) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            a, b = out[i], out[j]
            if a is None or b is None or a.outlet_text or not b.outlet_text:
                continue
            if paragraphs[i] == paragraphs[j] and a.claimant_text == b.claimant_text:
                a.outlet_text, a.outlet_start, a.outlet_end = b.outlet_text, b.outlet_start, b.outlet_end
