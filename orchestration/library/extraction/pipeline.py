"""Text in, records out: run every extractor over one parsed article.

``extract_from_doc`` runs every extractor over a spaCy Doc; the parsing runner
(``orchestration.warehouse.parsing.extract_chunk``) calls it on each Doc of ``nlp.pipe``, in this process
or on a Dask worker. ``extract_article`` parses one text first, for scripts and tests. Pure: no
I/O, no Dagster, no DuckDB.
"""
from __future__ import annotations

from orchestration.library.extraction import actors, citations, dates, events, figures, quotes, reported_bodies
from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.cited import cited_body_mentions
from orchestration.library.extraction.attribution import find_attribution_spans
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.nlp import load_nlp
from orchestration.library.extraction.records import ArticleExtraction, ArticleInput, PlaceMention, Sentence
from orchestration.library.extraction.tokens import entities, release, remember_text, sentences

PLACE_LABELS = lx.PLACE_LABELS


def split_sentences(doc, article: ArticleInput) -> list[Sentence]:
    """Sentences with offsets into the body; paragraph_no counts newline-separated blocks."""
    body = article.body
    out: list[Sentence] = []
    for i, sent in enumerate(sentences(doc)):
        start, end = sent.start_char, sent.end_char
        # spaCy keeps trailing whitespace/newlines inside a sentence span; trim for clean slices
        while end > start and body[end - 1].isspace():
            end -= 1
        while start < end and body[start].isspace():
            start += 1
        if start == end:  # a "sentence" of blank lines only ("January 2\n\n"): kept whole, so it slices
            start, end = sent.start_char, sent.end_char
        paragraph_no = body.count("\n\n", 0, start) if "\n\n" in body else body.count("\n", 0, start)
        out.append(Sentence(article.article_id, i, paragraph_no, start, end, body[start:end]))
    return out


def find_places(doc, article: ArticleInput, sentence_of) -> list[PlaceMention]:
    """Named places with offsets; a leading "the" and a trailing possessive are trimmed."""
    body = article.body
    out = []
    for ent in entities(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if body[start:end].lower().startswith("the "):
            start += 4
        for suffix in ("'s", "’s"):
            if body[start:end].endswith(suffix):
                end -= len(suffix)
        if end - start < 2 or not body[start].isalpha():
            continue
        out.append(PlaceMention(stable_id(article.article_id, "place", start, end), article.article_id,
                                sentence_of(start), start, end, body[start:end], ent.label_))
    return out


def _sentence_lookup(sentences: list[Sentence]):
    import bisect

    starts = [s.start_char for s in sentences]
    return lambda offset: max(0, bisect.bisect_right(starts, offset) - 1)


def extract_from_doc(doc, article: ArticleInput, boilerplate: str = "") -> ArticleExtraction:
    remember_text(doc, article.body)  # the Doc's text is the body: never join its tokens again
    try:
        return _extract(doc, article, boilerplate)
    finally:
        release(doc)  # the shared token list (tokens.py) must not outlive this article


def _extract(doc, article: ArticleInput, boilerplate: str) -> ArticleExtraction:
    mentions = actors.extract_mentions(doc, article)
    found_dates = dates.extract_dates(doc, article)
    found_events, event_actors = events.build_events(doc, article, found_dates, mentions)
    for link in event_actors:
        link.article_id = article.article_id
    sentences = split_sentences(doc, article)
    sentence_of = _sentence_lookup(sentences)
    spans = find_attribution_spans(doc)  # one attribution pass, shared by figures and citations
    found_figures = figures.extract_figures(doc, article, mentions, spans)
    found_citations = citations.extract_citations(doc, article, boilerplate, spans, mentions)
    # bodies no cue cited, judged reported by learned weights (reported_bodies.py)
    found_citations += reported_bodies.reported_bodies(doc, article, mentions, found_figures, found_citations,
                                                       sentence_of)
    # bodies named only where a citation names them (a dateline's wire, a credit): actors too
    mentions = mentions + cited_body_mentions(article, mentions, found_citations, sentence_of)
    return ArticleExtraction(
        article_id=article.article_id,
        sentences=sentences,
        mentions=mentions,
        places=find_places(doc, article, sentence_of),
        figures=found_figures,
        dates=found_dates,
        events=found_events,
        event_actors=event_actors,
        quotes=quotes.extract_quotes(doc, article, mentions),
        citations=found_citations,
    )


def extract_article(article: ArticleInput, boilerplate: str = "") -> ArticleExtraction:
    return extract_from_doc(load_nlp()(article.body), article, boilerplate)
