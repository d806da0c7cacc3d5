"""Table metadata for the Dagster UI (orchestration/defs/assets/previews.py): values TableRecord accepts."""
from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from orchestration.defs.assets.previews import table_preview


def test_preview_types_missing_values_dates_and_long_text():
    frame = pd.DataFrame({
        "file_name": ["a.txt", "b.txt", "c.txt"],
        "n": pd.array([1, None, 3], dtype="Int64"),
        "value": [1.5, np.nan, 2.0],
        "published": [date(2025, 3, 17), None, date(2025, 3, 1)],
        "at": [datetime(2025, 3, 17, 9, 30), pd.NaT, datetime(2025, 3, 1)],
        "text": ["x " * 200, None, "short\nline"],
        "flag": [True, False, True],
    })
    preview = table_preview(frame, limit=2, max_chars=20)
    assert [c.name for c in preview.schema.columns] == list(frame.columns)
    assert {c.name: c.type for c in preview.schema.columns}["value"] == "float"
    first, second = (r.data for r in preview.records)
    assert len(preview.records) == 2
    assert first == {"file_name": "a.txt", "n": 1, "value": 1.5, "published": "2025-03-17", "at": "2025-03-17 09:30:00",
                     "text": "x x x x x x x x x x…", "flag": True}
    assert second["n"] is None and second["value"] is None and second["published"] is None and second["at"] is None
    assert second["text"] is None


@pytest.mark.slow
def test_every_dbt_model_page_shows_its_row_count_and_first_rows(tmp_path):
    """As the README promises for every asset: the staging, intermediate and marts models too."""
    from tests.conftest import SEEDS, build, query

    warehouse = tmp_path / "w.duckdb"
    result = build(warehouse, SEEDS)
    assert result.success
    shown = {}
    for event in result.all_events:
        if event.event_type_value == "ASSET_MATERIALIZATION" and event.asset_key.path[0] in ("staging", "intermediate", "marts"):
            shown[event.asset_key.to_user_string()] = event.materialization.metadata
    assert {"marts/fct_figures", "marts/dim_actors", "intermediate/int_figures"} <= set(shown)
    for key, metadata in shown.items():
        assert "preview" in metadata and "dagster/row_count" in metadata, key
    assert shown["marts/fct_figures"]["dagster/row_count"].value == query(warehouse, "SELECT count(*) FROM marts.fct_figures")[0][0]
    preview = shown["marts/dim_articles"]["preview"].value
    assert sorted(r.data["file_name"] for r in preview.records) == sorted(p.name for p in SEEDS.glob("*.txt"))
