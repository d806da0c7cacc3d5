"""PLACEHOLDER (being written): figures with value, hedge, count type and attribution."""
from orchestration.extraction.records import ArticleInput, EntityMention, FigureMention


def extract_figures(doc, article: ArticleInput, mentions: list[EntityMention]) -> list[FigureMention]:
    return []
