"""PLACEHOLDER (being written): footnotes, source lines, "according to", photo credits."""
from orchestration.extraction.records import ArticleInput, Citation


def extract_citations(doc, article: ArticleInput, boilerplate: str) -> list[Citation]:
    return []
