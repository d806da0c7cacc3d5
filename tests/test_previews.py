"""Table metadata for the Dagster UI (orchestration/defs/assets/previews.py): values TableRecord accepts."""
from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

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
                     "text": first["text"], "flag": True}
    assert len(first["text"]) == 20 and first["text"].endswith("…")
    assert second["n"] is None and second["value"] is None and second["published"] is None and second["at"] is None
    assert second["text"] is None
