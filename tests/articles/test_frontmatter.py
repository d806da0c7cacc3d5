from datetime import date

import pytest

from orchestration.library.articles.frontmatter import split_front_matter
from orchestration.library.articles.reader import IngestError, read_article


def test_front_matter_is_parsed_and_removed_from_the_text():
    meta, rest = split_front_matter("---\ntitle: A title\npublished: 2025-03-14\nurl: https://x.org/a\n---\nBody here.\n")
    assert meta == {"title": "A title", "published": date(2025, 3, 14), "url": "https://x.org/a"}
    assert rest == "Body here.\n"


def test_no_front_matter_leaves_text_alone():
    assert split_front_matter("Title\n---\nnot front matter") == ({}, "Title\n---\nnot front matter")


def test_front_matter_wins_over_inference():
    text = (
        "---\ntitle: Given title\npublisher: Given Publisher\nauthor: Jane Doe\npublished: 2025-03-20\n---\n"
        "Inferred Headline – John Smith\n\n• 2025/03/17\n\nBody sentence one. Body sentence two.\n"
    )
    article = read_article("a.txt", text.encode())
    assert (article.title, article.publisher, article.author, article.published_date) == (
        "Given title", "Given Publisher", "Jane Doe", date(2025, 3, 20))
    assert article.metadata_source == "mixed"
    assert "Given title" not in article.body_text  # front matter is not body text


@pytest.mark.parametrize("bad, message", [
    ("---\ntitle: [unclosed\n---\nBody", "not valid YAML"),
    ("---\npublished: someday\n---\nBody", "not a date"),
    ("---\n- a list\n---\nBody", "mapping"),
])
def test_broken_front_matter_is_quarantined_with_the_reason(bad, message):
    result = read_article("bad.txt", bad.encode())
    assert isinstance(result, IngestError) and message in result.reason
