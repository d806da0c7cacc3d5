"""PLACEHOLDER (being written): one event per dated happening, with actors and place."""
from orchestration.extraction.records import ArticleInput, DateMention, EntityMention, Event, EventActor


def build_events(doc, article: ArticleInput, dates: list[DateMention], mentions: list[EntityMention]) -> tuple[list[Event], list[EventActor]]:
    return [], []
