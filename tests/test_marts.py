"""The marts contract on the seeds: what an analyst would query, checked against the articles."""
from __future__ import annotations

import re

import pytest

from tests.conftest import REPO, build, query

pytestmark = pytest.mark.slow

CONTRACT = {
    "dim_articles": ["article_id", "file_name", "title", "publisher_source_id", "author", "published_date", "url", "word_count", "content_sha256"],
    "dim_sources": ["source_id", "name", "source_type", "aliases"],
    "dim_actors": ["actor_id", "name", "actor_type", "aliases", "affiliation_actor_id"],
    "fct_actor_mentions": ["mention_id", "actor_id", "article_id", "surface_text", "start_char", "end_char", "sentence_text"],
    "fct_events": ["event_id", "article_id", "event_date", "event_date_end", "date_precision", "date_text", "description", "location", "sentence_text"],
    "bridge_event_actors": ["event_id", "actor_id", "role"],
    "fct_figures": ["figure_id", "article_id", "surface_text", "start_char", "end_char", "value_low", "value_high", "qualifier", "unit",
                    "count_type", "claimed_by_actor_id", "reported_via_source_id", "parent_figure_id", "report_date", "sentence_text"],
    "fct_quotes": ["quote_id", "article_id", "speaker_actor_id", "speaker_text", "quote_text", "sentence_text"],
    "fct_citations": ["citation_id", "article_id", "source_id", "footnote_no", "cited_title", "cited_date", "cited_text"],
    "fct_figure_estimates": ["estimate_id", "count_type", "subject", "n_claims", "n_sources", "low", "best", "high", "first_reported", "last_reported"],
}


def test_every_contract_table_has_its_columns(seed_warehouse):
    for table, columns in CONTRACT.items():
        present = [r[0] for r in query(seed_warehouse, "SELECT column_name FROM information_schema.columns "
                                                       "WHERE table_schema = 'marts' AND table_name = ?", [table])]
        assert present[: len(columns)] == columns, (table, present)
        assert query(seed_warehouse, f"SELECT count(*) FROM marts.{table}")[0][0] > 0, f"{table} is empty"


def test_zakharova_is_one_actor_with_her_spellings(seed_warehouse):
    rows = query(seed_warehouse, "SELECT actor_id, name, actor_type, aliases FROM marts.dim_actors WHERE name ILIKE '%zakharova%'")
    assert len(rows) == 1
    actor_id, name, actor_type, aliases = rows[0]
    assert (name, actor_type) == ("Maria Zakharova", "person")
    assert "Zakharova" in aliases
    articles = query(seed_warehouse, "SELECT count(DISTINCT article_id) FROM marts.fct_actor_mentions WHERE actor_id = ?", [actor_id])[0][0]
    naming = query(seed_warehouse, "SELECT count(*) FROM raw.articles WHERE body_text LIKE '%Zakharova%'")[0][0]
    assert articles == naming == 4


@pytest.mark.parametrize("name", ["Syrian Network for Human Rights", "Syrian Observatory for Human Rights", "TASS", "Reuters", "AFP", "Sputnik"])
def test_well_known_sources_are_one_row_each(seed_warehouse, name):
    assert query(seed_warehouse, "SELECT count(*) FROM marts.dim_sources WHERE name = ?", [name]) == [(1,)]


def test_sheltered_claims_form_one_estimate_with_claimants_and_outlets(seed_warehouse):
    estimates = query(seed_warehouse, "SELECT estimate_id, n_claims, n_sources, low, best, high, figure_ids FROM marts.fct_figure_estimates "
                                      "WHERE count_type = 'sheltered' AND unit_class = 'people'")
    assert len(estimates) == 1
    estimate_id, n_claims, n_sources, low, best, high, figure_ids = estimates[0]
    assert n_claims >= 4 and low == 8000 and high == 9000 and 8000 <= best <= 9000
    claims = query(seed_warehouse, """
        SELECT f.surface_text, c.name, s.name FROM marts.fct_figures f
        LEFT JOIN marts.dim_actors c ON c.actor_id = f.claimed_by_actor_id
        LEFT JOIN marts.dim_sources s ON s.source_id = f.reported_via_source_id
        WHERE list_contains(?, f.figure_id)""", [figure_ids])
    outlets = {s for _, _, s in claims}
    assert {"TASS", "Reuters", "Sputnik"} <= outlets
    assert any(c == "Maria Zakharova" for _, c, _ in claims)


def test_coastal_death_toll_grouped_without_sub_counts(seed_warehouse):
    toll = query(seed_warehouse, "SELECT figure_id FROM marts.fct_figures WHERE surface_text = '803' AND unit = 'people'")
    assert len(toll) == 1
    estimate = query(seed_warehouse, "SELECT figure_ids, low, high FROM marts.fct_figure_estimates WHERE list_contains(figure_ids, ?)", [toll[0][0]])
    assert len(estimate) == 1
    figure_ids, low, high = estimate[0]
    grouped = {r[0] for r in query(seed_warehouse, "SELECT surface_text || ' ' || coalesce(unit, '') FROM marts.fct_figures "
                                                   "WHERE list_contains(?, figure_id)", [figure_ids])}
    assert "803 people" in grouped and any("1,064" in s for s in grouped)
    for part in ("39 children", "49 women", "at least 172", "no less than 211", "at least 420"):
        assert part not in " | ".join(grouped), part


def test_parts_point_at_their_whole(seed_warehouse):
    rows = query(seed_warehouse, """
        SELECT child.surface_text || ' ' || child.unit FROM marts.fct_figures child
        JOIN marts.fct_figures parent ON parent.figure_id = child.parent_figure_id
        WHERE parent.surface_text = '803' AND parent.unit = 'people'""")
    assert {"39 children", "49 women"} <= {r[0] for r in rows}


def test_keys_are_stable_across_rebuilds(tmp_path, seed_warehouse):
    rebuilt = tmp_path / "again.duckdb"
    assert build(rebuilt, REPO / "seeds").success
    for table, key in [("dim_articles", "article_id"), ("dim_sources", "source_id"), ("dim_actors", "actor_id"),
                       ("fct_figures", "figure_id"), ("fct_events", "event_id"), ("fct_quotes", "quote_id"),
                       ("fct_citations", "citation_id"), ("fct_figure_estimates", "estimate_id"), ("fct_actor_mentions", "mention_id")]:
        sql = f"SELECT {key} FROM marts.{table} ORDER BY 1"
        assert query(rebuilt, sql) == query(seed_warehouse, sql), table


def _readme_queries() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, re.S)


def test_readme_has_the_analyst_queries():
    assert len(_readme_queries()) >= 6


@pytest.mark.parametrize("index", range(len(_readme_queries())))
def test_readme_query_shows_the_values_it_promises(seed_warehouse, index):
    from collections import Counter

    sql = _readme_queries()[index]
    expected = re.search(r"-- expect: (.+)", sql)
    assert expected, f"README query {index} says nothing it must show (no -- expect: line):\n{sql}"
    cells = Counter(str(v) for row in query(seed_warehouse, sql) for v in row)
    wanted = Counter(n.strip() for n in expected.group(1).split(";"))
    missing = wanted - cells  # each value must be a whole cell, as often as it is named
    assert not missing, f"README query {index} should show cells {sorted(missing)}; it shows {sorted(cells)[:30]}"
