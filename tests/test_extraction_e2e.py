"""Extraction end to end: the seeds through the whole pipeline, checked where analysts look (marts)."""
from __future__ import annotations

import pytest

from tests.conftest import query

pytestmark = pytest.mark.slow

FIGURES = """
    SELECT d.file_name, f.surface_text, f.value_low, f.value_high, f.qualifier, f.unit, f.count_type,
           c.name AS claimant, s.name AS outlet, f.figure_id, f.parent_figure_id
    FROM marts.fct_figures f JOIN marts.dim_articles d USING (article_id)
    LEFT JOIN marts.dim_actors c ON c.actor_id = f.claimed_by_actor_id
    LEFT JOIN marts.dim_sources s ON s.source_id = f.reported_via_source_id
"""


def _figures(warehouse, prefix):
    return [r for r in query(warehouse, FIGURES) if r[0].startswith(prefix)]


def test_snhr_toll_with_children_and_women_as_parts(seed_warehouse):
    rows = _figures(seed_warehouse, "001")
    toll = [r for r in rows if r[1] == "803"]
    assert len(toll) == 1
    _, _, low, high, qualifier, unit, count_type, claimant, _, toll_id, parent = toll[0]
    assert (low, high, qualifier, unit, count_type, claimant, parent) == (803, 803, "exact", "people", "killed", "Syrian Network for Human Rights", None)
    parts = {(r[1], r[5]) for r in rows if r[10] == toll_id}
    assert {("39", "children"), ("49", "women")} <= parts


def test_zakharova_more_than_8000_via_tass(seed_warehouse):
    rows = [r for r in _figures(seed_warehouse, "001") if r[1] == "more than 8,000"]
    assert len(rows) == 1
    assert rows[0][2:9] == (8000, 8000, "over", "people", "sheltered", "Maria Zakharova", "TASS")


def test_approximately_3_4_aircraft_a_week_is_a_range(seed_warehouse):
    rows = [r for r in _figures(seed_warehouse, "003") if r[1] == "approximately 3-4"]
    assert len(rows) == 1
    assert rows[0][2:7] == (3, 4, "range", "aircraft", "flights")


def test_no_year_date_section_or_footnote_marker_of_the_euaa_text_is_a_figure(seed_warehouse):
    rows = _figures(seed_warehouse, "004")
    for _, surface, low, high, *_ in rows:
        assert not (1900 <= low <= 2100), surface
        assert not (500 <= low <= 530), surface
        assert not any(ch in surface for ch in "⁰¹²³⁴⁵⁶⁷⁸⁹"), surface
    assert {r[1] for r in rows} <= {"two"}  # "two military bases" is the only count in that text


def test_all_twenty_euaa_footnotes_are_citations_with_outlets(seed_warehouse):
    rows = query(seed_warehouse, """
        SELECT c.footnote_no, s.name FROM marts.fct_citations c
        JOIN marts.dim_articles d USING (article_id) JOIN marts.dim_sources s USING (source_id)
        WHERE c.kind = 'footnote' AND d.file_name LIKE '004%'""")
    by_note = {}
    for note, outlet in rows:
        by_note.setdefault(note, set()).add(outlet)
    assert sorted(by_note) == list(range(505, 525))
    assert by_note[505] == {"Associated Press"} and by_note[522] == {"CNN", "Reuters", "NBC News"}
    assert by_note[514] == {"Reuters", "The New Arab"} and by_note[516] == {"The Moscow Times", "Enab Baladi"}


def test_quotes_have_their_speakers(seed_warehouse):
    rows = query(seed_warehouse, """
        SELECT q.quote_text, a.name, q.speaker_text FROM marts.fct_quotes q LEFT JOIN marts.dim_actors a ON a.actor_id = q.speaker_actor_id""")
    def speaker_of(opening):
        found = [(name, said) for text, name, said in rows if text.startswith(opening)]
        assert len(found) == 1, opening
        return found[0]

    assert speaker_of("They understood that this was a matter of")[0] == "Maria Zakharova"
    assert speaker_of("They were seeking refuge")[0] == "Maria Zakharova"
    assert "anonymous resident" in speaker_of("We will not return until")[1]


def test_places_are_not_actors(seed_warehouse):
    names = {r[0] for r in query(seed_warehouse, "SELECT lower(name) FROM marts.dim_actors")}
    assert not names & {"latakia", "tartus", "hmeimim", "jableh", "hmeimin", "khmeimim"}


def test_dated_events_with_actors(seed_warehouse):
    rows = query(seed_warehouse, """
        SELECT e.event_date, e.location, list(a.name) FROM marts.fct_events e
        LEFT JOIN marts.bridge_event_actors b USING (event_id) LEFT JOIN marts.dim_actors a USING (actor_id)
        GROUP BY ALL""")
    by_date = {}
    for day, location, actors in rows:
        by_date.setdefault(str(day), []).append((location, actors))
    assert any(loc == "Beit Aana" for loc, _ in by_date["2025-03-06"])
    assert any("UN Security Council" in actors for _, actors in by_date["2025-03-14"])
    assert any("Maria Zakharova" in actors for _, actors in by_date["2025-03-13"])
