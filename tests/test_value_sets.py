"""The value sets of the data contract live in orchestration/library/extraction/value_sets.py; every GE
suite and dbt accepted_values test that checks one of those columns must list the same values."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from orchestration.library.extraction.value_sets import CHECKED_COLUMNS

ROOT = Path(__file__).resolve().parents[1]


def _ge_sets():
    for path in sorted((ROOT / "expectations").glob("*.json")):
        for e in json.loads(path.read_text())["expectations"]:
            kwargs = e.get("kwargs", {})
            if e.get("type") == "expect_column_values_to_be_in_set" and kwargs.get("column") in CHECKED_COLUMNS:
                yield f"{path.name}:{kwargs['column']}", kwargs["column"], kwargs["value_set"]


def _dbt_sets():
    paths = [p for sub in ("models", "seeds") for p in (ROOT / "dbt_project" / sub).rglob("*.yml")]
    for path in sorted(paths):
        doc = yaml.safe_load(path.read_text()) or {}
        for node in (doc.get("models") or []) + (doc.get("seeds") or []):
            for col in node.get("columns") or []:
                for test in col.get("data_tests") or []:
                    if isinstance(test, dict) and "accepted_values" in test and col["name"] in CHECKED_COLUMNS:
                        spec = test["accepted_values"]
                        values = (spec.get("arguments") or spec)["values"]
                        yield f"{path.name}:{node['name']}.{col['name']}", col["name"], values


def test_every_checked_value_set_matches_its_one_home():
    found = list(_ge_sets()) + list(_dbt_sets())
    assert len(found) >= 10  # the suites and models do check these columns
    wrong = {where: sorted(set(values) ^ set(CHECKED_COLUMNS[column])) for where, column, values in found
             if set(values) != set(CHECKED_COLUMNS[column])}
    assert not wrong, f"value sets differ from orchestration/library/extraction/value_sets.py: {wrong}"
