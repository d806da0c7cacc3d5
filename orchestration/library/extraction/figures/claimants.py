"""Stages 6-7, who says so: attribution carried over to figures whose own line names no source, and
the claimant span mapped to the actor mention it names."""
from __future__ import annotations

import bisect
import re

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors import mention_at
from orchestration.library.extraction.figures.count_types import counts_people
from orchestration.library.extraction.figures.lists import LISTED_CUE, introducing_lines
from orchestration.library.extraction.figures.vocabulary import PERSON_EVENT_TYPES
from orchestration.library.extraction.quotes import quote_regions
from orchestration.library.extraction.records import EntityMention, FigureMention

# --- 6. attribution that carries -------------------------------------------------------------

QUOTE_MARKS = "\"“«„'‘"
CARRY_SENTENCES = 3  # sentence lines an attribution carries over to figures that name no source


def _carry_attribution(figures: list[FigureMention], spans, body: str, mentions: list[EntityMention]) -> None:
    """Figures whose own line names no source take one from context.

    * A figure repeated elsewhere in the article with a source (a headline or lead figure the
      body attributes) takes that source.
    * A list of tolls that continues an attributed sentence ("According to the group's report,
      the dead were: 30 in one town, 12 in another ...") keeps the last source, across at most
      ``CARRY_SENTENCES`` lines, when that line's own figures have a source and the figure counts
      people.
    * A figure inside a quotation takes the speaker named before it.
    """
    attributed = {}
    for fig in figures:
        if fig.claimant_text:
            attributed.setdefault((fig.value_low, fig.value_high, fig.count_type), fig)
    starts = [p.start_char for p in spans]
    # lines whose own figures have a source: only a toll statement carries on to the lines after it
    # ("... 41 were killed, the Observatory said. Twelve died in Douma."); a source that gave no
    # figure ("She stated that Moscow ...") says nothing about the next line's numbers
    breaks = [i for i, ch in enumerate(body) if ch == "\n"]

    def line_of(pos: int) -> int:  # a physical line: a paragraph's sentences share one
        return bisect.bisect_right(breaks, pos)

    counting: dict[int, FigureMention] = {}
    for f in figures:
        if f.claimant_text and f.claimant_mention_id:
            counting[line_of(f.start_char)] = f
    # ... or a list its line introduces ("The ministry said on Monday:" then a line per toll)
    introduced = _lists_introduced(spans, body, mentions)
    # ... or a quotation continues what its speaker, named just before, said
    quoted = quote_regions(body)
    for fig in figures:
        if fig.claimant_text:
            continue
        line_start = body.rfind("\n", 0, fig.start_char) + 1
        # inside quotation marks, or in a paragraph that opens one (a quote running over paragraphs
        # reopens the mark on each and closes it only on the last)
        in_quote = any(s <= fig.start_char < e for s, e in quoted) or body[line_start:fig.start_char].lstrip()[:1] in QUOTE_MARKS
        twin = attributed.get((fig.value_low, fig.value_high, fig.count_type))
        if twin is not None and twin is not fig:
            _copy_claimant(fig, twin.claimant_text, twin.claimant_mention_id, twin.outlet_text)
            continue
        intro = next((m for lo, hi, m in introduced if lo <= fig.start_char < hi), None)
        if intro is not None and (fig.count_type in PERSON_EVENT_TYPES or counts_people(fig.unit)):
            _copy_claimant(fig, intro.canonical_name, intro.mention_id, None, cue=LISTED_CUE)
            continue
        k = bisect.bisect_right(starts, fig.start_char) - 1
        for j in range(k - 1, max(-1, k - 1 - CARRY_SENTENCES), -1):
            attr = spans[j].attribution
            if attr is not None and attr.claimant_text:
                if line_of(spans[j].start_char) not in counting and not in_quote:
                    break
                if not in_quote and fig.count_type not in PERSON_EVENT_TYPES and not counts_people(fig.unit):
                    break  # "Hmeimim remains one of two strategic bases": a toll list counts people
                # only a claimant that is a known actor carries (as its line's figures resolved it): a
                # stray word ("stepped-up patrols") stays where the parser put it
                lead = counting.get(line_of(spans[j].start_char))
                if lead is not None:
                    _copy_claimant(fig, lead.claimant_text, lead.claimant_mention_id, lead.outlet_text)
                else:
                    mention = mention_at(attr.claimant_start, attr.claimant_end, mentions)
                    if mention is not None and (mention.actor_type != "state" or j == k - 1):
                        _copy_claimant(fig, mention.canonical_name, mention.mention_id, attr.outlet_text)
                break


def _lists_introduced(spans, body: str, mentions: list[EntityMention]) -> list[tuple[int, int, EntityMention]]:
    """(start, end, speaker) of each list a reporting line introduces: a line that ends in a colon
    (:func:`lists.introducing_lines`) whose attribution span ends there and names a known actor as
    its source ("UNHCR said on Monday:", "According to OCHA, the toll by district is as follows:")."""
    by_end = {}  # where each attributed span's text ends -> its attribution
    for piece in spans:
        attr = piece.attribution
        if attr is not None and attr.claimant_start is not None:
            by_end[piece.start_char + len(body[piece.start_char:piece.end_char].rstrip())] = attr
    out = []
    for _line_start, colon_end, start, end in introducing_lines(body):
        attr = by_end.get(colon_end)
        speaker = mention_at(attr.claimant_start, attr.claimant_end, mentions) if attr is not None else None
        if speaker is not None:  # only a known actor carries: a stray word stays where the parser put it
            out.append((start, end, speaker))
    return out


def _copy_claimant(fig: FigureMention, claimant: str | None, mention_id: str | None, outlet: str | None,
                   cue: str = "carried_over") -> None:
    fig.claimant_text, fig.claimant_mention_id = claimant, mention_id
    fig.outlet_text = fig.outlet_text or outlet
    fig.attribution_cue = cue


# --- 7. mentions ----------------------------------------------------------------------------

ROLE_REACH = 1500  # characters back a role noun ("the governor", "Commissioner") looks for its holder


def _role_holder(fig: FigureMention, span, mentions: list[EntityMention], body: str) -> EntityMention | None:
    """A claimant named only by a role ("Governor", "the mayor of Kramatorsk") is the person
    last introduced with that role word just before the name ("Donetsk Governor Pavlo Kyrylenko")."""
    words = (fig.claimant_text or "").lower().replace("-", " ").split()
    roles = [w for w in words if w in lx.ROLE_NOUNS]
    if not roles or not body:
        return None
    after = [m for m in mentions if m.actor_type == "person" and 0 <= m.start_char - span[1] <= 60
             and _APPOSITION_GAP.match(body[span[1]:m.start_char])]
    if after:  # "The Commissioner of Police, Damian Chukwu, said": the name in apposition
        return after[0]

    office = re.search(r"\bof (?:the )?([A-Z][\w-]*(?: [A-Za-z][\w-]*){0,3})", fig.claimant_text or "")

    def holds_role(m) -> bool:  # "Donetsk governor Pavlo Kyrylenko", "Damian Chukwu, the commissioner"
        before = body[max(0, m.start_char - 60):m.start_char].lower()
        after_text = body[m.end_char:m.end_char + 60].lower()
        if office and office.group(1).lower() in before[-40:]:
            return True  # "the governor of the Kherson region" ... "the head of the Kherson region, Oleksandr Prokudin"
        return any(r in before.split()[-4:] or f", {r}" in after_text[:20] or f", the {r}" in after_text[:30]
                   for r in roles)

    people = [m for m in mentions if m.actor_type == "person" and abs(span[0] - m.start_char) <= ROLE_REACH]
    earlier = [m for m in people if m.end_char <= span[0]]
    later = [m for m in people if m.start_char >= span[1]]  # a lead may name the role before the person
    return next((m for m in reversed(earlier) if holds_role(m)), None) or next((m for m in later if holds_role(m)), None)


# ", " in apposition, or a title's "of the X" right before the name ("Governor of the Donetsk region Pavel K.")
_APPOSITION_GAP = re.compile(r"^(?:(?:\s+(?:of|for|at|in)\s+[^,.;]{1,40})?\s*,\s*|\s+(?:of|for)\s+[^,.;]{1,40}\s+)$")


def _attach_mention(fig: FigureMention, span, mentions: list[EntityMention], body: str) -> None:
    """Claimant span (start, end, is_person) -> the actor mention it names, its id and canonical name."""
    if not mentions or span is None or span[0] is None:
        return
    best = mention_at(span[0], span[1], mentions) or _role_holder(fig, span, mentions, body)
    if best is None and span[2] and not (fig.claimant_text or "")[:1].islower():
        # "he said" resolved by the parser to a word no finder took for a person ("Kremenchuk"):
        # the person named last before the figure
        best = next((m for m in reversed(mentions) if m.actor_type == "person" and m.end_char <= fig.start_char
                     and fig.start_char - m.end_char <= ROLE_REACH), None)
    if best is not None:
        fig.claimant_mention_id = best.mention_id
        fig.claimant_text = best.canonical_name
