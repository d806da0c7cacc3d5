"""Across articles: spelling variants are one actor only on evidence; names a letter apart stay apart."""
from __future__ import annotations

import pytest

from tests.conftest import build, query


@pytest.mark.slow
def test_two_people_whose_names_differ_by_one_letter_stay_two_actors(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "---\ntitle: Shelling kills 12\npublished: 2024-05-02\n---\n"
        "Karim Saleh, a spokesman for the Red Crescent, said 12 people were killed in the shelling on Tuesday.\n",
        encoding="utf-8")
    (seeds / "b.txt").write_text(
        "---\ntitle: Council member praises rescuers\npublished: 2024-05-03\n---\n"
        "Karin Saleh, a member of the city council, said rescuers saved 12 people from the rubble.\n",
        encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    assert build(warehouse, seeds).success
    people = {name for (name,) in query(warehouse, "SELECT name FROM marts.dim_actors WHERE actor_type = 'person'")}
    assert {"Karim Saleh", "Karin Saleh"} <= people
    assert query(warehouse, "SELECT count(DISTINCT actor_id) FROM marts.dim_actors WHERE name IN ('Karim Saleh', 'Karin Saleh')") == [(2,)]
    # rescued from the rubble is not sheltered
    (count_type,) = query(warehouse, "SELECT f.count_type FROM marts.fct_figures f JOIN marts.dim_articles a USING (article_id) "
                                     "WHERE a.file_name = 'b.txt'")[0]
    assert count_type != "sheltered"
