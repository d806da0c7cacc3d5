"""Fixtures shared by the extraction unit tests."""
import pytest

from orchestration.library.extraction.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp():
    """The packaged spaCy model, loaded once for the whole test session."""
    return load_nlp()
