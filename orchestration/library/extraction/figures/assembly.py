"""Entry point: :func:`extract_figures` assembles each figure of an article from a number expression
(exclude, qualify, classify, place, attribute), then links parts and attaches claimants."""
from __future__ import annotations

import bisect

from orchestration.library.extraction.attribution import Attribution, find_attribution_spans
from orchestration.library.extraction.figures.claimants import _attach_mention, _carry_attribution
from orchestration.library.extraction.figures.count_types import (
    _classify,
    _unit_text,
    _unit_token,
    refers_to_a_count,
    types_of_introduced_lists,
)
from orchestration.library.extraction.figures.exclusions import _excluded
from orchestration.library.extraction.figures.number_expressions import _Group, _scan_sentence
from orchestration.library.extraction.figures.parts import _drop_lone_ones, _link_parts, link_to_previous_sentence
from orchestration.library.extraction.figures.qualifiers import _qualify
from orchestration.library.extraction.figures.ranking import rank_claimants
from orchestration.library.extraction.figures.subjects import _place, _places_by_sentence, _subject
from orchestration.library.extraction.figures.vocabulary import AID_WORDS, CURRENCY, CURRENCY_SCALES, PERSON_EVENT_TYPES
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput, EntityMention, FigureMention
from orchestration.library.extraction.tokens import sentences

# --- entry point ----------------------------------------------------------------------------


def extract_figures(doc, article: ArticleInput, mentions: list[EntityMention],
                    attribution_spans=None, collect: list | None = None) -> list[FigureMention]:
    """All counting figures of one parsed article, in body order. ``collect`` (training the claimant
    model) receives each figure's claimant candidates, and the rules' claimants are left as they are."""
    if attribution_spans is None:
        attribution_spans = find_attribution_spans(doc)
    span_starts = [a.start_char for a in attribution_spans]
    sents = sentences(doc)
    places = _places_by_sentence(doc, sents)
    figures: list[FigureMention] = []
    previous: list[FigureMention] = []  # the figures of the sentence before
    for sent_no, sent in enumerate(sents):
        sent_figures = []
        for group in _scan_sentence(doc, sent):
            k = bisect.bisect_right(span_starts, doc[group.start].idx) - 1
            attribution = attribution_spans[k].attribution if k >= 0 else None
            fig = _build_figure(doc, sent, sent_no, group, article, attribution, places[sent_no])
            if fig is not None:
                sent_figures.append(fig)
        _link_parts(doc, sent, sent_figures)
        link_to_previous_sentence(doc, sent, sent_figures, previous)
        _drop_lone_ones(sent_figures)
        for fig, g, span in sent_figures:
            if fig.count_type == "other" and refers_to_a_count(doc, g, _unit_token(doc, g)):
                _count_of_earlier(fig, figures)
            _attach_mention(fig, span, mentions, article.body)
            figures.append(fig)
        previous = [f for f, _, _ in sent_figures] or previous
    types_of_introduced_lists(doc, article.body, figures)
    _carry_attribution(figures, attribution_spans, article.body, mentions)
    rank_claimants(doc, article, figures, mentions, collect=collect)
    return figures


COUNT_REACH = 3  # sentences back a "the number" / "the figure" finds what was counted


def _count_of_earlier(fig: FigureMention, earlier: list[FigureMention]) -> None:
    """ "This is bringing up the number to 41": the count type of the last person count before."""
    for other in reversed(earlier):
        if fig.sentence_no - other.sentence_no > COUNT_REACH:
            return
        if other.count_type in PERSON_EVENT_TYPES:
            fig.count_type = other.count_type
            return


# --- assembling one figure ------------------------------------------------------------------


def _build_figure(doc, sent, sent_no, g: _Group, article: ArticleInput,
                  attribution: Attribution | None, sent_places: list):
    unit = _unit_token(doc, g)
    if _excluded(doc, article.body, g, unit):
        return None
    qualifier, s_tok, e_tok = _qualify(doc, sent, g, unit)
    start_char = doc[s_tok].idx
    end_char = doc[e_tok - 1].idx + len(doc[e_tok - 1].text)
    count_type, clause_head = _classify(doc, g, unit)
    unit_text = _unit_text(unit)
    if g.start > 0 and doc[g.start - 1].text.lower() in CURRENCY:
        unit, unit_text = None, CURRENCY[doc[g.start - 1].text.lower()]
        suffix = doc[g.end] if g.end < len(doc) else None
        if suffix is not None and suffix.lower_ in CURRENCY_SCALES and suffix.idx == end_char:
            g.low, g.high = g.low * CURRENCY_SCALES[suffix.lower_], g.high * CURRENCY_SCALES[suffix.lower_]
            end_char = suffix.idx + len(suffix.text)  # "$5m"
            count_type = "other"
        if count_type in PERSON_EVENT_TYPES:
            count_type = "other"  # "Rs 5 lakh to the families of those who died": money, not the dead
        if any(t.lemma_.lower() in AID_WORDS for t in doc[max(sent.start, g.start - 4):min(g.end + 4, sent.end)]):
            count_type = "aid"  # "$5 million in aid", "an ex-gratia amount of Rs 5 lakh"
    place = _place(sent_places, sent, clause_head, count_type, attribution, g.anchor)
    fig = FigureMention(
        figure_id=stable_id(article.article_id, "figure", start_char, end_char),
        article_id=article.article_id,
        sentence_no=sent_no,
        start_char=start_char,
        end_char=end_char,
        surface_text=article.body[start_char:end_char],
        value_low=float(g.low),
        value_high=float(g.high),
        qualifier=qualifier,
        unit=unit_text,
        count_type=count_type,
        subject=_subject(unit_text, count_type, place),
        is_vague=g.vague,
    )
    span = None
    if attribution is not None:
        fig.claimant_text = attribution.claimant_text
        fig.outlet_text = attribution.outlet_text
        fig.attribution_cue = attribution.cue
        span = (attribution.claimant_start, attribution.claimant_end, attribution.claimant_is_person)
    return fig, g, span
