"""Entry point: :func:`extract_figures` assembles each figure of an article from a number expression
(exclude, qualify, classify, place, attribute), then links parts and attaches claimants."""
from __future__ import annotations

import bisect

from orchestration.library.extraction.attribution import Attribution, find_attribution_spans
from orchestration.library.extraction.figures.claimants import _attach_mention, _carry_attribution
from orchestration.library.extraction.figures.count_types import _classify, _unit_text, _unit_token
from orchestration.library.extraction.figures.exclusions import _excluded
from orchestration.library.extraction.figures.number_expressions import _Group, _scan_sentence
from orchestration.library.extraction.figures.parts import _drop_lone_ones, _link_parts
from orchestration.library.extraction.figures.qualifiers import _qualify
from orchestration.library.extraction.figures.subjects import _place, _places_by_sentence, _subject
from orchestration.library.extraction.figures.vocabulary import CURRENCY, CURRENCY_SCALES
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput, EntityMention, FigureMention

# --- entry point ----------------------------------------------------------------------------


def extract_figures(doc, article: ArticleInput, mentions: list[EntityMention],
                    attribution_spans=None) -> list[FigureMention]:
    """All counting figures of one parsed article, in body order."""
    if attribution_spans is None:
        attribution_spans = find_attribution_spans(doc)
    span_starts = [a.start_char for a in attribution_spans]
    sents = list(doc.sents)
    places = _places_by_sentence(doc, sents)
    figures: list[FigureMention] = []
    for sent_no, sent in enumerate(sents):
        sent_figures = []
        for group in _scan_sentence(doc, sent):
            k = bisect.bisect_right(span_starts, doc[group.start].idx) - 1
            attribution = attribution_spans[k].attribution if k >= 0 else None
            fig = _build_figure(doc, sent, sent_no, group, article, attribution, places[sent_no])
            if fig is not None:
                sent_figures.append(fig)
        _link_parts(doc, sent, sent_figures)
        _drop_lone_ones(sent_figures)
        for fig, _, span in sent_figures:
            _attach_mention(fig, span, mentions, article.body)
            figures.append(fig)
    _carry_attribution(figures, attribution_spans, article.body, mentions)
    return figures


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
        if any(t.lemma_.lower() in ("aid", "assistance", "relief", "funding")
               for t in doc[g.end:min(g.end + 4, sent.end)]):
            count_type = "aid"  # "$5 million in aid"
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
