"""Figure estimates: how one claim counts toward an estimate (pure; the chart and the brief share it).

The rule is the one marts.fct_figure_estimates applies in SQL: a claim's single value is its stated
number, the upper bound for "up to" / "less than", and the midpoint of a range.
"""
from __future__ import annotations

from orchestration.library.extraction.value_sets import MEASURE_COUNT_TYPES

__all__ = ["MEASURE_COUNT_TYPES", "is_measure", "point_value"]


def point_value(value_low: float, value_high: float, qualifier: str | None) -> float:
    """The claim's single value, as marts.fct_figure_estimates takes it."""
    if qualifier in ("up_to", "less_than"):
        return value_high
    if qualifier == "range":
        return (value_low + value_high) / 2
    return value_low


def is_measure(count_type: str | None) -> bool:
    """A duration or a distance: a measure of time or space in a story, not a count analysts set side by side."""
    return count_type in MEASURE_COUNT_TYPES
