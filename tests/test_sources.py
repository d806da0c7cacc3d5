"""Sources as analysts query them: the publisher named from a saved page's address, every origin of
information one row across articles, answering to its acronym, its curated spellings and its domain."""
from __future__ import annotations

import pytest

from tests.conftest import build, query

PAGES = {
    "tass.txt": """---
title: "Death toll in Kramatorsk rises"
url: "https://tass.com/world/1434"
published: "2022-04-08"
---
MOSCOW, April 8. /TASS/. At least 30 people were killed, the Syrian Network for Human Rights (SNHR) said.
""",
    "monitor.txt": """---
title: "Strikes kill 12"
url: "https://news.pledgetimes.com/strikes-kill-12"
---
The SNHR said 12 civilians were killed in the strikes. The Israeli military said it struck a commander.
""",
    "wire.txt": """---
title: "Blast kills 9"
url: "https://bdnews24.com/world/blast-kills-9"
---
Nine people were killed in the blast, police said.
""",
}


@pytest.fixture(scope="module")
def sources_warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("sources")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, text in PAGES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    warehouse = root / "w.duckdb"
    assert build(warehouse, seeds).success
    return warehouse


def test_publisher_comes_from_the_page_address(sources_warehouse):
    rows = dict(query(sources_warehouse, """
        SELECT a.file_name, s.name FROM marts.dim_articles a JOIN marts.dim_sources s ON s.source_id = a.publisher_source_id"""))
    assert rows == {"tass.txt": "TASS", "monitor.txt": "Pledge Times", "wire.txt": "bdnews24.com"}


def test_a_publisher_named_from_its_address_answers_to_the_address_spelling(sources_warehouse):
    # the reader spaced "pledgetimes" into "Pledge Times"; how the outlet spells itself is unknown,
    # so the address's spelling is one of its names, as the address itself is
    aliases = dict(query(sources_warehouse, "SELECT name, aliases FROM marts.dim_sources"))
    assert {"pledgetimes", "pledgetimes.com"} <= set(aliases["Pledge Times"])
    assert "bdnews24" in aliases["bdnews24.com"]
    # a name that is not the address's spelling does not take it: SNHR is not "pledgetimes"
    assert not any(a in ("pledgetimes", "bdnews24") for a in aliases["Syrian Network for Human Rights"])


def test_a_state_body_named_by_its_head_noun_alone_is_cited(sources_warehouse):
    rows = set(query(sources_warehouse, """
        SELECT c.kind, s.name FROM marts.fct_citations c JOIN marts.dim_sources s USING (source_id)
        JOIN marts.dim_articles a USING (article_id) WHERE a.file_name = 'wire.txt'"""))
    assert rows == {("statement", "Police")}


def test_a_source_is_one_row_answering_to_its_acronym_and_domain(sources_warehouse):
    rows = query(sources_warehouse, "SELECT name, aliases FROM marts.dim_sources WHERE list_contains(aliases, 'SNHR')")
    assert len(rows) == 1 and rows[0][0] == "Syrian Network for Human Rights"
    assert "Syrian Network for Human Rights" in rows[0][1]
    tass = query(sources_warehouse, "SELECT aliases, source_type FROM marts.dim_sources WHERE name = 'TASS'")
    assert tass and "tass.com" in tass[0][0] and tass[0][1] == "news_agency"
    # the dateline marker and the statement are citations of their sources
    kinds = set(query(sources_warehouse, """
        SELECT c.kind, s.name FROM marts.fct_citations c JOIN marts.dim_sources s USING (source_id)"""))
    assert {("dateline", "TASS"), ("statement", "Syrian Network for Human Rights")} <= kinds


def test_a_force_named_by_demonym_is_an_actor_of_its_state_and_a_government_source(sources_warehouse):
    rows = query(sources_warehouse, """
        SELECT a.name, a.actor_type, s.name FROM marts.dim_actors a
        LEFT JOIN marts.dim_actors s ON s.actor_id = a.affiliation_actor_id
        WHERE list_contains(a.aliases, 'Israeli military')""")
    assert rows == [("Israel Defense Forces", "military_unit", "Israel")]
    assert query(sources_warehouse, "SELECT source_type FROM marts.dim_sources WHERE name = 'Israel Defense Forces'") == [
        ("government",)]
