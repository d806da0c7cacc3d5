"""The per-article views of a Doc that every extractor shares (tokens.py)."""
from __future__ import annotations

from orchestration.library.extraction.pipeline import extract_from_doc
from orchestration.library.extraction.records import ArticleInput
from orchestration.library.extraction.tokens import entities, release, remember_text, sentences, text_of, tokens


def test_the_shared_views_match_the_doc_and_are_built_once(nlp):
    doc = nlp("The Kenyan army said 12 people were killed in Lamu.\n\nPolice said the toll would rise.")
    assert [t.i for t in tokens(doc)] == [t.i for t in doc]
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert [(e.start, e.end, e.label_) for e in entities(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert text_of(doc) == doc.text
    assert sentences(doc) is sentences(doc) and entities(doc) is entities(doc)


def test_an_extracted_doc_keeps_none_of_them(nlp):
    # parsed Docs are kept by batch callers; the views would double their memory
    body = "The Kenyan army said 12 people were killed in Lamu."
    doc = nlp(body)
    extract_from_doc(doc, ArticleInput("a1", body))
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("conflict_claims.")]


def test_the_text_a_doc_was_parsed_from_stands_for_its_text_and_no_other(nlp):
    body = "Police said 12 people were killed. "
    doc = nlp(body)
    remember_text(doc, "Some other text that is not the doc's")
    assert text_of(doc) == doc.text
    release(doc)
    remember_text(doc, body)
    assert text_of(doc) is body
