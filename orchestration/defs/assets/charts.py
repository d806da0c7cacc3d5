"""Quality stage: a chart of every claim behind each figure estimate, attached to the asset as an image."""

import base64
import hashlib
from pathlib import Path

import dagster as dg

from orchestration.defs.resources import ReportFolders, WarehouseResource
from orchestration.library.estimates import CLAIMS_FROM, MEASURE_COUNT_TYPES
from orchestration.warehouse.code_version import files_digest

CHART_CODE = Path(__file__).resolve().parents[2] / "library" / "charts.py"  # a change to the drawing redraws

CHART_FILE = "figure_estimates.png"

# one row per claim behind an estimate, with who made it, through which outlet, in which article;
# durations and distances (the parameter, value_sets.MEASURE_COUNT_TYPES) are not estimates analysts compare
CLAIMS_SQL = """
SELECT e.estimate_id,
       e.subject || coalesce(' (' || e.region || ')', '') AS estimate,
       e.best, e.n_sources, f.figure_id, f.surface_text, f.value_low, f.value_high, f.qualifier, f.report_date,
       c.name AS claimed_by, s.name AS reported_via, p.name AS publisher, a.file_name
""" + CLAIMS_FROM + """
WHERE NOT list_contains(?::VARCHAR[], e.count_type)
ORDER BY e.n_claims DESC, e.estimate_id, f.report_date NULLS LAST, f.figure_id
"""

MARTS = ["fct_figure_estimates", "fct_figures", "dim_actors", "dim_sources", "dim_articles"]


def chart_claims(con):
    """The chart's rows (CLAIMS_SQL) from an open warehouse connection."""
    return con.execute(CLAIMS_SQL, [list(MEASURE_COUNT_TYPES)]).df()


def chart_digest(claims) -> str:
    """What the picture is a function of: its rows and the drawing code (the claims brief checks the
    PNG on disk against the published rows with it)."""
    return hashlib.sha256(claims.to_csv(index=False).encode() + files_digest(CHART_CODE.parent, [CHART_CODE]).encode()).hexdigest()


@dg.asset(
    name="figure_estimates_chart",
    group_name="quality",
    kinds={"python", "matplotlib"},
    deps=[dg.AssetKey(["marts", name]) for name in MARTS],
    description=(
        "Every source's claim for each figure estimate (marts.fct_figure_estimates) over report date, one panel "
        "per estimate with two or more claims (durations and distances left out): value with low-high bars, "
        "labelled with claimant and outlet. "
        "Written to the warehouse's reports folder, <warehouse>_reports/charts/figure_estimates.png (CHARTS_DIR), and shown here."
    ),
)
def figure_estimates_chart(context: dg.AssetExecutionContext, warehouse: WarehouseResource,
                           reports: ReportFolders) -> dg.MaterializeResult:
    with warehouse.connect(read_only=True) as con:
        claims = chart_claims(con)
    folder = Path(reports.charts)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CHART_FILE
    # the picture is a function of these rows alone: the same rows, the same picture (drawing took
    # 2 s of a rerun at 10,000 articles, where one changed article rarely moves an estimate)
    digest = chart_digest(claims)
    drawn_from = path.with_name(path.name + ".sha256")
    unchanged = path.exists() and drawn_from.exists() and drawn_from.read_text() == digest
    if unchanged:
        png = path.read_bytes()
    else:
        from orchestration.library.charts import figure_estimates_png  # matplotlib: 0.6 s of imports, only when drawing

        png = figure_estimates_png(claims)
        path.write_bytes(png)
        drawn_from.write_text(digest)
    per_estimate = claims.groupby("estimate_id").size() if len(claims) else claims
    charted = int((per_estimate >= 2).sum()) if len(claims) else 0
    context.log.info(f"chart of {charted} estimates ({len(claims)} claims) "
                     + (f"unchanged, not redrawn: {path}" if unchanged else f"written to {path}"))
    return dg.MaterializeResult(
        metadata={
            "chart": dg.MetadataValue.md(f"![chart](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"),
            "path": dg.MetadataValue.path(str(path)),
            "estimates_charted": charted,
            "claims": len(claims),
            "redrawn": not unchanged,
        }
    )
