"""PLACEHOLDER (being written): entity mentions resolved within an article."""
from orchestration.extraction.records import ArticleInput, EntityMention


def extract_mentions(doc, article: ArticleInput) -> list[EntityMention]:
    return []
