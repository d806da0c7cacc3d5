"""The claims brief (orchestration/library/brief.py) on small hand-made rows, and the asset on seed builds."""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from orchestration.library.brief import (
    COUNT_TYPE_HEADINGS,
    HEDGES,
    assemble,
    format_date,
    format_number,
    markdown_preview,
    render_html,
    render_markdown,
)
from orchestration.library.extraction.value_sets import COUNT_TYPES, QUALIFIERS

ENAB = {"title": "Is Hmeimim base abandoning those displaced to it?", "publisher": "Enab Baladi", "url": "https://www.enabbaladi.net/x",
        "file_name": "001.txt", "published_date": date(2025, 3, 17), "published_date_precision": "day"}
JPOST = {"title": "Russia urges Syrians to leave", "publisher": "The Jerusalem Post", "url": None, "file_name": "000.txt",
         "published_date": None, "published_date_precision": None}
EUAA = {"title": "COI Report - Syria", "publisher": "EUAA", "url": None, "file_name": "004.txt",
        "published_date": date(2025, 3, 1), "published_date_precision": "month"}


def _claim(estimate, count_type, subject, surface, low, high, qualifier, claimed_by, via, reported, sentence, article,
           stats=(2, 8000, 8500, 9000)):
    n_sources, e_low, best, e_high = stats
    return {"estimate_key": estimate, "count_type": count_type, "subject": subject, "region": "Syria",
            "n_sources": n_sources, "n_articles": 2, "low": e_low, "best": best, "high": e_high,
            "first_reported": date(2025, 3, 13), "last_reported": date(2025, 3, 13), "surface_text": surface,
            "value_low": low, "value_high": high, "qualifier": qualifier, "claimed_by": claimed_by, "reported_via": via,
            "report_date": reported, "sentence_text": sentence, **article}


def _rows():
    sheltered = [
        _claim("7f3a9c1e0b2d", "sheltered", "people sheltered", "more than 8,000", 8000, 8000, "over", "Maria Zakharova", "TASS",
               date(2025, 3, 13), "Zakharova said more than 8,000 people were sheltered, TASS reported.", ENAB),
        _claim("7f3a9c1e0b2d", "sheltered", "people sheltered", "around 9,000", 9000, 9000, "about", "Maria Zakharova", "Sputnik",
               None, "Zakharova said around 9,000 had arrived.", JPOST),
        _claim("7f3a9c1e0b2d", "sheltered", "people sheltered", "8,000", 8000, 8000, "exact", None, None, None,
               "The base sheltered 8,000.", JPOST),
    ]
    days = [_claim("c0ffee123456", "duration", "duration in days", "ten", 10, 10, "exact", "Base leadership", None, None,
                   "They were given ten days.", ENAB, (2, 10, 10, 10)),
            _claim("c0ffee123456", "duration", "duration in days", "10", 10, 10, "exact", "Russian personnel", None, None,
                   "Ten days to leave.", JPOST, (2, 10, 10, 10))]
    single = [_claim("a1b2c3d4e5f6", "flights", "aircraft flights", "approximately 3-4", 3, 4, "range", "Russian sources", None, None,
                     "Flights reached approximately 3-4 aircraft weekly.", EUAA, (1, 3, 3.5, 4))]
    return sheltered + days + single


def _brief(**kwargs):
    figures = [{"count_type": "duration", "in_estimate": True}, {"count_type": "duration", "in_estimate": True},
               {"count_type": "killed", "is_part": True}, {"count_type": "displaced", "is_vague": True, "qualifier": "vague"},
               {"count_type": "sheltered", "in_estimate": True}]
    return assemble(_rows(), [ENAB, JPOST, EUAA], {"run_id": "run-1234", "published_at": datetime(2025, 3, 18, 9, 5)},
                    figures, **kwargs)


def test_wording_for_analysts():
    assert format_date(date(2025, 3, 13)) == "13 Mar 2025"
    assert format_date(date(2025, 3, 1), "month") == "Mar 2025"
    assert format_date(None) == "undated" and format_date(float("nan")) == "undated"
    assert format_date(datetime(2026, 12, 5, 15, 39)) == "5 Dec 2026"
    assert [format_number(v) for v in (8000, 8500.0, 2.7, 3.5, 1064)] == ["8,000", "8,500", "2.7", "3.5", "1,064"]
    # every hedge and every count type of the data contract has plain words
    assert set(HEDGES) == set(QUALIFIERS) and set(COUNT_TYPE_HEADINGS) == set(COUNT_TYPES)
    assert HEDGES["at_least"] == "at least" and HEDGES["up_to"] == "up to"


def test_estimates_singles_and_durations():
    brief = _brief()
    assert [e.heading for e in brief.estimates] == ["People sheltered (Syria)"]  # the two-claim duration is no estimate
    assert [e.heading for e in brief.singles] == ["Aircraft flights (Syria)"]
    assert brief.left_out == {"measures": 2, "parts": 1, "vague": 1, "other": 0}
    sheltered = brief.estimates[0]
    # dated claims first, then by value; footnotes numbered in page order
    assert [c.surface_text for c in sheltered.claims] == ["more than 8,000", "8,000", "around 9,000"]
    assert [c.number for c in brief.claims] == [1, 2, 3, 4]
    assert sheltered.disagreement.startswith("Sources disagree: the claims run from 8,000 to 9,000, a spread of 1,000")
    assert "Maria Zakharova's own figures differ: 8,000 and 9,000." in sheltered.disagreement
    assert brief.singles[0].disagreement is None  # one claim: nothing to disagree with
    assert brief.dates_text == "Mar 2025 to 17 Mar 2025 (1 article undated)"
    assert brief.publishers_text == "Enab Baladi, EUAA, The Jerusalem Post"
    assert brief.publication.text == "18 Mar 2025, 09:05 UTC, by run run-1234"


def test_agreeing_claims_are_not_flagged():
    rows = [_claim("e", "killed", "people killed", s, 803, 803, q, who, None, None, "803 killed.", ENAB, (2, 803, 803, 803))
            for s, q, who in (("803", "exact", "SNHR"), ("about 803", "about", "SOHR"))]
    brief = assemble(rows, [ENAB])
    assert brief.estimates[0].disagreement is None
    assert "Sources disagree" not in render_html(brief)


def test_the_page_links_names_and_footnotes_within_itself():
    page = render_html(_brief())
    rows = re.findall(r'<tr id="claim-(\d+)">(.*?)</tr>', page)
    assert [n for n, _ in rows] == ["1", "2", "3", "4"]
    first = rows[0][1]
    assert '<sup><a href="#fn-1">1</a></sup>' in first
    assert '<a href="#claimant-maria-zakharova">Maria Zakharova</a>' in first
    assert "<td>over</td>" in first and "13 Mar 2025" in first and "TASS" in first
    assert '<li id="claimant-maria-zakharova"><b>Maria Zakharova</b>: 2 claims' in page
    note = re.search(r'<li id="fn-1">(.*?)</li>', page).group(1)
    assert "“Zakharova said more than 8,000 people were sheltered, TASS reported.”" in note
    assert "<cite>Is Hmeimim base abandoning those displaced to it?</cite>, Enab Baladi, 17 Mar 2025" in note
    assert '<a href="https://www.enabbaladi.net/x">' in note and '<a href="#claim-1"' in note
    assert "not named" in rows[1][1] and "undated" in rows[1][1]
    # plain column names, no internal keys
    assert "<th scope=\"col\">Figure as printed</th>" in page
    assert not {"7f3a9c1e0b2d", "c0ffee123456", "a1b2c3d4e5f6"} & set(re.findall(r"[0-9a-f]{12}", page))
    assert "estimate_key" not in page and "duration in days" not in page.lower()


def test_the_page_is_self_contained_and_escapes_what_it_quotes():
    rows = _rows()
    rows[0] = {**rows[0], "claimed_by": "<script>alert(1)</script>", "url": "javascript:alert(2)",
               "sentence_text": 'He said "8,000" & more </li>'}
    page = render_html(assemble(rows, [ENAB]), chart_png=b"\x89PNG fake")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "He said &quot;8,000&quot; &amp; more &lt;/li&gt;" in page
    assert "<link" not in page and "@import" not in page and "url(" not in page
    sources = re.findall(r'src="([^"]*)"', page)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)


def test_markdown_for_pasting_and_the_ui_preview():
    brief = _brief()
    text = render_markdown(brief, chart_path="charts/figure_estimates.png")
    table = [line for line in text.splitlines() if line.startswith("| 1 |")][0]
    assert table.count(" | ") == 8  # nine cells
    assert "more than 8,000[^1]" in table and "Maria Zakharova" in table
    for n in range(1, 5):
        assert f"[^{n}]:" in text
    assert "![Every claim of each estimate by report date](charts/figure_estimates.png)" in text
    assert "- **Maria Zakharova**: 2 claims" in text
    rows = _rows()
    rows[0] = {**rows[0], "title": "A | B"}
    cells = [line for line in render_markdown(assemble(rows, [ENAB])).splitlines() if line.startswith("| 1 |")][0]
    assert "A \\| B" in cells and cells.replace("\\|", "").count(" | ") == 8

    preview = markdown_preview(brief, top=1)
    assert "People sheltered (Syria)" in preview and "[^" not in preview
    many = assemble(_rows() + [{**r, "estimate_key": "e9", "subject": "people displaced"} for r in _rows()[:2]], [ENAB])
    assert "…and 1 more estimate in the file." in markdown_preview(many, top=1)


def test_an_empty_warehouse_still_gives_a_page():
    brief = assemble([], [], None, [])
    page = render_html(brief)
    assert "No quantity has two or more claims yet." in page and "Published</dt><dd>not recorded" in page
    assert "No quantity has two or more claims yet." in render_markdown(brief)


def test_the_brief_is_downstream_of_the_published_warehouse_in_the_build_job():
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    import dagster as dg

    parents = graph.get(dg.AssetKey("claims_brief")).parent_keys
    assert {dg.AssetKey("published_warehouse"), dg.AssetKey("figure_estimates_chart")} <= parents
    job = defs.resolve_job_def("build_warehouse")
    assert dg.AssetKey("claims_brief") in job.asset_layer.selected_asset_keys


@pytest.mark.slow
def test_an_edited_figure_is_rewritten_into_the_brief_and_an_unchanged_one_is_not(tmp_path, seeds_copy):
    """The brief follows what is published: a run that changes a figure rewrites it; a run whose code
    changed but whose published rows did not leaves the file as it was."""
    from orchestration import settings
    from tests.conftest import build

    warehouse = tmp_path / "w.duckdb"
    first = build(warehouse, seeds_copy)
    assert first.success
    page = settings.brief_dir(warehouse) / "claims_brief.html"
    assert page.parent == tmp_path / "w_reports"  # beside the warehouse built, never the user's reports folder
    before = page.read_text(encoding="utf-8")
    assert f"by run {first.run_id}" in before and "more than 8,000" in before
    assert (page.parent / "claims_brief.md").read_text(encoding="utf-8").count("[^1]") == 2  # the reference and its note

    article = next(seeds_copy.glob("001_*.txt"))
    article.write_text(article.read_text(encoding="utf-8").replace("more than 8,000", "more than 7,500"), encoding="utf-8")
    second = build(warehouse, seeds_copy)
    assert second.success
    meta = _brief_metadata(second)
    assert meta["rewritten"].value is True and meta["published_by_run"].value == second.run_id
    after = page.read_text(encoding="utf-8")
    assert "more than 7,500" in after and "more than 8,000" not in after and f"by run {second.run_id}" in after


def _brief_metadata(result):
    return next(e.materialization.metadata for e in result.all_events
                if e.event_type_value == "ASSET_MATERIALIZATION" and e.asset_key.to_user_string() == "claims_brief")


@pytest.mark.slow
def test_the_embedded_chart_is_the_one_drawn_from_the_published_rows(seed_warehouse, tmp_path):
    """The chart file is embedded when it was drawn from the published rows; otherwise (a run that drew
    it failed later) the brief draws its own from the published rows and leaves the file alone."""
    import logging

    import duckdb

    from orchestration.defs.assets.brief import _chart_png
    from orchestration.defs.assets.charts import CHART_FILE, chart_claims, chart_digest

    chart, drawn_from = tmp_path / CHART_FILE, tmp_path / (CHART_FILE + ".sha256")
    chart.write_bytes(b"a chart of rows never published")
    drawn_from.write_text("another digest")
    con = duckdb.connect(str(seed_warehouse), read_only=True)
    try:
        png = _chart_png(con, tmp_path, logging.getLogger(__name__))
        assert png.startswith(b"\x89PNG") and chart.read_bytes() == b"a chart of rows never published"
        drawn_from.write_text(chart_digest(chart_claims(con)))
        assert _chart_png(con, tmp_path, logging.getLogger(__name__)) == b"a chart of rows never published"
    finally:
        con.close()
