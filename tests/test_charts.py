"""The figure-estimates chart (orchestration/library/charts.py) on small hand-made frames: no warehouse, no Dagster."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from orchestration.library.charts import claim_label, draw_figure_estimates, figure_estimates_png, point_value

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _claims() -> pd.DataFrame:
    rows = [
        # estimate A: three claims, two dated on the same day, one undated
        ("a", "people sheltered", 8000, 8000, "over", date(2025, 3, 13), "Maria Zakharova", "TASS", "Enab Baladi", "more than 8,000"),
        ("a", "people sheltered", 9000, 9000, "about", date(2025, 3, 13), "Maria Zakharova", "Reuters", None, "about 9,000"),
        ("a", "people sheltered", 7000, 10000, "range", None, None, None, "Global Research", "7,000-10,000"),
        # estimate B: two claims on different days
        ("b", "people killed", 803, 803, "exact", date(2025, 3, 11), "SNHR", None, "Enab Baladi", "803"),
        ("b", "people killed", 1000, 1000, "about", date(2025, 3, 14), None, "Sputnik", None, "about 1,000"),
        # estimate C: a single claim is not charted
        ("c", "flights", 3, 4, "range", None, "Russian sources", None, None, "3-4"),
    ]
    columns = ["estimate_id", "estimate", "value_low", "value_high", "qualifier", "report_date", "claimed_by",
               "reported_via", "publisher", "surface_text"]
    return pd.DataFrame(rows, columns=columns)


def _labels(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid() == "claim-label"]


def test_returns_a_png_with_one_labelled_point_per_charted_claim():
    png = figure_estimates_png(_claims())
    assert png.startswith(PNG_MAGIC) and len(png) > 5_000

    fig = draw_figure_estimates(_claims())
    assert len(fig.axes) == 2  # estimates with >= 2 claims only
    labels = _labels(fig)
    assert len(labels) == 5
    first_lines = sorted(label.splitlines()[0] for label in labels)
    assert first_lines == ["Maria Zakharova via Reuters", "Maria Zakharova via TASS", "SNHR", "Sputnik",
                           "unattributed, in Global"]  # wrapped: "unattributed, in Global Research"
    assert any("“7,000-10,000”" in label for label in labels)
    # the busiest estimate first; its undated claim sits in an "undated" lane after the dated one
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == ["13 Mar 2025", "undated"]
    assert [t.get_text() for t in fig.axes[1].get_xticklabels()] == ["11 Mar 2025", "14 Mar 2025"]


def test_error_bars_span_low_to_high_around_the_point_value():
    fig = draw_figure_estimates(_claims())
    segments = [seg for coll in fig.axes[0].collections for seg in coll.get_segments()]
    spans = sorted((float(s[:, 1].min()), float(s[:, 1].max())) for s in segments if len(s) == 2)
    assert (7000.0, 10000.0) in spans


def test_no_estimate_with_two_claims_still_renders():
    png = figure_estimates_png(_claims()[lambda f: f.estimate_id == "c"])
    assert png.startswith(PNG_MAGIC)
    assert figure_estimates_png(_claims().iloc[0:0]).startswith(PNG_MAGIC)


def test_labels_and_point_values():
    assert claim_label("Maria Zakharova", "TASS") == "Maria Zakharova via TASS"
    assert claim_label(None, "Sputnik", "The Jerusalem Post") == "Sputnik"
    assert claim_label(float("nan"), None, None, "003.txt") == "unattributed, in 003.txt"
    assert point_value(8000, 9000, "range") == 8500
    assert point_value(0, 9000, "up_to") == 9000
    assert point_value(8000, 8000, "over") == 8000


@pytest.mark.slow
def test_hmeimim_sheltering_chart_shows_every_claim_with_its_source(seed_warehouse):
    """On the seeds: the sheltered estimate's panel has one labelled point per claim, naming who and through whom."""
    import duckdb

    from orchestration.defs.assets.charts import chart_claims

    con = duckdb.connect(str(seed_warehouse), read_only=True)
    try:
        claims = chart_claims(con)
    finally:
        con.close()
    assert not claims.estimate.str.contains("duration|distance").any()  # measures are not compared as estimates
    sheltered_ids = claims[claims.estimate.str.contains("sheltered")].estimate_id.unique()
    assert len(sheltered_ids) == 1
    sheltered = claims[claims.estimate_id == sheltered_ids[0]]
    assert len(sheltered) >= 4
    title = sheltered.estimate.iloc[0]
    fig = draw_figure_estimates(claims)
    panel = next(ax for ax in fig.axes if ax.get_title(loc="left").startswith(title))
    labels = [t.get_text().replace("\n", " ") for t in panel.texts if t.get_gid() == "claim-label"]
    assert len(labels) == len(sheltered)
    for outlet in ("TASS", "Reuters", "Sputnik"):
        assert any(f"Maria Zakharova via {outlet}" in label for label in labels), (outlet, labels)
    for rec in sheltered.to_dict("records"):
        assert any(f"“{rec['surface_text']}”" in label for label in labels), rec["surface_text"]


def test_a_crowded_estimate_shows_a_readable_spread_including_the_extremes():
    """Hundreds of claims for one estimate: the panel keeps 30, always the lowest and the highest,
    and its title says how many there are in all."""
    rows = [("big", "people killed", v, v, "exact", date(2025, 3, 1 + v % 28), f"Source {v}", None, None, str(v))
            for v in range(100, 400)]
    columns = ["estimate_id", "estimate", "value_low", "value_high", "qualifier", "report_date", "claimed_by",
               "reported_via", "publisher", "surface_text"]
    fig = draw_figure_estimates(pd.DataFrame(rows, columns=columns), max_claims=30)
    labels = _labels(fig)
    assert len(labels) == 30
    shown = {label.splitlines()[0] for label in labels}
    assert {"Source 100", "Source 399"} <= shown
    assert "300 claims (30 shown, lowest to highest)" in fig.axes[0].get_title(loc="left")
