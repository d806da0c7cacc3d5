"""PLACEHOLDER (being written): date expressions resolved to calendar dates."""
from orchestration.extraction.records import ArticleInput, DateMention


def extract_dates(doc, article: ArticleInput) -> list[DateMention]:
    return []
