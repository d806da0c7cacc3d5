"""Figure estimates: how one claim counts toward an estimate (pure; the chart and the brief share it).

The rule is the one marts.fct_figure_estimates applies in SQL: a claim's single value is its stated
number, the upper bound for "up to" / "less than", and the midpoint of a range.
"""
from __future__ import annotations

from orchestration.library.extraction.value_sets import MEASURE_COUNT_TYPES

__all__ = ["CLAIMS_FROM", "MEASURE_COUNT_TYPES", "UNDATED", "is_measure", "point_value"]

UNDATED = "undated"  # a claim with no report date, as the chart and the brief both print it

# The rows behind estimates, one per claim, with its figure, article, claimant, outlet and the
# article's publisher (aliases e, f, a, c, s, p): the FROM clause the chart and the brief share.
CLAIMS_FROM = """
FROM marts.fct_figure_estimates e, unnest(e.figure_ids) AS t(figure_id)
JOIN marts.fct_figures f ON f.figure_id = t.figure_id
JOIN marts.dim_articles a ON a.article_id = f.article_id
LEFT JOIN marts.dim_actors c ON c.actor_id = f.claimed_by_actor_id
LEFT JOIN marts.dim_sources s ON s.source_id = f.reported_via_source_id
LEFT JOIN marts.dim_sources p ON p.source_id = a.publisher_source_id
"""


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
