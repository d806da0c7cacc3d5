"""Entry point: :func:`extract_mentions` runs the stages over one parsed article and emits its
EntityMention records; :func:`mention_at` finds the mention a character span names."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.candidates import (
    _described_un_body_candidates,
    _gazetteer_candidates,
    _keyword_org_candidates,
    _ner_candidates,
    _people_by_context,
    _pseudonym_candidates,
    _publisher_candidates,
    _select,
)
from orchestration.library.extraction.actors.classification import _classify
from orchestration.library.extraction.actors.institutions import (
    _institution_candidates,
    reads_article_title,
)
from orchestration.library.extraction.actors.mention_spans import _Cand, _Resolved
from orchestration.library.extraction.actors.references import _org_references
from orchestration.library.extraction.actors.roles import _role_mentions
from orchestration.library.extraction.actors.tables import _build_tables, _table_candidates
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput, EntityMention
from orchestration.library.extraction.tokens import sentences


@reads_article_title  # home_state counts the headline's states (institutions.py)
def extract_mentions(doc, article: ArticleInput) -> list[EntityMention]:
    body = article.body
    sent_starts = [s.start for s in sentences(doc)]

    def sent_of(tok_i: int) -> int:
        return bisect_right(sent_starts, tok_i) - 1

    cands = _people_by_context(doc) + _ner_candidates(doc) + _gazetteer_candidates(doc, body) + _keyword_org_candidates(doc)
    cands += _described_un_body_candidates(doc) + _publisher_candidates(doc, body, article.publisher)
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
    resolved = _without_places_named_once(resolved)
    return [_to_record(doc, r, article, sent_of) for r in sorted(resolved, key=lambda r: r.start)]


_BODY_TYPES_OF_PLACES = frozenset({"organization", "government_body", "other"})


def _without_places_named_once(resolved: list[_Resolved]) -> list[_Resolved]:
    """A building or ground named once and never speaking ("at Tanta University Hospital", "the
    Medina Hotel") is where something happened, not an actor: places never are."""
    counts = Counter(r.canonical for r in resolved)

    def a_place(r: _Resolved) -> bool:
        words = r.canonical.lower().split()
        return r.actor_type in _BODY_TYPES_OF_PLACES and counts[r.canonical] == 1 and not r.speaks \
            and bool(words) and words[-1] in lx.FACILITY_NOUNS
    return [r for r in resolved if not a_place(r)]


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
    return mention_record(article, start, end, sent_of(r.start), r.actor_type, r.canonical, r.resolution,
                          ner_label=r.label, affiliation=r.affiliation)


def mention_record(article: ArticleInput, start: int, end: int, sentence_no: int, actor_type: str, canonical: str,
                   resolution: str, ner_label: str | None = None, affiliation: str | None = None) -> EntityMention:
    """The mention of the body's characters start:end, its id fixed by the article and the span."""
    return EntityMention(
        mention_id=stable_id(article.article_id, "mention", start, end),
        article_id=article.article_id,
        sentence_no=sentence_no,
        start_char=start,
        end_char=end,
        surface_text=article.body[start:end],
        actor_type=actor_type,
        canonical_name=canonical,
        resolution=resolution,
        ner_label=ner_label,
        affiliation=affiliation,
    )
