"""Asset metadata the Dagster UI shows as tables: the first rows of a DataFrame."""
from __future__ import annotations

import datetime as dt

import dagster as dg
import pandas as pd

_TYPES = {"i": "int", "u": "int", "f": "float", "b": "bool", "M": "string"}


def _cell(value, max_chars: int):
    """A value TableRecord accepts (str, int, float, bool or None), long text shortened."""
    try:
        if value is None or pd.isna(value):  # None, NaN, NaT, pd.NA
            return None
    except (TypeError, ValueError):  # lists and arrays: not missing
        pass
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.isoformat(sep=" ", timespec="seconds") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def table_preview(frame: pd.DataFrame, limit: int = 10, max_chars: int = 160) -> dg.TableMetadataValue:
    """The first ``limit`` rows of ``frame`` as table metadata (typed columns, text cut at ``max_chars``)."""
    head = frame.head(limit)
    schema = dg.TableSchema(columns=[
        dg.TableColumn(str(name), _TYPES.get(getattr(dtype, "kind", "O"), "string")) for name, dtype in head.dtypes.items()
    ])
    records = [
        dg.TableRecord({str(k): _cell(v, max_chars) for k, v in row.items()})
        for row in head.to_dict("records")
    ]
    return dg.MetadataValue.table(records, schema=schema)
