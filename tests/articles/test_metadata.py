from datetime import date

import pytest

from orchestration.library.articles.reader import read_article
from tests.conftest import SEEDS


def _read(prefix):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return read_article(path.name, path.read_bytes())


@pytest.mark.parametrize("prefix, title, publisher, author, published", [
    ("000", "Russia urges Syrians sheltering at Hmeimim air base to leave", "The Jerusalem Post", None, None),
    ("001", "Is Hmeimim base abandoning those displaced to it?", "Enab Baladi", "Omar Alaa Eldin", date(2025, 3, 17)),
    ("003", "Russian Airbase Rescues 8,000 Syrians", "Global Research", "Steven Sahiounie", None),
    ("004", "COI Report - Syria: Country Focus – 3.2. Russia", "EUAA", None, date(2025, 3, 1)),
])
def test_seed_metadata(prefix, title, publisher, author, published):
    article = _read(prefix)
    assert (article.title, article.publisher, article.author, article.published_date) == (title, publisher, author, published)


def test_wire_copy_without_headline_gets_its_lead_as_title_and_says_so():
    article = _read("002")
    assert article.title.startswith("The Russian airbase at Hmeimim in Syria is currently sheltering")
    assert article.title_source == "lead_sentence"
    assert article.publisher is None  # "SOURCE : AFP" names the wire, not the publisher


def test_month_only_date_is_marked_as_month_precision():
    assert _read("004").published_date_precision == "month"


def test_by_line_and_copyright_line():
    text = "Shelling kills 12 in El Fasher\nBy Amina Yusuf\n\nAt least 12 people were killed.\n\n© 2024 Sudan Tribune. All rights reserved.\n"
    article = read_article("x.txt", text.encode())
    assert article.author == "Amina Yusuf"
    assert article.publisher == "Sudan Tribune"
    assert "All rights reserved" in article.boilerplate_text and "All rights" not in article.body_text


@pytest.mark.parametrize("line, publisher, title, published", [
    ("Suggested citation: UNHCR, 'Burkina Faso: Displacement Update', 14 March 2023.",
     "UNHCR", "Burkina Faso: Displacement Update", date(2023, 3, 14)),
    ("How to cite this report: Human Rights Watch, “Mali: New Wave of Executions” in World Report 2023, 12 January 2023.",
     "Human Rights Watch", "World Report 2023 – Mali: New Wave of Executions", date(2023, 1, 12)),
    ("Please cite as: ACAPS, 'Sudan: Conflict in Khartoum', 2 May 2023.", "ACAPS", "Sudan: Conflict in Khartoum", date(2023, 5, 2)),
])
def test_a_reports_citation_line_names_its_publisher_title_and_date(line, publisher, title, published):
    body = f"Displacement update\n\nAt least 2,000 families fled on Monday, officials said.\n\n{line}\n"
    article = read_article("report.txt", body.encode())
    assert (article.publisher, article.title, article.published_date) == (publisher, title, published)
