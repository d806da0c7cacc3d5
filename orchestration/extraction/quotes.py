"""PLACEHOLDER (being written): direct quotations with their speaker."""
from orchestration.extraction.records import ArticleInput, EntityMention, Quote


def extract_quotes(doc, article: ArticleInput, mentions: list[EntityMention]) -> list[Quote]:
    return []
