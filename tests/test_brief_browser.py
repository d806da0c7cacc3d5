"""The claims brief as an analyst opens it: the page the seeds' build wrote, rendered by Chromium.

The seeds' sheltered estimate is Maria Zakharova's: more than 8,000 and potentially rising to 9,000
via TASS (13 Mar 2025), approximately 9,000 via Reuters and around 9,000 via Sputnik (both undated),
beside two figures Global Research prints with no claimant (8,000, over 8,000). The test reads the
table row by row, follows each Zakharova row's footnote to its sentence and back, and her name to
the index; it also checks that the page fetches nothing and holds no internal id.

Uses Debian's Chromium through Playwright, as tests/test_ui_browser.py does (skips without it,
fails under `make test` or CI). The screenshot is kept in reports/test-artifacts/claims-brief/.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO, query
from tests.test_ui_browser import CHROMIUM, CHROMIUM_ARGS, _require_browser

pytestmark = pytest.mark.slow

ARTIFACTS = REPO / "reports" / "test-artifacts" / "claims-brief"
ZAKHAROVA = {  # figure as printed -> (outlet, report date, low)
    "more than 8,000": ("TASS", "13 Mar 2025", "8,000"),
    "potentially rising to 9,000": ("TASS", "13 Mar 2025", "9,000"),
    "approximately 9,000": ("Reuters", "undated", "9,000"),
    "around 9,000": ("Sputnik", "undated", "9,000"),
}


@pytest.fixture(scope="module")
def brief_page(seed_warehouse):
    _require_browser()
    from playwright.sync_api import sync_playwright

    from orchestration import settings

    path = settings.brief_dir(seed_warehouse) / "claims_brief.html"
    assert path.exists(), f"the build did not write {path}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requested = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            yield page, path, requested
        finally:
            browser.close()


def _in_view(page, selector: str) -> bool:
    """The element is on screen (the browser scrolled to it)."""
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect();"
                                           " return r.bottom > 0 && r.top < window.innerHeight; }")


def test_the_sheltered_estimate_shows_each_of_zakharovas_claims_with_its_footnote(brief_page, seed_warehouse):
    page, path, requested = brief_page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "claims_brief.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot: {shot}")

    # the section of the sheltered estimate: its range and the disagreement flag above the table
    section = page.locator("section.estimate", has=page.locator("h3", has_text="sheltered"))
    assert section.count() == 1
    summary = section.locator("p.range").inner_text()
    assert "Low 8,000 · best 8,500 · high 9,000" in summary and "6 claims" in summary
    assert "Sources disagree" in section.locator("p.flag").inner_text()

    headers = section.locator("thead th").all_inner_texts()
    assert headers == ["No.", "Figure as printed", "Low", "High", "Hedge", "Claimant", "Outlet", "Reported", "Article"]
    rows = []
    for tr in section.locator("tbody tr").all():
        row = dict(zip(headers, tr.locator("td").all_inner_texts()))
        number = tr.get_attribute("id").removeprefix("claim-")
        assert row["No."] == number and tr.locator("sup a").inner_text() == number  # the row's footnote mark
        row["Figure as printed"] = row["Figure as printed"].removesuffix(number)
        rows.append(row)
    assert len(rows) == 6
    hers = {r["Figure as printed"]: r for r in rows if r["Claimant"] == "Maria Zakharova"}
    assert set(hers) == set(ZAKHAROVA)
    for printed, (outlet, reported, low) in ZAKHAROVA.items():
        row = hers[printed]
        assert (row["Outlet"], row["Reported"], row["Low"]) == (outlet, reported, low), row
    assert {r["Outlet"] for r in hers.values()} == {"TASS", "Reuters", "Sputnik"}
    assert {r["Low"] for r in hers.values()} == {"8,000", "9,000"}
    assert [r["Claimant"] for r in rows if r["Claimant"] != "Maria Zakharova"] == ["not named", "not named"]

    # each of her rows: its footnote quotes the sentence and names the article, and leads back to the row
    for printed in ZAKHAROVA:
        row = section.locator("tbody tr", has_text=printed).first
        number = row.get_attribute("id").removeprefix("claim-")
        row.locator("sup a").click()
        assert page.url.endswith(f"#fn-{number}") and _in_view(page, f"#fn-{number}")
        note = page.locator(f"#fn-{number}").inner_text()
        sentence = note.split("”")[0]
        assert printed.split()[-1] in sentence and "Zakharova" in sentence, note
        assert "Hmeimim" in note.split("”", 1)[1] or "Syrians" in note.split("”", 1)[1], note  # the article's title
        page.locator(f"#fn-{number} a[href='#claim-{number}']").click()
        assert page.url.endswith(f"#claim-{number}") and _in_view(page, f"#claim-{number}")

    # her name leads to her entry in the index: four claims, the same rows
    section.locator("tbody tr", has_text="around 9,000").locator("td a", has_text="Maria Zakharova").click()
    entry = page.locator("#claimant-maria-zakharova")
    assert page.url.endswith("#claimant-maria-zakharova") and _in_view(page, "#claimant-maria-zakharova")
    assert "Maria Zakharova: 4 claims" in entry.inner_text()
    assert sorted(entry.locator("a").all_inner_texts()) == sorted(ZAKHAROVA)

    # the header says what the page was made from; the chart is embedded and decoded
    header = page.locator("header").inner_text()
    run_id = query(seed_warehouse, "SELECT run_id FROM meta.publication")[0][0]
    assert f"by run {run_id}" in header and "Enab Baladi" in header and "Articles\t5" in header.replace("\n", "\t")
    width = page.locator("figure img").evaluate("img => img.naturalWidth")
    assert width > 300

    # nothing fetched but the page itself; no internal id anywhere in it; no duration set out as an estimate
    assert requested == [path.as_uri()], requested
    html = re.sub(r'src="data:[^"]*"', "", page.content())
    ids = {r[0] for r in query(seed_warehouse, "SELECT figure_id FROM marts.fct_figures UNION ALL SELECT estimate_id "
                                               "FROM marts.fct_figure_estimates UNION ALL SELECT actor_id FROM marts.dim_actors "
                                               "UNION ALL SELECT source_id FROM marts.dim_sources UNION ALL SELECT article_id "
                                               "FROM marts.dim_articles")}
    assert not {i for i in ids if i in html}
    assert not page.locator("h3", has_text=re.compile("duration|distance", re.I)).count()
    assert Path(shot).stat().st_size > 50_000
