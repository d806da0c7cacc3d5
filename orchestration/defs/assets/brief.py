"""Publish stage: the claims brief, one page an analyst pastes into a report, from the published warehouse."""

import hashlib
import os
from pathlib import Path

import dagster as dg

from orchestration.defs.assets.charts import CHART_FILE, chart_claims, chart_digest, figure_estimates_chart
from orchestration.defs.assets.publish import published_warehouse
from orchestration.defs.resources import ReportFolders, WarehouseResource
from orchestration.library.brief import HTML_FILE, MARKDOWN_FILE, assemble, markdown_preview, render_html, render_markdown
from orchestration.library.estimates import CLAIMS_FROM
from orchestration.warehouse.code_version import files_digest

LIBRARY = Path(__file__).resolve().parents[2] / "library"
# a change to the wording or the layout rewrites the brief (the chart's own code is in its PNG)
BRIEF_CODE = [LIBRARY / "brief.py", LIBRARY / "estimates.py", Path(__file__).resolve()]

PREVIEW_ESTIMATES = 3

# one row per claim behind an estimate; estimate_key only groups the rows (the brief shows no ids)
CLAIMS_SQL = """
SELECT e.estimate_id AS estimate_key, e.count_type, e.subject, e.region, e.n_claims, e.n_sources, e.n_articles,
       e.low, e.best, e.high, e.first_reported, e.last_reported,
       f.surface_text, f.value_low, f.value_high, f.qualifier, f.report_date, f.sentence_text,
       c.name AS claimed_by, s.name AS reported_via,
       a.title, coalesce(p.name, a.publisher_name) AS publisher, a.url, a.file_name, a.published_date,
       a.published_date_precision
""" + CLAIMS_FROM + """
ORDER BY e.estimate_id, f.figure_id
"""

ARTICLES_SQL = """
SELECT a.title, coalesce(p.name, a.publisher_name) AS publisher, a.published_date, a.published_date_precision, a.file_name
FROM marts.dim_articles a
LEFT JOIN marts.dim_sources p ON p.source_id = a.publisher_source_id
ORDER BY a.file_name
"""

# every figure, to say what the brief does not set out as an estimate (durations, parts, vague counts)
FIGURES_SQL = """
SELECT f.count_type, f.qualifier, f.is_vague, f.parent_figure_id IS NOT NULL AS is_part,
       f.figure_id IN (SELECT unnest(figure_ids) FROM marts.fct_figure_estimates) AS in_estimate
FROM marts.fct_figures f
ORDER BY f.figure_id
"""

PUBLICATION_SQL = "SELECT run_id, published_at FROM meta.publication"


def _records(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _chart_png(con, folder: Path, log) -> bytes | None:
    """The chart asset's PNG when it was drawn from exactly these (published) rows; otherwise, as when a
    run failed after drawing it, the chart is drawn here from the published rows, and the file is left alone."""
    claims = chart_claims(con)
    path = folder / CHART_FILE
    drawn_from = path.with_name(path.name + ".sha256")
    if path.exists() and drawn_from.exists() and drawn_from.read_text() == chart_digest(claims):
        return path.read_bytes()
    from orchestration.library.charts import figure_estimates_png  # matplotlib: only when drawing

    log.info(f"the chart at {path} was not drawn from the published rows: drawn again for the brief")
    return figure_estimates_png(claims)


def _write(path: Path, text: str) -> None:
    """Replace the file in one step, so a reader never opens half a brief."""
    partial = path.with_name(f".{path.name}.writing-{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


@dg.asset(
    name="claims_brief",
    group_name="publish",
    kinds={"python", "html"},
    deps=[published_warehouse, figure_estimates_chart],
    description=(
        "The claims brief, from the published warehouse: for each estimate with two or more claims, every "
        "source's figure side by side (as printed, low, high, hedge, claimant, outlet, report date, article), "
        "each footnoted to its sentence, with the estimate's low, best and high and the spread where sources "
        "disagree; the chart; the single-source figures by count type; an index by claimant. One self-contained "
        "HTML page and a Markdown version, <warehouse>_reports/claims_brief.html and .md (BRIEF_DIR). Rewritten "
        "only when what it shows, or its code, changes."
    ),
)
def claims_brief(context: dg.AssetExecutionContext, warehouse: WarehouseResource, reports: ReportFolders) -> dg.MaterializeResult:
    with warehouse.connect_published() as con:
        claims = _records(con, CLAIMS_SQL)
        articles = _records(con, ARTICLES_SQL)
        figures = _records(con, FIGURES_SQL)
        publication = (_records(con, PUBLICATION_SQL) or [None])[0]
        chart = _chart_png(con, Path(reports.charts), context.log)
    brief = assemble(claims, articles, publication, figures)
    folder = Path(reports.brief)
    folder.mkdir(parents=True, exist_ok=True)
    html_path, md_path = folder / HTML_FILE, folder / MARKDOWN_FILE
    # the page is a function of these rows, its code and the chart; a later publication of the same rows
    # (an edit that moves no figure) leaves it as it is, naming the run that published them
    digest = hashlib.sha256()
    for rows in (claims, articles, figures):
        digest.update(repr(rows).encode())
    digest.update(files_digest(LIBRARY.parent, BRIEF_CODE).encode())
    digest.update(hashlib.sha256(chart or b"").digest())
    written_from = html_path.with_name(html_path.name + ".sha256")
    unchanged = (html_path.exists() and md_path.exists() and written_from.exists()
                 and written_from.read_text() == digest.hexdigest())
    if not unchanged:
        chart_link = os.path.relpath(Path(reports.charts) / CHART_FILE, folder) if chart else None
        _write(html_path, render_html(brief, chart))
        _write(md_path, render_markdown(brief, chart_link))
        written_from.write_text(digest.hexdigest())
    context.log.info(f"claims brief: {len(brief.estimates)} estimates with two or more claims, {len(brief.singles)} "
                     f"single-source figures, {len(brief.claims)} claims; "
                     + (f"unchanged, not rewritten: {html_path}" if unchanged else f"written to {html_path} and {md_path}"))
    return dg.MaterializeResult(metadata={
        "preview": dg.MetadataValue.md(markdown_preview(brief, top=PREVIEW_ESTIMATES)),
        "path": dg.MetadataValue.path(str(html_path)),
        "markdown_path": dg.MetadataValue.path(str(md_path)),
        "estimates": len(brief.estimates),
        "single_source_figures": len(brief.singles),
        "claims": len(brief.claims),
        "claimants": len(brief.claimants),
        "rewritten": not unchanged,
        "published_by_run": (publication or {}).get("run_id") or "unknown",
    })
